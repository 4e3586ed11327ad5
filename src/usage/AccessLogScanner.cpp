#include "usage/AccessLogScanner.h"

#include "usage/UsageBuckets.h"

#include <QDateTime>
#include <QFile>
#include <QString>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>
#include <thread>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace gatehouse {

namespace {

// The members usage is counted by; everything else is skipped.
enum class Field : quint8 {
    Unknown,
    Time,
    Api,
    ApiId,
    Application,
    Model,
    Status,
    PromptTokens,
    CompletionTokens,
    TotalTokens,
    CachedTokens,
    ReasoningTokens,
    Usage,
    CostUsd,
    CostStatus,
    ErrorCode,
    Guardrail,
    GuardrailKind,
    Cache,
    SavedTokens,
    SavedCostUsd,
};

template <std::size_t N> bool equals(const char* key, const char (&name)[N]) {
    return std::memcmp(key, name, N - 1) == 0;
}

// By length first: one comparison or two per member instead of a string compare per known name.
Field fieldOf(const char* key, std::size_t size) {
    switch (size) {
    case 3:
        return equals(key, "api") ? Field::Api : Field::Unknown;
    case 4:
        return equals(key, "time") ? Field::Time : Field::Unknown;
    case 5:
        if (equals(key, "apiId"))
            return Field::ApiId;
        if (equals(key, "model"))
            return Field::Model;
        if (equals(key, "cache"))
            return Field::Cache;
        return equals(key, "usage") ? Field::Usage : Field::Unknown;
    case 6:
        return equals(key, "status") ? Field::Status : Field::Unknown;
    case 7:
        return equals(key, "costUsd") ? Field::CostUsd : Field::Unknown;
    case 9:
        if (equals(key, "errorCode"))
            return Field::ErrorCode;
        return equals(key, "guardrail") ? Field::Guardrail : Field::Unknown;
    case 10:
        return equals(key, "costStatus") ? Field::CostStatus : Field::Unknown;
    case 11:
        if (equals(key, "application"))
            return Field::Application;
        if (equals(key, "savedTokens"))
            return Field::SavedTokens;
        return equals(key, "totalTokens") ? Field::TotalTokens : Field::Unknown;
    case 12:
        if (equals(key, "promptTokens"))
            return Field::PromptTokens;
        if (equals(key, "savedCostUsd"))
            return Field::SavedCostUsd;
        return equals(key, "cachedTokens") ? Field::CachedTokens : Field::Unknown;
    case 13:
        return equals(key, "guardrailKind") ? Field::GuardrailKind : Field::Unknown;
    case 15:
        return equals(key, "reasoningTokens") ? Field::ReasoningTokens : Field::Unknown;
    case 16:
        return equals(key, "completionTokens") ? Field::CompletionTokens : Field::Unknown;
    default:
        return Field::Unknown;
    }
}

// JSON's whitespace but the line break: a record is one line, so nothing is read across one (a
// torn line's open string must not swallow the next line).
inline bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

inline const char* skipSpace(const char* p, const char* end) {
    while (p < end && isSpace(*p))
        ++p;
    return p;
}

inline bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// The first quote, backslash or line break from p on (or end): where a string's plain run stops.
// Sixteen bytes at a time where SSE2 is there (every x86-64): most of a line is strings.
inline const char* findStringStop(const char* p, const char* end) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i newline = _mm_set1_epi8('\n');
    while (end - p >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hits =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)),
                         _mm_cmpeq_epi8(chunk, newline));
        const auto mask = unsigned(_mm_movemask_epi8(hits));
        if (mask != 0)
            return p + __builtin_ctz(mask);
        p += 16;
    }
#endif
    while (p < end && *p != '"' && *p != '\\' && *p != '\n')
        ++p;
    return p;
}

// From just after a string's opening quote to just after its closing one; nullptr when the line ends
// first. `escaped` tells whether the text holds a backslash (and must be decoded to be compared).
inline const char* scanString(const char* p, const char* end, bool& escaped) {
    escaped = false;
    for (;;) {
        p = findStringStop(p, end);
        if (p == end || *p == '\n')
            return nullptr;
        if (*p == '"')
            return p + 1;
        escaped = true; // a backslash: the next byte is escaped, whatever it is but a line break
        if (end - p < 2 || p[1] == '\n')
            return nullptr;
        p += 2;
    }
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool readHex4(const char* p, const char* end, unsigned& value) {
    if (end - p < 4)
        return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return false;
        value = value * 16 + unsigned(digit);
    }
    return true;
}

