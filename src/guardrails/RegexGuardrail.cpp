#include "guardrails/RegexGuardrail.h"

#include "core/BoundedRegex.h"

namespace gatehouse {

Result<std::shared_ptr<const Guardrail>> RegexGuardrail::build(const Json& parameters) {
    using BuildResult = Result<std::shared_ptr<const Guardrail>>;
    Result<GuardrailSettings> settings = GuardrailSettings::fromParameters(parameters);
    if (!settings)
        return BuildResult::failureOf(settings);
    const auto regex = parameters.find("regex");
    if (regex == parameters.end() || !regex->is_string() || regex->get<std::string>().empty())
        return BuildResult::failure(QStringLiteral("regex: a pattern is required"));
    const QString pattern = toQString(regex->get<std::string>());
    Result<QRegularExpression> expression = BoundedRegex::compile(pattern);
    if (!expression)
        return BuildResult::failure(
            QStringLiteral("regex: the regular expression %1").arg(expression.error()));
    return BuildResult::success(std::make_shared<RegexGuardrail>(std::move(settings.value()), pattern,
                                                                 std::move(expression.value())));
}

RegexGuardrail::RegexGuardrail(GuardrailSettings settings, QString pattern, QRegularExpression expression)
    : Guardrail(std::move(settings)), m_pattern(std::move(pattern)), m_expression(std::move(expression)) {
}

QString RegexGuardrail::actionReason() const {
    return QStringLiteral("Violation of applied regex pattern detected.");
}

Guardrail::Judgement RegexGuardrail::judge(const QString& text) const {
    Judgement judgement;
    judgement.assessment = QStringLiteral("Violated regular expression: %1").arg(m_pattern);
    const QRegularExpressionMatch match = m_expression.match(text);
    // Qt reports PCRE2's match-limit error as an invalid match (a plain miss is a valid one).
    if (!match.isValid()) {
        judgement.error = QStringLiteral("the regular expression gave up after %1 backtracking steps on %2 "
                                         "characters")
                              .arg(BoundedRegex::matchLimit)
                              .arg(text.size());
        return judgement;
    }
    judgement.passes = match.hasMatch();
    return judgement;
}

bool RegexGuardrail::intervenesOnPrefix(const QString& prefix) const {
    // A deny list (invert) intervenes on the first match, and more text does not take a match away.
    if (!settings().invert)
        return false;
    const QRegularExpressionMatch match = m_expression.match(prefix);
    return match.isValid() && match.hasMatch();
}

} // namespace gatehouse
