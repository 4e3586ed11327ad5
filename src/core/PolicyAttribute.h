#pragma once

#include "core/Json.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace gatehouse {

// The schema of one policy parameter, recursive for objects and arrays, so that a GUI form and a
// validator can both be generated from the catalogue instead of being written per policy.
struct PolicyAttribute {
    Q_DECLARE_TR_FUNCTIONS(PolicyAttribute)

public:
    enum class Type { String, Integer, Number, Boolean, Enum, Object, Array };

    QString name;
    QString displayName;
    QString description;
    Type type = Type::String;
    bool required = false;
    Json defaultValue; // null when there is none
    std::optional<double> minimum;
    std::optional<double> maximum;
    int minLength = 0;
    QString pattern;                              // a regular expression string values must match
    QString patternMessage;                       // what to tell the user when they do not
    QStringList allowedValues;                    // Type::Enum
    std::vector<PolicyAttribute> fields;          // Type::Object
    std::shared_ptr<const PolicyAttribute> items; // Type::Array
    // "wso2QuotedJson": WSO2 stores this value as a string of JSON with every '"' written as '\''.
    QString encoding;
    bool gatehouseOnly = false; // unknown to WSO2; left out of WSO2 exports
    // What a string holds beyond its pattern, checked by compiling it: "regex" (a BoundedRegex),
    // "jsonPath" (core/JsonPath), "jsonSchema" (a JSON Schema, core/JsonSchemaValidator) or
    // "piiEntities" (PIIMaskingRegex's list, core/PiiEntity). The form gives the last two a text box.
    QString format;
    // The name of a sibling attribute this number may not exceed (a count guardrail's min and max).
    QString notAbove;

    const PolicyAttribute* field(const QString& fieldName) const;

    static QString typeName(Type type);
    static PolicyAttribute fromJson(const Json& json, const QString& path, QStringList* errors);
};

} // namespace gatehouse
