#pragma once

#include <QString>
#include <optional>
#include <vector>

namespace gatehouse {

// WSO2's API lifecycle, in the order an API normally walks it.
enum class LifecycleState { Created, Published, Deprecated, Retired, Blocked };

QString lifecycleStateName(LifecycleState state);        // "CREATED", as WSO2 writes it
QString lifecycleStateDisplayName(LifecycleState state); // translated "Created"
std::optional<LifecycleState> parseLifecycleState(const QString& text);
// The states an API may move to from `state` (the Publisher's lifecycle buttons).
std::vector<LifecycleState> lifecycleTransitions(LifecycleState state);

} // namespace gatehouse
