#include "app/FirstPaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <chrono>
#include <cstdio>

FirstPaintProbe::FirstPaintProbe(QObject* watched) : QObject(watched) {
    watched->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject* watched, QEvent* event) {
    if (!m_reported && event->type() == QEvent::Paint) {
        m_reported = true;
        // The paint event is delivered before the window paints: report once it has been handled.
        QTimer::singleShot(0, this, [] {
            // libstdc++'s steady_clock is CLOCK_MONOTONIC, the clock Python's time.monotonic_ns() reads.
            const auto now = std::chrono::steady_clock::now().time_since_epoch();
            std::printf(
                "painted-at-ns %lld\n",
                static_cast<long long>(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()));
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }
    return QObject::eventFilter(watched, event);
}
