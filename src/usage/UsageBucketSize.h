#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>

namespace gatehouse {

// How usage is cut over time: not at all (one row per group for the whole range), or into UTC
// minutes, hours or days. Minutes are what the index keeps; the others are merged from them.
enum class UsageBucketSize { None, Minute, Hour, Day };

// "none", "minute", "hour", "day": the words of --bucket and of the JSON's "bucket".
QString usageBucketSizeName(UsageBucketSize size);
std::optional<UsageBucketSize> parseUsageBucketSize(const QString& text);
// The first minute (since the epoch, UTC) of the bucket holding `minute`; `minute` itself for None.
qint64 usageBucketStartMinute(qint64 minute, UsageBucketSize size);

} // namespace gatehouse
