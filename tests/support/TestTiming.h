#pragma once

namespace gatehouse::test {

// How much slower this build runs than the ones the product ships: time bounds in tests are about the
// code, and AddressSanitizer's instrumentation makes it about three times slower.
#if defined(__SANITIZE_ADDRESS__)
constexpr int timingFactor = 3;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int timingFactor = 3;
#else
constexpr int timingFactor = 1;
#endif
#else
constexpr int timingFactor = 1;
#endif

} // namespace gatehouse::test
