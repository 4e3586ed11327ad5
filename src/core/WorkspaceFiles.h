#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>

namespace gatehouse {

// The workspace's versioned JSON documents on disk, one implementation for every collection (APIs,
// applications, providers, the root and deployments files): each read remembers the file's
// fingerprint, and a write goes through only over what this object read, never over a file another
// program changed meanwhile (Conflict) nor over one that could not be read (Unreadable), which stays
// as it is until the user repairs or removes it.
class WorkspaceFiles {
    Q_DECLARE_TR_FUNCTIONS(WorkspaceFiles)

public:
    // The version this build writes and reads up to: files written by a newer Gatehouse are left alone.
    static constexpr int SchemaVersion = 1;

    void setDirectory(const QString& directory); // forgets every fingerprint and unreadable mark
    QString path(const QString& relativePath) const;
    bool exists(const QString& relativePath) const;

    // Reads a document and checks its schema version. On failure the file is marked unreadable.
    Result<Json> read(const QString& relativePath);
    // Reads a document without remembering it: for files that never change (revisions).
    Result<Json> peek(const QString& relativePath) const;
    // A document that read as JSON but not as what it should hold (a bad field) is unreadable too.
    void markUnreadable(const QString& relativePath) { m_unreadable.insert(relativePath); }
    bool isUnreadable(const QString& relativePath) const { return m_unreadable.contains(relativePath); }

    // Writes `body` with the schema version first, when the file is as it was read (or new).
    Status save(const QString& relativePath, const Json& body);
    // Writes without the as-read check: for files merged with what is on disk under the lock.
    Status write(const QString& relativePath, const Json& document);
    // Deletes the file when it is as it was read.
    Status remove(const QString& relativePath);
    Status checkUnchanged(const QString& relativePath) const;
    // Forgets what was read below a folder ("apis/<id>/") after it was deleted.
    void forgetUnder(const QString& prefix);
    void forget(const QString& relativePath);

    static Json withSchema(const Json& body);

private:
    static QString schemaProblem(const Json& document, const QString& file);

    QString m_directory;
    QHash<QString, QByteArray> m_fingerprints; // SHA-1 of each file as last read or written
    QSet<QString> m_unreadable;
};

} // namespace gatehouse
