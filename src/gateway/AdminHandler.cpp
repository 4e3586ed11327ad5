#include "gateway/AdminHandler.h"

#include "core/Json.h"
#include "gateway/AccessRecord.h"
#include "gateway/ErrorBody.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/HttpExchange.h"
#include "gateway/SharedStateSession.h"

#include <QDateTime>

namespace gatehouse {

namespace {

void respondJson(HttpExchange* exchange, int status, const Json& json) {
    HttpHeaders headers;
    headers.add("Content-Type", "application/json");
    const std::string text = dumpCompact(json);
    exchange->respond(status, headers, QByteArray(text.data(), qsizetype(text.size())));
}

QByteArray labelValue(const QString& text) {
    QByteArray escaped = text.toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return escaped;
}

} // namespace

AdminHandler::AdminHandler(std::shared_ptr<GatewayRuntime> runtime) : m_runtime(std::move(runtime)) {
    if (m_runtime->sharedState().isShared())
        m_shared = std::make_unique<SharedStateSession>(*m_runtime);
}

AdminHandler::~AdminHandler() = default;

void AdminHandler::handle(HttpExchange* exchange) {
    const HttpRequest& request = exchange->request();
    if (request.path == "/status" && request.method == "GET")
        return status(exchange);
    if (request.path == "/metrics" && request.method == "GET")
        return metrics(exchange);
    if (request.path == "/suspensions/readmit" && request.method == "POST")
        return readmit(exchange);
    HttpHeaders headers;
    headers.add("Content-Type", "application/json");
    exchange->respond(
        404, headers,
        errorBody(
            QStringLiteral("404"), QStringLiteral("Not found"),
            QStringLiteral("The admin API has GET /status, GET /metrics and POST /suspensions/readmit")));
}

void AdminHandler::status(HttpExchange* exchange) {
    const auto config = m_runtime->config();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Json json = Json::object();
    json["uptimeSeconds"] = m_runtime->uptimeMs() / 1000;
    json["inFlight"] = m_runtime->inFlight().load();
    Json deployments = Json::array();
    for (const auto& api : config->apis()) {
        Json entry = Json::object();
        entry["api"] = api->name.toStdString();
        entry["apiId"] = api->id.toStdString();
        entry["basePath"] =
            QString(QLatin1Char('/') + api->context + QLatin1Char('/') + api->version).toStdString();
        entry["revision"] = api->revision;
        deployments.push_back(std::move(entry));
    }
    json["deployments"] = std::move(deployments);
    Json problems = Json::array();
    for (const QString& problem : config->problems)
        problems.push_back(problem.toStdString());
    json["problems"] = std::move(problems);
    const GatewayMetrics::Snapshot counters = m_runtime->metrics().snapshot();
    Json countersJson = Json::object();
    countersJson["requests"] = counters.requests;
    countersJson["errors"] = counters.errors;
    countersJson["retried"] = counters.retried;
    countersJson["promptTokens"] = counters.promptTokens;
    countersJson["completionTokens"] = counters.completionTokens;
    Json byModel = Json::object();
    for (const auto& [model, count] : counters.byModel)
        byModel[model.toStdString()] = count;
    countersJson["byModel"] = std::move(byModel);
    Json byStatus = Json::object();
    for (const auto& [status, count] : counters.byStatus)
        byStatus[std::to_string(status)] = count;
    countersJson["byStatus"] = std::move(byStatus);
    Json interventions = Json::array();
    for (const auto& [key, count] : counters.interventions)
        interventions.push_back({{"api", key.api.toStdString()},
                                 {"guardrail", key.guardrail.toStdString()},
                                 {"direction", key.direction.toStdString()},
                                 {"count", count}});
    countersJson["guardrailInterventions"] = std::move(interventions);
    Json cache = Json::array();
    for (const auto& [api, totals] : counters.cacheByApi)
        cache.push_back({{"api", api.toStdString()},
                         {"hits", totals.hits},
                         {"misses", totals.misses},
                         {"bypasses", totals.bypasses},
                         {"hitRate", std::round(totals.hitRate() * 10000) / 10000},
                         {"savedTokens", totals.savedTokens},
                         {"savedCostUsd", Json::parse(formatCostUsd(totals.savedCostUsd))}});
    countersJson["responseCache"] = std::move(cache);
    json["counters"] = std::move(countersJson);
    Json suspensions = Json::array();
    for (const SuspensionTable::Entry& entry : m_runtime->suspensions().entries(now)) {
        Json row = Json::object();
        row["apiId"] = entry.pair.apiId.toStdString();
        row["endpoint"] = entry.pair.endpointId.toStdString();
        row["model"] = entry.pair.model.toStdString();
        row["failures"] = entry.failures;
        row["until"] =
            QDateTime::fromMSecsSinceEpoch(entry.untilMs, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
        row["secondsLeft"] = qMax<qint64>(0, (entry.untilMs - now + 999) / 1000);
        row["trialInFlight"] = entry.trialInFlight;
        row["lastError"] = entry.lastError.toStdString();
        suspensions.push_back(std::move(row));
    }
    json["suspensions"] = std::move(suspensions);
    const SharedStateStatus& shared = m_runtime->sharedState();
    Json sharedJson = Json::object();
    sharedJson["backend"] = toStdString(SharedStateSettings::backendName(shared.settings().backend));
    if (shared.isShared()) {
        sharedJson["url"] = toStdString(shared.settings().url); // never holds a password
        sharedJson["keyPrefix"] = toStdString(shared.settings().keyPrefix);
        sharedJson["failureMode"] =
            toStdString(SharedStateSettings::failureModeName(shared.settings().failureMode));
        sharedJson["strictRotation"] = shared.settings().strictRotation;
        sharedJson["connected"] = shared.isConnected();
        sharedJson["liveReplicas"] = shared.liveReplicas();
        sharedJson["replicaId"] = toStdString(shared.replicaId());
        sharedJson["requestsCountedAlone"] = shared.fallbacks();
        sharedJson["requestsRefused"] = shared.refusals();
        if (!shared.isConnected())
            sharedJson["lastError"] = toStdString(shared.lastError());
    }
    json["sharedState"] = std::move(sharedJson);
    respondJson(exchange, 200, json);
}

void AdminHandler::metrics(HttpExchange* exchange) {
    const GatewayMetrics::Snapshot counters = m_runtime->metrics().snapshot();
    QByteArray text;
    text += "# HELP gatehouse_requests_total Requests answered by the gateway, by status.\n";
    text += "# TYPE gatehouse_requests_total counter\n";
    for (const auto& [status, count] : counters.byStatus)
        text += "gatehouse_requests_total{status=\"" + QByteArray::number(status) + "\"} " +
                QByteArray::number(count) + '\n';
    text += "# HELP gatehouse_model_requests_total Requests routed to each model.\n";
    text += "# TYPE gatehouse_model_requests_total counter\n";
    for (const auto& [model, count] : counters.byModel)
        text += "gatehouse_model_requests_total{model=\"" + labelValue(model) + "\"} " +
                QByteArray::number(count) + '\n';
    text += "# HELP gatehouse_guardrail_interventions_total Calls a guardrail answered or stopped.\n";
    text += "# TYPE gatehouse_guardrail_interventions_total counter\n";
    for (const auto& [key, count] : counters.interventions)
        text += "gatehouse_guardrail_interventions_total{api=\"" + labelValue(key.api) + "\",guardrail=\"" +
                labelValue(key.guardrail) + "\",direction=\"" + labelValue(key.direction) + "\"} " +
                QByteArray::number(count) + '\n';
    text += "# HELP gatehouse_cache_lookups_total Response cache answers by API: hit, miss or bypass.\n";
    text += "# TYPE gatehouse_cache_lookups_total counter\n";
    for (const auto& [api, totals] : counters.cacheByApi) {
        const std::pair<const char*, qint64> results[] = {
            {"hit", totals.hits}, {"miss", totals.misses}, {"bypass", totals.bypasses}};
        for (const auto& [result, count] : results)
            text += "gatehouse_cache_lookups_total{api=\"" + labelValue(api) + "\",result=\"" +
                    QByteArray(result) + "\"} " + QByteArray::number(count) + '\n';
    }
    text += "# HELP gatehouse_cache_hit_ratio Response cache hits among lookups, by API.\n";
    text += "# TYPE gatehouse_cache_hit_ratio gauge\n";
    for (const auto& [api, totals] : counters.cacheByApi)
        text += "gatehouse_cache_hit_ratio{api=\"" + labelValue(api) + "\"} " +
                QByteArray::number(totals.hitRate(), 'f', 4) + '\n';
    text += "# HELP gatehouse_cache_saved_tokens_total Tokens the response cache's hits did not spend.\n";
    text += "# TYPE gatehouse_cache_saved_tokens_total counter\n";
    for (const auto& [api, totals] : counters.cacheByApi)
        text += "gatehouse_cache_saved_tokens_total{api=\"" + labelValue(api) + "\"} " +
                QByteArray::number(totals.savedTokens) + '\n';
    const SharedStateStatus& shared = m_runtime->sharedState();
    if (shared.isShared()) {
        text += "# HELP gatehouse_shared_state_up Whether this replica reaches its shared-state Redis.\n";
        text += "# TYPE gatehouse_shared_state_up gauge\n";
        text += "gatehouse_shared_state_up " + QByteArray(shared.isConnected() ? "1" : "0") + '\n';
        text +=
            "# HELP gatehouse_shared_state_replicas Live replicas sharing the state, this one included.\n";
        text += "# TYPE gatehouse_shared_state_replicas gauge\n";
        text += "gatehouse_shared_state_replicas " + QByteArray::number(shared.liveReplicas()) + '\n';
        text += "# HELP gatehouse_shared_state_fallbacks_total Quota checks Redis did not answer in time, by "
                "what the replica did (open: counted alone; closed: refused with 503).\n";
        text += "# TYPE gatehouse_shared_state_fallbacks_total counter\n";
        text += "gatehouse_shared_state_fallbacks_total{outcome=\"counted_alone\"} " +
                QByteArray::number(shared.fallbacks()) + '\n';
        text += "gatehouse_shared_state_fallbacks_total{outcome=\"refused\"} " +
                QByteArray::number(shared.refusals()) + '\n';
    }
    text += "# HELP gatehouse_retried_total Requests retried on another model after a failure.\n";
    text += "# TYPE gatehouse_retried_total counter\n";
    text += "gatehouse_retried_total " + QByteArray::number(counters.retried) + '\n';
    // Cached tokens are part of the prompt's and reasoning tokens part of the completion's, as OpenAI
    // reports them: the total is prompt + completion.
    text += "# HELP gatehouse_tokens_total Tokens used (reported by upstreams, or estimated).\n";
    text += "# TYPE gatehouse_tokens_total counter\n";
    const auto labelsOf = [](const GatewayMetrics::Snapshot::UsageKey& key) -> QByteArray {
        return "api=\"" + labelValue(key.api) + "\",app=\"" + labelValue(key.application) + "\",model=\"" +
               labelValue(key.model) + '"';
    };
    for (const auto& [key, usage] : counters.usage) {
        const std::pair<const char*, qint64> kinds[] = {{"prompt", usage.promptTokens},
                                                        {"completion", usage.completionTokens},
                                                        {"cached", usage.cachedTokens},
                                                        {"reasoning", usage.reasoningTokens}};
        for (const auto& [kind, count] : kinds)
            text += "gatehouse_tokens_total{" + labelsOf(key) + ",kind=\"" + kind + "\"} " +
                    QByteArray::number(count) + '\n';
    }
    text += "# HELP gatehouse_cost_usd_total What answers cost, in USD, from the model price catalogue.\n";
    text += "# TYPE gatehouse_cost_usd_total counter\n";
    for (const auto& [key, usage] : counters.usage)
        text += "gatehouse_cost_usd_total{" + labelsOf(key) + "} " +
                QByteArray::fromStdString(formatCostUsd(usage.costUsd)) + '\n';
    text += "# HELP gatehouse_request_latency_ms_sum Total latency of answered requests.\n";
    text += "# TYPE gatehouse_request_latency_ms_sum counter\n";
    text += "gatehouse_request_latency_ms_sum " + QByteArray::number(counters.latencySumMs, 'f', 3) + '\n';
    text += "# HELP gatehouse_in_flight Requests being served now.\n";
    text += "# TYPE gatehouse_in_flight gauge\n";
    text += "gatehouse_in_flight " + QByteArray::number(m_runtime->inFlight().load()) + '\n';
    text += "# HELP gatehouse_suspended_pairs (endpoint, model) pairs currently suspended.\n";
    text += "# TYPE gatehouse_suspended_pairs gauge\n";
    text += "gatehouse_suspended_pairs " +
            QByteArray::number(
                qulonglong(m_runtime->suspensions().entries(QDateTime::currentMSecsSinceEpoch()).size())) +
            '\n';
    HttpHeaders headers;
    headers.add("Content-Type", "text/plain; version=0.0.4");
    exchange->respond(200, headers, text);
}

void AdminHandler::readmit(HttpExchange* exchange) {
    const QByteArray& body = exchange->request().body;
    const Json json = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    const auto field = [&](const char* name) {
        const auto it = json.is_object() ? json.find(name) : json.end();
        return json.is_object() && it != json.end() && it->is_string() ? toQString(it->get<std::string>())
                                                                       : QString();
    };
    if (!json.is_object()) {
        HttpHeaders headers;
        headers.add("Content-Type", "application/json");
        return exchange->respond(
            400, headers,
            errorBody(QStringLiteral("400"), QStringLiteral("Bad request"),
                      QStringLiteral("Expected {\"apiId\", \"endpoint\", \"model\"}, or {} for all")));
    }
    const SuspensionTable::Pair pair{field("apiId"), field("endpoint"), field("model")};
    if (json.empty())
        m_runtime->suspensions().clear();
    else
        m_runtime->suspensions().readmit(pair);
    if (m_shared) {
        // Every replica hears it; this one has readmitted already, so Redis being away changes nothing here.
        if (json.empty())
            m_shared->suspensions().clear();
        else
            m_shared->suspensions().readmit(pair.sharedId(), true);
    }
    respondJson(exchange, 200, Json::object({{"readmitted", true}}));
}

} // namespace gatehouse
