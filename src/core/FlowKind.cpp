#include "core/FlowKind.h"

#include <QCoreApplication>

namespace gatehouse {

QString flowKindName(FlowKind flow) {
    switch (flow) {
    case FlowKind::Request:
        return QStringLiteral("request");
    case FlowKind::Response:
        return QStringLiteral("response");
    case FlowKind::Fault:
        return QStringLiteral("fault");
    }
    return {};
}

QString flowKindDisplayName(FlowKind flow) {
    switch (flow) {
    case FlowKind::Request:
        return QCoreApplication::translate("FlowKind", "Request");
    case FlowKind::Response:
        return QCoreApplication::translate("FlowKind", "Response");
    case FlowKind::Fault:
        return QCoreApplication::translate("FlowKind", "Fault");
    }
    return {};
}

std::optional<FlowKind> parseFlowKind(const QString& text) {
    for (FlowKind flow : allFlowKinds) {
        if (text.trimmed().compare(flowKindName(flow), Qt::CaseInsensitive) == 0)
            return flow;
    }
    return std::nullopt;
}

} // namespace gatehouse
