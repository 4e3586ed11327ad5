#pragma once

#include "core/FlowKind.h"
#include "core/Stage.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

class QCommandLineParser;

namespace gatehouse {

// The parsed options of one command, with the checks every command needs. Every check that fails
// throws a usage CtlError naming the option.
class CommandArguments {
    Q_DECLARE_TR_FUNCTIONS(CommandArguments)

public:
    explicit CommandArguments(const QCommandLineParser& parser);

    bool isSet(const QString& name) const;
    // The option's value, or an empty string when it was not given.
    QString value(const QString& name) const;
    // Every value of an option that may be given several times, in order.
    QStringList values(const QString& name) const;
    // The option's value; a usage error when it is missing or empty.
    QString required(const QString& name) const;
    // The value of an optional option that, when given, must not be empty.
    QString nonEmptyIfSet(const QString& name) const;
    // A whole number in [minimum, maximum], or nullopt when the option is not given.
    std::optional<int> integer(const QString& name, int minimum, int maximum) const;
    Stage requiredStage(const QString& name) const;
    FlowKind requiredFlow(const QString& name) const;
    // The plain arguments after the command's words, for commands that accept them.
    QStringList positional() const;
    // Exactly one of `names` must be given; returns it.
    QString exactlyOneOf(const QStringList& names) const;

    static QString dashed(const QString& name) { return QStringLiteral("--") + name; }

private:
    const QCommandLineParser& m_parser;
};

} // namespace gatehouse
