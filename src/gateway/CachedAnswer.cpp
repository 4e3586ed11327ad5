#include "gateway/CachedAnswer.h"

#include <QDataStream>
#include <QIODevice>

namespace gatehouse {

namespace {
constexpr quint32 formatMagic = 0x47484341; // "GHCA"
constexpr quint16 formatVersion = 1;
constexpr quint32 headerLimit = 256; // fields of one answer: more is not an answer this gateway kept
} // namespace

QByteArray CachedAnswer::serialize() const {
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << formatMagic << formatVersion << qint32(status) << streamed << model << qint64(totalTokens)
        << costUsd << qint64(storedAtMs) << quint32(headers.fields().size());
    for (const auto& [name, value] : headers.fields())
        out << name << value;
    out << body;
    return bytes;
}

std::optional<CachedAnswer> CachedAnswer::parse(const QByteArray& bytes) {
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 version = 0;
    in >> magic >> version;
    if (magic != formatMagic || version != formatVersion)
        return std::nullopt;
    CachedAnswer answer;
    qint32 status = 0;
    qint64 totalTokens = 0;
    qint64 storedAtMs = 0;
    quint32 fieldCount = 0;
    in >> status >> answer.streamed >> answer.model >> totalTokens >> answer.costUsd >> storedAtMs >>
        fieldCount;
    if (in.status() != QDataStream::Ok || fieldCount > headerLimit || status < 100 || status > 599)
        return std::nullopt;
    answer.status = status;
    answer.totalTokens = totalTokens;
    answer.storedAtMs = storedAtMs;
    for (quint32 i = 0; i < fieldCount; ++i) {
        QByteArray name;
        QByteArray value;
        in >> name >> value;
        answer.headers.add(name, value);
    }
    in >> answer.body;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return answer;
}

} // namespace gatehouse
