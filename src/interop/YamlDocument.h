#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <string>
#include <unordered_map>

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

    // A parsed document plus where each of its nodes starts, so that checks made on the JSON value
    // (an OpenAPI document's structure, say) can name the line a user has to fix.
    struct Located {
        Json value;
        // JSON pointer ("" for the root, "/paths/~1v1~1models/get") to the 1-based line and column of
        // the node. An empty value ("post:" with nothing after it) is placed at its key, because
        // yaml-cpp places it at whatever token comes next.
        std::unordered_map<std::string, TextPosition> positions;
        // The same for the key of each mapping entry: where to point when the key itself is wrong.
        std::unordered_map<std::string, TextPosition> keyPositions;
    };
    // parse() with positions; the same value and the same errors.
    static Result<Located> parseLocated(const QByteArray& text, const QString& fileName);

    // Block-style YAML, keys in the value's order. Strings that would read back as something else
    // ("true", "1.0", "", "null", leading spaces, ": ") are quoted, so parse(write(v)) == v.
    static QByteArray write(const Json& value);
};

} // namespace gatehouse
