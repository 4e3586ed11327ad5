#include "usage/UsageBucketSize.h"

namespace gatehouse {

QString usageBucketSizeName(UsageBucketSize size) {
    switch (size) {
    case UsageBucketSize::None:
        return QStringLiteral("none");
    case UsageBucketSize::Minute:
        return QStringLiteral("minute");
    case UsageBucketSize::Hour:
        return QStringLiteral("hour");
    case UsageBucketSize::Day:
        return QStringLiteral("day");
    }
    return {};
}

std::optional<UsageBucketSize> parseUsageBucketSize(const QString& text) {
    const QString word = text.trimmed().toLower();
    for (const UsageBucketSize size :
         {UsageBucketSize::None, UsageBucketSize::Minute, UsageBucketSize::Hour, UsageBucketSize::Day}) {
        if (word == usageBucketSizeName(size))
            return size;
    }
    return std::nullopt;
}

qint64 usageBucketStartMinute(qint64 minute, UsageBucketSize size) {
    // Minutes are never negative here (the index counts from the epoch), so % rounds down.
    switch (size) {
    case UsageBucketSize::None:
    case UsageBucketSize::Minute:
        return minute;
    case UsageBucketSize::Hour:
        return minute - minute % 60;
    case UsageBucketSize::Day:
        return minute - minute % (24 * 60);
    }
    return minute;
}

} // namespace gatehouse
