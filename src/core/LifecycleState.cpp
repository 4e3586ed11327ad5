#include "core/LifecycleState.h"

#include <QCoreApplication>

namespace gatehouse {

QString lifecycleStateName(LifecycleState state) {
    switch (state) {
    case LifecycleState::Created:
        return QStringLiteral("CREATED");
    case LifecycleState::Published:
        return QStringLiteral("PUBLISHED");
    case LifecycleState::Deprecated:
        return QStringLiteral("DEPRECATED");
    case LifecycleState::Retired:
        return QStringLiteral("RETIRED");
    case LifecycleState::Blocked:
        return QStringLiteral("BLOCKED");
    }
    return {};
}

QString lifecycleStateDisplayName(LifecycleState state) {
    switch (state) {
    case LifecycleState::Created:
        return QCoreApplication::translate("LifecycleState", "Created");
    case LifecycleState::Published:
        return QCoreApplication::translate("LifecycleState", "Published");
    case LifecycleState::Deprecated:
        return QCoreApplication::translate("LifecycleState", "Deprecated");
    case LifecycleState::Retired:
        return QCoreApplication::translate("LifecycleState", "Retired");
    case LifecycleState::Blocked:
        return QCoreApplication::translate("LifecycleState", "Blocked");
    }
    return {};
}

std::optional<LifecycleState> parseLifecycleState(const QString& text) {
    for (LifecycleState state :
         {LifecycleState::Created, LifecycleState::Published, LifecycleState::Deprecated,
          LifecycleState::Retired, LifecycleState::Blocked}) {
        if (text.trimmed().compare(lifecycleStateName(state), Qt::CaseInsensitive) == 0)
            return state;
    }
    return std::nullopt;
}

std::vector<LifecycleState> lifecycleTransitions(LifecycleState state) {
    switch (state) {
    case LifecycleState::Created:
        return {LifecycleState::Published};
    case LifecycleState::Published:
        return {LifecycleState::Deprecated, LifecycleState::Blocked, LifecycleState::Created};
    case LifecycleState::Deprecated:
        return {LifecycleState::Retired, LifecycleState::Published};
    case LifecycleState::Blocked:
        return {LifecycleState::Published, LifecycleState::Deprecated};
    case LifecycleState::Retired:
        break;
    }
    return {};
}

} // namespace gatehouse
