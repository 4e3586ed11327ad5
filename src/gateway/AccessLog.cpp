#include "gateway/AccessLog.h"

#include <QDateTime>
#include <QDir>
#include <mutex>

namespace gatehouse {

AccessLog::AccessLog(QString folder, std::size_t keepInMemory)
    : m_folder(std::move(folder)), m_keep(keepInMemory) {
}

AccessLog::~AccessLog() {
    flush();
}

void AccessLog::append(const AccessRecord& record) {
    std::string line = record.toJsonLine();
    line += '\n';
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_recent.push_back(record);
    if (m_recent.size() > m_keep)
        m_recent.pop_front();
    ++m_total;
    m_pending.append(line.data(), qsizetype(line.size()));
    writeLocked();
}

void AccessLog::flush() {
    const std::lock_guard<std::mutex> lock(m_mutex);
    writeLocked();
}

void AccessLog::writeLocked() {
    if (m_pending.isEmpty() || m_folder.isEmpty())
        return;
    // The UTC day, as the usage index and every time in the records count days.
    const QString day = QDateTime::currentDateTimeUtc().date().toString(QStringLiteral("yyyyMMdd"));
    if (day != m_openDay || !m_file.isOpen()) {
        m_file.close();
        QDir().mkpath(m_folder);
        m_file.setFileName(m_folder + QStringLiteral("/access-") + day + QStringLiteral(".jsonl"));
        // Unbuffered: each record is one write(2), so a crash of the process loses none of them.
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
            qWarning("gatehouse: cannot write the access log %s: %s", qPrintable(m_file.fileName()),
                     qPrintable(m_file.errorString()));
            m_pending.clear();
            return;
        }
        m_openDay = day;
    }
    m_file.write(m_pending);
    m_pending.clear();
}

std::vector<AccessRecord> AccessLog::recent(std::size_t count) const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    const std::size_t start = m_recent.size() > count ? m_recent.size() - count : 0;
    return std::vector<AccessRecord>(m_recent.begin() + std::ptrdiff_t(start), m_recent.end());
}

qint64 AccessLog::totalRecords() const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_total;
}

} // namespace gatehouse
