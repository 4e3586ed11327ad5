#include "core/FileSecretStore.h"

#include "core/JsonFile.h"

#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse {

FileSecretStore::FileSecretStore(QString filePath) : m_filePath(std::move(filePath)) {
}

bool FileSecretStore::checkPermissions(QString* error) const {
    struct stat info {};
    const QByteArray path = QFile::encodeName(m_filePath);
    if (::stat(path.constData(), &info) != 0) {
        if (error)
            *error = tr("%1: cannot read the secrets file: %2")
                         .arg(m_filePath, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        if (error)
            *error = tr("%1: refusing a secrets file that other users can access (mode %2); run "
                        "chmod 600 on it")
                         .arg(m_filePath)
                         .arg(info.st_mode & 0777, 3, 8, QLatin1Char('0'));
        return false;
    }
    if (info.st_uid != ::geteuid()) {
        if (error)
            *error = tr("%1: refusing a secrets file owned by another user").arg(m_filePath);
        return false;
    }
    return true;
}

bool FileSecretStore::open(QString* error) {
    QMutexLocker lock(&m_mutex);
    if (!QFileInfo::exists(m_filePath)) {
        const QByteArray path = QFile::encodeName(m_filePath);
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            if (error)
                *error = tr("%1: cannot create the secrets file: %2")
                             .arg(m_filePath, QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        const char empty[] = "{\"secrets\": {}}\n";
        const bool written = ::write(fd, empty, sizeof empty - 1) == ssize_t(sizeof empty - 1);
        ::close(fd);
        if (!written) {
            if (error)
                *error = tr("%1: cannot write the secrets file").arg(m_filePath);
            return false;
        }
    }
    std::map<std::string, std::string> values;
    return readAll(&values, error);
}

bool FileSecretStore::readAll(std::map<std::string, std::string>* values, QString* error) const {
    if (!checkPermissions(error))
        return false;
    const Result<Json> document = JsonFile::read(m_filePath);
    if (!document) {
        if (error)
            *error = document.error();
        return false;
    }
    const Json& root = document.value();
    const auto secrets = root.is_object() ? root.find("secrets") : root.end();
    if (!root.is_object() || secrets == root.end() || !secrets->is_object()) {
        if (error)
            *error = tr("%1: not a Gatehouse secrets file (expected {\"secrets\": {...}})").arg(m_filePath);
        return false;
    }
    for (auto it = secrets->begin(); it != secrets->end(); ++it) {
        if (!it->is_string()) {
            if (error)
                *error = tr("%1: $.secrets.%2: expected a string").arg(m_filePath, toQString(it.key()));
            return false;
        }
        (*values)[it.key()] = it->get<std::string>();
    }
    return true;
}

bool FileSecretStore::writeAll(const std::map<std::string, std::string>& values, QString* error) const {
    Json secrets = Json::object();
    for (const auto& [key, value] : values)
        secrets[key] = value;
    Json root = Json::object();
    root["secrets"] = std::move(secrets);
    // QSaveFile keeps the existing file's 0600 mode for the replacement.
    return JsonFile::write(m_filePath, root, error);
}

SecretStore::ReadResult FileSecretStore::read(const QString& key) {
    QMutexLocker lock(&m_mutex);
    std::map<std::string, std::string> values;
    QString error;
    if (!readAll(&values, &error))
        return {Status::Error, {}, error};
    const auto it = values.find(key.toStdString());
    if (it == values.end())
        return {Status::NotFound, {}, {}};
    return {Status::Found, toQString(it->second), {}};
}

bool FileSecretStore::write(const QString& key, const QString& value, QString* error) {
    QMutexLocker lock(&m_mutex);
    std::map<std::string, std::string> values;
    if (!readAll(&values, error))
        return false;
    values[key.toStdString()] = value.toStdString();
    return writeAll(values, error);
}

bool FileSecretStore::remove(const QString& key, QString* error) {
    QMutexLocker lock(&m_mutex);
    std::map<std::string, std::string> values;
    if (!readAll(&values, error))
        return false;
    if (values.erase(key.toStdString()) == 0)
        return true;
    return writeAll(values, error);
}

QString FileSecretStore::description() const {
    //: Where secrets are kept, completing sentences such as "API key stored in %1" or "cannot remove
    //: the keys from %1".
    return tr("the secrets file %1").arg(m_filePath);
}

} // namespace gatehouse
