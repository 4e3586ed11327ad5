#include "gateway/EmbeddingClient.h"

#include "core/Json.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>
#include <cmath>

namespace gatehouse {

namespace {
constexpr std::size_t maxDimensions = 16384; // larger than any model's; more is not an embedding
} // namespace

void EmbeddingClient::embed(const EmbeddingProvider& provider, const QString& text, QObject* owner,
                            Done done) {
    QNetworkRequest request(QUrl(provider.url + QStringLiteral("/embeddings")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!provider.key.isEmpty())
        request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + provider.key);
    request.setTransferTimeout(timeoutMs);
    const Json body = {{"model", toStdString(provider.model)}, {"input", toStdString(text)}};
    auto* network = new QNetworkAccessManager(owner);
    QNetworkReply* reply = network->post(request, QByteArray::fromStdString(dumpCompact(body)));
    QObject::connect(reply, &QNetworkReply::finished, network, [reply, network, done = std::move(done)] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        Result<std::vector<float>> vector =
            reply->error() != QNetworkReply::NoError || status != 200
                // The key never goes into the message: only the status or Qt's reason.
                ? Result<std::vector<float>>::failure(
                      status != 0 ? QStringLiteral("the embedding provider answered HTTP %1").arg(status)
                                  : QStringLiteral("the embedding provider: %1").arg(reply->errorString()))
                : parseAnswer(reply->readAll());
        network->deleteLater();
        done(std::move(vector));
    });
}

Result<std::vector<float>> EmbeddingClient::parseAnswer(const QByteArray& body) {
    const Json answer = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    const Json* embedding = nullptr;
    if (answer.is_object() && answer.contains("data") && answer["data"].is_array() &&
        !answer["data"].empty()) {
        const Json& first = answer["data"][0];
        if (first.is_object() && first.contains("embedding"))
            embedding = &first["embedding"];
    }
    if (!embedding || !embedding->is_array() || embedding->empty() || embedding->size() > maxDimensions)
        return Result<std::vector<float>>::failure(
            QStringLiteral("the embedding provider's answer has no data[0].embedding list of numbers"));
    std::vector<float> vector;
    vector.reserve(embedding->size());
    for (const Json& value : *embedding) {
        if (!value.is_number() || !std::isfinite(value.get<double>()))
            return Result<std::vector<float>>::failure(QStringLiteral(
                "the embedding provider's data[0].embedding holds something else than numbers"));
        vector.push_back(value.get<float>());
    }
    return Result<std::vector<float>>::success(std::move(vector));
}

} // namespace gatehouse
