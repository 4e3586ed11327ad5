#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>

namespace gatehouse {

// The files of a project (an apictl API project, say) by path relative to its root, read from or
// written to a folder or a zip. Keeping the documents in memory lets the writer finish every
// document before touching the disk and the reader treat a folder and a zip alike.
class ProjectFiles {
    Q_DECLARE_TR_FUNCTIONS(ProjectFiles)

public:
    static constexpr int MaxFiles = 1000;

    static bool isZipPath(const QString& path);

    // A folder or a .zip. Paths are relative to the folder or the archive root, with '/'.
    static Result<ProjectFiles> load(const QString& source);

    void insert(const QString& relativePath, const QByteArray& content) { m_files[relativePath] = content; }
    bool contains(const QString& relativePath) const { return m_files.count(relativePath) > 0; }
    QByteArray content(const QString& relativePath) const;
    QStringList paths() const;

    // The folder (relative, "" for the root) holding `fileName`, or the first folder one level
    // down that does: apictl zips keep the project in a folder "SmartChat-1.0.0/".
    std::optional<QString> rootHolding(const QString& fileName) const;

    // Into a folder, which must be missing or empty (an export never mixes with other files), or a
    // zip whose entries sit under `zipRootFolder`. Returns the paths written, as the user sees them.
    Result<QStringList> save(const QString& destination, const QString& zipRootFolder) const;

private:
    static Result<ProjectFiles> loadFolder(const QString& folder);
    static Result<ProjectFiles> loadZip(const QString& zipPath);
    Result<QStringList> saveFolder(const QString& folder) const;
    Result<QStringList> saveZip(const QString& zipPath, const QString& rootFolder) const;

    std::map<QString, QByteArray> m_files;
};

} // namespace gatehouse