void appendUtf8(std::string& out, unsigned codePoint) {
    if (codePoint < 0x80) {
        out += char(codePoint);
    } else if (codePoint < 0x800) {
        out += char(0xC0 | (codePoint >> 6));
        out += char(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += char(0xE0 | (codePoint >> 12));
        out += char(0x80 | ((codePoint >> 6) & 0x3F));
        out += char(0x80 | (codePoint & 0x3F));
    } else {
        out += char(0xF0 | (codePoint >> 18));
        out += char(0x80 | ((codePoint >> 12) & 0x3F));
        out += char(0x80 | ((codePoint >> 6) & 0x3F));
        out += char(0x80 | (codePoint & 0x3F));
    }
}

// The text of a string with escapes, as UTF-8 (a lone surrogate becomes U+FFFD, as decoders do).
bool unescape(const char* p, const char* end, std::string& out) {
    out.clear();
    while (p < end) {
        const char c = *p++;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (p == end)
            return false;
        switch (*p++) {
        case '"':
            out += '"';
            break;
        case '\\':
            out += '\\';
            break;
        case '/':
            out += '/';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            unsigned unit = 0;
            if (!readHex4(p, end, unit))
                return false;
            p += 4;
            if (unit >= 0xD800 && unit < 0xDC00) {
                unsigned low = 0;
                if (end - p >= 6 && p[0] == '\\' && p[1] == 'u' && readHex4(p + 2, end, low) &&
                    low >= 0xDC00 && low < 0xE000) {
                    p += 6;
                    appendUtf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                } else {
                    appendUtf8(out, 0xFFFD);
                }
            } else if (unit >= 0xDC00 && unit < 0xE000) {
                appendUtf8(out, 0xFFFD);
            } else {
                appendUtf8(out, unit);
            }
            break;
        }
        default:
            return false;
        }
    }
    return true;
}

const char* skipLiteral(const char* p, const char* end, std::string_view literal) {
    if (std::size_t(end - p) < literal.size() || std::memcmp(p, literal.data(), literal.size()) != 0)
        return nullptr;
    return p + literal.size();
}

