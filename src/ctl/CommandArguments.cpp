#include "ctl/CommandArguments.h"

#include "ctl/CtlError.h"

#include <QCommandLineParser>

namespace gatehouse {

CommandArguments::CommandArguments(const QCommandLineParser& parser) : m_parser(parser) {
}

bool CommandArguments::isSet(const QString& name) const {
    return m_parser.isSet(name);
}

QString CommandArguments::value(const QString& name) const {
    return m_parser.isSet(name) ? m_parser.value(name) : QString();
}

QStringList CommandArguments::values(const QString& name) const {
    return m_parser.isSet(name) ? m_parser.values(name) : QStringList();
}

QStringList CommandArguments::positional() const {
    return m_parser.positionalArguments();
}

QString CommandArguments::required(const QString& name) const {
    if (!m_parser.isSet(name))
        throw CtlError::usage(tr("missing %1").arg(dashed(name)));
    return nonEmptyIfSet(name);
}

QString CommandArguments::nonEmptyIfSet(const QString& name) const {
    const QString text = value(name);
    if (m_parser.isSet(name) && text.trimmed().isEmpty())
        throw CtlError::usage(tr("%1 must not be empty").arg(dashed(name)));
    return text;
}

std::optional<int> CommandArguments::integer(const QString& name, int minimum, int maximum) const {
    if (!m_parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    const QString text = m_parser.value(name).trimmed();
    const qlonglong number = text.toLongLong(&ok);
    if (!ok || number < minimum || number > maximum)
        throw CtlError::usage(tr("%1 must be a whole number from %2 to %3 (got \"%4\")")
                                  .arg(dashed(name))
                                  .arg(minimum)
                                  .arg(maximum)
                                  .arg(text));
    return int(number);
}

Stage CommandArguments::requiredStage(const QString& name) const {
    const QString text = required(name);
    const std::optional<Stage> stage = parseStage(text);
    if (!stage)
        //: "production" and "sandbox" are the values to type: keep them in English.
        throw CtlError::usage(tr("%1 must be production or sandbox (got \"%2\")").arg(dashed(name), text));
    return *stage;
}

FlowKind CommandArguments::requiredFlow(const QString& name) const {
    const QString text = required(name);
    const std::optional<FlowKind> flow = parseFlowKind(text);
    if (!flow)
        //: "request", "response" and "fault" are the values to type: keep them in English.
        throw CtlError::usage(
            tr("%1 must be request, response or fault (got \"%2\")").arg(dashed(name), text));
    return *flow;
}

QString CommandArguments::exactlyOneOf(const QStringList& names) const {
    QStringList given;
    for (const QString& name : names) {
        if (m_parser.isSet(name))
            given.append(name);
    }
    QStringList spelled;
    for (const QString& name : names)
        spelled.append(dashed(name));
    if (given.size() != 1)
        throw CtlError::usage(tr("give exactly one of %1").arg(spelled.join(QStringLiteral(", "))));
    return given.first();
}

} // namespace gatehouse
