#include "core/PromptTemplates.h"

#include <QByteArray>
#include <QHash>
#include <QRegularExpression>

namespace gatehouse {

namespace {

// WSO2's reference pattern: a name, '?', then the query up to white space or a quote.
const QRegularExpression& referencePattern() {
    static const QRegularExpression pattern(QStringLiteral("template://([A-Za-z0-9_-]+)\\?([^\\s\"']*)"));
    return pattern;
}

const QRegularExpression& placeholderPattern() {
    static const QRegularExpression pattern(QStringLiteral("\\[\\[([^\\[\\]\\s]+)\\]\\]"));
    return pattern;
}

// Bounds on what a workspace may configure: the templates are held by every worker, and a prompt is
// copied into every request that uses it.
constexpr int maxTemplates = 200;
constexpr int maxPromptLength = 65536;

QString decoded(const QString& encoded) {
    // A URI query's percent-encoding, as java.net.URI decodes it ('+' stays '+').
    return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded.toUtf8()));
}

} // namespace

Result<PromptTemplates> PromptTemplates::parse(const Json& value) {
    using ParseResult = Result<PromptTemplates>;
    Json list = value;
    if (value.is_string()) {
        // WSO2 keeps the configuration as a string of JSON.
        const std::string& text = value.get_ref<const std::string&>();
        list = Json::parse(text, nullptr, false);
        if (list.is_discarded())
            return ParseResult::failure(
                tr("is not JSON (from byte %1)").arg(jsonErrorByte(text.data(), text.data() + text.size())));
    }
    if (!list.is_array() || list.empty())
        return ParseResult::failure(
            tr("must list at least one template: [{\"name\": ..., \"prompt\": ...}]"));
    if (list.size() > std::size_t(maxTemplates))
        return ParseResult::failure(
            tr("lists %1 templates; at most %2 are allowed").arg(list.size()).arg(maxTemplates));
    PromptTemplates templates;
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    for (std::size_t index = 0; index < list.size(); ++index) {
        const Json& item = list[index];
        const QString name = jsonStringMember(item, "name");
        const auto prompt = item.is_object() ? item.find("prompt") : item.end();
        if (!item.is_object() || prompt == item.end() || !prompt->is_string())
            return ParseResult::failure(tr("[%1] must be {\"name\": ..., \"prompt\": ...}").arg(index));
        if (!namePattern.match(name).hasMatch())
            return ParseResult::failure(tr("[%1].name \"%2\" must be letters, digits, '_' and '-': "
                                           "template://%2?... could not reach it")
                                            .arg(index)
                                            .arg(name));
        if (templates.find(name))
            return ParseResult::failure(tr("[%1].name: \"%2\" is there twice").arg(index).arg(name));
        Template entry;
        entry.name = name;
        entry.prompt = toQString(prompt->get<std::string>());
        if (entry.prompt.trimmed().isEmpty())
            return ParseResult::failure(tr("[%1].prompt is empty").arg(index));
        if (entry.prompt.size() > maxPromptLength)
            return ParseResult::failure(
                tr("[%1].prompt is longer than %2 characters").arg(index).arg(maxPromptLength));
        QRegularExpressionMatchIterator placeholders = placeholderPattern().globalMatch(entry.prompt);
        while (placeholders.hasNext()) {
            const QString variable = placeholders.next().captured(1);
            if (!entry.variables.contains(variable))
                entry.variables.append(variable);
        }
        templates.m_templates.push_back(std::move(entry));
    }
    return ParseResult::success(std::move(templates));
}

const PromptTemplates::Template* PromptTemplates::find(const QString& name) const {
    for (const Template& entry : m_templates) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

Result<QString> PromptTemplates::expand(const QString& text, bool* changed) const {
    if (changed)
        *changed = false;
    if (!text.contains(QLatin1String("template://")))
        return Result<QString>::success(text);
    QString result;
    qsizetype copied = 0;
    QRegularExpressionMatchIterator references = referencePattern().globalMatch(text);
    while (references.hasNext()) {
        const QRegularExpressionMatch reference = references.next();
        const QString name = reference.captured(1);
        const Template* entry = find(name);
        if (!entry) {
            QStringList known;
            for (const Template& each : m_templates)
                known.append(each.name);
            return Result<QString>::failure(
                QStringLiteral("template://%1: there is no template %1 (templates: %2)")
                    .arg(name, known.join(QStringLiteral(", "))));
        }
        QHash<QString, QString> values;
        for (const QString& pair : reference.captured(2).split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
            const qsizetype equals = pair.indexOf(QLatin1Char('='));
            if (equals > 0)
                values.insert(decoded(pair.left(equals)), decoded(pair.mid(equals + 1)));
        }
        QStringList missing;
        for (const QString& variable : entry->variables) {
            if (!values.contains(variable))
                missing.append(variable);
        }
        if (!missing.isEmpty())
            return Result<QString>::failure(
                QStringLiteral("template://%1: no value for %2 (the template needs %3)")
                    .arg(name, missing.join(QStringLiteral(", ")),
                         entry->variables.join(QStringLiteral(", "))));
        QString filled;
        qsizetype from = 0;
        QRegularExpressionMatchIterator placeholders = placeholderPattern().globalMatch(entry->prompt);
        while (placeholders.hasNext()) {
            const QRegularExpressionMatch placeholder = placeholders.next();
            filled += QStringView(entry->prompt).mid(from, placeholder.capturedStart() - from);
            filled += values.value(placeholder.captured(1));
            from = placeholder.capturedEnd();
        }
        filled += QStringView(entry->prompt).mid(from);
        result += QStringView(text).mid(copied, reference.capturedStart() - copied);
        result += filled;
        copied = reference.capturedEnd();
        if (changed)
            *changed = true;
    }
    result += QStringView(text).mid(copied);
    return Result<QString>::success(result);
}

Status PromptTemplates::expandAll(Json& document, bool* changed) const {
    if (document.is_string()) {
        bool expanded = false;
        Result<QString> text = expand(toQString(document.get<std::string>()), &expanded);
        if (!text)
            return Status::failureOf(text);
        if (expanded) {
            document = text.value().toStdString();
            *changed = true;
        }
        return Status::success();
    }
    if (document.is_array() || document.is_object()) {
        for (Json& child : document) {
            if (Status status = expandAll(child, changed); !status)
                return status;
        }
    }
    return Status::success();
}

} // namespace gatehouse
