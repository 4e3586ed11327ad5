#include "ctl/HelpFormatter.h"

#include <QStringList>
#include <algorithm>

namespace gatehouse {

namespace {

constexpr int lineWidth = 100;

QString optionSpelling(const QCommandLineOption& option) {
    QStringList names;
    for (const QString& name : option.names())
        names.append(name.size() == 1 ? QStringLiteral("-") + name : QStringLiteral("--") + name);
    QString spelling = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        spelling += QLatin1Char(' ') + option.valueName();
    return spelling;
}

} // namespace

HelpFormatter::HelpFormatter(const std::vector<Command>& commands,
                             const QList<QCommandLineOption>& globalOptions,
                             const QCommandLineOption& versionOption)
    : m_commands(commands), m_globalOptions(globalOptions), m_versionOption(versionOption) {
}

QString HelpFormatter::wrap(const QString& text, int indent, int width) {
    QStringList lines;
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        if (paragraph.startsWith(QLatin1String("  "))) { // verbatim: an example to copy and paste
            lines.append(paragraph);
            continue;
        }
        QString line;
        for (const QString& word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && indent + line.size() + 1 + word.size() > width) {
                lines.append(line);
                line.clear();
            }
            if (!line.isEmpty())
                line += QLatin1Char(' ');
            line += word;
        }
        lines.append(line);
    }
    const QString padding(indent, QLatin1Char(' '));
    for (QString& line : lines) {
        if (!line.isEmpty())
            line.prepend(padding);
    }
    return lines.join(QLatin1Char('\n'));
}

QString HelpFormatter::optionList(const QList<QCommandLineOption>& options) const {
    int column = 0;
    for (const QCommandLineOption& option : options)
        column = std::max(column, int(optionSpelling(option).size()));
    column = std::min(column + 4, 34);
    QStringList lines;
    for (const QCommandLineOption& option : options) {
        const QString spelling = QStringLiteral("  ") + optionSpelling(option);
        const QString description = wrap(option.description(), column + 2, lineWidth).trimmed();
        if (spelling.size() + 2 > column + 2)
            lines.append(spelling + QLatin1Char('\n') + wrap(option.description(), column + 2, lineWidth));
        else
            lines.append(spelling.leftJustified(column + 2, QLatin1Char(' ')) + description);
    }
    return lines.join(QLatin1Char('\n'));
}

QString HelpFormatter::commandList(const QString& groupWord) const {
    int column = 0;
    for (const Command& command : m_commands) {
        if (groupWord.isEmpty() || command.words.first() == groupWord)
            column = std::max(column, int(command.name().size()));
    }
    column += 4;
    QStringList lines;
    for (const Command& command : m_commands) {
        if (!groupWord.isEmpty() && command.words.first() != groupWord)
            continue;
        lines.append(
            QString(QStringLiteral("  ") + command.name()).leftJustified(column + 2, QLatin1Char(' ')) +
            wrap(command.summary, column + 2, lineWidth).trimmed());
    }
    return lines.join(QLatin1Char('\n'));
}

QString HelpFormatter::general() const {
    QStringList parts;
    //: Keep the option names and their placeholders DIR and FILE; <command> and [options] may be translated.
    parts.append(tr("Usage: gatehouse-ctl [--workspace DIR] [--secrets-file FILE] [--json] <command> "
                    "[options]"));
    parts.append(wrap(tr("Every Publisher and Developer Portal action of Gatehouse from the shell: create "
                         "AI APIs, attach policies, deploy, create applications, subscribe, generate keys "
                         "and get tokens. Data goes to standard output; warnings and errors go to standard "
                         "error, each error as one line \"gatehouse-ctl: <reason>\" with exit code 1 (2 "
                         "when the command line itself is wrong)."),
                      0, lineWidth));
    parts.append(tr("Global options (before or after the command):") + QLatin1Char('\n') +
                 optionList(m_globalOptions + QList<QCommandLineOption>{m_versionOption}));
    parts.append(tr("Commands:") + QLatin1Char('\n') + commandList(QString()));
    parts.append(tr("Run \"gatehouse-ctl <command> --help\" for the options of one command."));
    return parts.join(QStringLiteral("\n\n"));
}

QString HelpFormatter::group(const QString& groupWord) const {
    QStringList parts;
    //: %1 is a command group such as "api".
    parts.append(tr("Usage: gatehouse-ctl [global options] %1 <subcommand> [options]").arg(groupWord));
    parts.append(tr("Subcommands:") + QLatin1Char('\n') + commandList(groupWord));
    //: %1 is a command group such as "api"; "one" is one of its subcommands.
    parts.append(tr("Run \"gatehouse-ctl %1 <subcommand> --help\" for the options of one.").arg(groupWord));
    return parts.join(QStringLiteral("\n\n"));
}

QString HelpFormatter::command(const Command& command) const {
    QStringList parts;
    QString commandLine = command.name();
    if (!command.synopsis.isEmpty())
        commandLine += QLatin1Char(' ') + command.synopsis;
    //: %1 is the command and its options, such as "api show --api NAME|ID".
    parts.append(wrap(tr("Usage: gatehouse-ctl [global options] %1").arg(commandLine), 0, lineWidth));
    parts.append(wrap(command.description.isEmpty() ? command.summary : command.description, 0, lineWidth));
    if (!command.options.isEmpty())
        parts.append(tr("Options:") + QLatin1Char('\n') + optionList(command.options));
    parts.append(tr("Global options:") + QLatin1Char('\n') + optionList(m_globalOptions));
    return parts.join(QStringLiteral("\n\n"));
}

} // namespace gatehouse
