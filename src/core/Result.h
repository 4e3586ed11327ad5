#pragma once

#include <QString>
#include <optional>
#include <utility>

namespace gatehouse {

// What kind of failure a Result carries: callers and tests decide on this, never on the wording of
// the message (which is translated, and free to improve).
enum class ErrorCode {
    Invalid,    // the input breaks a rule (bad id, bad JSON, a schema violation)
    NotFound,   // what was named does not exist
    Conflict,   // another program changed or deleted the file since it was read: reload
    Locked,     // another process holds the workspace lock
    Unreadable, // the file on disk cannot be read; it is never saved over until repaired
    Refused,    // a rule of the domain says no (a built-in provider, a provider still in use)
    Io,         // the file system failed (permissions, disk full)
};

// A value or a user-facing reason, with its code, why there is none. Core code never throws across
// its API.
template <typename T> class [[nodiscard]] Result {
public:
    static Result success(T value) {
        Result result;
        result.m_value = std::move(value);
        return result;
    }
    static Result failure(ErrorCode code, QString error) {
        Result result;
        result.m_code = code;
        result.m_error = std::move(error);
        return result;
    }
    static Result failure(QString error) { return failure(ErrorCode::Invalid, std::move(error)); }
    // The failure of another Result (of any type), passed on.
    template <typename Other> static Result failureOf(const Result<Other>& other) {
        return failure(other.code(), other.error());
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T take() { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }

    ErrorCode code() const { return m_code; }
    const QString& error() const { return m_error; }

private:
    Result() = default;
    std::optional<T> m_value;
    ErrorCode m_code = ErrorCode::Invalid;
    QString m_error;
};

// The outcome of an operation that returns no value.
template <> class [[nodiscard]] Result<void> {
public:
    static Result success() { return Result(); }
    static Result failure(ErrorCode code, QString error) {
        Result result;
        result.m_failed = true;
        result.m_code = code;
        result.m_error = std::move(error);
        return result;
    }
    template <typename Other> static Result failureOf(const Result<Other>& other) {
        return failure(other.code(), other.error());
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    // ok(), with the message copied to `*message` (when given) on failure: for callers that only
    // pass the reason on.
    bool ok(QString* message) const {
        if (m_failed && message)
            *message = m_error;
        return !m_failed;
    }

    ErrorCode code() const { return m_code; }
    const QString& error() const { return m_error; }

private:
    Result() = default;
    bool m_failed = false;
    ErrorCode m_code = ErrorCode::Invalid;
    QString m_error;
};

using Status = Result<void>;

} // namespace gatehouse
