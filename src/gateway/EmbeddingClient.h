#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

class QObject;

namespace gatehouse {

// Where the semantic policies get their embeddings: the workspace's provider, resolved for the
// gateway (mock:// turned into the mock's address) with its key from the secret store.
struct EmbeddingProvider {
    QString url; // the endpoint's base: POST <url>/embeddings
    QString model;
    QByteArray key; // sent as a bearer token; empty: none
    bool isConfigured() const { return !url.isEmpty(); }
};

// One OpenAI-compatible embeddings call (POST <url>/embeddings {"model","input"}), asynchronous on the
// caller's thread. Its network manager is a child of `owner` (the call), so a client that leaves
// aborts the request and `done` is never called for it.
class EmbeddingClient {
public:
    using Done = std::function<void(Result<std::vector<float>>)>;
    using DoneAll = std::function<void(Result<std::vector<std::vector<float>>>)>;
    static constexpr int timeoutMs = 5000;

    static void embed(const EmbeddingProvider& provider, const QString& text, QObject* owner, Done done);
    // Several texts in one call; the vectors in the texts' order.
    static void embedAll(const EmbeddingProvider& provider, const QStringList& texts, QObject* owner,
                         DoneAll done);
    // The first vector of an OpenAI embeddings answer, or why there is none.
    static Result<std::vector<float>> parseAnswer(const QByteArray& body);
    // Every vector of an answer, by its "index", which must cover 0..count-1.
    static Result<std::vector<std::vector<float>>> parseAnswers(const QByteArray& body, std::size_t count);
};

} // namespace gatehouse
