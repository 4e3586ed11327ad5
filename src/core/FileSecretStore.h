#pragma once

#include "core/SecretStore.h"

#include <QCoreApplication>
#include <QMutex>
#include <map>
#include <string>

namespace gatehouse {

// Secrets in one JSON file readable by its owner only: for headless servers without a Secret
// Service, and only when the user names the file (--secrets-file). Refuses a file others can read.
class FileSecretStore final : public SecretStore {
    Q_DECLARE_TR_FUNCTIONS(FileSecretStore)

public:
    explicit FileSecretStore(QString filePath);

    // Creates the file (mode 0600) if missing and checks its permissions and contents.
    bool open(QString* error);

    ReadResult read(const QString& key) override;
    bool write(const QString& key, const QString& value, QString* error) override;
    bool remove(const QString& key, QString* error) override;
    QString description() const override;

private:
    bool checkPermissions(QString* error) const;
    bool readAll(std::map<std::string, std::string>* values, QString* error) const;
    bool writeAll(const std::map<std::string, std::string>& values, QString* error) const;

    QString m_filePath;
    mutable QMutex m_mutex;
};

} // namespace gatehouse