const char* skipNumber(const char* p, const char* end) {
    const char* start = p;
    while (p < end && (isDigit(*p) || *p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E'))
        ++p;
    return p == start ? nullptr : p;
}

// Skips any value: members this reader does not know, whatever they hold.
const char* skipValue(const char* p, const char* end) {
    if (p >= end)
        return nullptr;
    bool escaped = false;
    switch (*p) {
    case '"':
        return scanString(p + 1, end, escaped);
    case 't':
        return skipLiteral(p, end, "true");
    case 'f':
        return skipLiteral(p, end, "false");
    case 'n':
        return skipLiteral(p, end, "null");
    case '{':
    case '[': {
        // Nesting is counted, not checked bracket by bracket: enough to find where the value ends.
        int depth = 0;
        while (p < end) {
            const char c = *p;
            if (c == '"') {
                p = scanString(p + 1, end, escaped);
                if (!p)
                    return nullptr;
                continue;
            }
            if (c == '\n')
                return nullptr;
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return p + 1;
            }
            ++p;
        }
        return nullptr;
    }
    default:
        return skipNumber(p, end);
    }
}

// A number through the standard library (exponents, long fractions): never the locale's decimal
// comma, which std::from_chars, unlike strtod, does not follow.
bool parseDouble(const char* p, const char* end, double& value) {
    const std::from_chars_result result = std::from_chars(p, end, value);
    return result.ec == std::errc() && result.ptr == end && std::isfinite(value);
}

// A token count: a whole number, or null (-1). A fraction is rounded; a negative count is null.
const char* readCount(const char* p, const char* end, qint64& value) {
    if (*p == 'n') {
        value = -1;
        return skipLiteral(p, end, "null");
    }
    const char* numberEnd = skipNumber(p, end);
    if (!numberEnd)
        return nullptr;
    qint64 whole = 0;
    const char* q = p;
    while (q < numberEnd && isDigit(*q) && q - p < 18)
        whole = whole * 10 + (*q++ - '0');
    if (q == numberEnd && q > p) {
        value = whole;
        return numberEnd;
    }
    double number = 0;
    if (!parseDouble(p, numberEnd, number))
        return nullptr;
    value = number >= 0 && number < 9.0e18 ? qint64(std::llround(number)) : -1;
    return numberEnd;
}

// costUsd as a count of 1e-10 USD: the gateway writes ten decimals ("0.0000423100"), read exactly
// here; anything else (more decimals, an exponent) through a double, rounded to the same unit.
const char* readCost(const char* p, const char* end, qint64& value) {
    if (*p == 'n') {
        value = -1;
        return skipLiteral(p, end, "null");
    }
    const char* numberEnd = skipNumber(p, end);
    if (!numberEnd)
        return nullptr;
    const char* q = p;
    qint64 whole = 0;
    // Up to 8 digits of dollars here: times 1e10 that stays well inside 64 bits.
    while (q < numberEnd && isDigit(*q) && q - p < 8)
        whole = whole * 10 + (*q++ - '0');
    if (q > p && q < numberEnd && *q == '.') {
        const char* fraction = ++q;
        qint64 tenths = 0;
        while (q < numberEnd && isDigit(*q) && q - fraction < 10)
            tenths = tenths * 10 + (*q++ - '0');
        if (q == numberEnd && q > fraction) {
            for (auto digits = q - fraction; digits < 10; ++digits)
                tenths *= 10;
            value = whole * 10'000'000'000LL + tenths;
            return numberEnd;
        }
    } else if (q == numberEnd && q > p) {
        value = whole * 10'000'000'000LL;
        return numberEnd;
    }
    double number = 0;
    if (!parseDouble(p, numberEnd, number))
        return nullptr;
    value = number >= 0 && number < 9.0e8 ? qint64(std::llround(number * 1e10)) : -1;
    return numberEnd;
}

// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
// days_from_civil): the log's times are read without QDateTime, which costs a microsecond a line.
qint64 daysFromCivil(int year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

inline int twoDigits(const char* p) {
    return (p[0] - '0') * 10 + (p[1] - '0');
}

// "2026-12-07T05:31:50.123Z" (what the gateway writes, any number of decimals); any other ISO 8601
// form through QDateTime. A time without an offset is UTC, as the log's are.
bool parseTime(std::string_view text, qint64& ms) {
    const char* p = text.data();
    const std::size_t size = text.size();
    const auto digitsAt = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i) {
            if (!isDigit(p[i]))
                return false;
        }
        return true;
    };
    if (size >= 20 && p[size - 1] == 'Z' && digitsAt(0, 4) && p[4] == '-' && digitsAt(5, 2) && p[7] == '-' &&
        digitsAt(8, 2) && p[10] == 'T' && digitsAt(11, 2) && p[13] == ':' && digitsAt(14, 2) &&
        p[16] == ':' && digitsAt(17, 2)) {
        const int year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + twoDigits(p + 2);
        const int month = twoDigits(p + 5);
        const int day = twoDigits(p + 8);
        const int hour = twoDigits(p + 11);
        const int minute = twoDigits(p + 14);
        const int second = twoDigits(p + 17);
        int millis = 0;
        bool fractionOk = size == 20;
        if (size > 21 && p[19] == '.' && digitsAt(20, size - 21)) {
            fractionOk = true;
            const std::size_t digits = size - 21;
            for (std::size_t i = 0; i < 3; ++i)
                millis = millis * 10 + (i < digits ? p[20 + i] - '0' : 0);
        }
        if (fractionOk && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 &&
            second < 61) {
            ms = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000 + second * 1000 +
                 millis;
            return true;
        }
    }
    QDateTime when = QDateTime::fromString(QString::fromUtf8(p, qsizetype(size)), Qt::ISODateWithMs);
    if (!when.isValid())
        return false;
    if (when.timeSpec() == Qt::LocalTime)
        when.setTimeSpec(Qt::UTC);
    ms = when.toMSecsSinceEpoch();
    return true;
}

