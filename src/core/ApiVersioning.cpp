#include "core/ApiVersioning.h"

#include "core/ApiValidator.h"
#include "core/PolicyCatalogue.h"
#include "core/SecretStore.h"
#include "core/Workspace.h"

#include <QDateTime>

namespace gatehouse {

Result<ApiVersioning::Created> ApiVersioning::createVersion(Workspace& workspace, SecretStore& secrets,
                                                            const QString& apiId, const QString& version,
                                                            bool makeDefault) {
    Result<std::unique_ptr<Workspace::WriteLock>> lock = workspace.lock();
    if (!lock)
        return Result<Created>::failureOf(lock);
    const Api* source = workspace.api(apiId);
    if (!source)
        return Result<Created>::failure(ErrorCode::NotFound, tr("no API \"%1\"").arg(apiId));
    const QString newVersion = version.trimmed();
    if (newVersion == source->version)
        return Result<Created>::failure(
            tr("version: %1 is already version %2").arg(source->name, source->version));

    Api copy = *source;
    copy.id = workspace.newApiId(source->name, newVersion);
    copy.version = newVersion;
    copy.lifecycle = LifecycleState::Created;
    copy.isDefaultVersion = makeDefault;
    copy.createdAt = QDateTime::currentDateTimeUtc();
    copy.updatedAt = copy.createdAt;

    const ApiValidator validator(PolicyCatalogue::builtin(), workspace.provider(copy.providerId));
    const ValidationReport report = validator.validate(copy, workspace.apis());
    if (const std::vector<ValidationIssue> errors = report.errors(); !errors.empty())
        return Result<Created>::failure(errors.front().path + QStringLiteral(": ") + errors.front().message);

    Created created;
    created.apiId = copy.id;
    QStringList written;
    const auto forgetWritten = [&] {
        for (const QString& keyName : written) {
            QString ignored;
            secrets.remove(keyName, &ignored);
        }
    };
    for (Endpoint& endpoint : copy.endpoints) {
        if (!endpoint.hasKey)
            continue;
        const SecretStore::ReadResult key =
            secrets.read(SecretStore::endpointKeyName(source->id, endpoint.id));
        if (key.status == SecretStore::Status::Error) {
            forgetWritten();
            return Result<Created>::failure(ErrorCode::Io,
                                            tr("cannot read the key of endpoint %1 from %2: %3")
                                                .arg(endpoint.id, secrets.description(), key.error));
        }
        if (!key.found()) {
            endpoint.hasKey = false; // the source had lost it too: the copy says so instead of failing later
            continue;
        }
        const QString keyName = SecretStore::endpointKeyName(copy.id, endpoint.id);
        QString error;
        if (!secrets.write(keyName, key.value, &error)) {
            forgetWritten();
            return Result<Created>::failure(ErrorCode::Io,
                                            tr("cannot store the key of endpoint %1 in %2: %3")
                                                .arg(endpoint.id, secrets.description(), error));
        }
        written.append(keyName);
        created.keysCopied.append(endpoint.id);
    }
    if (const Status saved = workspace.saveApi(copy); !saved) {
        forgetWritten();
        return Result<Created>::failureOf(saved);
    }
    if (makeDefault) {
        if (const Status marked = setDefaultVersion(workspace, copy.id); !marked)
            return Result<Created>::failureOf(marked);
    }
    return Result<Created>::success(std::move(created));
}

Status ApiVersioning::setDefaultVersion(Workspace& workspace, const QString& apiId, bool isDefault) {
    Result<std::unique_ptr<Workspace::WriteLock>> lock = workspace.lock();
    if (!lock)
        return Status::failureOf(lock);
    const Api* chosen = workspace.api(apiId);
    if (!chosen)
        return Status::failure(ErrorCode::NotFound, tr("no API \"%1\"").arg(apiId));
    const QString context = chosen->context;
    std::vector<Api> changed;
    for (const Api& api : workspace.apis()) {
        const bool shouldBe = api.id == apiId ? isDefault : (isDefault ? false : api.isDefaultVersion);
        if (api.context == context && api.isDefaultVersion != shouldBe) {
            Api updated = api;
            updated.isDefaultVersion = shouldBe;
            changed.push_back(std::move(updated));
        }
    }
    for (Api& api : changed) {
        if (const Status saved = workspace.saveApi(std::move(api)); !saved)
            return saved;
    }
    return Status::success();
}

} // namespace gatehouse
