#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

struct zip;

namespace gatehouse {

// A zip file through libzip, owned for its lifetime: an archive opened for writing that is never
// committed is discarded, so a failed export leaves no half-written zip behind.
class ZipArchive {
    Q_DECLARE_TR_FUNCTIONS(ZipArchive)

public:
    // Refuses entries larger than this when reading: a project file is a few kilobytes, and a
    // "zip bomb" must not exhaust memory.
    static constexpr qint64 MaxEntrySize = 32 * 1024 * 1024;

    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    static Result<std::unique_ptr<ZipArchive>> openForReading(const QString& path);
    // Replaces `path` on commit(); until then the previous file (if any) stays untouched.
    static Result<std::unique_ptr<ZipArchive>> create(const QString& path);

    // Names of the file entries (folders left out), in archive order.
    QStringList fileNames() const;
    Result<QByteArray> read(const QString& name) const;

    bool add(const QString& name, const QByteArray& content, QString* error);
    // Writes the archive to disk; the object is closed afterwards.
    bool commit(QString* error);

private:
    ZipArchive(zip* archive, QString path);
    QString lastError() const;

    zip* m_archive = nullptr;
    QString m_path;
    // libzip reads added content only at commit(): the bytes must live until then.
    std::vector<QByteArray> m_pendingContents;
};

} // namespace gatehouse
