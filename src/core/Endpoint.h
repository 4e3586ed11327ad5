#pragma once

#include "core/Json.h"
#include "core/Stage.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gatehouse {

// A named backend of an API in one stage. The backend's API key is never part of this value: it
// lives in the SecretStore; hasKey only records that one was stored, so the GUI can warn without
// touching the keychain.
struct Endpoint {
    Q_DECLARE_TR_FUNCTIONS(Endpoint)

public:
    QString id;
    QString name;
    Stage stage = Stage::Production;
    QString url;
    bool hasKey = false;
    int connectTimeoutMs = 10000;
    int timeoutMs = 300000; // LLM answers can take minutes

    static QString defaultId(Stage stage);   // "default_production_endpoint"
    static QString defaultName(Stage stage); // "Default Production Endpoint"

    bool operator==(const Endpoint& other) const;
    bool operator!=(const Endpoint& other) const { return !(*this == other); }

    Json toJson() const;
    static Endpoint fromJson(const Json& json, const QString& path, QStringList* errors);
};

} // namespace gatehouse
