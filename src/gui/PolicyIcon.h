#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace gatehouse {

struct PolicyDefinition;

// The look of a policy in the palette and the flow: the SVG drawn for it (resources/icons/policies,
// in its category's colour), or for a policy without one a rounded badge in the category colour with
// its initials ("MW" for Model Weighted Round Robin).
class PolicyIcon {
public:
    static QIcon forPolicy(const PolicyDefinition& definition);
    static QColor colorFor(const QString& category);
    static QString initials(const QString& displayName);
};

} // namespace gatehouse
