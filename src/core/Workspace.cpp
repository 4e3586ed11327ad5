#include "core/Workspace.h"

#include "core/JsonFieldReader.h"
#include "core/JsonFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
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

QByteArray fingerprint(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
}

QString apiFile(const QString& apiId) {
    return QStringLiteral("apis/%1/api.json").arg(apiId);
}

QString applicationFile(const QString& applicationId) {
    return QStringLiteral("applications/%1.json").arg(applicationId);
}

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

// Schema check shared by every versioned file. Returns an empty string when readable.
QString schemaProblem(const Json& document, const QString& file) {
    if (!document.is_object())
        return QCoreApplication::translate("gatehouse::Workspace",
                                           "%1: expected a JSON object at the top level")
            .arg(file);
    const auto version = document.find("schemaVersion");
    if (version == document.end())
        return QCoreApplication::translate("gatehouse::Workspace", "%1: $.schemaVersion: is required")
            .arg(file);
    if (!version->is_number_integer())
        return QCoreApplication::translate("gatehouse::Workspace", "%1: $.schemaVersion: expected an integer")
            .arg(file);
    if (version->get<qint64>() > Workspace::SchemaVersion)
        return QCoreApplication::translate(
                   "gatehouse::Workspace",
                   "%1: written by a newer Gatehouse (schema version %2; this one reads up to %3)")
            .arg(file)
            .arg(version->get<qint64>())
            .arg(Workspace::SchemaVersion);
    if (version->get<qint64>() < 1)
        return QCoreApplication::translate("gatehouse::Workspace", "%1: $.schemaVersion: must be at least 1")
            .arg(file);
    return {};
}

