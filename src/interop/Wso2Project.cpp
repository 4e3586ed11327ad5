#include "interop/Wso2Project.h"

#include "core/ApiValidator.h"
#include "core/ApiVersioning.h"
#include "core/PolicyCatalogue.h"
#include "core/Workspace.h"
#include "interop/ProjectFiles.h"
#include "interop/Wso2ProjectReader.h"
#include "interop/Wso2ProjectWriter.h"

#include <QDir>

namespace gatehouse {

Result<Wso2ExportResult> Wso2Project::exportApi(const Workspace& workspace, const QString& apiId,
                                                const QString& destination) {
    const Api* api = workspace.api(apiId);
    if (!api)
        return Result<Wso2ExportResult>::failure(tr("no API with id \"%1\"").arg(apiId));
    if (destination.trimmed().isEmpty())
        return Result<Wso2ExportResult>::failure(tr("no destination given"));
    Wso2ProjectWriter writer(workspace, *api);
    const ProjectFiles files = writer.write();
    // apictl's zips hold the project in a folder named after the API.
    Result<QStringList> written = files.save(destination, api->name + QLatin1Char('-') + api->version);
    if (!written)
        return Result<Wso2ExportResult>::failure(written.error());
    Wso2ExportResult result;
    result.warnings = writer.warnings();
    result.files = written.take();
    return Result<Wso2ExportResult>::success(std::move(result));
}

Result<Wso2ImportResult> Wso2Project::importApi(Workspace& workspace, const QString& source) {
    Result<ProjectFiles> files = ProjectFiles::load(source);
    if (!files)
        return Result<Wso2ImportResult>::failure(files.error());
    Wso2ProjectReader reader(workspace, files.value(), QDir::cleanPath(source));
    Result<Api> read = reader.read();
    if (!read)
        return Result<Wso2ImportResult>::failure(read.error());
    Api api = read.take();
    for (const Api& existing : workspace.apis()) {
        if (existing.name.compare(api.name, Qt::CaseInsensitive) == 0 && existing.version == api.version)
            return Result<Wso2ImportResult>::failure(
                tr("%1 %2 already exists in this workspace (id %3); delete it or import another version")
                    .arg(api.name, api.version, existing.id));
    }
    api.id = workspace.newApiId(api.name, api.version);
    const Provider* provider = api.providerId.isEmpty() ? nullptr : workspace.provider(api.providerId);
    const ApiValidator validator(PolicyCatalogue::builtin(), provider);
    const ValidationReport report = validator.validate(api, workspace.apis());
    const std::vector<ValidationIssue> errors = report.errors();
    if (!errors.empty())
        return Result<Wso2ImportResult>::failure(
            tr("the imported API would be invalid: %1: %2").arg(errors.front().path, errors.front().message));
    QString error;
    if (!workspace.saveApi(api).ok(&error))
        return Result<Wso2ImportResult>::failure(error);
    // WSO2's default version: the other versions of the context stop being it, as in WSO2.
    if (api.isDefaultVersion && !ApiVersioning::setDefaultVersion(workspace, api.id).ok(&error))
        return Result<Wso2ImportResult>::failure(error);
    Wso2ImportResult result;
    result.apiId = api.id;
    result.unmapped = reader.unmapped();
    return Result<Wso2ImportResult>::success(std::move(result));
}

} // namespace gatehouse
