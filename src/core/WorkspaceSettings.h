#pragma once

#include "core/EmbeddingSettings.h"
#include "core/Json.h"
#include "core/SharedStateSettings.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gatehouse {

// Workspace-wide settings of the local gateway.
struct WorkspaceSettings {
    Q_DECLARE_TR_FUNCTIONS(WorkspaceSettings)

public:
    QString gatewayHost = QStringLiteral("127.0.0.1"); // loopback unless the user says otherwise
    int gatewayPort = 8280;                            // WSO2's plain-HTTP gateway port
    int adminPort = 9280;                              // metrics and status, always on 127.0.0.1
    int accessLogRetentionDays = 14;
    // Azure AI Content Safety for AzureContentSafetyContentModeration ("https://<name>.cognitiveservices
    // .azure.com"); its key is in the secret store (SecretStore::azureContentSafetyKeyName()), as WSO2
    // keeps guardrail provider credentials in its server configuration, not in the policy.
    QString azureContentSafetyEndpoint;
    // Where replicas of the gateway share suspensions, quotas and budgets: local unless set.
    SharedStateSettings sharedState;
    // What the semantic policies embed text with: none unless set (the demo workspace uses the mock).
    EmbeddingSettings embeddings;

    bool operator==(const WorkspaceSettings& other) const;
    Json toJson() const;
    static WorkspaceSettings fromJson(const Json& json, const QString& path, QStringList* errors);
};

} // namespace gatehouse