// A string member's value: its text (decoded into `buffer` when it holds escapes), or `isNull` for
// null. Any other kind of value is skipped and counts as absent.
const char* readText(const char* p, const char* end, std::string_view& text, std::string& buffer,
                     bool& isNull) {
    isNull = false;
    if (*p != '"') {
        isNull = true;
        text = {};
        return skipValue(p, end);
    }
    bool escaped = false;
    const char* after = scanString(p + 1, end, escaped);
    if (!after)
        return nullptr;
    if (!escaped) {
        text = std::string_view(p + 1, std::size_t(after - 1 - (p + 1)));
        return after;
    }
    if (!unescape(p + 1, after - 1, buffer))
        return nullptr;
    text = buffer;
    return after;
}

// The torn start of a line the gateway wrote when it was killed, followed by the next record.
constexpr std::string_view recordStart = "{\"time\":\"";

} // namespace

void AccessLogScanner::Totals::add(const Totals& other) {
    lines += other.lines;
    records += other.records;
    skipped += other.skipped;
}

bool AccessLogScanner::parseLine(const char* begin, const char* end, AccessLogRecord& record) {
    return parseRecord(begin, end, record) == end;
}

const char* AccessLogScanner::parseRecord(const char* begin, const char* end, AccessLogRecord& record) {
    record.timeMs = 0;
    record.apiId = record.apiName = record.application = record.model = {};
    record.status = 0;
    record.promptTokens = record.completionTokens = record.totalTokens = -1;
    record.cachedTokens = record.reasoningTokens = -1;
    record.costE10 = -1;
    record.costStatus = AccessLogRecord::CostStatus::None;
    record.usageEstimated = record.hasErrorCode = record.guardrailIntervened = record.cacheHit = false;
    record.savedTokens = record.savedCostE10 = -1;

    bool haveTime = false;
    std::string keyBuffer;
    std::string valueBuffer;
    std::string_view text;
    bool isNull = false;
    const char* p = skipSpace(begin, end);
    if (p == end || *p != '{')
        return nullptr;
    p = skipSpace(p + 1, end);
    if (p < end && *p == '}')
        return nullptr;
    for (;;) {
        if (p == end || *p != '"')
            return nullptr;
        bool escaped = false;
        const char* keyEnd = scanString(p + 1, end, escaped);
        if (!keyEnd)
            return nullptr;
        Field field = Field::Unknown;
        if (!escaped) {
            field = fieldOf(p + 1, std::size_t(keyEnd - 1 - (p + 1)));
        } else {
            if (!unescape(p + 1, keyEnd - 1, keyBuffer))
                return nullptr;
            field = fieldOf(keyBuffer.data(), keyBuffer.size());
        }
        p = skipSpace(keyEnd, end);
        if (p == end || *p != ':')
            return nullptr;
        p = skipSpace(p + 1, end);
        if (p == end)
            return nullptr;
        switch (field) {
        case Field::Unknown:
            p = skipValue(p, end);
            break;
        case Field::Time:
            p = readText(p, end, text, valueBuffer, isNull);
            if (p && !isNull) {
                if (!parseTime(text, record.timeMs))
                    return nullptr;
                haveTime = true;
            }
            break;
        case Field::ApiId:
            p = readText(p, end, record.apiId, record.unescaped[0], isNull);
            break;
        case Field::Api:
            p = readText(p, end, record.apiName, record.unescaped[1], isNull);
            break;
        case Field::Application:
            p = readText(p, end, record.application, record.unescaped[2], isNull);
            break;
        case Field::Model:
            p = readText(p, end, record.model, record.unescaped[3], isNull);
            break;
        case Field::Status: {
            qint64 status = 0;
            p = readCount(p, end, status);
            record.status = status >= 0 && status < 1000 ? int(status) : 0;
            break;
        }
        case Field::PromptTokens:
            p = readCount(p, end, record.promptTokens);
            break;
        case Field::CompletionTokens:
            p = readCount(p, end, record.completionTokens);
            break;
        case Field::TotalTokens:
            p = readCount(p, end, record.totalTokens);
            break;
        case Field::CachedTokens:
            p = readCount(p, end, record.cachedTokens);
            break;
        case Field::ReasoningTokens:
            p = readCount(p, end, record.reasoningTokens);
            break;
        case Field::CostUsd:
            p = readCost(p, end, record.costE10);
            break;
        case Field::Usage:
            p = readText(p, end, text, valueBuffer, isNull);
            record.usageEstimated = !isNull && text == "estimated";
            break;
        case Field::CostStatus:
            p = readText(p, end, text, valueBuffer, isNull);
            if (isNull)
                record.costStatus = AccessLogRecord::CostStatus::None;
            else if (text == "calculated")
                record.costStatus = AccessLogRecord::CostStatus::Calculated;
            else if (text == "estimated")
                record.costStatus = AccessLogRecord::CostStatus::Estimated;
            else if (text == "not_calculated")
                record.costStatus = AccessLogRecord::CostStatus::NotCalculated;
            else
                record.costStatus = AccessLogRecord::CostStatus::Other;
            break;
        case Field::ErrorCode:
            p = readText(p, end, text, valueBuffer, isNull);
            record.hasErrorCode = !isNull && !text.empty();
            break;
        case Field::Guardrail:
        case Field::GuardrailKind:
            p = readText(p, end, text, valueBuffer, isNull);
            record.guardrailIntervened = record.guardrailIntervened || (!isNull && !text.empty());
            break;
        case Field::Cache:
            p = readText(p, end, text, valueBuffer, isNull);
            record.cacheHit = !isNull && text == "hit";
            break;
        case Field::SavedTokens:
            p = readCount(p, end, record.savedTokens);
            break;
        case Field::SavedCostUsd:
            p = readCost(p, end, record.savedCostE10);
            break;
        }
        if (!p)
            return nullptr;
        p = skipSpace(p, end);
        if (p == end)
            return nullptr;
        if (*p == ',') {
            p = skipSpace(p + 1, end);
            continue;
        }
        if (*p != '}')
            return nullptr;
        ++p;
        break;
    }
    return haveTime ? skipSpace(p, end) : nullptr;
}

