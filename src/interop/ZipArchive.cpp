#include "interop/ZipArchive.h"

#include <QFile>
#include <zip.h>

namespace gatehouse {

namespace {

QString libzipMessage(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const QString message = QString::fromUtf8(zip_error_strerror(&error));
    zip_error_fini(&error);
    return message;
}

} // namespace

ZipArchive::ZipArchive(zip* archive, QString path) : m_archive(archive), m_path(std::move(path)) {
}

ZipArchive::~ZipArchive() {
    if (m_archive)
        zip_discard(m_archive);
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::openForReading(const QString& path) {
    int code = 0;
    zip* archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!archive)
        return Result<std::unique_ptr<ZipArchive>>::failure(
            tr("%1: not a readable zip file (%2)").arg(path, libzipMessage(code)));
    return Result<std::unique_ptr<ZipArchive>>::success(
        std::unique_ptr<ZipArchive>(new ZipArchive(archive, path)));
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::create(const QString& path) {
    int code = 0;
    zip* archive = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive)
        return Result<std::unique_ptr<ZipArchive>>::failure(
            tr("cannot create %1: %2").arg(path, libzipMessage(code)));
    return Result<std::unique_ptr<ZipArchive>>::success(
        std::unique_ptr<ZipArchive>(new ZipArchive(archive, path)));
}

QString ZipArchive::lastError() const {
    return m_archive ? QString::fromUtf8(zip_strerror(m_archive)) : tr("the archive is closed");
}

QStringList ZipArchive::fileNames() const {
    QStringList names;
    if (!m_archive)
        return names;
    const zip_int64_t count = zip_get_num_entries(m_archive, 0);
    for (zip_int64_t index = 0; index < count; ++index) {
        const char* name = zip_get_name(m_archive, zip_uint64_t(index), 0);
        if (name && !QByteArray(name).endsWith('/'))
            names.append(QString::fromUtf8(name));
    }
    return names;
}

Result<QByteArray> ZipArchive::read(const QString& name) const {
    if (!m_archive)
        return Result<QByteArray>::failure(lastError());
    const QByteArray encodedName = name.toUtf8();
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(m_archive, encodedName.constData(), 0, &stat) != 0)
        return Result<QByteArray>::failure(tr("%1: no entry %2 (%3)").arg(m_path, name, lastError()));
    if (!(stat.valid & ZIP_STAT_SIZE) || stat.size > zip_uint64_t(MaxEntrySize))
        return Result<QByteArray>::failure(
            tr("%1: entry %2 is larger than %3 bytes").arg(m_path, name).arg(MaxEntrySize));
    // unique_ptr with zip_fclose: the entry is closed on every path out of this function.
    const std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
        zip_fopen(m_archive, encodedName.constData(), 0), &zip_fclose);
    if (!file)
        return Result<QByteArray>::failure(tr("%1: cannot open %2 (%3)").arg(m_path, name, lastError()));
    QByteArray content(qsizetype(stat.size), Qt::Uninitialized);
    qsizetype done = 0;
    while (done < content.size()) {
        const zip_int64_t got =
            zip_fread(file.get(), content.data() + done, zip_uint64_t(content.size() - done));
        if (got <= 0)
            return Result<QByteArray>::failure(
                tr("%1: cannot read %2 (%3)")
                    .arg(m_path, name, QString::fromUtf8(zip_file_strerror(file.get()))));
        done += qsizetype(got);
    }
    return Result<QByteArray>::success(content);
}

bool ZipArchive::add(const QString& name, const QByteArray& content, QString* error) {
    if (!m_archive) {
        *error = lastError();
        return false;
    }
    m_pendingContents.push_back(content);
    const QByteArray& kept = m_pendingContents.back();
    zip_source_t* source = zip_source_buffer(m_archive, kept.constData(), zip_uint64_t(kept.size()), 0);
    if (!source) {
        *error = tr("cannot add %1 to %2: %3").arg(name, m_path, lastError());
        return false;
    }
    if (zip_file_add(m_archive, name.toUtf8().constData(), source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
        zip_source_free(source); // not taken over by the archive when adding fails
        *error = tr("cannot add %1 to %2: %3").arg(name, m_path, lastError());
        return false;
    }
    return true;
}

bool ZipArchive::commit(QString* error) {
    if (!m_archive) {
        *error = lastError();
        return false;
    }
    if (zip_close(m_archive) != 0) {
        *error = tr("cannot write %1: %2").arg(m_path, lastError());
        return false; // still open: the destructor discards it
    }
    m_archive = nullptr;
    m_pendingContents.clear();
    return true;
}

} // namespace gatehouse
