#include "usage/UsageIndex.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtEndian>
#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <string>

namespace gatehouse {

namespace {

constexpr char magic[8] = {'G', 'H', 'U', 'S', 'I', 'D', 'X', '\n'};
constexpr qint64 headerFields = 15;                             // the 64-bit fields after version and size
constexpr qint64 headerSize = 8 + 4 + 4 + headerFields * 8 + 8; // ... and the header's own hash
constexpr qint64 fingerprintBytes = 256; // from the start and before the end covered: the log's identity

// A 64-bit hash of bytes, 8 at a time: it only has to notice damage, and it runs over megabytes.
quint64 hashBytes(const char* data, qint64 size) {
    constexpr quint64 multiplier = 0x9E3779B97F4A7C15ULL;
    quint64 hash = 0x6A09E667F3BCC909ULL ^ quint64(size);
    while (size >= 8) {
        quint64 word;
        std::memcpy(&word, data, 8);
        hash = (hash ^ qFromLittleEndian(word)) * multiplier;
        hash ^= hash >> 31;
        data += 8;
        size -= 8;
    }
    quint64 word = 0;
    for (qint64 i = 0; i < size; ++i)
        word |= quint64(quint8(data[i])) << (8 * i);
    hash = (hash ^ word) * multiplier;
    return hash ^ (hash >> 29);
}

class Writer {
public:
    void u32(quint32 value) {
        const quint32 little = qToLittleEndian(value);
        m_bytes.append(reinterpret_cast<const char*>(&little), 4);
    }
    void u64(quint64 value) {
        const quint64 little = qToLittleEndian(value);
        m_bytes.append(reinterpret_cast<const char*>(&little), 8);
    }
    void varint(quint64 value) {
        while (value >= 0x80) {
            m_bytes.push_back(char(0x80 | (value & 0x7F)));
            value >>= 7;
        }
        m_bytes.push_back(char(value));
    }
    void text(const std::string& value) {
        varint(value.size());
        m_bytes.append(value);
    }
    // Sorted buckets: the minute as a difference from the one before, so that most take one byte.
    void buckets(const std::vector<UsageBuckets::Bucket>& buckets) {
        m_bytes.reserve(m_bytes.size() + buckets.size() * 24);
        varint(buckets.size());
        qint64 previous = 0;
        for (const UsageBuckets::Bucket& bucket : buckets) {
            varint(quint64(bucket.minute - previous));
            previous = bucket.minute;
            varint(bucket.group);
            for (const qint64 field : bucket.counters.fields())
                varint(quint64(field));
        }
    }
    // std::string, not QByteArray: a byte appended is a byte stored, without a detach check.
    std::string& bytes() { return m_bytes; }
    const char* data() const { return m_bytes.data(); }
    qint64 size() const { return qint64(m_bytes.size()); }

private:
    std::string m_bytes;
};

// Reads what Writer wrote; any read past the end or out of range turns ok() false for good.
class Reader {
public:
    Reader(const char* data, qint64 size) : m_p(data), m_end(data + size) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }
    quint32 u32() {
        quint32 value = 0;
        if (!take(&value, 4))
            return 0;
        return qFromLittleEndian(value);
    }
    quint64 u64() {
        quint64 value = 0;
        if (!take(&value, 8))
            return 0;
        return qFromLittleEndian(value);
    }
    quint64 varint() {
        quint64 value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p == m_end)
                return fail();
            const auto byte = quint8(*m_p++);
            value |= quint64(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0)
                return value;
        }
        return fail();
    }
    // A count or sum: never negative, never beyond qint64.
    qint64 amount() {
        const quint64 value = varint();
        if (value > quint64(std::numeric_limits<qint64>::max()))
            return qint64(fail());
        return qint64(value);
    }
    void text(std::string& out) {
        const quint64 size = varint();
        if (!m_ok || size > quint64(m_end - m_p)) {
            fail();
            return;
        }
        out.assign(m_p, std::size_t(size));
        m_p += size;
    }
    // Buckets as Writer::buckets wrote them, each passed to `sink`; groups must be below `groups`.
    template <typename Sink> void buckets(std::size_t groups, Sink&& sink) {
        const quint64 count = varint();
        // Each bucket takes at least a byte per field, its minute and its group: a count beyond that
        // is damage, not a reason to allocate.
        constexpr quint64 minimumBucketBytes = UsageCounters::FieldCount + 2;
        if (!m_ok || count > quint64(m_end - m_p) / minimumBucketBytes) {
            fail();
            return;
        }
        qint64 minute = 0;
        std::array<qint64, UsageCounters::FieldCount> fields{};
        for (quint64 i = 0; i < count && m_ok; ++i) {
            const qint64 delta = amount();
            const quint64 group = varint();
            for (qint64& field : fields)
                field = amount();
            if (!m_ok || group >= groups || delta >= UsageBuckets::MinuteLimit - minute) {
                fail();
                return;
            }
            minute += delta;
            UsageBuckets::Bucket bucket;
            bucket.minute = minute;
            bucket.group = quint32(group);
            bucket.counters = UsageCounters::fromFields(fields);
            sink(bucket);
        }
    }