void AccessLogScanner::scanWholeLines(const char* begin, const char* end, UsageBuckets& buckets,
                                      Totals& totals) {
    // [begin, end) is whole lines, the last one ended by a line break. A record is read straight to
    // its end and must be followed by the line break; only a line that is not one is looked at again
    // (found with memchr), so the common case reads each byte once.
    AccessLogRecord record;
    const char* line = begin;
    while (line < end) {
        ++totals.lines;
        const char* after = parseRecord(line, end, record);
        if (after && after < end && *after == '\n') {
            if (buckets.add(record))
                ++totals.records;
            else
                ++totals.skipped;
            line = after + 1;
            continue;
        }
        const auto* newline = static_cast<const char*>(std::memchr(line, '\n', std::size_t(end - line)));
        const char* lineEnd = newline ? newline : end;
        if (skipSpace(line, lineEnd) == lineEnd) {
            line = lineEnd + 1; // an empty line is neither a record nor damage
            continue;
        }
        // A record glued to the torn line before it: the first later record start that reads as a
        // whole record is the line's record.
        bool counted = false;
        const std::string_view rest(line + 1, std::size_t(lineEnd - line - 1));
        for (std::size_t at = rest.find(recordStart); at != std::string_view::npos;
             at = rest.find(recordStart, at + 1)) {
            if (parseLine(rest.data() + at, lineEnd, record)) {
                counted = buckets.add(record);
                break;
            }
        }
        if (counted)
            ++totals.records;
        else
            ++totals.skipped;
        line = lineEnd + 1;
    }
}

int AccessLogScanner::threadCount(int threads, qint64 bytes) {
    // Threads only for ranges where they pay for their start and the merge (a few milliseconds); a
    // count given by the caller (the tests) is used whatever the size.
    constexpr qint64 bytesPerThread = 8 * 1024 * 1024;
    int count = threads;
    if (count <= 0)
        count = int(std::min<qint64>(std::thread::hardware_concurrency(), bytes / bytesPerThread));
    return std::max(1, std::min(count, 16));
}

