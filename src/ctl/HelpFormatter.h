#pragma once

#include "ctl/Command.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <vector>

namespace gatehouse {

// The text of "gatehouse-ctl --help", "gatehouse-ctl <group> --help" and "gatehouse-ctl <command> --help".
class HelpFormatter {
    Q_DECLARE_TR_FUNCTIONS(HelpFormatter)

public:
    HelpFormatter(const std::vector<Command>& commands, const QList<QCommandLineOption>& globalOptions,
                  const QCommandLineOption& versionOption);

    QString general() const;
    QString group(const QString& groupWord) const;
    QString command(const Command& command) const;

private:
    QString optionList(const QList<QCommandLineOption>& options) const;
    QString commandList(const QString& groupWord) const;
    static QString wrap(const QString& text, int indent, int width);

    const std::vector<Command>& m_commands;
    const QList<QCommandLineOption>& m_globalOptions;
    const QCommandLineOption& m_versionOption;
};

} // namespace gatehouse
