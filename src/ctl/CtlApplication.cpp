#include "ctl/CtlApplication.h"

#include "ctl/ApiCommands.h"
#include "ctl/ApplicationCommands.h"
#include "ctl/CommandArguments.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/CtlOutput.h"
#include "ctl/DeployCommands.h"
#include "ctl/EmbeddingCommands.h"
#include "ctl/EndpointCommands.h"
#include "ctl/GatewayCommands.h"
#include "ctl/GuardrailCommands.h"
#include "ctl/HelpFormatter.h"
#include "ctl/InteropCommands.h"
#include "ctl/InvokeCommand.h"
#include "ctl/KeyCommands.h"
#include "ctl/PlanCommands.h"
#include "ctl/PolicyCommands.h"
#include "ctl/PriceCommands.h"
#include "ctl/ProviderCommands.h"
#include "ctl/TokenCommand.h"
#include "ctl/UsageCommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>
#include <exception>

namespace gatehouse {

namespace {

const QString workspaceOption = QStringLiteral("workspace");
const QString secretsFileOption = QStringLiteral("secrets-file");
const QString jsonOption = QStringLiteral("json");
const QString helpOption = QStringLiteral("help");
const QString versionOption = QStringLiteral("version");

// "--workspace=DIR" -> "workspace"; "-h" -> "h".
QString optionNameOf(const QString& argument) {
    QString name = argument;
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    const qsizetype equals = name.indexOf(QLatin1Char('='));
    return equals >= 0 ? name.left(equals) : name;
}

bool isOption(const QString& argument) {
    return argument.size() > 1 && argument.startsWith(QLatin1Char('-'));
}

void printError(const QString& message) {
    CtlOutput::err((QStringLiteral("gatehouse-ctl: ") + message + QLatin1Char('\n')).toUtf8());
}

} // namespace

CtlApplication::CtlApplication() {
    m_globalOptions = {
        Command::valueOption(workspaceOption, QStringLiteral("DIR"),
                             tr("The workspace folder. Default: $GATEHOUSE_WORKSPACE. Commands that "
                                "write create it when missing.")),
        Command::valueOption(secretsFileOption, QStringLiteral("FILE"),
                             //: FILE is the value placeholder of --secrets-file: keep it.
                             tr("Keep backend keys and consumer secrets in FILE (created with mode 0600) "
                                "instead of the desktop keychain: for machines without a Secret Service.")),
        Command::flagOption(jsonOption, tr("Machine-readable JSON on standard output.")),
        QCommandLineOption({QStringLiteral("h"), helpOption},
                           tr("Describe gatehouse-ctl, or the command it follows.")),
    };
    // Only before any command: "api create" has a --version of its own.
    m_versionOption = Command::flagOption(versionOption, tr("Print the version (without a command)."));
    for (std::vector<Command> group :
         {ApiCommands::commands(), EndpointCommands::commands(), PolicyCommands::commands(),
          DeployCommands::commands(), ApplicationCommands::commands(), KeyCommands::commands(),
          TokenCommand::commands(), InvokeCommand::commands(), GatewayCommands::commands(),
          GuardrailCommands::commands(), EmbeddingCommands::commands(), InteropCommands::commands(),
          ProviderCommands::commands(), PriceCommands::commands(), PlanCommands::commands(),
          UsageCommands::commands()}) {
        for (Command& command : group)
            m_commands.push_back(std::move(command));
    }
}

bool CtlApplication::isGroup(const QString& word) const {
    for (const Command& command : m_commands) {
        if (command.words.size() > 1 && command.words.first() == word)
            return true;
    }
    return false;
}

const Command* CtlApplication::find(const QStringList& words) const {
    for (const Command& command : m_commands) {
        if (command.words == words)
            return &command;
    }
    return nullptr;
}

QStringList CtlApplication::subcommandsOf(const QString& group) const {
    QStringList names;
    for (const Command& command : m_commands) {
        if (command.words.size() > 1 && command.words.first() == group)
            names.append(command.words.at(1));
    }
    return names;
}

CtlApplication::Split CtlApplication::split(const QStringList& arguments) const {
    Split result;
    bool commandOptionsStarted = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (isOption(argument)) {
            result.others.append(argument);
            const QString name = optionNameOf(argument);
            const bool global = name == workspaceOption || name == secretsFileOption || name == jsonOption ||
                                name == helpOption || name == QLatin1String("h");
            if (!global) {
                commandOptionsStarted = true;
                continue;
            }
            const bool takesValue = name == workspaceOption || name == secretsFileOption;
            if (takesValue && !argument.contains(QLatin1Char('=')) && i + 1 < arguments.size())
                result.others.append(arguments.at(++i));
            continue;
        }
        // The command's words come first (global options may sit between them); anything after the
        // command's own options began is a value or a stray argument for the option parser to judge.
        const bool wantsWord =
            result.words.isEmpty() || (result.words.size() == 1 && isGroup(result.words.first()));
        if (!commandOptionsStarted && wantsWord)
            result.words.append(argument);
        else
            result.others.append(argument);
    }
    return result;
}