private:
    bool take(void* out, qint64 size) {
        if (!m_ok || m_end - m_p < size)
            return fail() != 0;
        std::memcpy(out, m_p, std::size_t(size));
        m_p += size;
        return true;
    }
    quint64 fail() {
        m_ok = false;
        m_p = m_end;
        return 0;
    }

    const char* m_p;
    const char* m_end;
    bool m_ok = true;
};

qint64 modifiedMs(const QFileInfo& info) {
    return info.fileTime(QFileDevice::FileModificationTime).toMSecsSinceEpoch();
}

} // namespace

struct UsageIndex::Header {
    qint64 covered = 0;
    qint64 logSize = 0;
    qint64 logModifiedMs = 0;
    quint64 fingerprint = 0;
    AccessLogScanner::Totals totals;
    qint64 firstMinute = -1;
    qint64 lastMinute = -1;
    quint64 summarySize = 0;
    quint64 summaryHash = 0;
    quint64 minutesSize = 0;
    quint64 minutesHash = 0;
};

UsageIndex::UsageIndex(QString logPath) : m_logPath(std::move(logPath)) {
}

UsageIndex::~UsageIndex() = default;

QString UsageIndex::indexPathOf(const QString& logPath) {
    return logPath + QStringLiteral(".idx");
}

void UsageIndex::reset() {
    m_buckets.clear();
    m_minutesLoaded = true; // nothing to load: the scan fills them
    m_hours.clear();
    m_covered = m_logSize = m_logModifiedMs = 0;
    m_firstMinute = m_lastMinute = -1;
    m_totals = {};
    m_sidecar.reset();
}

