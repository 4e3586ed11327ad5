#pragma once

#include "core/JsonPath.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace gatehouse {

// Reads the value a definite JSONPath selects straight from JSON text, without building a document:
// one validating pass (RFC 8259 grammar, UTF-8 in strings, surrogate pairs, numbers a double can
// hold: what nlohmann accepts, nothing more) and a skipping walk along the path. Guardrails read
// `$.messages[-1].content` of every prompt this way; a 4 KiB body costs a few microseconds instead of
// the 23 a document costs. tests/fuzz/fuzz_guardrails checks it against nlohmann on every input.
class JsonTextSelector {
public:
    enum class Outcome { Found, NotFound, NotJson, Unsupported };
    struct Selection {
        Outcome outcome = Outcome::NotJson;
        bool isString = false;
        QString text;                // a string's decoded value
        const char* begin = nullptr; // the selected value's text (any type)
        const char* end = nullptr;
    };

    // Unsupported: a wildcard path, or nesting deeper than `maxDepth` (the caller builds the document).
    static Selection select(const QByteArray& json, const JsonPath& path);
    static constexpr int maxDepth = 256;
};

} // namespace gatehouse