Json withSchema(const Json& body) {
    Json document = Json::object();
    document["schemaVersion"] = Workspace::SchemaVersion;
    for (auto it = body.begin(); it != body.end(); ++it)
        document[it.key()] = it.value();
    return document;
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

bool Workspace::acquireLock(QString* error) {
    if (m_lockDepth > 0) {
        ++m_lockDepth;
        return true;
    }
    if (!m_lockFile) {
        m_lockFile = std::make_unique<QLockFile>(filePath(lockFileName));
        // A lock is stale only when its owner died, however long an honest owner holds it.
        m_lockFile->setStaleLockTime(0);
    }
    if (!m_lockFile->tryLock(m_lockTimeoutMs)) {
        if (error) {
            qint64 pid = 0;
            QString host;
            QString application;
            if (m_lockFile->error() == QLockFile::LockFailedError &&
                m_lockFile->getLockInfo(&pid, &host, &application)) {
                if (application.isEmpty())
                    //: Who holds the lock when the lock file does not say.
                    application = tr("another program");
                *error = tr("the workspace is locked by %1 (process %2 on %3); try again when it is done")
                             .arg(application)
                             .arg(pid)
                             .arg(host);
            } else {
                *error = tr("cannot lock the workspace (%1)").arg(filePath(lockFileName));
            }
        }
        return false;
    }
    m_lockDepth = 1;
    return true;
}

void Workspace::releaseLock() {
    if (m_lockDepth == 0)
        return;
    if (--m_lockDepth == 0 && m_lockFile)
        m_lockFile->unlock();
}

std::unique_ptr<Workspace::WriteLock> Workspace::lock(QString* error) {
    if (!acquireLock(error))
        return nullptr;
    return std::unique_ptr<WriteLock>(new WriteLock(*this));
}

bool Workspace::checkUnchanged(const QString& relativePath, QString* error) const {
    QFile file(filePath(relativePath));
    const bool known = m_fingerprints.contains(relativePath);
    if (!file.exists()) {
        if (!known)
            return true;
        if (error)
            *error = tr("%1 was deleted by another program since it was loaded; reload the workspace")
                         .arg(relativePath);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot read: %2").arg(relativePath, file.errorString());
        return false;
    }
    if (!known || fingerprint(file.readAll()) != m_fingerprints.value(relativePath)) {
        if (error)
            *error = tr("%1 was changed by another program since it was loaded; reload the workspace "
                        "(nothing was overwritten)")
                         .arg(relativePath);
        return false;
    }
    return true;
}

bool Workspace::writeJson(const QString& relativePath, const Json& document, QString* error) {
    const QByteArray bytes = JsonFile::serialize(document);
    if (!JsonFile::writeBytes(filePath(relativePath), bytes, error))
        return false;
    m_fingerprints.insert(relativePath, fingerprint(bytes));
    return true;
}

bool Workspace::removeFile(const QString& relativePath, QString* error) {
    QFile file(filePath(relativePath));
    if (file.exists() && !file.remove()) {
        if (error)
            *error = tr("%1: cannot delete: %2").arg(relativePath, file.errorString());
        return false;
    }
    m_fingerprints.remove(relativePath);
    return true;
}

Result<Json> Workspace::readTracked(const QString& relativePath) {
    QFile file(filePath(relativePath));
    if (!file.open(QIODevice::ReadOnly))
        return Result<Json>::failure(tr("%1: cannot read: %2").arg(relativePath, file.errorString()));
    const QByteArray bytes = file.readAll();
    m_fingerprints.insert(relativePath, fingerprint(bytes));
    return JsonFile::parse(bytes, relativePath);
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
    return withSchema(body);
}

bool Workspace::open(const QString& directory, QString* error) {
    const QString absolute = QDir(directory).absolutePath();
    if (QFileInfo(absolute).exists() && !QFileInfo(absolute).isDir()) {
        if (error)
            *error = tr("%1 is a file, not a workspace folder").arg(absolute);
        return false;
    }
    if (!QDir().mkpath(absolute)) {
        if (error)
            *error = tr("%1: cannot create the workspace folder").arg(absolute);
        return false;
    }
    if (absolute != m_directory) {
        // A lock held on this folder (a reload inside a WriteLock) must survive; one on another
        // folder means nothing here.
        m_lockFile.reset();
        m_lockDepth = 0;
    }
    m_directory = absolute;
    m_fingerprints.clear();
    if (!loadRoot(error)) {
        m_directory.clear();
        return false;
    }
    m_problems.clear();
    loadProviders();
    loadApis();
    loadApplications();
    loadDeployments();
    Q_EMIT reloaded();
    return true;
}

bool Workspace::reload(QString* error) {
    if (!isOpen()) {
        if (error)
            *error = tr("no workspace is open");
        return false;
    }
    return open(m_directory, error);
}

bool Workspace::loadRoot(QString* error) {
    const QString rootPath = filePath(rootFile);
    if (!QFileInfo::exists(rootPath)) {
        const QDir folder(m_directory);
        const QStringList entries = folder.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        if (!entries.isEmpty() && !(entries.size() == 1 && entries.first() == lockFileName)) {
            if (error)
                *error = tr("%1 is not empty and has no workspace.json: refusing to turn it into a "
                            "workspace")
                             .arg(m_directory);
            return false;
        }
        if (!acquireLock(error))
            return false;
        // Another process may have initialised the folder while this one waited for the lock: its
        // workspace id (the keychain scope of its secrets) must not be replaced.
        if (QFileInfo::exists(rootPath)) {
            releaseLock();
            return loadRoot(error);
        }
        m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_name = QFileInfo(m_directory).fileName();
        m_settings = WorkspaceSettings();
        m_plans = BusinessPlan::defaults();
        const bool written = writeJson(rootFile, rootDocument(), error);
        releaseLock();
        return written;
    }
    const Result<Json> document = readTracked(rootFile);
    if (!document) {
        if (error)
            *error = document.error();
        return false;
    }
    if (const QString problem = schemaProblem(document.value(), rootFile); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
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
    if (!errors.isEmpty()) {
        if (error)
            *error = prefixed(rootFile, errors);
        return false;
    }
    return true;
}

void Workspace::loadProviders() {
    m_providers = ProviderRegistry::builtin();
    m_brokenProviderFiles.clear();
    const QDir folder(filePath(QStringLiteral("providers")));
    for (const QString& fileName : folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString relative = QStringLiteral("providers/") + fileName;
        const Result<Json> document = readTracked(relative);
        if (!document) {
            m_problems.append(document.error());
            m_brokenProviderFiles.append(relative);
            continue;
        }
        if (const QString problem = schemaProblem(document.value(), relative); !problem.isEmpty()) {
            m_problems.append(problem);
            m_brokenProviderFiles.append(relative);
            continue;
        }
        Result<Provider> provider = Provider::fromJson(document.value());
        if (!provider) {
            m_problems.append(prefixed(relative, provider.error().split(QLatin1Char('\n'))));
            m_brokenProviderFiles.append(relative);
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
    m_brokenApiIds.clear();
    const QDir folder(filePath(QStringLiteral("apis")));
    for (const QString& apiId : folder.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString relative = apiFile(apiId);
        if (!QFileInfo::exists(filePath(relative)))
            continue;
        const Result<Json> document = readTracked(relative);
        QString problem = document ? schemaProblem(document.value(), relative) : document.error();
        if (problem.isEmpty()) {
            QStringList errors;
            Api api = Api::fromJson(document.value(), &errors);
            if (errors.isEmpty() && api.id != apiId)
                errors.append(tr("$.id: \"%1\" does not match its folder \"%2\"").arg(api.id, apiId));
            if (errors.isEmpty()) {
                m_apis.push_back(std::move(api));
                continue;
            }
            problem = prefixed(relative, errors);
        }
        m_problems.append(problem);
        m_brokenApiIds.append(apiId);
    }
}

void Workspace::loadApplications() {
    m_applications.clear();
    const QDir folder(filePath(QStringLiteral("applications")));
    for (const QString& fileName : folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString relative = QStringLiteral("applications/") + fileName;
        const Result<Json> document = readTracked(relative);
        QString problem = document ? schemaProblem(document.value(), relative) : document.error();
        if (problem.isEmpty()) {
            QStringList errors;
            Application application = Application::fromJson(document.value(), &errors);
            if (errors.isEmpty()) {
                m_applications.push_back(std::move(application));
                continue;
            }
            problem = prefixed(relative, errors);
        }
        m_problems.append(problem);
    }
}

std::vector<Deployment> Workspace::readDeploymentsFromDisk(QString* error) {
    std::vector<Deployment> deployments;
    if (!QFileInfo::exists(filePath(deploymentsFile))) {
        m_fingerprints.remove(deploymentsFile);
        return deployments;
    }
    const Result<Json> document = readTracked(deploymentsFile);
    QString problem = document ? schemaProblem(document.value(), deploymentsFile) : document.error();
    if (problem.isEmpty()) {
        QStringList errors;
        JsonFieldReader reader(document.value(), QStringLiteral("$"), &errors);
        if (const Json* list = reader.optionalArray("deployments")) {
            for (std::size_t i = 0; i < list->size(); ++i)
                deployments.push_back(Deployment::fromJson(
                    (*list)[i], jsonIndexPath(reader.childPath("deployments"), i), &errors));
        }
        if (errors.isEmpty())
            return deployments;
        problem = prefixed(deploymentsFile, errors);
    }
    if (error)
        *error = problem;
    return {};
}

void Workspace::loadDeployments() {
    QString error;
    m_deployments = readDeploymentsFromDisk(&error);
    if (!error.isEmpty())
        m_problems.append(error);
}

bool Workspace::writeDeployments(std::vector<Deployment> deployments, QString* error) {
    Json list = Json::array();
    for (const Deployment& deployment : deployments)
        list.push_back(deployment.toJson());
    Json body = Json::object();
    body["deployments"] = std::move(list);
    if (!writeJson(deploymentsFile, withSchema(body), error))
        return false;
    m_deployments = std::move(deployments);
    Q_EMIT deploymentsChanged();
    return true;
}

bool Workspace::saveSettings(const WorkspaceSettings& settings, QString* error) {
    if (!acquireLock(error))
        return false;
    const WorkspaceSettings previous = m_settings;
    m_settings = settings;
    const bool ok = checkUnchanged(rootFile, error) && writeJson(rootFile, rootDocument(), error);
    releaseLock();
    if (!ok) {
        m_settings = previous;
        return false;
    }
    Q_EMIT settingsChanged();
    return true;
}

const BusinessPlan* Workspace::businessPlan(const QString& name) const {
    for (const BusinessPlan& plan : m_plans) {
        if (plan.name.compare(name, Qt::CaseInsensitive) == 0)
            return &plan;
    }
    return nullptr;
}

bool Workspace::saveBusinessPlans(const std::vector<BusinessPlan>& plans, QString* error) {
    if (!acquireLock(error))
        return false;
    const std::vector<BusinessPlan> previous = m_plans;
    m_plans = plans;
    const bool ok = checkUnchanged(rootFile, error) && writeJson(rootFile, rootDocument(), error);
    releaseLock();
    if (!ok) {
        m_plans = previous;
        return false;
    }
    Q_EMIT settingsChanged();
    return true;
}

bool Workspace::saveCustomProvider(Provider provider, QString* error) {
    provider.builtin = false;
    const QString relative = QStringLiteral("providers/%1.json").arg(slugOf(provider.id));
    if (const Provider* existing = m_providers.find(provider.id); existing && existing->builtin) {
        if (error)
            *error = tr("provider id \"%1\" belongs to a built-in provider").arg(provider.id);
        return false;
    }
    if (m_brokenProviderFiles.contains(relative)) {
        if (error)
            *error = tr("%1 could not be read; repair or remove it before saving over it").arg(relative);
        return false;
    }
    if (!acquireLock(error))
        return false;
    const bool ok =
        checkUnchanged(relative, error) && writeJson(relative, withSchema(provider.toJson()), error);
    releaseLock();
    if (!ok || !m_providers.add(std::move(provider), error))
        return false;
    Q_EMIT providersChanged();
    return true;
}

bool Workspace::deleteCustomProvider(const QString& id, QString* error) {
    const Provider* existing = m_providers.find(id);
    if (!existing) {
        if (error)
            *error = tr("no provider with id \"%1\"").arg(id);
        return false;
    }
    if (existing->builtin) {
        if (error)
            *error = tr("%1 is a built-in provider and cannot be deleted").arg(existing->displayName);
        return false;
    }
    QStringList users;
    for (const Api& each : m_apis) {
        if (each.providerId == id)
            users.append(QStringLiteral("%1 %2").arg(each.name, each.version));
    }
    if (!users.isEmpty()) {
        if (error)
            //: %1 is a provider's name, %2 the APIs created from it ("SmartChat 1.0.0, ...").
            *error = tr("%1 is in use by %2; delete those APIs first")
                         .arg(existing->displayName, users.join(QStringLiteral(", ")));
        return false;
    }
    if (!acquireLock(error))
        return false;
    const QString relative = QStringLiteral("providers/%1.json").arg(slugOf(id));
    const bool ok = checkUnchanged(relative, error) && removeFile(relative, error);
    releaseLock();
    if (!ok || !m_providers.remove(id, error))
        return false;
    Q_EMIT providersChanged();
    return true;
}

const Api* Workspace::api(const QString& apiId) const {
    for (const Api& candidate : m_apis) {
        if (candidate.id == apiId)
            return &candidate;
    }
    return nullptr;
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
    QStringList taken = m_brokenApiIds;
    for (const Api& existing : m_apis)
        taken.append(existing.id);
    return uniqueSlug(name + QLatin1Char('-') + version, QStringLiteral("apis/"), taken);
}

bool Workspace::saveApi(Api api, QString* error) {
    if (api.id.isEmpty() || api.id != slugOf(api.id)) {
        if (error)
            *error = tr("invalid API id \"%1\"").arg(api.id);
        return false;
    }
    if (m_brokenApiIds.contains(api.id)) {
        if (error)
            *error =
                tr("%1 could not be read; repair or remove it before saving over it").arg(apiFile(api.id));
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!api.createdAt.isValid())
        api.createdAt = now;
    api.updatedAt = now;
    if (!acquireLock(error))
        return false;
    const QString relative = apiFile(api.id);
    const bool ok = checkUnchanged(relative, error) && writeJson(relative, withSchema(api.toJson()), error);
    releaseLock();
    if (!ok)
        return false;
    const QString apiId = api.id;
    auto existing =
        std::find_if(m_apis.begin(), m_apis.end(), [&](const Api& each) { return each.id == apiId; });
    if (existing != m_apis.end())
        *existing = std::move(api);
    else
        m_apis.push_back(std::move(api));
    Q_EMIT apiSaved(apiId);
    return true;
}

bool Workspace::removeApi(const QString& apiId, QString* error) {
    if (!api(apiId)) {
        if (error)
            *error = tr("no API with id \"%1\"").arg(apiId);
        return false;
    }
    if (!acquireLock(error))
        return false;
    // undeploy() reads deployments.json from disk: another process may have deployed it meanwhile.
    bool ok = checkUnchanged(apiFile(apiId), error) && undeploy(apiId, error);
    if (ok) {
        QDir folder(filePath(QStringLiteral("apis/") + apiId));
        ok = folder.removeRecursively();
        if (!ok && error)
            *error = tr("%1: cannot delete the folder").arg(QStringLiteral("apis/") + apiId);
    }
    releaseLock();
    if (!ok)
        return false;
    const QString prefix = QStringLiteral("apis/%1/").arg(apiId);
    for (const QString& key : m_fingerprints.keys()) {
        if (key.startsWith(prefix))
            m_fingerprints.remove(key);
    }
    m_apis.erase(
        std::remove_if(m_apis.begin(), m_apis.end(), [&](const Api& each) { return each.id == apiId; }),
        m_apis.end());
    Q_EMIT apiRemoved(apiId);
    return true;
}

Result<Revision> Workspace::createRevision(const QString& apiId, const QString& description) {
    const Api* source = api(apiId);
    if (!source)
        return Result<Revision>::failure(tr("no API with id \"%1\"").arg(apiId));
    QString error;
    if (!acquireLock(&error))
        return Result<Revision>::failure(error);
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
    const bool ok = checkUnchanged(apiFile(apiId), &error) &&
                    writeJson(revisionFile(apiId, revision.number), withSchema(revision.toJson()), &error);
    releaseLock();
    if (!ok)
        return Result<Revision>::failure(error);
    return Result<Revision>::success(std::move(revision));
}

Result<Revision> Workspace::revision(const QString& apiId, int number) const {
    const QString relative = revisionFile(apiId, number);
    if (!QFileInfo::exists(filePath(relative)))
        return Result<Revision>::failure(tr("API %1 has no revision %2").arg(apiId).arg(number));
    const Result<Json> document = JsonFile::read(filePath(relative), relative);
    if (!document)
        return Result<Revision>::failure(document.error());
    if (const QString problem = schemaProblem(document.value(), relative); !problem.isEmpty())
        return Result<Revision>::failure(problem);
    QStringList errors;
    Revision loaded = Revision::fromJson(document.value(), &errors);
    if (errors.isEmpty() && (loaded.apiId != apiId || loaded.number != number))
        errors.append(tr("$: says it is revision %1 of %2").arg(loaded.number).arg(loaded.apiId));
    if (!errors.isEmpty())
        return Result<Revision>::failure(prefixed(relative, errors));
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

bool Workspace::deploy(const QString& apiId, int revisionNumber, QString* error) {
    const Result<Revision> target = revision(apiId, revisionNumber);
    if (!target) {
        if (error)
            *error = target.error();
        return false;
    }
    if (!acquireLock(error))
        return false;
    // deployments.json is shared by every API: merge into what is on disk now instead of
    // overwriting another process's deployment of a different API.
    QString readError;
    std::vector<Deployment> deployments = readDeploymentsFromDisk(&readError);
    bool ok = readError.isEmpty();
    if (!ok && error)
        *error = readError;
    if (ok) {
        deployments.erase(std::remove_if(deployments.begin(), deployments.end(),
                                         [&](const Deployment& each) { return each.apiId == apiId; }),
                          deployments.end());
        deployments.push_back({apiId, revisionNumber, QDateTime::currentDateTimeUtc()});
        ok = writeDeployments(std::move(deployments), error);
    }
    releaseLock();
    return ok;
}

bool Workspace::undeploy(const QString& apiId, QString* error) {
    if (!acquireLock(error))
        return false;
    QString readError;
    std::vector<Deployment> deployments = readDeploymentsFromDisk(&readError);
    bool ok = readError.isEmpty();
    if (!ok && error)
        *error = readError;
    if (ok) {
        const auto live = std::remove_if(deployments.begin(), deployments.end(),
                                         [&](const Deployment& each) { return each.apiId == apiId; });
        if (live == deployments.end()) {
            m_deployments = deployments; // nothing to undeploy: just catch up with the disk
        } else {
            deployments.erase(live, deployments.end());
            ok = writeDeployments(std::move(deployments), error);
        }
    }
    releaseLock();
    return ok;
}

const Application* Workspace::application(const QString& applicationId) const {
    for (const Application& candidate : m_applications) {
        if (candidate.id == applicationId)
            return &candidate;
    }
    return nullptr;
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

bool Workspace::saveApplication(const Application& application, QString* error) {
    if (application.id.isEmpty() || application.id != slugOf(application.id)) {
        if (error)
            *error = tr("invalid application id \"%1\"").arg(application.id);
        return false;
    }
    if (!acquireLock(error))
        return false;
    const QString relative = applicationFile(application.id);
    const bool ok =
        checkUnchanged(relative, error) && writeJson(relative, withSchema(application.toJson()), error);
    releaseLock();
    if (!ok)
        return false;
    auto existing = std::find_if(m_applications.begin(), m_applications.end(),
                                 [&](const Application& each) { return each.id == application.id; });
    if (existing != m_applications.end())
        *existing = application;
    else
        m_applications.push_back(application);
    Q_EMIT applicationSaved(application.id);
    return true;
}

bool Workspace::removeApplication(const QString& applicationId, QString* error) {
    if (!application(applicationId)) {
        if (error)
            *error = tr("no application with id \"%1\"").arg(applicationId);
        return false;
    }
    if (!acquireLock(error))
        return false;
    const QString relative = applicationFile(applicationId);
    const bool ok = checkUnchanged(relative, error) && removeFile(relative, error);
    releaseLock();
    if (!ok)
        return false;
    m_applications.erase(std::remove_if(m_applications.begin(), m_applications.end(),
                                        [&](const Application& each) { return each.id == applicationId; }),
                         m_applications.end());
    Q_EMIT applicationRemoved(applicationId);
    return true;
}

} // namespace gatehouse
