#include "guardrails/PiiMasker.h"

#include <functional>

namespace gatehouse {

namespace {

void forEachString(Json& node, const std::function<void(Json&)>& visit) {
    if (node.is_string()) {
        visit(node);
    } else if (node.is_array() || node.is_object()) {
        for (Json& child : node)
            forEachString(child, visit);
    }
}

// The Luhn checksum of the digits in `text` (spaces and dashes ignored): true for a real card number.
bool passesLuhn(const QString& text) {
    int sum = 0;
    int digits = 0;
    for (qsizetype at = text.size() - 1; at >= 0; --at) {
        const QChar c = text[at];
        if (!c.isDigit())
            continue;
        int digit = c.digitValue();
        if (digits % 2 == 1) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
        ++digits;
    }
    return digits >= 12 && sum % 10 == 0;
}

} // namespace

Result<std::shared_ptr<const PiiMasker>> PiiMasker::build(const Json& parameters) {
    using BuildResult = Result<std::shared_ptr<const PiiMasker>>;
    if (!parameters.is_object())
        return BuildResult::failure(QStringLiteral("the parameters are not an object"));
    const auto entities = parameters.find("piiEntities");
    if (entities == parameters.end())
        return BuildResult::failure(QStringLiteral("piiEntities is required"));
    Result<std::vector<PiiEntity>> parsed = PiiEntity::parseList(*entities);
    if (!parsed)
        return BuildResult::failureOf(parsed);
    std::optional<JsonPath> jsonPath;
    const auto path = parameters.find("jsonPath");
    if (path != parameters.end() && path->is_string() &&
        !toQString(path->get<std::string>()).trimmed().isEmpty()) {
        Result<JsonPath> compiled = JsonPath::compile(toQString(path->get<std::string>()));
        if (!compiled)
            return BuildResult::failure(QStringLiteral("jsonPath: %1").arg(compiled.error()));
        jsonPath = std::move(compiled.value());
    }
    const auto redact = parameters.find("redact");
    const bool redacts =
        redact != parameters.end() && ((redact->is_boolean() && redact->get<bool>()) ||
                                       (redact->is_string() && redact->get<std::string>() == "true"));
    const auto name = parameters.find("name");
    return BuildResult::success(std::make_shared<PiiMasker>(
        name != parameters.end() && name->is_string() ? toQString(name->get<std::string>()) : QString(),
        std::move(jsonPath), std::move(parsed.value()), redacts));
}

PiiMasker::PiiMasker(QString name, std::optional<JsonPath> jsonPath, std::vector<PiiEntity> entities,
                     bool redact)
    : m_name(std::move(name)), m_jsonPath(std::move(jsonPath)), m_entities(std::move(entities)),
      m_redact(redact) {
}

Result<QString> PiiMasker::replaceMatches(const QString& text, PiiVault* vault) const {
    QString result = text;
    for (const PiiEntity& entity : m_entities) {
        QString next;
        qsizetype copied = 0;
        QRegularExpressionMatchIterator matches = entity.regex.globalMatch(result);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            if (!match.isValid())
                return Result<QString>::failure(
                    QStringLiteral("the %1 regular expression gave up (too much backtracking)")
                        .arg(entity.name));
            if (match.capturedLength() == 0)
                continue;
            // Gatehouse's CREDIT_CARD preset: digit runs that fail the checksum are not card numbers.
            if (entity.name == QLatin1String("CREDIT_CARD") && !passesLuhn(match.captured()))
                continue;
            next += QStringView(result).mid(copied, match.capturedStart() - copied);
            QString replacement = redaction;
            if (vault) {
                replacement = vault->placeholderFor(entity.name, match.captured());
                if (replacement.isEmpty())
                    return Result<QString>::failure(
                        QStringLiteral("more than %1 distinct values to mask in one call")
                            .arg(PiiVault::capacity));
            }
            next += replacement;
            copied = match.capturedEnd();
        }
        if (copied > 0) {
            next += QStringView(result).mid(copied);
            result = std::move(next);
        }
    }
    return Result<QString>::success(std::move(result));
}

Result<QString> PiiMasker::mask(const QString& text, PiiVault& vault) const {
    return replaceMatches(text, m_redact ? nullptr : &vault);
}

Result<QString> PiiMasker::redact(const QString& text) const {
    return replaceMatches(text, nullptr);
}

template <typename Rewrite>
Result<QByteArray> PiiMasker::rewriteBody(const QByteArray& body, const std::optional<JsonPath>& jsonPath,
                                          Rewrite rewrite) const {
    Json document = Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (document.is_discarded()) {
        if (jsonPath)
            return Result<QByteArray>::failure(
                QStringLiteral("the body is not JSON, so jsonPath %1 selects nothing")
                    .arg(jsonPath->expression()));
        Result<QString> text = rewrite(QString::fromUtf8(body));
        return text ? Result<QByteArray>::success(text.value().toUtf8())
                    : Result<QByteArray>::failureOf(text);
    }
    QString failure;
    bool changed = false;
    const auto visit = [&](Json& node) {
        if (!failure.isEmpty() || !node.is_string())
            return;
        const QString original = toQString(node.get<std::string>());
        Result<QString> text = rewrite(original);
        if (!text)
            failure = text.error();
        else if (text.value() != original) {
            node = text.value().toStdString();
            changed = true;
        }
    };
    if (jsonPath) {
        const std::vector<Json*> selection = jsonPath->selectMutable(document);
        // As for the other guardrails (WSO2's PathNotFoundException): a path that selects nothing is
        // an error, not a pass, so a mistyped path cannot let personal data through unmasked.
        if (selection.empty() && jsonPath->isDefinite())
            return Result<QByteArray>::failure(
                QStringLiteral("jsonPath %1 selects nothing").arg(jsonPath->expression()));
        for (Json* selected : selection)
            forEachString(*selected, visit);
    } else {
        forEachString(document, visit);
    }
    if (!failure.isEmpty())
        return Result<QByteArray>::failure(failure);
    // An untouched body goes on byte for byte, not re-serialised.
    return Result<QByteArray>::success(changed ? QByteArray::fromStdString(dumpCompact(document)) : body);
}

Result<QByteArray> PiiMasker::maskBody(const QByteArray& body, PiiVault& vault) const {
    return rewriteBody(body, m_jsonPath, [&](const QString& text) { return mask(text, vault); });
}

Result<QByteArray> PiiMasker::restoreBody(const QByteArray& body, const PiiVault& vault) const {
    if (m_redact)
        return rewriteBody(body, std::nullopt, [&](const QString& text) { return redact(text); });
    if (vault.isEmpty())
        return Result<QByteArray>::success(body);
    return rewriteBody(body, std::nullopt,
                       [&](const QString& text) { return Result<QString>::success(vault.restore(text)); });
}

} // namespace gatehouse
