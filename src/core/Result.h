#pragma once

#include <QString>
#include <optional>
#include <utility>

namespace gatehouse {

// A value or a user-facing reason why there is none. Core code never throws across its API.
template <typename T> class Result {
public:
    static Result success(T value) {
        Result result;
        result.m_value = std::move(value);
        return result;
    }
    static Result failure(QString error) {
        Result result;
        result.m_error = std::move(error);
        return result;
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T take() { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }

    const QString& error() const { return m_error; }

private:
    Result() = default;
    std::optional<T> m_value;
    QString m_error;
};

} // namespace gatehouse
