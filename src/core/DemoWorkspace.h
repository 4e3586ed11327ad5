#pragma once

#include <QCoreApplication>
#include <QString>

namespace gatehouse {

class Workspace;

// The tutorial's starting point: SmartChat (context smartchat, version 1.0.0) on the offline Demo
// provider, with a production and a sandbox endpoint and no policies yet: attaching Model Weighted
// Round Robin is the user's first step.
class DemoWorkspace {
    Q_DECLARE_TR_FUNCTIONS(DemoWorkspace)

public:
    static constexpr const char* ApiName = "SmartChat";

    // Adds SmartChat to `workspace` unless an API of that name exists already.
    static bool populate(Workspace& workspace, QString* error);
    // The folder `gatehouse --demo` uses when none is given.
    static QString defaultDirectory();
};

} // namespace gatehouse
