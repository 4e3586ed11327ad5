#include "ctl/CtlContext.h"

#include "core/ApiValidator.h"
#include "core/PolicyCatalogue.h"
#include "core/SecretStore.h"
#include "core/SecretStoreFactory.h"
#include "ctl/CtlError.h"
#include "ctl/CtlOutput.h"

#include <QFileInfo>
#include <cstdio>

namespace gatehouse {

CtlContext::CtlContext(Options options) : m_options(std::move(options)) {
}

CtlContext::~CtlContext() = default;

void CtlContext::openWorkspace(bool mayCreate) {
    if (m_workspace)
        return;
    const QString directory = m_options.workspaceDirectory;
    if (directory.isEmpty())
        throw CtlError::usage(tr("no workspace given: pass --workspace DIR or set GATEHOUSE_WORKSPACE"));
    if (!mayCreate && !QFileInfo(directory).isDir())
        throw CtlError::failure(tr("no workspace at %1 (the folder does not exist)").arg(directory));
    auto workspace = std::make_unique<Workspace>();
    QString error;
    if (!workspace->open(directory).ok(&error))
        throw CtlError::failure(error);
    m_workspace = std::move(workspace);
}

void CtlContext::lockWorkspace() {
    if (m_lock)
        return;
    Result<std::unique_ptr<Workspace::WriteLock>> lock = workspace().lock();
    if (!lock)
        throw CtlError::failure(lock.error());
    m_lock = lock.take();
    // What was read before the lock may be stale by now.
    if (const Status reloaded = m_workspace->reload(); !reloaded)
        throw CtlError::failure(reloaded.error());
}

void CtlContext::reportWorkspaceProblems() const {
    if (!m_workspace)
        return;
    for (const QString& problem : m_workspace->problems()) {
        for (const QString& line : problem.split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty())
                warn(line);
        }
    }
}

Workspace& CtlContext::workspace() const {
    if (!m_workspace)
        throw CtlError::failure(tr("internal error: the workspace is not open"));
    return *m_workspace;
}

SecretStore& CtlContext::secrets() {
    if (!m_secrets) {
        QString error;
        m_secrets = SecretStoreFactory::open(workspace(), m_options.secretsFile, &error);
        if (!m_secrets)
            throw CtlError::failure(error.isEmpty() ? tr("cannot open the secret store") : error);
    }
    return *m_secrets;
}

const Api& CtlContext::requireApi(const QString& nameOrId) const {
    if (nameOrId.trimmed().isEmpty())
        throw CtlError::usage(tr("%1 must not be empty").arg(QStringLiteral("--api")));
    if (const Api* api = workspace().findApi(nameOrId))
        return *api;
    QStringList versions;
    for (const Api& candidate : workspace().apis()) {
        if (candidate.name.compare(nameOrId, Qt::CaseInsensitive) == 0)
            versions.append(candidate.version);
    }
    if (versions.size() > 1)
        throw CtlError::failure(
            //: VERSION is a placeholder for the version to type after the name.
            tr("several APIs are named \"%1\" (versions %2): name one as %1:VERSION or by "
               "its id")
                .arg(nameOrId, versions.join(QStringLiteral(", "))));
    throw CtlError::failure(
        tr("no API named \"%1\" in this workspace (see gatehouse-ctl api list)").arg(nameOrId));
}

const Application& CtlContext::requireApplication(const QString& nameOrId) const {
    if (nameOrId.trimmed().isEmpty())
        throw CtlError::usage(tr("%1 must not be empty").arg(QStringLiteral("--app")));
    if (const Application* application = workspace().findApplication(nameOrId))
        return *application;
    throw CtlError::failure(
        tr("no application named \"%1\" in this workspace (see gatehouse-ctl app list)").arg(nameOrId));
}

const Provider* CtlContext::providerOf(const Api& api) const {
    return api.providerId.isEmpty() ? nullptr : workspace().provider(api.providerId);
}

void CtlContext::checkApi(const Api& api) const {
    const ApiValidator validator(PolicyCatalogue::builtin(), providerOf(api));
    const ValidationReport report = validator.validate(api, workspace().apis());
    const std::vector<ValidationIssue> errors = report.errors();
    if (!errors.empty()) {
        // Refused: the one error line says it all; warnings would only bury it.
        QString message = errors.front().path + QStringLiteral(": ") + errors.front().message;
        // Two messages rather than one "%n more error(s)": the English text stays as it was, and
        // the second one (never used for 1) still gets every language's plural forms.
        if (errors.size() == 2)
            message += QLatin1Char(' ') + tr("(and 1 more error)");
        else if (errors.size() > 2)
            message += QLatin1Char(' ') + tr("(and %n more errors)", nullptr, int(errors.size() - 1));
        throw CtlError::failure(message);
    }
    for (const ValidationIssue& issue : report.warnings())
        warn(issue.path + QStringLiteral(": ") + issue.message);
}

void CtlContext::print(const QString& text) const {
    CtlOutput::out((text + QLatin1Char('\n')).toUtf8());
}

void CtlContext::printJson(const Json& value) const {
    const std::string text = dumpPretty(value);
    CtlOutput::out(QByteArray(text.data(), qsizetype(text.size())) + '\n');
}

void CtlContext::warn(const QString& message) {
    QString line = message;
    line.replace(QLatin1Char('\n'), QStringLiteral("; "));
    //: The start of a warning line on standard error, after "gatehouse-ctl: "; %1 is the warning.
    CtlOutput::err(
        (QStringLiteral("gatehouse-ctl: ") + tr("warning: %1").arg(line) + QLatin1Char('\n')).toUtf8());
}

QString CtlContext::displayTime(const QDateTime& when) {
    return when.isValid() ? when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QStringLiteral("-");
}

QString CtlContext::isoTime(const QDateTime& when) {
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace gatehouse