bool UsageIndex::loadSummary(Header& header) {
    auto sidecar = std::make_unique<QFile>(indexPathOf(m_logPath));
    if (!sidecar->open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = sidecar->read(headerSize);
    if (head.size() != headerSize || std::memcmp(head.constData(), magic, sizeof magic) != 0)
        return false;
    Reader reader(head.constData() + sizeof magic, headerSize - qint64(sizeof magic));
    const quint32 version = reader.u32();
    const quint32 size = reader.u32();
    if (version != FormatVersion || size != headerSize)
        return false;
    header.covered = qint64(reader.u64());
    header.logSize = qint64(reader.u64());
    header.logModifiedMs = qint64(reader.u64());
    header.fingerprint = reader.u64();
    header.totals.lines = qint64(reader.u64());
    header.totals.records = qint64(reader.u64());
    header.totals.skipped = qint64(reader.u64());
    header.firstMinute = qint64(reader.u64());
    header.lastMinute = qint64(reader.u64());
    header.summarySize = reader.u64();
    header.summaryHash = reader.u64();
    header.minutesSize = reader.u64();
    header.minutesHash = reader.u64();
    reader.u64(); // reserved
    reader.u64(); // reserved
    const quint64 headerHash = reader.u64();
    if (!reader.ok() || headerHash != hashBytes(head.constData(), headerSize - 8) || header.covered < 0 ||
        header.logSize < header.covered ||
        quint64(sidecar->size()) != quint64(headerSize) + header.summarySize + header.minutesSize)
        return false;

    const QByteArray summary = sidecar->read(qint64(header.summarySize));
    if (quint64(summary.size()) != header.summarySize ||
        hashBytes(summary.constData(), summary.size()) != header.summaryHash)
        return false;
    Reader body(summary.constData(), summary.size());
    const quint64 groupCount = body.varint();
    if (!body.ok() || groupCount > quint64(summary.size()) / 4)
        return false;
    for (quint64 i = 0; i < groupCount && body.ok(); ++i) {
        UsageGroup group;
        body.text(group.apiId);
        body.text(group.apiName);
        body.text(group.application);
        body.text(group.model);
        // Groups are unique in a sound index: a repeated one would shift every number after it.
        if (body.ok() && m_buckets.addGroup(group) != i)
            return false;
    }
    body.buckets(std::size_t(groupCount),
                 [&](const UsageBuckets::Bucket& bucket) { m_hours.push_back(bucket); });
    if (!body.ok() || !body.atEnd())
        return false;
    m_covered = header.covered;
    m_logSize = header.logSize;
    m_logModifiedMs = header.logModifiedMs;
    m_firstMinute = header.firstMinute;
    m_lastMinute = header.lastMinute;
    m_totals = header.totals;
    m_minutesOffset = headerSize + qint64(header.summarySize);
    m_minutesSize = header.minutesSize;
    m_minutesHash = header.minutesHash;
    m_minutesLoaded = false;
    m_sidecar = std::move(sidecar);
    return true;
}

bool UsageIndex::loadMinutes() {
    if (m_minutesLoaded)
        return true;
    if (!m_sidecar || !m_sidecar->seek(m_minutesOffset))
        return false;
    const QByteArray minutes = m_sidecar->read(qint64(m_minutesSize));
    m_sidecar.reset();
    if (quint64(minutes.size()) != m_minutesSize ||
        hashBytes(minutes.constData(), minutes.size()) != m_minutesHash)
        return false;
    Reader reader(minutes.constData(), minutes.size());
    bool ordered = true;
    qint64 previousMinute = -1;
    qint64 previousGroup = -1;
    reader.buckets(m_buckets.groups().size(), [&](const UsageBuckets::Bucket& bucket) {
        if (bucket.minute < previousMinute ||
            (bucket.minute == previousMinute && bucket.group <= previousGroup))
            ordered = false;
        if (ordered)
            m_buckets.appendSorted(bucket);
        previousMinute = bucket.minute;
        previousGroup = bucket.group;
    });
    if (!reader.ok() || !reader.atEnd() || !ordered)
        return false;
    m_minutesLoaded = true;
    return true;
}

const std::vector<UsageBuckets::Bucket>& UsageIndex::minuteBuckets() {
    if (loadMinutes())
        return m_buckets.buckets();
    // The hours were sound but the minutes are not: read them from the log again, the same bytes the
    // index covered, so that they agree with the hours already handed out.
    const qint64 covered = m_covered;
    const qint64 logSize = m_logSize;
    const qint64 modified = m_logModifiedMs;
    reset();
    QFile log(m_logPath);
    if (!log.open(QIODevice::ReadOnly))
        return m_buckets.buckets();
    m_update.damaged = true;
    m_update.lines = {};
    m_covered = scanLog(0, covered, m_threads);
    m_logSize = logSize;
    m_logModifiedMs = modified;
    m_totals = m_update.lines;
    summarise();
    if (m_saveAllowed && m_covered > 0)
        save(log);
    return m_buckets.buckets();
}

quint64 UsageIndex::fingerprint(QFile& log, qint64 covered) const {
    // The first line's time and ids and the last covered line's counts: another log of the same day
    // differs in them, even where both have a line ending at the same offset.
    QByteArray bytes;
    if (log.seek(0))
        bytes = log.read(std::min(covered, fingerprintBytes));
    const qint64 from = std::max<qint64>(0, covered - fingerprintBytes);
    if (log.seek(from))
        bytes += log.read(covered - from);
    return hashBytes(bytes.constData(), bytes.size());
}

qint64 UsageIndex::scanLog(qint64 from, qint64 to, int threads) {
    // Read, not mapped: a log truncated while mapped would kill the process (SIGBUS); a read just
    // comes up short.
    const AccessLogScanner::FileScan scan =
        AccessLogScanner::scanFile(m_logPath, from, to, m_buckets, threads);
    m_update.bytesRead += scan.bytesRead;
    m_update.lines.add(scan.lines);
    return scan.wholeBytes;
}

void UsageIndex::summarise() {
    m_buckets.sort();
    m_hours = m_buckets.hourBuckets();
    m_firstMinute = m_buckets.firstMinute();
    m_lastMinute = m_buckets.lastMinute();
}

void UsageIndex::save(QFile& log) {
    Writer summary;
    summary.varint(m_buckets.groups().size());
    for (const UsageGroup& group : m_buckets.groups()) {
        summary.text(group.apiId);
        summary.text(group.apiName);
        summary.text(group.application);
        summary.text(group.model);
    }
    summary.buckets(m_hours);
    Writer minutes;
    minutes.buckets(m_buckets.buckets());

    Writer header;
    header.bytes().append(magic, sizeof magic);
    header.u32(FormatVersion);
    header.u32(quint32(headerSize));
    header.u64(quint64(m_covered));
    header.u64(quint64(m_logSize));
    header.u64(quint64(m_logModifiedMs));
    header.u64(fingerprint(log, m_covered));
    header.u64(quint64(m_totals.lines));
    header.u64(quint64(m_totals.records));
    header.u64(quint64(m_totals.skipped));
    header.u64(quint64(m_firstMinute));
    header.u64(quint64(m_lastMinute));
    header.u64(quint64(summary.size()));
    header.u64(hashBytes(summary.data(), summary.size()));
    header.u64(quint64(minutes.size()));
    header.u64(hashBytes(minutes.data(), minutes.size()));
    header.u64(0);
    header.u64(0);
    header.u64(hashBytes(header.data(), header.size()));

    QSaveFile file(indexPathOf(m_logPath));
    if (!file.open(QIODevice::WriteOnly) || file.write(header.data(), header.size()) != header.size() ||
        file.write(summary.data(), summary.size()) != summary.size() ||
        file.write(minutes.data(), minutes.size()) != minutes.size() || !file.commit()) {
        m_update.saveError = file.errorString();
        return;
    }
    m_update.saved = true;
}

const UsageIndex::Update& UsageIndex::update(bool save, int threads) {
    m_update = Update();
    m_saveAllowed = save;
    m_threads = threads;
    const QFileInfo info(m_logPath);
    QFile log(m_logPath);
    if (!info.isFile() || !log.open(QIODevice::ReadOnly)) {
        reset();
        m_update.kind = Update::Kind::Built;
        return m_update;
    }
    const qint64 size = log.size();
    const qint64 modified = modifiedMs(info);

    Header header;
    const bool hadSidecar = QFileInfo::exists(indexPathOf(m_logPath));
    bool usable = loadSummary(header);
    const bool logChanged = usable && (size != header.logSize || modified != header.logModifiedMs);
    // A log shorter than what was indexed, or whose last indexed bytes differ, is another log.
    if (usable && logChanged &&
        (size < header.covered || fingerprint(log, header.covered) != header.fingerprint))
        usable = false;
    if (!usable) {
        reset();
        m_update.kind = Update::Kind::Built;
        m_update.damaged = hadSidecar;
    }

    const qint64 from = m_covered;
    if (size > from && (!usable || logChanged)) {
        if (!loadMinutes()) {
            // Hours and groups were sound but the minutes are not: start again from the log.
            reset();
            m_update.kind = Update::Kind::Built;
            m_update.damaged = true;
        }
        const qint64 start = m_covered;
        const qint64 read = scanLog(start, size, threads);
        if (read > 0 || start == 0) {
            m_covered = start + read;
            m_logSize = size;
            m_logModifiedMs = modified;
            m_totals.add(m_update.lines);
            summarise();
            if (start > 0)
                m_update.kind = Update::Kind::Extended;
            if (save && m_covered > 0)
                this->save(log);
        }
    }
    return m_update;
}

} // namespace gatehouse
