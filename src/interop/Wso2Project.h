#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gatehouse {

class Workspace;

struct Wso2ExportResult {
    QStringList warnings; // Gatehouse-only settings left out, one line each
    QStringList files;    // what was written: file paths, or entry names inside the zip
};

struct Wso2ImportResult {
    QString apiId;
    QStringList unmapped; // what the project holds that Gatehouse left out, one line each
};

// WSO2 API Manager API projects (apictl's format) in and out: what File > Export / Import and
// "gatehouse-ctl export / import --format wso2" call.
class Wso2Project {
    Q_DECLARE_TR_FUNCTIONS(Wso2Project)

public:
    // destination: a folder path, or a path ending in .zip
    static Result<Wso2ExportResult> exportApi(const Workspace& workspace, const QString& apiId,
                                              const QString& destination);
    // source: a folder or a .zip; saves the new API in the workspace
    static Result<Wso2ImportResult> importApi(Workspace& workspace, const QString& source);
};

} // namespace gatehouse
