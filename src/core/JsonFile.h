#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace gatehouse {

// Reading and writing whole JSON documents. Reads report "<file>:<line>:<column>: <reason>"; writes go
// through QSaveFile, so a crash or a full disk leaves the previous file intact.
class JsonFile {
    Q_DECLARE_TR_FUNCTIONS(JsonFile)

public:
    static Result<Json> parse(const QByteArray& text, const QString& displayName);
    static Result<Json> read(const QString& filePath, const QString& displayName = {});
    static bool write(const QString& filePath, const Json& document, QString* error);
    static bool writeBytes(const QString& filePath, const QByteArray& bytes, QString* error);
    static QByteArray serialize(const Json& document);
};

} // namespace gatehouse
