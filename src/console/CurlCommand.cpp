#include "console/CurlCommand.h"

#include <QStringList>
#include <algorithm>

namespace gatehouse {

namespace {

bool isPlainWord(const QByteArray& text) {
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
}

} // namespace

QString CurlCommand::quote(const QString& text) {
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString CurlCommand::maskToken(const QByteArray& accessToken) {
    // Enough to tell tokens apart, never enough to use one: at most 10 characters, and at most a
    // third of a short token.
    const qsizetype shown = qMin<qsizetype>(10, accessToken.size() / 3);
    return QString::fromUtf8(accessToken.left(shown)) + QStringLiteral("…");
}

QString CurlCommand::build(const InvokeRequest& request, const QByteArray& accessToken, bool revealToken) {
    const QByteArray method = request.method.isEmpty() ? QByteArrayLiteral("GET") : request.method.toUpper();
    const bool hasBody = !request.body.isEmpty();
    QStringList arguments{QStringLiteral("curl")};
    if (request.stream)
        arguments.append(QStringLiteral("-N")); // print events as they arrive, not when the buffer fills
    // curl sends GET by default and POST with --data-raw: only other combinations need -X.
    if (!(method == "GET" && !hasBody) && !(method == "POST" && hasBody))
        arguments.append(QStringLiteral("-X ") + (isPlainWord(method) ? QString::fromLatin1(method)
                                                                      : quote(QString::fromUtf8(method))));
    arguments.append(quote(request.url.toString(QUrl::FullyEncoded)));
    if (accessToken.isEmpty())
        arguments.append(QStringLiteral("-H \"Authorization: Bearer ${TOKEN}\""));
    else
        arguments.append(QStringLiteral("-H ") +
                         quote(QStringLiteral("Authorization: Bearer ") +
                               (revealToken ? QString::fromUtf8(accessToken) : maskToken(accessToken))));
    bool hasContentType = false;
    for (const auto& [name, value] : request.headers) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            continue;
        hasContentType = hasContentType || name.compare("Content-Type", Qt::CaseInsensitive) == 0;
        arguments.append(QStringLiteral("-H ") +
                         quote(QString::fromUtf8(name) + QStringLiteral(": ") + QString::fromUtf8(value)));
    }
    if (hasBody) {
        // The runner sends JSON bodies as application/json; curl would say form-urlencoded.
        if (!hasContentType)
            arguments.append(QStringLiteral("-H ") + quote(QStringLiteral("Content-Type: application/json")));
        arguments.append(QStringLiteral("--data-raw ") + quote(QString::fromUtf8(request.body)));
    }
    return arguments.join(QStringLiteral(" \\\n  "));
}

} // namespace gatehouse
