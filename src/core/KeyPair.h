#pragma once

#include "core/Json.h"
#include "core/Stage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace gatehouse {

// An application's credentials for one key type. The consumer secret lives in the SecretStore only.
struct KeyPair {
    Q_DECLARE_TR_FUNCTIONS(KeyPair)

public:
    Stage keyType = Stage::Production;
    QString consumerKey;
    QDateTime createdAt;
    // Tokens issued before this instant are revoked (set when the keys are regenerated).
    QDateTime tokensValidAfter;

    bool operator==(const KeyPair& other) const;
    Json toJson() const;
    static KeyPair fromJson(const Json& json, const QString& path, QStringList* errors);
};

} // namespace gatehouse
