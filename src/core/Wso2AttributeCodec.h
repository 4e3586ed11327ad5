#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace gatehouse {

// WSO2 stores structured policy attributes (a model router's configuration) as a string of JSON in
// which every '"' is written as '\''. WSO2's Publisher produces it with a plain character replace, so
// a '"' inside a value arrives as "\'". This codec reads that form, ordinary JSON, and any mix of the
// two, and writes exactly what WSO2 writes. An apostrophe inside a value, which WSO2 itself cannot
// represent unambiguously, is written as \u0027 so that it survives the round trip.
class Wso2AttributeCodec {
    Q_DECLARE_TR_FUNCTIONS(Wso2AttributeCodec)

public:
    static Result<Json> decode(const QString& text);
    static QString encode(const Json& value);
};

} // namespace gatehouse
