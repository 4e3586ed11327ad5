#pragma once

#include <QByteArray>
#include <QString>
#include <cstdio>
#include <cstdlib>
#include <type_traits>

namespace gatehouse::fuzz {

// An invariant of the code under test. A violation aborts, which libFuzzer reports as a crash and
// saves the input for, like a sanitizer finding: "runs clean" means no crash and no broken invariant.
inline void require(bool condition, const char* invariant, const QByteArray& detail = {}) {
    if (condition)
        return;
    std::fprintf(stderr, "\n==fuzz== invariant violated: %s\n", invariant);
    if (!detail.isEmpty())
        std::fprintf(stderr, "==fuzz== %s\n", detail.constData());
    std::fflush(stderr);
    std::abort();
}

inline void require(bool condition, const char* invariant, const QString& detail) {
    require(condition, invariant, detail.toUtf8());
}

// The same with a detail that costs something to build (a dump, a summary): `detail()` returns a
// QByteArray or a QString and is called only when the invariant is violated, not on every input.
template <typename Detail, typename = std::enable_if_t<std::is_invocable_v<Detail>>>
void require(bool condition, const char* invariant, Detail&& detail) {
    if (!condition)
        require(false, invariant, detail());
}

} // namespace gatehouse::fuzz
