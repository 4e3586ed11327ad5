#pragma once

#include "console/ConsoleTypes.h"

#include <QByteArray>
#include <vector>

namespace gatehouse {

class RunStatistics;

// A run written out for a report or a spreadsheet. Neither form carries tokens, headers or bodies:
// exports get shared, and the Authorization of a request must not travel with them.
class RunExport {
public:
    // RunStatistics::toJson with the results, pretty-printed, UTF-8.
    static QByteArray toJson(const RunStatistics& statistics, const std::vector<InvokeResult>& results);
    // RFC 4180: a header row, then one row per result in request order; CRLF line ends; fields with
    // commas, quotes or line breaks quoted, quotes doubled. Unknown numbers are empty fields.
    static QByteArray toCsv(const std::vector<InvokeResult>& results);

    static QByteArray csvField(const QString& text);
};

} // namespace gatehouse
