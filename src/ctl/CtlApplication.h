#pragma once

#include "ctl/Command.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <vector>

namespace gatehouse {

// gatehouse-ctl itself: finds the command named on the command line, parses its options together with
// the global ones (which may come before or after the command), prepares the CtlContext and runs it.
// Every failure ends as one line on stderr and a non-zero exit code.
class CtlApplication {
    Q_DECLARE_TR_FUNCTIONS(CtlApplication)

public:
    CtlApplication();

    // `arguments` as QCoreApplication::arguments() gives them (program name first). Returns the exit code.
    int run(const QStringList& arguments);

private:
    struct Split {
        QStringList words;  // the command's words: {"policy", "attach"}
        QStringList others; // everything else, in order
    };

    int execute(const QStringList& arguments);
    Split split(const QStringList& arguments) const;
    bool isGroup(const QString& word) const;
    const Command* find(const QStringList& words) const;
    QStringList subcommandsOf(const QString& group) const;
    void printOut(const QString& text) const;

    std::vector<Command> m_commands;
    QList<QCommandLineOption> m_globalOptions;
    QCommandLineOption m_versionOption{QStringLiteral("version")};
};

} // namespace gatehouse
