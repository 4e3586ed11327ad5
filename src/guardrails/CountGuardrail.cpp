#include "guardrails/CountGuardrail.h"

namespace gatehouse {

namespace {

// Java's \s without UNICODE_CHARACTER_CLASS, which WSO2's split("\\s+") uses.
bool isJavaSpace(QChar c) {
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\x0B' || c == u'\f' || c == u'\r';
}

qint64 countWords(const QString& text) {
    qint64 words = 0;
    bool inWord = false;
    for (const QChar c : text) {
        const bool space = isJavaSpace(c);
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return words;
}

qint64 countSentences(const QString& text) {
    qint64 sentences = 0;
    bool blank = true; // the current part has only whitespace so far
    for (const QChar c : text) {
        if (c == u'.' || c == u'!' || c == u'?') {
            sentences += blank ? 0 : 1;
            blank = true;
        } else if (!c.isSpace()) {
            blank = false;
        }
    }
    return sentences + (blank ? 0 : 1);
}

std::optional<qint64> integerParameter(const Json& parameters, const char* name) {
    const auto it = parameters.find(name);
    if (it == parameters.end())
        return std::nullopt;
    if (it->is_string()) {
        bool numeric = false;
        const qint64 value = toQString(it->get<std::string>()).trimmed().toLongLong(&numeric);
        return numeric ? std::optional<qint64>(value) : std::nullopt;
    }
    return jsonInteger(*it);
}

// The UTF-8 length without encoding: a surrogate pair is 4 bytes, 2 per half (an unpaired half is
// written as U+FFFD, 3 bytes, as QString::toUtf8() does).
qint64 utf8Length(const QString& text) {
    qint64 bytes = 0;
    const qsizetype size = text.size();
    for (qsizetype at = 0; at < size; ++at) {
        const char16_t c = text[at].unicode();
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (QChar::isHighSurrogate(c) && at + 1 < size &&
                 QChar::isLowSurrogate(text[at + 1].unicode())) {
            bytes += 4;
            ++at;
        } else
            bytes += 3;
    }
    return bytes;
}

} // namespace

qint64 CountGuardrail::count(Unit unit, const QString& text) {
    switch (unit) {
    case Unit::Words:
        return countWords(text);
    case Unit::Sentences:
        return countSentences(text);
    case Unit::Bytes:
        return utf8Length(text);
    }
    return 0;
}

Result<std::shared_ptr<const Guardrail>> CountGuardrail::build(Unit unit, const Json& parameters) {
    using BuildResult = Result<std::shared_ptr<const Guardrail>>;
    Result<GuardrailSettings> settings = GuardrailSettings::fromParameters(parameters);
    if (!settings)
        return BuildResult::failureOf(settings);
    const std::optional<qint64> minimum = integerParameter(parameters, "min");
    const std::optional<qint64> maximum = integerParameter(parameters, "max");
    if (!minimum || !maximum)
        return BuildResult::failure(QStringLiteral("min and max must both be whole numbers"));
    if (*minimum < 0 || *maximum < *minimum)
        return BuildResult::failure(QStringLiteral("min must be 0 or more and not above max"));
    return BuildResult::success(
        std::make_shared<CountGuardrail>(std::move(settings.value()), unit, *minimum, *maximum));
}

CountGuardrail::CountGuardrail(GuardrailSettings settings, Unit unit, qint64 minimum, qint64 maximum)
    : Guardrail(std::move(settings)), m_unit(unit), m_minimum(minimum), m_maximum(maximum) {
}

QString CountGuardrail::kind() const {
    switch (m_unit) {
    case Unit::Words:
        return QStringLiteral("WordCountGuardrail");
    case Unit::Sentences:
        return QStringLiteral("SentenceCountGuardrail");
    case Unit::Bytes:
        break;
    }
    return QStringLiteral("ContentLengthGuardrail");
}

QString CountGuardrail::type() const {
    switch (m_unit) {
    case Unit::Words:
        return QStringLiteral("WORD_COUNT_GUARDRAIL");
    case Unit::Sentences:
        return QStringLiteral("SENTENCE_COUNT_GUARDRAIL");
    case Unit::Bytes:
        break;
    }
    return QStringLiteral("CONTENT_LENGTH_GUARDRAIL");
}

QString CountGuardrail::actionReason() const {
    switch (m_unit) {
    case Unit::Words:
        return QStringLiteral("Violation of applied word count constraints detected.");
    case Unit::Sentences:
        return QStringLiteral("Violation of applied sentence count constraints detected.");
    case Unit::Bytes:
        break;
    }
    return QStringLiteral("Violation of applied content length constraints detected.");
}

Guardrail::Judgement CountGuardrail::judge(const QString& text) const {
    const qint64 found = count(m_unit, text);
    const QString unit = m_unit == Unit::Words       ? QStringLiteral("words")
                         : m_unit == Unit::Sentences ? QStringLiteral("sentences")
                                                     : QStringLiteral("bytes");
    Judgement judgement;
    judgement.passes = found >= m_minimum && found <= m_maximum;
    judgement.assessment = QStringLiteral("Expected between %1 and %2 %3. But found %4 %3.")
                               .arg(m_minimum)
                               .arg(m_maximum)
                               .arg(unit)
                               .arg(found);
    return judgement;
}

bool CountGuardrail::intervenesOnPrefix(const QString& prefix) const {
    // Counts only grow as text is appended: past the maximum, a range check has failed for good.
    return !settings().invert && count(m_unit, prefix) > m_maximum;
}

} // namespace gatehouse
