#include "core/Workspace.h"

#include "core/JsonFieldReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QUuid>
#include <algorithm>

namespace gatehouse {

namespace {

const QString rootFile = QStringLiteral("workspace.json");
const QString deploymentsFile = QStringLiteral("deployments.json");
const QString lockFileName = QStringLiteral(".gatehouse.lock");

QString apiFile(const QString& apiId) {
    return QStringLiteral("apis/%1/api.json").arg(apiId);
}

QString applicationFile(const QString& applicationId) {
    return QStringLiteral("applications/%1.json").arg(applicationId);
}

QString providerFile(const QString& providerId);

QString revisionFile(const QString& apiId, int number) {
    return QStringLiteral("apis/%1/revisions/%2.json").arg(apiId).arg(number);
}

QString slugOf(const QString& text) {
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9._]+"));
    QString slug = text.toLower().replace(nonWord, QStringLiteral("-"));
    while (slug.startsWith(QLatin1Char('-')) || slug.startsWith(QLatin1Char('.')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("item") : slug.left(64);
}

QString providerFile(const QString& providerId) {
    return QStringLiteral("providers/%1.json").arg(slugOf(providerId));
}

// The in-memory side of the id-keyed collections (APIs, applications), next to WorkspaceFiles' disk side.
template <typename T> const T* findById(const std::vector<T>& items, const QString& id) {
    const auto found = std::find_if(items.begin(), items.end(), [&](const T& each) { return each.id == id; });
    return found == items.end() ? nullptr : &*found;
}

template <typename T> void putById(std::vector<T>& items, T item) {
    const auto found =
        std::find_if(items.begin(), items.end(), [&](const T& each) { return each.id == item.id; });
    if (found != items.end())
        *found = std::move(item);
    else
        items.push_back(std::move(item));
}

template <typename T> void eraseById(std::vector<T>& items, const QString& id) {
    items.erase(std::remove_if(items.begin(), items.end(), [&](const T& each) { return each.id == id; }),
                items.end());
}

QString prefixed(const QString& file, const QStringList& errors) {
    QStringList lines;
    for (const QString& error : errors)
        lines.append(file + QStringLiteral(": ") + error);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Workspace::WriteLock::~WriteLock() {
    m_workspace.releaseLock();
}

Workspace::Workspace(QObject* parent) : QObject(parent) {
}

Workspace::~Workspace() = default;

QString Workspace::filePath(const QString& relativePath) const {
    return m_directory + QLatin1Char('/') + relativePath;
}

Status Workspace::acquireLock() {
    if (m_lockDepth > 0) {
        ++m_lockDepth;
        return Status::success();
    }
    if (!m_lockFile) {
        m_lockFile = std::make_unique<QLockFile>(filePath(lockFileName));
        // A lock is stale only when its owner died, however long an honest owner holds it.
        m_lockFile->setStaleLockTime(0);
    }
    if (!m_lockFile->tryLock(m_lockTimeoutMs)) {
        qint64 pid = 0;
        QString host;
        QString application;
        if (m_lockFile->error() == QLockFile::LockFailedError &&
            m_lockFile->getLockInfo(&pid, &host, &application)) {
            if (application.isEmpty())
                //: Who holds the lock when the lock file does not say.
                application = tr("another program");
            return Status::failure(
                ErrorCode::Locked,
                tr("the workspace is locked by %1 (process %2 on %3); try again when it is done")
                    .arg(application)
                    .arg(pid)
                    .arg(host));
        }
        return Status::failure(ErrorCode::Locked,
                               tr("cannot lock the workspace (%1)").arg(filePath(lockFileName)));
    }
    m_lockDepth = 1;
    return Status::success();
}

void Workspace::releaseLock() {
    if (m_lockDepth == 0)
        return;
    if (--m_lockDepth == 0 && m_lockFile)
        m_lockFile->unlock();
}

Result<std::unique_ptr<Workspace::WriteLock>> Workspace::lock() {
    using Held = Result<std::unique_ptr<WriteLock>>;
    if (Status acquired = acquireLock(); !acquired)
        return Held::failureOf(acquired);
    // The constructor is private to this class, so make_unique cannot reach it.
    return Held::success(std::unique_ptr<WriteLock>(new WriteLock(*this)));
}

Json Workspace::rootDocument() const {
    Json body = Json::object();
    body["id"] = toStdString(m_id);
    body["name"] = toStdString(m_name);
    body["settings"] = m_settings.toJson();
    Json plans = Json::array();
    for (const BusinessPlan& plan : m_plans)
        plans.push_back(plan.toJson());
    body["businessPlans"] = std::move(plans);
    return body;
}

Status Workspace::saveRoot() {
    return saveLocked(rootFile, rootDocument());
}

Status Workspace::saveLocked(const QString& relativePath, const Json& body) {
    const auto held = lock();
    if (!held)
        return Status::failureOf(held);
    return m_files.save(relativePath, body);
}

Status Workspace::removeLocked(const QString& relativePath) {
    const auto held = lock();
    if (!held)
        return Status::failureOf(held);
    return m_files.remove(relativePath);
}

Status Workspace::open(const QString& directory) {
    const QString absolute = QDir(directory).absolutePath();
    if (QFileInfo(absolute).exists() && !QFileInfo(absolute).isDir())
        return Status::failure(ErrorCode::Invalid, tr("%1 is a file, not a workspace folder").arg(absolute));
    if (!QDir().mkpath(absolute))
        return Status::failure(ErrorCode::Io, tr("%1: cannot create the workspace folder").arg(absolute));
    if (absolute != m_directory) {
        // A lock held on this folder (a reload inside a WriteLock) must survive; one on another
        // folder means nothing here.
        m_lockFile.reset();
        m_lockDepth = 0;
    }
    m_directory = absolute;
    m_files.setDirectory(absolute);
    if (Status root = loadRoot(); !root) {
        m_directory.clear();
        return root;
    }
    m_problems.clear();
    loadProviders();
    loadApis();
    loadApplications();
    loadDeployments();
    Q_EMIT reloaded();
    return Status::success();
}

Status Workspace::reload() {
    if (!isOpen())
        return Status::failure(ErrorCode::NotFound, tr("no workspace is open"));
    return open(m_directory);
}

Status Workspace::loadRoot() {
    if (!m_files.exists(rootFile)) {
        const QDir folder(m_directory);
        const QStringList entries = folder.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        if (!entries.isEmpty() && !(entries.size() == 1 && entries.first() == lockFileName))
            return Status::failure(ErrorCode::Refused,
                                   tr("%1 is not empty and has no workspace.json: refusing to turn it into a "
                                      "workspace")
                                       .arg(m_directory));
        const auto held = lock();
        if (!held)
            return Status::failureOf(held);
        // Another process may have initialised the folder while this one waited for the lock: its
        // workspace id (the keychain scope of its secrets) must not be replaced.
        if (m_files.exists(rootFile))
            return loadRoot();
        m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_name = QFileInfo(m_directory).fileName();
        m_settings = WorkspaceSettings();
        m_plans = BusinessPlan::defaults();
        return m_files.save(rootFile, rootDocument());
    }
    const Result<Json> document = m_files.read(rootFile);
    if (!document)
        return Status::failureOf(document);
    QStringList errors;
    JsonFieldReader reader(document.value(), QStringLiteral("$"), &errors);
    m_id = reader.requiredString("id");
    m_name = reader.optionalString("name", QFileInfo(m_directory).fileName());
    m_settings = WorkspaceSettings();
    if (reader.optionalObject("settings"))
        m_settings =
            WorkspaceSettings::fromJson(document.value()["settings"], reader.childPath("settings"), &errors);
    m_plans.clear();
    if (const Json* plans = reader.optionalArray("businessPlans")) {
        for (std::size_t i = 0; i < plans->size(); ++i)
            m_plans.push_back(BusinessPlan::fromJson(
                (*plans)[i], jsonIndexPath(reader.childPath("businessPlans"), i), &errors));
    } else {
        m_plans = BusinessPlan::defaults();
    }
    if (!errors.isEmpty())
        return Status::failure(ErrorCode::Unreadable, prefixed(rootFile, errors));
    return Status::success();
}

void Workspace::loadProviders() {
    m_providers = ProviderRegistry::builtin();
    const QDir folder(filePath(QStringLiteral("providers")));
    for (const QString& fileName : folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString relative = QStringLiteral("providers/") + fileName;
        const Result<Json> document = m_files.read(relative);
        if (!document) {
            m_problems.append(document.error());
            continue;
        }
        Result<Provider> provider = Provider::fromJson(document.value());
        if (!provider) {
            m_problems.append(prefixed(relative, provider.error().split(QLatin1Char('\n'))));
            m_files.markUnreadable(relative);
            continue;
        }
        Provider custom = provider.take();
        custom.builtin = false;
        QString error;
        if (!m_providers.add(std::move(custom), &error))
            m_problems.append(relative + QStringLiteral(": ") + error);
    }
}

void Workspace::loadApis() {
    m_apis.clear();
    const QDir folder(filePath(QStringLiteral("apis")));
    for (const QString& apiId : folder.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString relative = apiFile(apiId);
        if (!m_files.exists(relative))
            continue;
        const Result<Json> document = m_files.read(relative);
        if (!document) {
            m_problems.append(document.error());
            continue;
        }
        QStringList errors;
        Api api = Api::fromJson(document.value(), &errors);
        if (errors.isEmpty() && api.id != apiId)
            errors.append(tr("$.id: \"%1\" does not match its folder \"%2\"").arg(api.id, apiId));
        if (errors.isEmpty()) {
            m_apis.push_back(std::move(api));
            continue;
        }
        m_problems.append(prefixed(relative, errors));
        m_files.markUnreadable(relative);
    }
}

void Workspace::loadApplications() {
    m_applications.clear();
    const QDir folder(filePath(QStringLiteral("applications")));
    for (const QString& fileName : folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString relative = QStringLiteral("applications/") + fileName;
        const Result<Json> document = m_files.read(relative);
        if (!document) {
            m_problems.append(document.error());
            continue;
        }
        QStringList errors;
        Application application = Application::fromJson(document.value(), &errors);
        if (errors.isEmpty()) {
            m_applications.push_back(std::move(application));
            continue;
        }
        m_problems.append(prefixed(relative, errors));
        m_files.markUnreadable(relative);
    }
}

Result<std::vector<Deployment>> Workspace::readDeploymentsFromDisk() {
    using Deployments = Result<std::vector<Deployment>>;
    if (!m_files.exists(deploymentsFile)) {
        m_files.forget(deploymentsFile);
        return Deployments::success({});
    }
    const Result<Json> document = m_files.read(deploymentsFile);
    if (!document)
        return Deployments::failureOf(document);
    std::vector<Deployment> deployments;
    QStringList errors;
    JsonFieldReader reader(document.value(), QStringLiteral("$"), &errors);
    if (const Json* list = reader.optionalArray("deployments")) {
        for (std::size_t i = 0; i < list->size(); ++i)
            deployments.push_back(
                Deployment::fromJson((*list)[i], jsonIndexPath(reader.childPath("deployments"), i), &errors));
    }
    if (!errors.isEmpty())
        return Deployments::failure(ErrorCode::Unreadable, prefixed(deploymentsFile, errors));
    return Deployments::success(std::move(deployments));
}

void Workspace::loadDeployments() {
    Result<std::vector<Deployment>> deployments = readDeploymentsFromDisk();
    if (deployments)
        m_deployments = deployments.take();
    else {
        m_deployments.clear();
        m_problems.append(deployments.error());
    }
}

Status Workspace::writeDeployments(std::vector<Deployment> deployments) {
    Json list = Json::array();
    for (const Deployment& deployment : deployments)
        list.push_back(deployment.toJson());
    Json body = Json::object();
    body["deployments"] = std::move(list);
    // Merged with what is on disk under the lock (see deploy()), so no as-read check here.
    if (Status written = m_files.write(deploymentsFile, WorkspaceFiles::withSchema(body)); !written)
        return written;
    m_deployments = std::move(deployments);
    Q_EMIT deploymentsChanged();
    return Status::success();
}

Status Workspace::saveSettings(const WorkspaceSettings& settings) {
    const WorkspaceSettings previous = m_settings;
    m_settings = settings;
    if (Status saved = saveRoot(); !saved) {
        m_settings = previous;
        return saved;
    }
    Q_EMIT settingsChanged();
    return Status::success();
}

const BusinessPlan* Workspace::businessPlan(const QString& name) const {
    for (const BusinessPlan& plan : m_plans) {
        if (plan.name.compare(name, Qt::CaseInsensitive) == 0)
            return &plan;
    }
    return nullptr;
}

Status Workspace::saveBusinessPlans(const std::vector<BusinessPlan>& plans) {
    const std::vector<BusinessPlan> previous = m_plans;
    m_plans = plans;
    if (Status saved = saveRoot(); !saved) {
        m_plans = previous;
        return saved;
    }
    Q_EMIT settingsChanged();
    return Status::success();
}

Status Workspace::saveCustomProvider(Provider provider) {
    provider.builtin = false;
    if (const Provider* existing = m_providers.find(provider.id); existing && existing->builtin)
        return Status::failure(ErrorCode::Refused,
                               tr("provider id \"%1\" belongs to a built-in provider").arg(provider.id));
    if (Status saved = saveLocked(providerFile(provider.id), provider.toJson()); !saved)
        return saved;
    QString error;
    if (!m_providers.add(std::move(provider), &error))
        return Status::failure(ErrorCode::Invalid, error);
    Q_EMIT providersChanged();
    return Status::success();
}

Status Workspace::deleteCustomProvider(const QString& id) {
    const Provider* existing = m_providers.find(id);
    if (!existing)
        return Status::failure(ErrorCode::NotFound, tr("no provider with id \"%1\"").arg(id));
    if (existing->builtin)
        return Status::failure(
            ErrorCode::Refused,
            tr("%1 is a built-in provider and cannot be deleted").arg(existing->displayName));
    QStringList users;
    for (const Api& each : m_apis) {
        if (each.providerId == id)
            users.append(QStringLiteral("%1 %2").arg(each.name, each.version));
    }
    if (!users.isEmpty())
        //: %1 is a provider's name, %2 the APIs created from it ("SmartChat 1.0.0, ...").
        return Status::failure(ErrorCode::Refused,
                               tr("%1 is in use by %2; delete those APIs first")
                                   .arg(existing->displayName, users.join(QStringLiteral(", "))));
    if (Status removed = removeLocked(providerFile(id)); !removed)
        return removed;
    QString error;
    if (!m_providers.remove(id, &error))
        return Status::failure(ErrorCode::NotFound, error);
    Q_EMIT providersChanged();
    return Status::success();
}

const Api* Workspace::api(const QString& apiId) const {
    return findById(m_apis, apiId);
}

const Api* Workspace::findApi(const QString& nameOrId) const {
    if (const Api* byId = api(nameOrId))
        return byId;
    QString name = nameOrId;
    QString version;
    if (const qsizetype colon = nameOrId.lastIndexOf(QLatin1Char(':')); colon > 0) {
        name = nameOrId.left(colon);
        version = nameOrId.mid(colon + 1);
    }
    const Api* found = nullptr;
    for (const Api& candidate : m_apis) {
        if (candidate.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!version.isEmpty() && candidate.version != version)
            continue;
        if (found)
            return nullptr; // several versions: the caller must say which
        found = &candidate;
    }
    return found;
}

QString Workspace::uniqueSlug(const QString& base, const QString& folder, const QStringList& taken) const {
    const QString slug = slugOf(base);
    QString candidate = slug;
    for (int suffix = 2; taken.contains(candidate) || QFileInfo::exists(filePath(folder + candidate)) ||
                         QFileInfo::exists(filePath(folder + candidate + QStringLiteral(".json")));
         ++suffix)
        candidate = slug + QLatin1Char('-') + QString::number(suffix);
    return candidate;
}

QString Workspace::newApiId(const QString& name, const QString& version) const {
    // An unreadable API's folder is on disk, so uniqueSlug() counts it taken too.
    QStringList taken;
    for (const Api& existing : m_apis)
        taken.append(existing.id);
    return uniqueSlug(name + QLatin1Char('-') + version, QStringLiteral("apis/"), taken);
}

Status Workspace::saveApi(Api api) {
    if (api.id.isEmpty() || api.id != slugOf(api.id))
        return Status::failure(ErrorCode::Invalid, tr("invalid API id \"%1\"").arg(api.id));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!api.createdAt.isValid())
        api.createdAt = now;
    api.updatedAt = now;
    if (Status saved = saveLocked(apiFile(api.id), api.toJson()); !saved)
        return saved;
    const QString apiId = api.id;
    putById(m_apis, std::move(api));
    Q_EMIT apiSaved(apiId);
    return Status::success();
}

Status Workspace::removeApi(const QString& apiId) {
    if (!api(apiId))
        return Status::failure(ErrorCode::NotFound, tr("no API with id \"%1\"").arg(apiId));
    const auto held = lock();
    if (!held)
        return Status::failureOf(held);
    // undeploy() reads deployments.json from disk: another process may have deployed it meanwhile.
    if (Status unchanged = m_files.checkUnchanged(apiFile(apiId)); !unchanged)
        return unchanged;
    if (Status undeployed = undeploy(apiId); !undeployed)
        return undeployed;
    const QString folder = QStringLiteral("apis/") + apiId;
    if (!QDir(filePath(folder)).removeRecursively())
        return Status::failure(ErrorCode::Io, tr("%1: cannot delete the folder").arg(folder));
    m_files.forgetUnder(folder + QLatin1Char('/'));
    eraseById(m_apis, apiId);
    Q_EMIT apiRemoved(apiId);
    return Status::success();
}

Result<Revision> Workspace::createRevision(const QString& apiId, const QString& description) {
    const Api* source = api(apiId);
    if (!source)
        return Result<Revision>::failure(ErrorCode::NotFound, tr("no API with id \"%1\"").arg(apiId));
    const auto held = lock();
    if (!held)
        return Result<Revision>::failureOf(held);
    int highest = 0;
    const QDir folder(filePath(QStringLiteral("apis/%1/revisions").arg(apiId)));
    for (const QString& fileName : folder.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        bool numeric = false;
        const int number = QFileInfo(fileName).completeBaseName().toInt(&numeric);
        if (numeric)
            highest = std::max(highest, number);
    }
    Revision revision;
    revision.apiId = apiId;
    revision.number = highest + 1;
    revision.createdAt = QDateTime::currentDateTimeUtc();
    revision.description = description;
    revision.api = *source;
    if (Status unchanged = m_files.checkUnchanged(apiFile(apiId)); !unchanged)
        return Result<Revision>::failureOf(unchanged);
    if (Status written = m_files.save(revisionFile(apiId, revision.number), revision.toJson()); !written)
        return Result<Revision>::failureOf(written);
    return Result<Revision>::success(std::move(revision));
}

Result<Revision> Workspace::revision(const QString& apiId, int number) const {
    const QString relative = revisionFile(apiId, number);
    if (!m_files.exists(relative))
        return Result<Revision>::failure(ErrorCode::NotFound,
                                         tr("API %1 has no revision %2").arg(apiId).arg(number));
    const Result<Json> document = m_files.peek(relative);
    if (!document)
        return Result<Revision>::failureOf(document);
    QStringList errors;
    Revision loaded = Revision::fromJson(document.value(), &errors);
    if (errors.isEmpty() && (loaded.apiId != apiId || loaded.number != number))
        errors.append(tr("$: says it is revision %1 of %2").arg(loaded.number).arg(loaded.apiId));
    if (!errors.isEmpty())
        return Result<Revision>::failure(ErrorCode::Unreadable, prefixed(relative, errors));
    return Result<Revision>::success(std::move(loaded));
}

std::vector<Revision> Workspace::revisions(const QString& apiId, QStringList* problems) const {
    std::vector<int> numbers;
    const QDir folder(filePath(QStringLiteral("apis/%1/revisions").arg(apiId)));
    for (const QString& fileName : folder.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        bool numeric = false;
        const int number = QFileInfo(fileName).completeBaseName().toInt(&numeric);
        if (numeric && number > 0)
            numbers.push_back(number);
    }
    std::sort(numbers.begin(), numbers.end());
    std::vector<Revision> result;
    for (int number : numbers) {
        Result<Revision> loaded = revision(apiId, number);
        if (loaded)
            result.push_back(loaded.take());
        else if (problems)
            problems->append(loaded.error());
    }
    return result;
}

const Deployment* Workspace::deployment(const QString& apiId) const {
    for (const Deployment& candidate : m_deployments) {
        if (candidate.apiId == apiId)
            return &candidate;
    }
    return nullptr;
}

Status Workspace::deploy(const QString& apiId, int revisionNumber) {
    const Result<Revision> target = revision(apiId, revisionNumber);
    if (!target)
        return Status::failureOf(target);
    return setDeployment(apiId, revisionNumber);
}

Status Workspace::undeploy(const QString& apiId) {
    return setDeployment(apiId, std::nullopt);
}

Status Workspace::setDeployment(const QString& apiId, std::optional<int> revisionNumber) {
    const auto held = lock();
    if (!held)
        return Status::failureOf(held);
    // deployments.json is shared by every API: merge into what is on disk now instead of
    // overwriting another process's deployment of a different API.
    Result<std::vector<Deployment>> onDisk = readDeploymentsFromDisk();
    if (!onDisk)
        return Status::failureOf(onDisk);
    std::vector<Deployment> deployments = onDisk.take();
    const auto live = std::remove_if(deployments.begin(), deployments.end(),
                                     [&](const Deployment& each) { return each.apiId == apiId; });
    if (live == deployments.end() && !revisionNumber) {
        m_deployments = deployments; // nothing to undeploy: just catch up with the disk
        return Status::success();
    }
    deployments.erase(live, deployments.end());
    if (revisionNumber)
        deployments.push_back({apiId, *revisionNumber, QDateTime::currentDateTimeUtc()});
    return writeDeployments(std::move(deployments));
}

const Application* Workspace::application(const QString& applicationId) const {
    return findById(m_applications, applicationId);
}

const Application* Workspace::findApplication(const QString& nameOrId) const {
    if (const Application* byId = application(nameOrId))
        return byId;
    for (const Application& candidate : m_applications) {
        if (candidate.name.compare(nameOrId, Qt::CaseInsensitive) == 0)
            return &candidate;
    }
    return nullptr;
}

QString Workspace::newApplicationId(const QString& name) const {
    QStringList taken;
    for (const Application& existing : m_applications)
        taken.append(existing.id);
    return uniqueSlug(name, QStringLiteral("applications/"), taken);
}

Status Workspace::saveApplication(const Application& application) {
    if (application.id.isEmpty() || application.id != slugOf(application.id))
        return Status::failure(ErrorCode::Invalid, tr("invalid application id \"%1\"").arg(application.id));
    if (Status saved = saveLocked(applicationFile(application.id), application.toJson()); !saved)
        return saved;
    putById(m_applications, application);
    Q_EMIT applicationSaved(application.id);
    return Status::success();
}

Status Workspace::removeApplication(const QString& applicationId) {
    if (!application(applicationId))
        return Status::failure(ErrorCode::NotFound, tr("no application with id \"%1\"").arg(applicationId));
    if (Status removed = removeLocked(applicationFile(applicationId)); !removed)
        return removed;
    eraseById(m_applications, applicationId);
    Q_EMIT applicationRemoved(applicationId);
    return Status::success();
}

} // namespace gatehouse
