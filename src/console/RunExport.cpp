#include "console/RunExport.h"

#include "console/RunStatistics.h"
#include "core/Json.h"

#include <QStringList>
#include <algorithm>

namespace gatehouse {

namespace {

QString number(qint64 value) {
    return value >= 0 ? QString::number(value) : QString();
}

QString milliseconds(double value) {
    return QString::number(value, 'f', 3);
}

} // namespace

QByteArray RunExport::toJson(const RunStatistics& statistics, const std::vector<InvokeResult>& results) {
    const std::string text = dumpPretty(statistics.toJson(true, results));
    return QByteArray(text.data(), qsizetype(text.size())) + '\n';
}

QByteArray RunExport::csvField(const QString& text) {
    QByteArray field = text.toUtf8();
    if (!field.contains(',') && !field.contains('"') && !field.contains('\n') && !field.contains('\r'))
        return field;
    field.replace('"', "\"\"");
    return '"' + field + '"';
}

QByteArray RunExport::toCsv(const std::vector<InvokeResult>& results) {
    static const QStringList columns = {
        QStringLiteral("index"),        QStringLiteral("startedAt"),        QStringLiteral("status"),
        QStringLiteral("latencyMs"),    QStringLiteral("firstByteMs"),      QStringLiteral("model"),
        QStringLiteral("promptTokens"), QStringLiteral("completionTokens"), QStringLiteral("totalTokens"),
        QStringLiteral("errorCode"),    QStringLiteral("errorMessage"),     QStringLiteral("tokenRefetched"),
        QStringLiteral("chunks"),       QStringLiteral("tokensPerSecond")};
    std::vector<const InvokeResult*> ordered;
    ordered.reserve(results.size());
    for (const InvokeResult& result : results)
        ordered.push_back(&result);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const InvokeResult* a, const InvokeResult* b) { return a->index < b->index; });

    QByteArray csv = columns.join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (const InvokeResult* result : ordered) {
        const QStringList cells = {
            QString::number(result->index),
            result->startedAt.isValid() ? result->startedAt.toUTC().toString(Qt::ISODateWithMs) : QString(),
            QString::number(result->status),
            milliseconds(result->latencyMs),
            milliseconds(result->firstByteMs),
            result->model,
            number(result->promptTokens),
            number(result->completionTokens),
            number(result->totalTokens),
            result->errorCode,
            result->errorMessage,
            result->tokenRefetched ? QStringLiteral("true") : QStringLiteral("false"),
            QString::number(result->chunks),
            QString::number(result->tokensPerSecond, 'f', 1),
        };
        QList<QByteArray> fields;
        for (const QString& cell : cells)
            fields.append(csvField(cell));
        csv += fields.join(',') + "\r\n";
    }
    return csv;
}

} // namespace gatehouse
