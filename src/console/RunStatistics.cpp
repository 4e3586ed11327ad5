#include "console/RunStatistics.h"

#include <algorithm>
#include <cmath>

namespace gatehouse {

namespace {

// Milliseconds to the microsecond: finer digits are noise, and they make exports hard to read.
double rounded(double milliseconds) {
    return std::round(milliseconds * 1000.0) / 1000.0;
}

Json orNull(qint64 value) {
    return value >= 0 ? Json(value) : Json(nullptr);
}

Json orNull(const QString& text) {
    return text.isEmpty() ? Json(nullptr) : Json(text.toStdString());
}

} // namespace

bool RunStatistics::isFailure(const InvokeResult& result) {
    return result.isError() || !result.errorCode.isEmpty();
}

void RunStatistics::add(const InvokeResult& result) {
    const qint64 startMs = result.startedAt.isValid() ? result.startedAt.toMSecsSinceEpoch() : 0;
    const double endMs = double(startMs) + result.latencyMs;
    if (m_count == 0 || startMs < m_firstStartMs)
        m_firstStartMs = startMs;
    if (m_count == 0 || endMs > m_lastEndMs)
        m_lastEndMs = endMs;
    ++m_count;
    if (isFailure(result))
        ++m_errors;
    if (result.cacheStatus == QLatin1String("Hit"))
        ++m_cacheHits;
    m_latency.add(result.latencyMs);
    ++m_statusCounts[result.status];
    if (!result.model.isEmpty()) {
        ++m_byModel[result.model];
        ++m_modelled;
    }
}

void RunStatistics::clear() {
    const std::map<QString, double> weights = m_weights;
    *this = RunStatistics();
    setConfiguredWeights(weights); // the router's configuration outlives a run
}

void RunStatistics::setConfiguredWeights(const std::map<QString, double>& weightsByModel) {
    m_weights.clear();
    m_weightTotal = 0;
    for (const auto& [model, weight] : weightsByModel) {
        if (weight > 0 && std::isfinite(weight)) {
            m_weights[model] = weight;
            m_weightTotal += weight;
        }
    }
}

double RunStatistics::spanMs() const {
    return m_count == 0 ? 0 : qMax(0.0, m_lastEndMs - double(m_firstStartMs));
}

double RunStatistics::requestsPerSecond() const {
    const double span = spanMs();
    return span > 0 ? double(m_count) * 1000.0 / span : 0;
}

double RunStatistics::share(const QString& model) const {
    const auto it = m_byModel.find(model);
    return it == m_byModel.end() || m_modelled == 0 ? 0 : double(it->second) / double(m_modelled);
}

double RunStatistics::configuredShare(const QString& model) const {
    const auto it = m_weights.find(model);
    return it == m_weights.end() || m_weightTotal <= 0 ? 0 : it->second / m_weightTotal;
}

std::vector<QString> RunStatistics::models() const {
    std::vector<QString> names;
    for (const auto& [model, count] : m_byModel)
        names.push_back(model);
    for (const auto& [model, weight] : m_weights) {
        if (m_byModel.count(model) == 0)
            names.push_back(model);
    }
    std::sort(names.begin(), names.end());
    return names;
}

Json RunStatistics::toJson(bool includeResults, const std::vector<InvokeResult>& results) const {
    Json byModel = Json::object();
    for (const auto& [model, count] : m_byModel)
        byModel[model.toStdString()] = count;
    Json statusCounts = Json::object();
    for (const auto& [status, count] : m_statusCounts)
        statusCounts[std::to_string(status)] = count;
    Json latency = Json::object();
    latency["min"] = rounded(m_latency.min());
    latency["avg"] = rounded(m_latency.mean());
    latency["p50"] = rounded(m_latency.percentile(50));
    latency["p90"] = rounded(m_latency.percentile(90));
    latency["p99"] = rounded(m_latency.percentile(99));
    latency["max"] = rounded(m_latency.max());

    Json json = Json::object();
    json["byModel"] = std::move(byModel);
    json["statusCounts"] = std::move(statusCounts);
    json["latencyMs"] = std::move(latency);
    json["requestsPerSecond"] = std::round(requestsPerSecond() * 100.0) / 100.0;
    json["cacheHits"] = m_cacheHits;
    if (includeResults) {
        // In request order, whatever order the answers came back in.
        std::vector<const InvokeResult*> ordered;
        ordered.reserve(results.size());
        for (const InvokeResult& result : results)
            ordered.push_back(&result);
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const InvokeResult* a, const InvokeResult* b) { return a->index < b->index; });
        Json list = Json::array();
        for (const InvokeResult* each : ordered) {
            const InvokeResult& result = *each;
            Json entry = Json::object();
            entry["index"] = result.index;
            entry["status"] = result.status;
            entry["latencyMs"] = rounded(result.latencyMs);
            entry["model"] = orNull(result.model);
            entry["errorCode"] = orNull(result.errorCode);
            entry["promptTokens"] = orNull(result.promptTokens);
            entry["completionTokens"] = orNull(result.completionTokens);
            entry["totalTokens"] = orNull(result.totalTokens);
            entry["cache"] = orNull(result.cacheStatus);
            list.push_back(std::move(entry));
        }
        json["results"] = std::move(list);
    }
    return json;
}

} // namespace gatehouse