void CtlApplication::printOut(const QString& text) const {
    CtlOutput::out((text + QLatin1Char('\n')).toUtf8());
}

int CtlApplication::execute(const QStringList& arguments) {
    const Split parts = split(arguments);
    const HelpFormatter help(m_commands, m_globalOptions, m_versionOption);
    const auto given = [&](const QString& name) {
        for (const QString& argument : parts.others) {
            if (isOption(argument) && optionNameOf(argument) == name)
                return true;
        }
        return false;
    };
    const bool helpWanted = given(helpOption) || given(QStringLiteral("h"));

    if (parts.words.isEmpty()) {
        if (helpWanted) {
            printOut(help.general());
            return 0;
        }
        if (given(versionOption)) {
            printOut(QStringLiteral("gatehouse-ctl ") + QCoreApplication::applicationVersion());
            return 0;
        }
        throw CtlError::usage(tr("no command given (see gatehouse-ctl --help)"));
    }
    const QString& verb = parts.words.first();
    if (!find({verb}) && !isGroup(verb))
        throw CtlError::usage(tr("unknown command \"%1\" (see gatehouse-ctl --help)").arg(verb));
    if (isGroup(verb) && parts.words.size() == 1) {
        if (helpWanted) {
            printOut(help.group(verb));
            return 0;
        }
        //: %1 is a command group such as "api", %2 the list of its subcommands.
        throw CtlError::usage(tr("\"%1\" needs a subcommand: %2 (see gatehouse-ctl %1 --help)")
                                  .arg(verb, subcommandsOf(verb).join(QStringLiteral(", "))));
    }
    const Command* command = find(parts.words);
    if (!command)
        //: %1 is the command as typed, %2 its command group, %3 the group's subcommands.
        throw CtlError::usage(tr("unknown command \"%1\"; %2 has: %3")
                                  .arg(parts.words.join(QLatin1Char(' ')), verb,
                                       subcommandsOf(verb).join(QStringLiteral(", "))));

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOptions(m_globalOptions);
    parser.addOptions(command->options);
    if (!parser.parse(QStringList{arguments.value(0)} + parts.others)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty())
            throw CtlError::usage(
                //: %1 is a command such as "api create", %2 the option as typed.
                tr("%1 has no option %2 (see gatehouse-ctl %1 --help)")
                    .arg(command->name(),
                         (unknown.first().size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) +
                             unknown.first()));
        // Qt's own wording ("Missing value after '--name'."), in the style of the other messages.
        QString text = parser.errorText().trimmed();
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
        if (!text.isEmpty())
            text[0] = text[0].toLower();
        throw CtlError::usage(text);
    }
    if (parser.isSet(helpOption)) {
        printOut(help.command(*command));
        return 0;
    }
    if (!command->acceptsPositional && !parser.positionalArguments().isEmpty())
        throw CtlError::usage(tr("unexpected argument \"%1\" (see gatehouse-ctl %2 --help)")
                                  .arg(parser.positionalArguments().first(), command->name()));

    CtlContext::Options options;
    options.workspaceDirectory = parser.isSet(workspaceOption) ? parser.value(workspaceOption)
                                                               : qEnvironmentVariable("GATEHOUSE_WORKSPACE");
    options.secretsFile = parser.value(secretsFileOption);
    options.json = parser.isSet(jsonOption);
    if (parser.isSet(secretsFileOption) && options.secretsFile.trimmed().isEmpty())
        throw CtlError::usage(tr("%1 must not be empty").arg(QStringLiteral("--secrets-file")));
    CtlContext context(options);
    if (command->needsWorkspace) {
        context.openWorkspace(command->modifiesWorkspace);
        if (command->modifiesWorkspace)
            context.lockWorkspace();
        context.reportWorkspaceProblems();
    }
    command->run(context, CommandArguments(parser));
    return 0;
}

int CtlApplication::run(const QStringList& arguments) {
    int code = 0;
    try {
        code = execute(arguments);
    } catch (const CtlError& error) {
        printError(error.message());
        code = error.exitCode();
    } catch (const std::exception& error) {
        printError(tr("internal error: %1").arg(QString::fromUtf8(error.what())));
        code = CtlError::FailureExit;
    }
    CtlOutput::flush();
    return code;
}

} // namespace gatehouse
