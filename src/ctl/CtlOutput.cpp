#include "ctl/CtlOutput.h"

#include <cstdio>

namespace gatehouse {

namespace {

void write(std::FILE* stream, const QByteArray& bytes) {
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
}

} // namespace

CtlOutput::Capture*& CtlOutput::current() {
    static Capture* capture = nullptr;
    return capture;
}

CtlOutput::Capture::Capture() : m_previous(current()) {
    current() = this;
}

CtlOutput::Capture::~Capture() {
    current() = m_previous;
}

void CtlOutput::out(const QByteArray& bytes) {
    if (Capture* capture = current())
        capture->out += bytes;
    else
        write(stdout, bytes);
}

void CtlOutput::err(const QByteArray& bytes) {
    if (Capture* capture = current()) {
        capture->err += bytes;
        return;
    }
    write(stderr, bytes);
    std::fflush(stderr); // errors show at once, also when stdout is a pipe
}

void CtlOutput::flush() {
    if (!current())
        std::fflush(stdout);
}

} // namespace gatehouse