qint64 AccessLogScanner::scan(const char* begin, const char* end, UsageBuckets& buckets, Totals& totals,
                              int threads) {
    const char* last = end;
    while (last > begin && last[-1] != '\n')
        --last;
    const qint64 whole = qint64(last - begin);
    if (whole == 0)
        return 0;
    const int count = threadCount(threads, whole);
    if (count == 1) {
        scanWholeLines(begin, last, buckets, totals);
        return whole;
    }
    // Chunks end at line breaks; each thread counts into its own buckets, merged in order so that the
    // groups are numbered as a single thread would have numbered them.
    std::vector<const char*> bounds{begin};
    for (int i = 1; i < count; ++i) {
        const char* cut = std::max(bounds.back(), begin + whole * i / count);
        const auto* newline = static_cast<const char*>(std::memchr(cut, '\n', std::size_t(last - cut)));
        bounds.push_back(newline ? newline + 1 : last);
    }
    bounds.push_back(last);
    std::vector<UsageBuckets> partial(static_cast<std::size_t>(count));
    std::vector<Totals> partialTotals(static_cast<std::size_t>(count));
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < partial.size(); ++i)
        workers.emplace_back(
            [&, i] { scanWholeLines(bounds[i], bounds[i + 1], partial[i], partialTotals[i]); });
    scanWholeLines(bounds[0], bounds[1], partial[0], partialTotals[0]);
    for (std::thread& worker : workers)
        worker.join();
    for (std::size_t i = 0; i < partial.size(); ++i) {
        buckets.merge(partial[i]);
        totals.add(partialTotals[i]);
    }
    return whole;
}

void AccessLogScanner::scanFilePart(const QString& path, qint64 from, qint64 to, UsageBuckets& buckets,
                                    FileScan& part) {
    // 1 MiB blocks: read into a buffer that stays in the cache while it is scanned.
    constexpr qint64 blockSize = 1024 * 1024;
    QFile file(path);
    if (from >= to)
        return;
    if (!file.open(QIODevice::ReadOnly) || !file.seek(from)) {
        part.failed = true;
        return;
    }
    QByteArray buffer;
    qint64 carried = 0; // the start of a line the block before ended in
    qint64 position = from;
    while (position < to) {
        const qint64 want = std::min(blockSize, to - position);
        if (buffer.size() < carried + want)
            buffer.resize(carried + want);
        const qint64 got = file.read(buffer.data() + carried, want);
        if (got <= 0) {
            part.failed = got < 0;
            break;
        }
        position += got;
        part.bytesRead += got;
        const qint64 filled = carried + got;
        qint64 used = filled;
        while (used > 0 && buffer.at(used - 1) != '\n')
            --used;
        if (used > 0)
            scanWholeLines(buffer.constData(), buffer.constData() + used, buckets, part.lines);
        part.wholeBytes += used;
        carried = filled - used;
        if (carried > 0 && used > 0)
            std::memmove(buffer.data(), buffer.constData() + used, std::size_t(carried));
    }
}

AccessLogScanner::FileScan AccessLogScanner::scanFile(const QString& path, qint64 from, qint64 to,
                                                      UsageBuckets& buckets, int threads) {
    FileScan result;
    if (to <= from)
        return result;
    const int count = threadCount(threads, to - from);
    // Each part starts at a line: the first line break at or after an even cut.
    std::vector<qint64> bounds{from};
    if (count > 1) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            result.failed = true;
            return result;
        }
        for (int i = 1; i < count; ++i) {
            qint64 at = std::max(bounds.back(), from + (to - from) * i / count);
            qint64 next = to;
            while (at < to && file.seek(at)) {
                const QByteArray window = file.read(std::min<qint64>(64 * 1024, to - at));
                if (window.isEmpty())
                    break;
                if (const qsizetype newline = window.indexOf('\n'); newline >= 0) {
                    next = at + newline + 1;
                    break;
                }
                at += window.size();
            }
            bounds.push_back(next);
        }
    }
    bounds.push_back(to);

    std::vector<UsageBuckets> partial(static_cast<std::size_t>(count));
    std::vector<FileScan> parts(static_cast<std::size_t>(count));
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < parts.size(); ++i)
        workers.emplace_back([&, i] { scanFilePart(path, bounds[i], bounds[i + 1], partial[i], parts[i]); });
    scanFilePart(path, bounds[0], bounds[1], partial[0], parts[0]);
    for (std::thread& worker : workers)
        worker.join();
    // In order, and only as far as the parts read their whole range: what follows a gap would be
    // counted without being covered, and counted again by the next update.
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i == 0 && buckets.groups().empty())
            buckets = std::move(partial[0]); // a fresh index: the first part's buckets as they are
        else
            buckets.merge(partial[i]);
        result.wholeBytes += parts[i].wholeBytes;
        result.bytesRead += parts[i].bytesRead;
        result.lines.add(parts[i].lines);
        if (parts[i].failed || parts[i].wholeBytes != bounds[i + 1] - bounds[i]) {
            result.failed = parts[i].failed;
            break;
        }
    }
    return result;
}

} // namespace gatehouse
