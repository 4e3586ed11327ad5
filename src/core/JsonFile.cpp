#include "core/JsonFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace gatehouse {

Result<Json> JsonFile::parse(const QByteArray& text, const QString& displayName) {
    std::size_t byte = 0;
    QString reason;
    try {
        return Result<Json>::success(Json::parse(text.cbegin(), text.cend()));
    } catch (const Json::parse_error& error) {
        byte = error.byte;
        reason = QString::fromUtf8(error.what());
    } catch (const Json::out_of_range& error) {
        // A number too large for a double ("1e400"): caught here, or it would end the process (a
        // gateway reloading the workspace, the app opening it); reported like a syntax error.
        byte = jsonErrorByte(text.cbegin(), text.cend());
        reason = QString::fromUtf8(error.what());
        reason = reason.mid(reason.indexOf(QLatin1String("] ")) + 2); // after "[json.exception...] "
    }
    // nlohmann's byte offset points one past the offending byte.
    const qsizetype offset = byte > 0 ? qsizetype(byte - 1) : 0;
    const TextPosition at = positionOfOffset(text, offset);
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing
    // value - invalid literal; last read: 'tru,'": keep only the part after the position.
    const qsizetype parseError = reason.indexOf(QLatin1String("parse error"));
    const qsizetype colon = parseError < 0 ? -1 : reason.indexOf(QLatin1String(": "), parseError);
    if (colon >= 0)
        reason = reason.mid(colon + 2);
    return Result<Json>::failure(
        QStringLiteral("%1:%2:%3: %4").arg(displayName).arg(at.line).arg(at.column).arg(reason));
}

Result<Json> JsonFile::read(const QString& filePath, const QString& displayName) {
    const QString name = displayName.isEmpty() ? filePath : displayName;
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Result<Json>::failure(tr("%1: cannot read: %2").arg(name, file.errorString()));
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
            *error = tr("%1: cannot create the folder").arg(info.absolutePath());
        return false;
    }
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("%1: cannot write: %2").arg(filePath, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("%1: cannot write: %2").arg(filePath, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace gatehouse
