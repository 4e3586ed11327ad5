#include "core/WorkspaceFiles.h"

#include "core/JsonFile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace gatehouse {

namespace {

QByteArray fingerprint(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
}

} // namespace

// Schema check shared by every versioned file. Returns an empty string when readable.
QString WorkspaceFiles::schemaProblem(const Json& document, const QString& file) {
    if (!document.is_object())
        return tr("%1: expected a JSON object at the top level").arg(file);
    const auto version = document.find("schemaVersion");
    if (version == document.end())
        return tr("%1: $.schemaVersion: is required").arg(file);
    if (!version->is_number_integer())
        return tr("%1: $.schemaVersion: expected an integer").arg(file);
    if (version->get<qint64>() > SchemaVersion)
        return tr("%1: written by a newer Gatehouse (schema version %2; this one reads up to %3)")
            .arg(file)
            .arg(version->get<qint64>())
            .arg(SchemaVersion);
    if (version->get<qint64>() < 1)
        return tr("%1: $.schemaVersion: must be at least 1").arg(file);
    return {};
}

void WorkspaceFiles::setDirectory(const QString& directory) {
    m_directory = directory;
    m_fingerprints.clear();
    m_unreadable.clear();
}

QString WorkspaceFiles::path(const QString& relativePath) const {
    return m_directory + QLatin1Char('/') + relativePath;
}

bool WorkspaceFiles::exists(const QString& relativePath) const {
    return QFileInfo::exists(path(relativePath));
}

Json WorkspaceFiles::withSchema(const Json& body) {
    Json document = Json::object();
    document["schemaVersion"] = SchemaVersion;
    for (auto it = body.begin(); it != body.end(); ++it)
        document[it.key()] = it.value();
    return document;
}

Result<Json> WorkspaceFiles::read(const QString& relativePath) {
    QFile file(path(relativePath));
    if (!file.open(QIODevice::ReadOnly)) {
        m_unreadable.insert(relativePath);
        return Result<Json>::failure(ErrorCode::Unreadable,
                                     tr("%1: cannot read: %2").arg(relativePath, file.errorString()));
    }
    const QByteArray bytes = file.readAll();
    m_fingerprints.insert(relativePath, fingerprint(bytes));
    Result<Json> document = JsonFile::parse(bytes, relativePath);
    QString problem = document ? schemaProblem(document.value(), relativePath) : document.error();
    if (problem.isEmpty()) {
        m_unreadable.remove(relativePath);
        return document;
    }
    m_unreadable.insert(relativePath);
    return Result<Json>::failure(ErrorCode::Unreadable, problem);
}

Result<Json> WorkspaceFiles::peek(const QString& relativePath) const {
    Result<Json> document = JsonFile::read(path(relativePath), relativePath);
    if (!document)
        return Result<Json>::failure(ErrorCode::Unreadable, document.error());
    if (const QString problem = schemaProblem(document.value(), relativePath); !problem.isEmpty())
        return Result<Json>::failure(ErrorCode::Unreadable, problem);
    return document;
}

Status WorkspaceFiles::checkUnchanged(const QString& relativePath) const {
    QFile file(path(relativePath));
    const bool known = m_fingerprints.contains(relativePath);
    if (!file.exists()) {
        if (!known)
            return Status::success();
        return Status::failure(
            ErrorCode::Conflict,
            tr("%1 was deleted by another program since it was loaded; reload the workspace")
                .arg(relativePath));
    }
    if (!file.open(QIODevice::ReadOnly))
        return Status::failure(ErrorCode::Io,
                               tr("%1: cannot read: %2").arg(relativePath, file.errorString()));
    if (!known || fingerprint(file.readAll()) != m_fingerprints.value(relativePath))
        return Status::failure(ErrorCode::Conflict,
                               tr("%1 was changed by another program since it was loaded; reload the "
                                  "workspace (nothing was overwritten)")
                                   .arg(relativePath));
    return Status::success();
}

Status WorkspaceFiles::write(const QString& relativePath, const Json& document) {
    const QByteArray bytes = JsonFile::serialize(document);
    QString error;
    if (!JsonFile::writeBytes(path(relativePath), bytes, &error))
        return Status::failure(ErrorCode::Io, error);
    m_fingerprints.insert(relativePath, fingerprint(bytes));
    m_unreadable.remove(relativePath);
    return Status::success();
}

Status WorkspaceFiles::save(const QString& relativePath, const Json& body) {
    if (m_unreadable.contains(relativePath))
        return Status::failure(
            ErrorCode::Unreadable,
            tr("%1 could not be read; repair or remove it before saving over it").arg(relativePath));
    if (Status unchanged = checkUnchanged(relativePath); !unchanged)
        return unchanged;
    return write(relativePath, withSchema(body));
}

Status WorkspaceFiles::remove(const QString& relativePath) {
    if (Status unchanged = checkUnchanged(relativePath); !unchanged)
        return unchanged;
    QFile file(path(relativePath));
    if (file.exists() && !file.remove())
        return Status::failure(ErrorCode::Io,
                               tr("%1: cannot delete: %2").arg(relativePath, file.errorString()));
    forget(relativePath);
    return Status::success();
}

void WorkspaceFiles::forget(const QString& relativePath) {
    m_fingerprints.remove(relativePath);
    m_unreadable.remove(relativePath);
}

void WorkspaceFiles::forgetUnder(const QString& prefix) {
    for (const QString& key : m_fingerprints.keys()) {
        if (key.startsWith(prefix))
            m_fingerprints.remove(key);
    }
    for (auto it = m_unreadable.begin(); it != m_unreadable.end();) {
        if (it->startsWith(prefix))
            it = m_unreadable.erase(it);
        else
            ++it;
    }
}

} // namespace gatehouse
