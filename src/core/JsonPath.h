#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QString>
#include <vector>

namespace gatehouse {

// The JSONPath subset WSO2's guardrail examples use: `$`, `.name`, `['name']`, `[n]`, `[-n]` (from the
// end), `[*]` and `.*`. A path without wildcards is definite and selects at most one value; a path with
// one selects a list, as Jayway JsonPath (WSO2's library) does.
class JsonPath {
public:
    static Result<JsonPath> compile(const QString& expression);

    const QString& expression() const { return m_expression; }
    bool isDefinite() const { return m_definite; }

    // The values the path reaches in `document`, in document order.
    std::vector<const Json*> select(const Json& document) const;
    // The same values as writable references, for policies that rewrite what they inspect.
    std::vector<Json*> selectMutable(Json& document) const;
    // What WSO2 compares or inspects of the selected values: a string as it is, anything else as its
    // JSON text; one pair of surrounding quotes stripped, trimmed; several values one per line.
    static QString textOf(const std::vector<const Json*>& values);

    struct Step {
        enum class Kind { Key, Index, Wildcard } kind = Kind::Key;
        std::string key;
        long long index = 0;
    };
    const std::vector<Step>& steps() const { return m_steps; }

private:
    template <typename Node> void walk(Node& node, std::size_t step, std::vector<Node*>& out) const;

    QString m_expression;
    std::vector<Step> m_steps;
    bool m_definite = true;
};

} // namespace gatehouse
