#pragma once

#include "core/Api.h"
#include "core/Application.h"
#include "core/BusinessPlan.h"
#include "core/Deployment.h"
#include "core/ProviderRegistry.h"
#include "core/Result.h"
#include "core/Revision.h"
#include "core/WorkspaceFiles.h"
#include "core/WorkspaceSettings.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

class QLockFile;

namespace gatehouse {

// Everything a user designs and owns, as JSON files under one folder:
//
//   workspace.json                 schema version, id, settings, business plans
//   providers/<id>.json            custom provider templates
//   apis/<id>/api.json             design state (what the Publisher edits)
//   apis/<id>/revisions/<N>.json   immutable deployed snapshots
//   deployments.json               which revision of which API is live
//   applications/<id>.json         Developer Portal state (key ids, never secrets)
//
// Every write is atomic (QSaveFile) and happens under a lock file shared by every Gatehouse process.
// A file changed on disk since this object read it is never overwritten blindly: the write fails
// with ErrorCode::Conflict and the caller reloads. A file that cannot be read is reported in
// problems() and left untouched (ErrorCode::Unreadable) until the user repairs or removes it; the
// three collections (APIs, applications, providers) share that logic through WorkspaceFiles.
// Operations return a Status whose code callers decide on; its message is for the user.
class Workspace : public QObject {
    Q_OBJECT
public:
    static constexpr int SchemaVersion = WorkspaceFiles::SchemaVersion;

    // Holds the workspace lock while alive, so that a read-modify-write sequence (one gatehouse-ctl
    // command, or one operation of this class) cannot interleave with another process's writes.
    // Nested holds in one process are counted: the lock file is released with the outermost.
    class WriteLock {
    public:
        ~WriteLock();
        WriteLock(const WriteLock&) = delete;
        WriteLock& operator=(const WriteLock&) = delete;

    private:
        friend class Workspace;
        explicit WriteLock(Workspace& workspace) : m_workspace(workspace) {}
        Workspace& m_workspace;
    };

    explicit Workspace(QObject* parent = nullptr);
    ~Workspace() override;

    // Opens the workspace in `directory`, initialising an empty one when the folder is missing or
    // empty. Fails without touching the disk when workspace.json is unreadable or newer than this
    // build understands.
    Status open(const QString& directory);
    Status reload();
    bool isOpen() const { return !m_directory.isEmpty(); }

    QString directory() const { return m_directory; }
    QString id() const { return m_id; }
    QString filePath(const QString& relativePath) const;
    // Files that could not be read, one line each: "<file>:<line>:<column>: <reason>".
    const QStringList& problems() const { return m_problems; }

    // How long a write waits for another process's lock before giving up.
    void setLockTimeout(int milliseconds) { m_lockTimeoutMs = milliseconds; }
    Result<std::unique_ptr<WriteLock>> lock();

    const WorkspaceSettings& settings() const { return m_settings; }
    Status saveSettings(const WorkspaceSettings& settings);
    const std::vector<BusinessPlan>& businessPlans() const { return m_plans; }
    const BusinessPlan* businessPlan(const QString& name) const;
    Status saveBusinessPlans(const std::vector<BusinessPlan>& plans);

    // Built-in providers plus the workspace's custom ones.
    const ProviderRegistry& providers() const { return m_providers; }
    const Provider* provider(const QString& id) const { return m_providers.find(id); }
    Status saveCustomProvider(Provider provider);
    // Deletes providers/<id>.json. Refused for built-in providers and while an API is created from it
    // (the gateway needs the provider's locations to route that API's calls).
    Status deleteCustomProvider(const QString& id);

    const std::vector<Api>& apis() const { return m_apis; }
    const Api* api(const QString& apiId) const;
    // By name (case-insensitive), "Name:version", or id; nullptr when none or ambiguous.
    const Api* findApi(const QString& nameOrId) const;
    QString newApiId(const QString& name, const QString& version) const;
    Status saveApi(Api api);
    Status removeApi(const QString& apiId);

    Result<Revision> createRevision(const QString& apiId, const QString& description);
    std::vector<Revision> revisions(const QString& apiId, QStringList* problems = nullptr) const;
    Result<Revision> revision(const QString& apiId, int number) const;

    const std::vector<Deployment>& deployments() const { return m_deployments; }
    const Deployment* deployment(const QString& apiId) const;
    Status deploy(const QString& apiId, int revisionNumber);
    Status undeploy(const QString& apiId);

    const std::vector<Application>& applications() const { return m_applications; }
    const Application* application(const QString& applicationId) const;
    const Application* findApplication(const QString& nameOrId) const;
    QString newApplicationId(const QString& name) const;
    Status saveApplication(const Application& application);
    Status removeApplication(const QString& applicationId);

Q_SIGNALS:
    void providersChanged();
    void apiSaved(const QString& apiId);
    void apiRemoved(const QString& apiId);
    void applicationSaved(const QString& applicationId);
    void applicationRemoved(const QString& applicationId);
    void deploymentsChanged();
    void settingsChanged();
    void reloaded();

private:
    Status acquireLock();
    void releaseLock();
    Status loadRoot();
    Json rootDocument() const;
    Status saveRoot();
    // One document written or deleted under the workspace lock.
    Status saveLocked(const QString& relativePath, const Json& body);
    Status removeLocked(const QString& relativePath);
    void loadApis();
    void loadApplications();
    void loadDeployments();
    void loadProviders();
    Status writeDeployments(std::vector<Deployment> deployments);
    // Deploys `revisionNumber` of the API, or undeploys it (nullopt), merging with what is on disk.
    Status setDeployment(const QString& apiId, std::optional<int> revisionNumber);
    Result<std::vector<Deployment>> readDeploymentsFromDisk();
    QString uniqueSlug(const QString& base, const QString& folder, const QStringList& taken) const;

    QString m_directory;
    QString m_id;
    QString m_name;
    WorkspaceSettings m_settings;
    std::vector<BusinessPlan> m_plans;
    ProviderRegistry m_providers;
    std::vector<Api> m_apis;
    std::vector<Application> m_applications;
    std::vector<Deployment> m_deployments;
    QStringList m_problems;
    WorkspaceFiles m_files;
    std::unique_ptr<QLockFile> m_lockFile;
    int m_lockDepth = 0;
    int m_lockTimeoutMs = 10000;
};

} // namespace gatehouse
