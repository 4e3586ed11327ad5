#pragma once

#include <QString>
#include <QtGlobal>

namespace gatehouse::test {

// File descriptors this process has open (entries of /proc/self/fd). The tests host the gateway and
// the mock in-process, so a socket either of them leaks shows up here.
int openFileCount();
// Open descriptors that are sockets. A short-lived thread (a thread pool's, with its event loop's
// eventfd) comes and goes on its own; a leaked connection is always a socket.
int openSocketCount();
// What each open descriptor is ("12 socket:[345]", "19 /tmp/.../access.jsonl"), for failure messages.
QString openFileList();

// Raises this process's soft RLIMIT_NOFILE towards `wanted`, never above the hard limit; returns
// the soft limit now in effect.
qint64 raiseOpenFileLimit(qint64 wanted);

// Sets the soft RLIMIT_NOFILE (at most the hard limit); false when the system refused.
bool setOpenFileLimit(qint64 soft);

} // namespace gatehouse::test
