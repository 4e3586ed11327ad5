#include "gateway/ResponseCacheKey.h"

#include <QCryptographicHash>
#include <nlohmann/json.hpp>

namespace gatehouse {

std::optional<QByteArray> ResponseCacheKey::bodyDigest(const QByteArray& body) {
    // nlohmann::json (not the ordered variant Gatehouse uses elsewhere) keeps object keys sorted: its
    // dump is the canonical form.
    const nlohmann::json parsed = nlohmann::json::parse(body.cbegin(), body.cend(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    const std::string canonical = parsed.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return QCryptographicHash::hash(QByteArrayView(canonical.data(), qsizetype(canonical.size())),
                                    QCryptographicHash::Sha256);
}

QByteArray ResponseCacheKey::of(const Parts& parts) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto part = [&hash](QByteArrayView bytes) {
        // Length-prefixed, so that no part can end where another begins.
        QByteArray length = QByteArray::number(bytes.size());
        length += ':';
        hash.addData(length);
        hash.addData(bytes);
    };
    part(parts.apiId.toUtf8());
    part(parts.operation.toUtf8());
    part(stageName(parts.stage).toUtf8());
    part(parts.endpointId.toUtf8());
    part(parts.endpointUrl.toUtf8());
    part(parts.model.toUtf8());
    part(parts.query);
    part(parts.clientDigest);
    part(parts.upstreamDigest);
    return hash.result().toHex();
}

} // namespace gatehouse
