#include "guardrails/UrlGuardrail.h"

#include <QRegularExpression>

namespace gatehouse {

Result<std::shared_ptr<const Guardrail>> UrlGuardrail::build(const Json& parameters) {
    using BuildResult = Result<std::shared_ptr<const Guardrail>>;
    Result<GuardrailSettings> settings = GuardrailSettings::fromParameters(parameters);
    if (!settings)
        return BuildResult::failureOf(settings);
    // URLGuardrail has no invert in WSO2.
    settings.value().invert = false;
    const auto onlyDns = parameters.find("onlyDNS");
    const bool dns =
        onlyDns != parameters.end() && ((onlyDns->is_boolean() && onlyDns->get<bool>()) ||
                                        (onlyDns->is_string() && onlyDns->get<std::string>() == "true"));
    int timeout = 3000;
    const auto timeoutValue = parameters.find("timeout");
    if (timeoutValue != parameters.end()) {
        const std::optional<qint64> given =
            timeoutValue->is_string()
                ? std::optional<qint64>(toQString(timeoutValue->get<std::string>()).toLongLong())
                : jsonInteger(*timeoutValue);
        if (!given || *given < 1 || *given > 60000)
            return BuildResult::failure(QStringLiteral("timeout must be between 1 and 60000 ms"));
        timeout = int(*given);
    }
    return BuildResult::success(std::make_shared<UrlGuardrail>(std::move(settings.value()), dns, timeout));
}

QStringList UrlGuardrail::urlsIn(const QString& text) {
    static const QRegularExpression url(QStringLiteral(R"(https?://[^\s,"'{}\[\]\\`*]+)"));
    QStringList urls;
    QRegularExpressionMatchIterator matches = url.globalMatch(text);
    while (matches.hasNext()) {
        const QString found = matches.next().captured();
        if (!urls.contains(found))
            urls.append(found);
    }
    return urls;
}

UrlGuardrail::UrlGuardrail(GuardrailSettings settings, bool onlyDns, int timeoutMs)
    : Guardrail(std::move(settings)), m_onlyDns(onlyDns), m_timeoutMs(timeoutMs) {
}

QString UrlGuardrail::actionReason() const {
    return QStringLiteral("Violation of url validity detected.");
}

QString UrlGuardrail::assessmentFor(const QStringList& invalid) {
    return QStringLiteral("Invalid URLs found: %1").arg(invalid.join(QStringLiteral(", ")));
}

Guardrail::Judgement UrlGuardrail::judge(const QString& text) const {
    // Only the gateway can reach the network; here, the URLs it would check.
    Judgement judgement;
    const QStringList urls = urlsIn(text);
    if (urls.size() > maxUrls) {
        judgement.passes = false;
        judgement.assessment =
            QStringLiteral("%1 URLs, more than the %2 checked").arg(urls.size()).arg(maxUrls);
        return judgement;
    }
    judgement.assessment = urls.isEmpty()
                               ? QStringLiteral("No URLs found.")
                               : QStringLiteral("The gateway checks %1 (%2 within %3 ms).")
                                     .arg(urls.join(QStringLiteral(", ")),
                                          m_onlyDns ? QStringLiteral("DNS") : QStringLiteral("HEAD"))
                                     .arg(m_timeoutMs);
    return judgement;
}

} // namespace gatehouse
