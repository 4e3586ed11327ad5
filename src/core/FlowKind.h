#pragma once

#include <QString>
#include <array>
#include <optional>

namespace gatehouse {

// The three places a policy can sit in an operation: before the upstream call, after it, on errors.
enum class FlowKind { Request, Response, Fault };

inline constexpr std::array<FlowKind, 3> allFlowKinds{FlowKind::Request, FlowKind::Response, FlowKind::Fault};

QString flowKindName(FlowKind flow);        // "request" / "response" / "fault"
QString flowKindDisplayName(FlowKind flow); // translated "Request" / ...
std::optional<FlowKind> parseFlowKind(const QString& text);

} // namespace gatehouse
