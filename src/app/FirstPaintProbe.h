#pragma once

#include <QObject>

// Watches a window for its first paint, prints "painted-at-ns <CLOCK_MONOTONIC nanoseconds>" on
// standard output and quits the application: the benchmark compares that instant with the moment it
// started the process, so the figure counts library loading and excludes shutting down.
class FirstPaintProbe : public QObject {
    Q_OBJECT
public:
    explicit FirstPaintProbe(QObject* watched);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool m_reported = false;
};
