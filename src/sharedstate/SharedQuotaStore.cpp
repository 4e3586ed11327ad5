#include "sharedstate/SharedQuotaStore.h"

#include "sharedstate/RedisClient.h"
#include "sharedstate/RedisScript.h"

#include <iterator>

namespace gatehouse {

namespace {

constexpr PlanLimit::Period allPeriods[] = {PlanLimit::Period::Minute, PlanLimit::Period::Hour,
                                            PlanLimit::Period::Day, PlanLimit::Period::Month};
// A window's hash outlives its window by this much, so a replica whose clock is a little behind still
// finds it.
constexpr qint64 expiryGraceMs = 60000;

// KEYS: the windows (one per period the check's limits use). ARGV[1]: the number of limits n; then per limit
// the index of its window in KEYS, its field and its amount; then the expiry (epoch ms) of each key. Refused
// when any limit is used up; admitted requests are counted in every window. Answers {allowed, {used...}}: the
// used amounts as strings, since Redis would cut Lua numbers to integers.
const RedisScript admitScript(QByteArrayLiteral(R"lua(
local n = tonumber(ARGV[1])
local used = {}
local allowed = 1
for i = 0, n - 1 do
  local value = tonumber(redis.call('HGET', KEYS[tonumber(ARGV[2 + i * 3])], ARGV[3 + i * 3]) or '0')
  if value >= tonumber(ARGV[4 + i * 3]) then allowed = 0 end
  used[i + 1] = tostring(value)
end
if allowed == 1 then
  local base = 1 + n * 3
  for k = 1, #KEYS do
    redis.call('HINCRBY', KEYS[k], 'r', 1)
    redis.call('PEXPIREAT', KEYS[k], ARGV[base + k])
  end
end
return {allowed, used}
)lua"));

// KEYS: windows. ARGV: requests, prompt, completion, total tokens, dollars; then each key's expiry.
const RedisScript addScript(QByteArrayLiteral(R"lua(
local fields = {'r', 'p', 'c', 't'}
for k = 1, #KEYS do
  for f = 1, 4 do
    if ARGV[f] ~= '0' then redis.call('HINCRBY', KEYS[k], fields[f], ARGV[f]) end
  end
  if ARGV[5] ~= '0' then redis.call('HINCRBYFLOAT', KEYS[k], 'u', ARGV[5]) end
  redis.call('PEXPIREAT', KEYS[k], ARGV[5 + k])
end
return 1
)lua"));

QByteArray expiryOf(PlanLimit::Period period, qint64 nowMs) {
    return QByteArray::number(PlanLimit::window(period, nowMs).second + expiryGraceMs);
}

} // namespace

SharedQuotaStore::SharedQuotaStore(RedisClient& client, QByteArray keyPrefix, int timeoutMs)
    : m_client(client), m_prefix(std::move(keyPrefix)), m_timeoutMs(timeoutMs) {
}

QByteArray SharedQuotaStore::windowKey(const QString& key, PlanLimit::Period period,
                                       qint64 windowStartMs) const {
    return m_prefix + QByteArrayLiteral("q:") + key.toUtf8() + ':' + PlanLimit::periodName(period).toUtf8() +
           ':' + QByteArray::number(windowStartMs);
}

QByteArray SharedQuotaStore::fieldOf(PlanLimit::Metric metric) {
    switch (metric) {
    case PlanLimit::Metric::Requests:
        return QByteArrayLiteral("r");
    case PlanLimit::Metric::PromptTokens:
        return QByteArrayLiteral("p");
    case PlanLimit::Metric::CompletionTokens:
        return QByteArrayLiteral("c");
    case PlanLimit::Metric::TotalTokens:
        return QByteArrayLiteral("t");
    case PlanLimit::Metric::Usd:
        break;
    }
    return QByteArrayLiteral("u");
}

void SharedQuotaStore::admit(const std::vector<Check>& checks, qint64 nowMs,
                             std::function<void(const Answer&)> done) {
    QList<QByteArray> keys;
    QList<QByteArray> limitArguments;
    QList<QByteArray> expiries;
    int limitCount = 0;
    std::vector<std::size_t> limitsPerCheck;
    for (const Check& check : checks) {
        int keyOfPeriod[std::size(allPeriods)] = {};
        const quint8 periods = periodsOf(check.limits, false);
        for (PlanLimit::Period period : allPeriods) {
            if (!(periods & (1u << int(period))))
                continue;
            keys.append(windowKey(check.key, period, PlanLimit::window(period, nowMs).first));
            expiries.append(expiryOf(period, nowMs));
            keyOfPeriod[int(period)] = int(keys.size()); // Lua counts from 1
        }
        for (const PlanLimit& limit : check.limits) {
            limitArguments.append(QByteArray::number(keyOfPeriod[int(limit.period)]));
            limitArguments.append(fieldOf(limit.metric));
            limitArguments.append(QByteArray::number(limit.amount, 'g', 17));
            ++limitCount;
        }
        limitsPerCheck.push_back(check.limits.size());
    }
    QList<QByteArray> arguments{QByteArray::number(limitCount)};
    arguments.append(limitArguments);
    arguments.append(expiries);
    admitScript.run(
        m_client, keys, arguments,
        [limitsPerCheck, limitCount, done = std::move(done)](const RedisReply& reply) {
            Answer answer;
            const bool wellFormed = !reply.isError() && reply.type == RedisReply::Type::Array &&
                                    reply.elements.size() == 2 &&
                                    reply.elements[1].type == RedisReply::Type::Array &&
                                    int(reply.elements[1].elements.size()) == limitCount;
            if (!wellFormed) {
                answer.error = reply.isError() ? QString::fromUtf8(reply.text)
                                               : QStringLiteral("unexpected answer to the quota script");
                return done(answer);
            }
            answer.answered = true;
            answer.allowed = reply.elements[0].integer == 1;
            std::size_t next = 0;
            for (std::size_t count : limitsPerCheck) {
                std::vector<double>& used = answer.used.emplace_back();
                for (std::size_t i = 0; i < count; ++i)
                    used.push_back(reply.elements[1].elements[next++].text.toDouble());
            }
            done(answer);
        },
        m_timeoutMs);
}

quint8 SharedQuotaStore::periodsOf(const std::vector<PlanLimit>& limits, bool chargedOnly) {
    quint8 periods = 0;
    for (const PlanLimit& limit : limits) {
        if (!chargedOnly || limit.metric != PlanLimit::Metric::Requests)
            periods |= quint8(1u << int(limit.period));
    }
    return periods;
}

void SharedQuotaStore::add(const QString& key, qint64 nowMs, const QuotaCounts& counts, quint8 periods,
                           std::function<void(bool)> done) {
    QList<QByteArray> keys;
    QList<QByteArray> expiries;
    for (PlanLimit::Period period : allPeriods) {
        if (!(periods & (1u << int(period))))
            continue;
        keys.append(windowKey(key, period, PlanLimit::window(period, nowMs).first));
        expiries.append(expiryOf(period, nowMs));
    }
    if (keys.isEmpty()) {
        if (done)
            done(true);
        return;
    }
    addToKeys(keys, expiries, counts, std::move(done));
}

void SharedQuotaStore::addToWindow(const QString& key, PlanLimit::Period period, qint64 windowStartMs,
                                   const QuotaCounts& counts, std::function<void(bool)> done) {
    addToKeys({windowKey(key, period, windowStartMs)}, {expiryOf(period, windowStartMs)}, counts,
              std::move(done));
}

void SharedQuotaStore::addToKeys(const QList<QByteArray>& keys, const QList<QByteArray>& expiries,
                                 const QuotaCounts& counts, std::function<void(bool)> done) {
    QList<QByteArray> arguments{
        QByteArray::number(counts.requests), QByteArray::number(counts.promptTokens),
        QByteArray::number(counts.completionTokens), QByteArray::number(counts.totalTokens),
        counts.usd == 0 ? QByteArrayLiteral("0") : QByteArray::number(counts.usd, 'f', 10)};
    arguments.append(expiries);
    addScript.run(
        m_client, keys, arguments,
        [done = std::move(done)](const RedisReply& reply) {
            if (done)
                done(!reply.isError());
        },
        m_timeoutMs);
}

} // namespace gatehouse
