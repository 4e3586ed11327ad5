#include "interop/ProjectFiles.h"

#include "interop/ZipArchive.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace gatehouse {

bool ProjectFiles::isZipPath(const QString& path) {
    return path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
}

Result<ProjectFiles> ProjectFiles::load(const QString& source) {
    const QFileInfo info(source);
    if (info.isDir())
        return loadFolder(source);
    if (info.isFile())
        return loadZip(source);
    return Result<ProjectFiles>::failure(tr("%1 does not exist").arg(source));
}

Result<ProjectFiles> ProjectFiles::loadFolder(const QString& folder) {
    ProjectFiles files;
    const QDir root(folder);
    QDirIterator iterator(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (iterator.hasNext()) {
        const QString path = iterator.next();
        if (int(files.m_files.size()) >= MaxFiles)
            return Result<ProjectFiles>::failure(
                tr("%1 holds more than %2 files: not an API project").arg(folder).arg(MaxFiles));
        QFile file(path);
        if (file.size() > ZipArchive::MaxEntrySize)
            return Result<ProjectFiles>::failure(
                tr("%1 is larger than %2 bytes").arg(path).arg(ZipArchive::MaxEntrySize));
        if (!file.open(QIODevice::ReadOnly))
            return Result<ProjectFiles>::failure(tr("cannot read %1: %2").arg(path, file.errorString()));
        files.m_files[root.relativeFilePath(path)] = file.readAll();
    }
    return Result<ProjectFiles>::success(std::move(files));
}

Result<ProjectFiles> ProjectFiles::loadZip(const QString& zipPath) {
    Result<std::unique_ptr<ZipArchive>> archive = ZipArchive::openForReading(zipPath);
    if (!archive)
        return Result<ProjectFiles>::failure(archive.error());
    ProjectFiles files;
    const QStringList names = archive.value()->fileNames();
    if (names.size() > MaxFiles)
        return Result<ProjectFiles>::failure(
            tr("%1 holds more than %2 files: not an API project").arg(zipPath).arg(MaxFiles));
    for (const QString& name : names) {
        // An entry that climbs out of the archive ("../x", "/etc/x") is nothing a project holds.
        if (name.startsWith(QLatin1Char('/')) || name.split(QLatin1Char('/')).contains(QStringLiteral("..")))
            return Result<ProjectFiles>::failure(tr("%1: unsafe entry name %2").arg(zipPath, name));
        Result<QByteArray> content = archive.value()->read(name);
        if (!content)
            return Result<ProjectFiles>::failure(content.error());
        files.m_files[name] = content.take();
    }
    return Result<ProjectFiles>::success(std::move(files));
}

QByteArray ProjectFiles::content(const QString& relativePath) const {
    const auto found = m_files.find(relativePath);
    return found == m_files.end() ? QByteArray() : found->second;
}

QStringList ProjectFiles::paths() const {
    QStringList result;
    for (const auto& entry : m_files)
        result.append(entry.first);
    return result;
}

std::optional<QString> ProjectFiles::rootHolding(const QString& fileName) const {
    if (contains(fileName))
        return QString();
    for (const auto& entry : m_files) {
        const QStringList parts = entry.first.split(QLatin1Char('/'));
        if (parts.size() == 2 && parts.at(1) == fileName)
            return parts.at(0) + QLatin1Char('/');
    }
    return std::nullopt;
}

Result<QStringList> ProjectFiles::save(const QString& destination, const QString& zipRootFolder) const {
    return isZipPath(destination) ? saveZip(destination, zipRootFolder) : saveFolder(destination);
}

Result<QStringList> ProjectFiles::saveFolder(const QString& folder) const {
    QDir root(folder);
    if (root.exists() && !root.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return Result<QStringList>::failure(
            tr("%1 is not empty: export into a new or empty folder").arg(folder));
    if (!root.mkpath(QStringLiteral(".")))
        return Result<QStringList>::failure(tr("cannot create the folder %1").arg(folder));
    QStringList written;
    for (const auto& [relativePath, content] : m_files) {
        const QString path = root.filePath(relativePath);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return Result<QStringList>::failure(tr("cannot create the folder of %1").arg(path));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
            return Result<QStringList>::failure(tr("cannot write %1: %2").arg(path, file.errorString()));
        written.append(path);
    }
    return Result<QStringList>::success(written);
}

Result<QStringList> ProjectFiles::saveZip(const QString& zipPath, const QString& rootFolder) const {
    Result<std::unique_ptr<ZipArchive>> archive = ZipArchive::create(zipPath);
    if (!archive)
        return Result<QStringList>::failure(archive.error());
    QStringList written;
    QString error;
    for (const auto& [relativePath, content] : m_files) {
        const QString name =
            rootFolder.isEmpty() ? relativePath : rootFolder + QLatin1Char('/') + relativePath;
        if (!archive.value()->add(name, content, &error))
            return Result<QStringList>::failure(error);
        written.append(name);
    }
    if (!archive.value()->commit(&error))
        return Result<QStringList>::failure(error);
    return Result<QStringList>::success(written);
}

} // namespace gatehouse
