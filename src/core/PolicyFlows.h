#pragma once

#include "core/FlowKind.h"
#include "core/PolicyAttachment.h"

#include <vector>

namespace gatehouse {

// The ordered policies of one scope (the whole API or one operation), per flow.
struct PolicyFlows {
    std::vector<PolicyAttachment> request;
    std::vector<PolicyAttachment> response;
    std::vector<PolicyAttachment> fault;

    std::vector<PolicyAttachment>& flow(FlowKind kind);
    const std::vector<PolicyAttachment>& flow(FlowKind kind) const;
    bool isEmpty() const;
    int count() const;

    bool operator==(const PolicyFlows& other) const;
    bool operator!=(const PolicyFlows& other) const { return !(*this == other); }

    Json toJson() const;
    static PolicyFlows fromJson(const Json& json, const QString& path, QStringList* errors);
};

} // namespace gatehouse
