#include "guardrails/AzureContentSafetyGuardrail.h"

namespace gatehouse {

Result<std::shared_ptr<const Guardrail>> AzureContentSafetyGuardrail::build(const Json& parameters) {
    using BuildResult = Result<std::shared_ptr<const Guardrail>>;
    Result<GuardrailSettings> settings = GuardrailSettings::fromParameters(parameters);
    if (!settings)
        return BuildResult::failureOf(settings);
    settings.value().invert = false; // WSO2's Azure guardrail has no invert
    std::array<int, 4> maxima{-1, -1, -1, -1};
    bool any = false;
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const auto value = parameters.find(categories[i].parameter);
        if (value == parameters.end() || value->is_null())
            continue;
        const std::optional<qint64> maximum =
            value->is_string() ? std::optional<qint64>(toQString(value->get<std::string>()).toLongLong())
                               : jsonInteger(*value);
        if (!maximum || *maximum < -1 || *maximum > 7)
            return BuildResult::failure(QStringLiteral("%1 must be a severity from 0 to 7 (-1: not checked)")
                                            .arg(QLatin1String(categories[i].parameter)));
        maxima[i] = int(*maximum);
        any = any || *maximum >= 0;
    }
    if (!any)
        return BuildResult::failure(QStringLiteral("set at least one category's maximum severity"));
    const auto passthrough = parameters.find("passthroughOnError");
    const bool passes = passthrough != parameters.end() &&
                        ((passthrough->is_boolean() && passthrough->get<bool>()) ||
                         (passthrough->is_string() && passthrough->get<std::string>() == "true"));
    return BuildResult::success(
        std::make_shared<AzureContentSafetyGuardrail>(std::move(settings.value()), maxima, passes));
}

AzureContentSafetyGuardrail::AzureContentSafetyGuardrail(GuardrailSettings settings,
                                                         std::array<int, 4> maxima, bool passthroughOnError)
    : Guardrail(std::move(settings)), m_maxima(maxima), m_passthroughOnError(passthroughOnError) {
}

QString AzureContentSafetyGuardrail::actionReason() const {
    return QStringLiteral("Violation of Azure content safety content moderation detected.");
}

Guardrail::Judgement AzureContentSafetyGuardrail::judge(const QString& text) const {
    Judgement judgement;
    judgement.assessment =
        QStringLiteral("Azure AI Content Safety rates the %1 characters when the gateway runs.")
            .arg(text.size());
    return judgement;
}

Result<QByteArray> AzureContentSafetyGuardrail::requestBody(const QString& text) const {
    if (text.size() > maxCharacters)
        return Result<QByteArray>::failure(
            QStringLiteral("the text has %1 characters; Azure analyses at most %2")
                .arg(text.size())
                .arg(maxCharacters));
    Json checked = Json::array();
    for (std::size_t i = 0; i < categories.size(); ++i) {
        if (m_maxima[i] >= 0)
            checked.push_back(categories[i].azureName);
    }
    const Json body = {
        {"text", text.toStdString()}, {"categories", checked}, {"outputType", "EightSeverityLevels"}};
    return Result<QByteArray>::success(QByteArray::fromStdString(dumpCompact(body)));
}

Guardrail::Judgement AzureContentSafetyGuardrail::judgeAnswer(const QByteArray& answer) const {
    Judgement judgement;
    const Json parsed = Json::parse(answer.constBegin(), answer.constEnd(), nullptr, false);
    const auto analysis = parsed.is_object() ? parsed.find("categoriesAnalysis") : parsed.end();
    if (!parsed.is_object() || analysis == parsed.end() || !analysis->is_array()) {
        judgement.error = QStringLiteral("Azure AI Content Safety answered without categoriesAnalysis");
        return judgement;
    }
    QStringList found;
    QStringList violated;
    for (const Json& entry : *analysis) {
        if (!entry.is_object())
            continue;
        const QString category = toQString(entry.value("category", std::string()));
        const std::optional<qint64> severity = jsonInteger(entry.value("severity", Json()));
        if (!severity)
            continue;
        for (std::size_t i = 0; i < categories.size(); ++i) {
            if (category != QLatin1String(categories[i].azureName) || m_maxima[i] < 0)
                continue;
            found << QStringLiteral("%1 %2").arg(category).arg(*severity);
            if (*severity > m_maxima[i])
                violated << QStringLiteral("%1 severity %2 (at most %3 allowed)")
                                .arg(category)
                                .arg(*severity)
                                .arg(m_maxima[i]);
        }
    }
    judgement.passes = violated.isEmpty();
    judgement.assessment = violated.isEmpty()
                               ? QStringLiteral("Within limits: %1").arg(found.join(QStringLiteral(", ")))
                               : QStringLiteral("Exceeded: %1").arg(violated.join(QStringLiteral(", ")));
    return judgement;
}

} // namespace gatehouse
