#include "guardrails/SemanticPromptGuardrail.h"

#include <cmath>

namespace gatehouse {

Result<std::shared_ptr<const Guardrail>> SemanticPromptGuardrail::build(const Json& parameters) {
    using BuildResult = Result<std::shared_ptr<const Guardrail>>;
    Result<GuardrailSettings> settings = GuardrailSettings::fromParameters(parameters);
    if (!settings)
        return BuildResult::failureOf(settings);
    const Json rulesValue = parameters.is_object() ? parameters.value("rules", Json()) : Json();
    Result<SemanticRules> rules = SemanticRules::parse(rulesValue);
    if (!rules)
        return BuildResult::failure(QStringLiteral("rules %1").arg(rules.error()));
    int threshold = defaultThreshold;
    if (parameters.is_object() && parameters.contains("threshold") && !parameters["threshold"].is_null()) {
        const Json& value = parameters["threshold"];
        bool numeric = false;
        qint64 number = 0;
        if (value.is_string()) { // WSO2 writes its integers as strings
            number = toQString(value.get<std::string>()).trimmed().toLongLong(&numeric);
        } else if (const std::optional<qint64> whole = jsonInteger(value);
                   whole && value.is_number_integer()) {
            number = *whole;
            numeric = true;
        }
        if (!numeric || number < 0 || number > 100)
            return BuildResult::failure(QStringLiteral("threshold: must be a whole number from 0 to 100"));
        threshold = int(number);
    }
    return BuildResult::success(
        std::make_shared<SemanticPromptGuardrail>(settings.take(), rules.take(), threshold));
}

SemanticPromptGuardrail::SemanticPromptGuardrail(GuardrailSettings settings, SemanticRules rules,
                                                 int threshold)
    : Guardrail(std::move(settings)), m_rules(std::move(rules)), m_threshold(threshold) {
}

QString SemanticPromptGuardrail::actionReason() const {
    return QStringLiteral("Violation of guard prompts detected.");
}

Guardrail::Judgement SemanticPromptGuardrail::judge(const QString& text) const {
    Judgement judgement;
    judgement.assessment =
        QStringLiteral("The %1 characters are compared with %2 prompts by meaning when the "
                       "gateway runs (it embeds them with the workspace's provider).")
            .arg(text.size())
            .arg(m_rules.allowPrompts.size() + m_rules.denyPrompts.size());
    return judgement;
}

SemanticPromptGuardrail::Mode SemanticPromptGuardrail::mode() const {
    if (m_rules.allowPrompts.isEmpty())
        return Mode::DenyOnly;
    return m_rules.denyPrompts.isEmpty() ? Mode::AllowOnly : Mode::Hybrid;
}

QStringList SemanticPromptGuardrail::rulePrompts() const {
    return m_rules.denyPrompts + m_rules.allowPrompts;
}

Guardrail::Judgement
SemanticPromptGuardrail::judgeSimilarities(const std::vector<double>& similarities) const {
    Judgement judgement;
    const QStringList prompts = rulePrompts();
    const qsizetype denied = m_rules.denyPrompts.size();
    if (std::size_t(prompts.size()) != similarities.size()) {
        judgement.error =
            QStringLiteral("%1 similarities for %2 prompts").arg(similarities.size()).arg(prompts.size());
        return judgement;
    }
    for (qsizetype i = 0; i < prompts.size(); ++i) {
        if (similarities[std::size_t(i)] * 100.0 < double(m_threshold))
            continue;
        if (i < denied) {
            // WSO2's deny-only assessment; in hybrid mode WSO2 reports the allow list even when a deny
            // prompt matched, Gatehouse names the prompt that did.
            judgement.passes = false;
            judgement.assessment = QStringLiteral("One or more semantic rules are violated.");
            judgement.details = Json{{"message", "One or more semantic rules are violated."},
                                     {"deniedRule", prompts[i].toStdString()}};
            return judgement;
        }
        return judgement; // an allow prompt matched
    }
    if (mode() == Mode::DenyOnly)
        return judgement;
    judgement.passes = false;
    judgement.assessment = QStringLiteral("None of the allowed prompts are met.");
    Json allowed = Json::array();
    for (const QString& prompt : m_rules.allowPrompts)
        allowed.push_back(prompt.toStdString());
    judgement.details = Json{{"message", "None of the allowed prompts are met."}, {"allowedRules", allowed}};
    return judgement;
}

double SemanticPromptGuardrail::cosineSimilarity(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size() || a.empty())
        return 0.0;
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * double(b[i]);
        normA += double(a[i]) * double(a[i]);
        normB += double(b[i]) * double(b[i]);
    }
    const double denominator = std::sqrt(normA) * std::sqrt(normB);
    return denominator == 0.0 ? 0.0 : dot / denominator;
}

} // namespace gatehouse
