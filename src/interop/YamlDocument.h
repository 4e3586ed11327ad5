#pragma once

#include "Json.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace gatehouse {

// YAML in and out as Gatehouse's JSON values, for WSO2 API projects and OpenAPI documents.
//
// Reading follows YAML 1.2's core schema: a plain scalar is null, a boolean, an integer or a float
// when it reads as one ("true", "42", "0x1F", "1.5e3", "~"), otherwise a string; a quoted scalar is
// always a string. JSON is YAML, so a JSON document reads the same way. Errors name the place:
// "swagger.yaml:12:5: end of map not found".
class YamlDocument {
public:
    static Result<Json> parse(const QByteArray& text, const QString& fileName);

    // Block-style YAML, keys in the value's order. Strings that would read back as something else
    // ("true", "1.0", "", "null", leading spaces, ": ") are quoted, so parse(write(v)) == v.
    static QByteArray write(const Json& value);
};

} // namespace gatehouse
