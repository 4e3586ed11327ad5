#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace gatehouse {

class CommandArguments;
class CtlContext;

// One gatehouse-ctl command ("api create", "deploy"): how it is spelled, documented and run. The run
// function reports failure by throwing CtlError; returning means success (exit code 0).
struct Command {
    QStringList words;   // {"policy", "attach"}
    QString synopsis;    // the options part of the usage line
    QString summary;     // one line, for "gatehouse-ctl --help"
    QString description; // what it does, for "gatehouse-ctl <command> --help"
    QList<QCommandLineOption> options;
    bool needsWorkspace = true;
    // Holds the workspace lock from before its first read to after its last write.
    bool modifiesWorkspace = false;
    // Takes plain arguments after its words ("import DIR"); CommandArguments::positional() has them.
    bool acceptsPositional = false;
    std::function<void(CtlContext&, const CommandArguments&)> run;

    QString name() const { return words.join(QLatin1Char(' ')); }

    static QCommandLineOption valueOption(const QString& name, const QString& valueName,
                                          const QString& description);
    static QCommandLineOption flagOption(const QString& name, const QString& description);
};

} // namespace gatehouse
