#include "gateway/EmbeddingClient.h"

#include "core/Json.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>
#include <cmath>

namespace gatehouse {

namespace {
constexpr std::size_t maxDimensions = 16384; // larger than any model's; more is not an embedding

// The vector of one item of an answer's data list: {"embedding": [numbers]}.
Result<std::vector<float>> vectorOf(const Json& item) {
    const Json* embedding = item.is_object() && item.contains("embedding") ? &item["embedding"] : nullptr;
    if (!embedding || !embedding->is_array() || embedding->empty() || embedding->size() > maxDimensions)
        return Result<std::vector<float>>::failure(
            QStringLiteral("the embedding provider's answer has no embedding list of numbers"));
    std::vector<float> vector;
    vector.reserve(embedding->size());
    for (const Json& value : *embedding) {
        if (!value.is_number() || !std::isfinite(value.get<double>()))
            return Result<std::vector<float>>::failure(
                QStringLiteral("the embedding provider's embedding holds something else than numbers"));
        vector.push_back(value.get<float>());
    }
    return Result<std::vector<float>>::success(std::move(vector));
}
} // namespace

void EmbeddingClient::embed(const EmbeddingProvider& provider, const QString& text, QObject* owner,
                            Done done) {
    embedAll(provider, QStringList{text}, owner,
             [done = std::move(done)](Result<std::vector<std::vector<float>>> vectors) {
                 if (!vectors)
                     return done(Result<std::vector<float>>::failureOf(vectors));
                 done(Result<std::vector<float>>::success(std::move(vectors.value().front())));
             });
}

void EmbeddingClient::embedAll(const EmbeddingProvider& provider, const QStringList& texts, QObject* owner,
                               DoneAll done) {
    QNetworkRequest request(QUrl(provider.url + QStringLiteral("/embeddings")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!provider.key.isEmpty())
        request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + provider.key);
    request.setTransferTimeout(timeoutMs);
    Json input = Json::array();
    for (const QString& text : texts)
        input.push_back(toStdString(text));
    Json body = {{"model", toStdString(provider.model)}};
    body["input"] = texts.size() == 1 ? input[0] : input;
    auto* network = new QNetworkAccessManager(owner);
    QNetworkReply* reply = network->post(request, QByteArray::fromStdString(dumpCompact(body)));
    const std::size_t count = std::size_t(texts.size());
    QObject::connect(
        reply, &QNetworkReply::finished, network, [reply, network, count, done = std::move(done)] {
            using Vectors = Result<std::vector<std::vector<float>>>;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            Vectors vectors =
                reply->error() != QNetworkReply::NoError || status != 200
                    // The key never goes into the message: only the status or Qt's reason.
                    ? Vectors::failure(
                          status != 0
                              ? QStringLiteral("the embedding provider answered HTTP %1").arg(status)
                              : QStringLiteral("the embedding provider: %1").arg(reply->errorString()))
                    : parseAnswers(reply->readAll(), count);
            network->deleteLater();
            done(std::move(vectors));
        });
}

Result<std::vector<std::vector<float>>> EmbeddingClient::parseAnswers(const QByteArray& body,
                                                                      std::size_t count) {
    using Vectors = Result<std::vector<std::vector<float>>>;
    const Json answer = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    const Json* data = answer.is_object() && answer.contains("data") ? &answer["data"] : nullptr;
    // count 0: the first embedding is all that is wanted.
    const bool firstOnly = count == 0;
    if (!data || !data->is_array() || data->empty() || (!firstOnly && data->size() != count))
        return Vectors::failure(
            QStringLiteral("the embedding provider's answer has no data list of %1 embedding(s)")
                .arg(qMax<std::size_t>(1, count)));
    const std::size_t wanted = firstOnly ? 1 : count;
    std::vector<std::vector<float>> vectors(wanted);
    for (std::size_t position = 0; position < (firstOnly ? 1 : data->size()); ++position) {
        const Json& item = (*data)[position];
        const std::optional<qint64> index = firstOnly ? std::optional<qint64>(0)
                                            : item.is_object()
                                                ? jsonInteger(item.value("index", Json(qint64(position))))
                                                : std::nullopt;
        if (!index || *index < 0 || std::size_t(*index) >= wanted || !vectors[std::size_t(*index)].empty())
            return Vectors::failure(QStringLiteral("the embedding provider's answer has a wrong index"));
        Result<std::vector<float>> vector = vectorOf(item);
        if (!vector)
            return Vectors::failureOf(vector);
        vectors[std::size_t(*index)] = vector.take();
    }
    return Vectors::success(std::move(vectors));
}

Result<std::vector<float>> EmbeddingClient::parseAnswer(const QByteArray& body) {
    Result<std::vector<std::vector<float>>> vectors = parseAnswers(body, 0);
    if (!vectors)
        return Result<std::vector<float>>::failureOf(vectors);
    return Result<std::vector<float>>::success(std::move(vectors.value().front()));
}

} // namespace gatehouse
