#pragma once

#include <QtGlobal>
#include <algorithm>

namespace gatehouse::test {

// How much slower this build runs than the ones the product ships: time bounds in tests are about the
// code (a hang, a quadratic parse), not about the machine. AddressSanitizer's instrumentation makes
// the code about three times slower, and a loaded machine (a build next to the tests) slows it again,
// so the sanitizer builds allow five times the time.
#if defined(__SANITIZE_ADDRESS__)
constexpr int buildTimingFactor = 5;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int buildTimingFactor = 5;
#else
constexpr int buildTimingFactor = 1;
#endif
#else
constexpr int buildTimingFactor = 1;
#endif

// GATEHOUSE_TIMING_FACTOR=N stretches every bound N times more, for a slow or busy machine.
inline const int timingFactor =
    buildTimingFactor * std::max(1, qEnvironmentVariableIntValue("GATEHOUSE_TIMING_FACTOR"));

} // namespace gatehouse::test
