#pragma once

#include "core/Api.h"
#include "core/Application.h"
#include "core/Json.h"
#include "core/Provider.h"
#include "core/Workspace.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

namespace gatehouse {

class SecretStore;

// What every command works with: the global options, the workspace (opened, and locked for commands
// that modify it), the secret store (opened only when a command needs a secret), and the output
// conventions (data on stdout, warnings and errors on stderr, JSON with --json).
class CtlContext {
    Q_DECLARE_TR_FUNCTIONS(CtlContext)

public:
    struct Options {
        QString workspaceDirectory; // --workspace, or $GATEHOUSE_WORKSPACE
        QString secretsFile;        // --secrets-file; empty: the desktop keychain
        bool json = false;          // --json
    };

    explicit CtlContext(Options options);
    ~CtlContext();
    CtlContext(const CtlContext&) = delete;
    CtlContext& operator=(const CtlContext&) = delete;

    const Options& options() const { return m_options; }
    bool json() const { return m_options.json; }

    // Opens the workspace. `mayCreate`: a missing folder becomes a new workspace (commands that write);
    // otherwise a missing folder is an error rather than a silently created empty workspace.
    void openWorkspace(bool mayCreate);
    // Takes the workspace lock and re-reads the workspace under it, so that the command's
    // read-modify-write cannot interleave with another process's writes.
    void lockWorkspace();
    // Prints the files the workspace could not read as warnings.
    void reportWorkspaceProblems() const;
    bool hasWorkspace() const { return m_workspace != nullptr; }
    Workspace& workspace() const;
    // Opened on first use, so that commands without secrets never touch the keychain.
    SecretStore& secrets();

    // By name (case-insensitive), "Name:version" or id; a failure naming what is wrong otherwise.
    const Api& requireApi(const QString& nameOrId) const;
    const Application& requireApplication(const QString& nameOrId) const;
    const Provider* providerOf(const Api& api) const;
    // Runs ApiValidator against the workspace's other APIs: the first error ("<path>: <message>") stops
    // the command; without errors, the warnings go to stderr.
    void checkApi(const Api& api) const;

    void print(const QString& text) const; // one or more lines on stdout
    void printJson(const Json& value) const;
    static void warn(const QString& message); // "gatehouse-ctl: warning: <message>" on stderr

    static QString displayTime(const QDateTime& when); // local time, to the second
    static QString isoTime(const QDateTime& when);     // UTC ISO 8601 with milliseconds, for JSON

private:
    Options m_options;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<Workspace::WriteLock> m_lock; // declared after m_workspace: released before it
    std::unique_ptr<SecretStore> m_secrets;
};

} // namespace gatehouse
