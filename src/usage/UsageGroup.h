#pragma once

#include <string>

namespace gatehouse {

// Who used what: the (API, application, model) a usage bucket counts. UTF-8, as the log has it.
struct UsageGroup {
    std::string apiId;
    std::string apiName;     // the API's name in the latest line read for apiId (APIs can be renamed)
    std::string application; // the application's id; empty for calls that were not authenticated
    std::string model;
};

} // namespace gatehouse
