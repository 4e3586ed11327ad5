#pragma once

#include "core/Json.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gatehouse {

// The embedding provider the semantic policies (SemanticCache, SemanticPromptGuardrail,
// SemanticRouting) turn text into vectors with: an OpenAI-compatible endpoint (POST <endpoint>/embeddings)
// and a model; its key is in the secret store (SecretStore::embeddingKeyName()), as WSO2 keeps it in its
// server configuration ([[apim.ai.embedding_provider]]). "mock://demo/v1" is the built-in mock.
struct EmbeddingSettings {
    Q_DECLARE_TR_FUNCTIONS(EmbeddingSettings)

public:
    QString endpoint; // empty: none configured
    QString model = QStringLiteral("text-embedding-3-small");

    static constexpr const char* demoEndpoint = "mock://demo/v1";

    bool isConfigured() const { return !endpoint.isEmpty(); }
    bool operator==(const EmbeddingSettings& other) const {
        return endpoint == other.endpoint && model == other.model;
    }
    // Why `url` cannot be an embedding endpoint (http, https or mock), or empty.
    static QString checkEndpoint(const QString& url);
    Json toJson() const;
    static EmbeddingSettings fromJson(const Json& json, const QString& path, QStringList* errors);
};

} // namespace gatehouse
