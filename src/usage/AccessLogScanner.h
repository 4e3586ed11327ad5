#pragma once

#include "usage/AccessLogRecord.h"

#include <QString>
#include <QtGlobal>

namespace gatehouse {

class UsageBuckets;

// Reads the gateway's access log (one JSON object per line, see gateway/AccessRecord) for usage, fast:
// a hand-written scanner for that one shape instead of a JSON document per line, which would cost
// ten times as much on a million lines. It takes the members it needs wherever they are, skips any
// other member whatever its value (objects and arrays included), reads strings with escapes, and
// refuses a line that is not one whole JSON object with a time (a line torn by a crash).
class AccessLogScanner {
public:
    struct Totals {
        qint64 lines = 0;   // whole lines read, empty ones included
        qint64 records = 0; // lines counted
        qint64 skipped = 0; // non-empty lines that are not records (torn, or not JSON)

        void add(const Totals& other);
    };

    // Reads one line (without its line break) into `record`. False when the line is not a whole JSON
    // object with a readable "time"; `record` is then unspecified.
    static bool parseLine(const char* begin, const char* end, AccessLogRecord& record);

    // Reads the whole lines in [begin, end) into `buckets`, on `threads` threads (0: as many as the
    // machine has cores, for a range large enough to be worth it). A line that is not a record is
    // skipped, except that a record glued to the torn remains of the line before it (a gateway that
    // was killed mid-line and restarted appends after them) is still read. Bytes after the last line
    // break are left alone: the gateway may be writing them. Returns the bytes read, up to and
    // including the last line break.
    static qint64 scan(const char* begin, const char* end, UsageBuckets& buckets, Totals& totals,
                       int threads = 0);

    struct FileScan {
        qint64 wholeBytes = 0; // from `from`, up to and including the last line break read
        qint64 bytesRead = 0;  // bytes read from the file
        Totals lines;
        bool failed = false; // the file could not be opened or read (wholeBytes says how far it got)
    };
    // The same for the bytes [from, to) of a file. Each thread reads its own part of the file in
    // small blocks and scans each while it is still in the processor's cache, so that reading is
    // spread over the threads too and nothing is read twice from memory.
    static FileScan scanFile(const QString& path, qint64 from, qint64 to, UsageBuckets& buckets,
                             int threads = 0);

private:
    // Reads a record from `begin` up to its closing brace and the spaces after it; nullptr when there
    // is none. Never reads past a line break.
    static const char* parseRecord(const char* begin, const char* end, AccessLogRecord& record);
    static void scanWholeLines(const char* begin, const char* end, UsageBuckets& buckets, Totals& totals);
    static void scanFilePart(const QString& path, qint64 from, qint64 to, UsageBuckets& buckets,
                             FileScan& part);
    static int threadCount(int threads, qint64 bytes);
};

} // namespace gatehouse
