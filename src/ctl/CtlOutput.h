#pragma once

#include <QByteArray>

namespace gatehouse {

// Where gatehouse-ctl writes: the process's stdout and stderr, or, while a Capture is alive, two
// buffers, so that tests run commands in process and read what a user would have seen.
class CtlOutput {
public:
    static void out(const QByteArray& bytes);
    static void err(const QByteArray& bytes);
    static void flush();

    // Collects the output of the commands run while it lives (one at a time: gatehouse-ctl is
    // single-threaded).
    class Capture {
    public:
        Capture();
        ~Capture();
        Capture(const Capture&) = delete;
        Capture& operator=(const Capture&) = delete;

        QByteArray out;
        QByteArray err;

    private:
        Capture* m_previous;
    };

private:
    static Capture*& current();
};

} // namespace gatehouse
