#include "core/PolicyFlows.h"

#include "core/JsonFieldReader.h"

namespace gatehouse {

std::vector<PolicyAttachment>& PolicyFlows::flow(FlowKind kind) {
    switch (kind) {
    case FlowKind::Request:
        return request;
    case FlowKind::Response:
        return response;
    case FlowKind::Fault:
        break;
    }
    return fault;
}

const std::vector<PolicyAttachment>& PolicyFlows::flow(FlowKind kind) const {
    return const_cast<PolicyFlows*>(this)->flow(kind);
}

bool PolicyFlows::isEmpty() const {
    return count() == 0;
}

int PolicyFlows::count() const {
    return static_cast<int>(request.size() + response.size() + fault.size());
}

bool PolicyFlows::operator==(const PolicyFlows& other) const {
    return request == other.request && response == other.response && fault == other.fault;
}

Json PolicyFlows::toJson() const {
    Json json = Json::object();
    for (FlowKind kind : allFlowKinds) {
        Json list = Json::array();
        for (const PolicyAttachment& attachment : flow(kind))
            list.push_back(attachment.toJson());
        json[toStdString(flowKindName(kind))] = std::move(list);
    }
    return json;
}

PolicyFlows PolicyFlows::fromJson(const Json& json, const QString& path, QStringList* errors) {
    PolicyFlows flows;
    JsonFieldReader reader(json, path, errors);
    for (FlowKind kind : allFlowKinds) {
        const std::string key = toStdString(flowKindName(kind));
        const Json* list = reader.optionalArray(key.c_str());
        if (!list)
            continue;
        for (std::size_t i = 0; i < list->size(); ++i) {
            flows.flow(kind).push_back(PolicyAttachment::fromJson(
                (*list)[i], jsonIndexPath(reader.childPath(key.c_str()), i), errors));
        }
    }
    return flows;
}

} // namespace gatehouse
