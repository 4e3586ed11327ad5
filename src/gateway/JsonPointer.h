#pragma once

#include "core/Json.h"

#include <QString>
#include <optional>

namespace gatehouse {

// The small subset of JSONPath providers use to say where a value sits: "$.model",
// "$.usage.total_tokens". Only member access by name; anything else is refused.
class JsonPointer {
public:
    explicit JsonPointer(const QString& path);

    bool isValid() const { return m_valid; }
    const std::vector<std::string>& steps() const { return m_steps; }
    // The steps of `path` (empty when it is not a valid location), remembered per thread: providers
    // name a handful of locations, and the gateway looks them up on every call.
    static const std::vector<std::string>& stepsOf(const QString& path);
    const Json* find(const Json& document) const;
    std::optional<qint64> integer(const Json& document) const;
    std::optional<QString> string(const Json& document) const;
    // Sets the value, creating intermediate objects; false when a step is not an object.
    bool set(Json& document, const Json& value) const;

private:
    std::vector<std::string> m_steps;
    bool m_valid = false;
};

} // namespace gatehouse
