#pragma once

#include "core/DemoWorkspace.h"
#include "core/Workspace.h"

#include <QString>

namespace gatehouse::test {

// The demo workspace (SmartChat on the Demo provider) opened in `directory`: what tests that need a
// realistic workspace start from.
inline bool openDemoWorkspace(Workspace& workspace, const QString& directory, QString* error) {
    return workspace.open(directory).ok(error) && DemoWorkspace::populate(workspace, error);
}

} // namespace gatehouse::test
