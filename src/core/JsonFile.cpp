#include "JsonFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace gatehouse {

Result<Json> JsonFile::parse(const QByteArray& text, const QString& displayName) {
    try {
        return Result<Json>::success(Json::parse(text.cbegin(), text.cend()));
    } catch (const Json::parse_error& error) {
        // nlohmann's byte offset points one past the offending byte.
        const qsizetype offset = error.byte > 0 ? qsizetype(error.byte - 1) : 0;
        const TextPosition at = positionOfOffset(text, offset);
        QString reason = QString::fromUtf8(error.what());
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing
        // value - invalid literal; last read: 'tru,'": keep only the part after the position.
        const qsizetype colon =
            reason.indexOf(QLatin1String(": "), reason.indexOf(QLatin1String("parse error")));
        if (colon >= 0)
            reason = reason.mid(colon + 2);
        return Result<Json>::failure(
            QStringLiteral("%1:%2:%3: %4").arg(displayName).arg(at.line).arg(at.column).arg(reason));
    }
}

Result<Json> JsonFile::read(const QString& filePath, const QString& displayName) {
    const QString name = displayName.isEmpty() ? filePath : displayName;
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Result<Json>::failure(QStringLiteral("%1: cannot read: %2").arg(name, file.errorString()));
    return parse(file.readAll(), name);
}

QByteArray JsonFile::serialize(const Json& document) {
    const std::string text = dumpPretty(document);
    QByteArray bytes(text.data(), qsizetype(text.size()));
    bytes.append('\n');
    return bytes;
}

bool JsonFile::write(const QString& filePath, const Json& document, QString* error) {
    return writeBytes(filePath, serialize(document), error);
}

bool JsonFile::writeBytes(const QString& filePath, const QByteArray& bytes, QString* error) {
    const QFileInfo info(filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("%1: cannot create the folder").arg(info.absolutePath());
        return false;
    }
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(filePath, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(filePath, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace gatehouse
