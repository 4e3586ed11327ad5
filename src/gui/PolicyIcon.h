#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace gatehouse {

struct PolicyDefinition;

// The chip look of a policy, drawn rather than shipped: a rounded badge in the policy's category
// colour with its initials ("MW" for Model Weighted Round Robin), crisp at any scale.
class PolicyIcon {
public:
    static QIcon forPolicy(const PolicyDefinition& definition);
    static QColor colorFor(const QString& category);
    static QString initials(const QString& displayName);
};

} // namespace gatehouse
