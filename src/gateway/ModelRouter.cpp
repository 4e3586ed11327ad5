#include "gateway/ModelRouter.h"

#include "core/PolicyValidator.h"

#include <algorithm>

namespace gatehouse {

namespace {

QString stringField(const Json& object, const char* name) {
    const auto it = object.is_object() ? object.find(name) : object.end();
    return object.is_object() && it != object.end() && it->is_string()
               ? toQString(it->get_ref<const std::string&>())
               : QString();
}

std::optional<ModelRouter::Target> targetOf(const Json& json, bool weighted) {
    ModelRouter::Target target;
    target.endpointId = stringField(json, "endpointId");
    target.model = stringField(json, "model");
    if (target.endpointId.isEmpty() || target.model.isEmpty())
        return std::nullopt;
    if (weighted) {
        const auto weight = json.find("weight");
        target.weight = weight != json.end() && weight->is_number() ? weight->get<double>() : 0;
    }
    return target;
}

// Durations beyond any real use are capped (1e15 ms is some 30,000 years): the schema sets no
// maximum, and an uncapped 1e20 s would overflow the conversion to milliseconds and every
// "now + duration" deadline computed from it.
constexpr double longestDurationMs = 1e15;

qint64 secondsField(const Json& config, const char* name, qint64 fallback) {
    const auto it = config.find(name);
    return it != config.end() && it->is_number() && it->get<double>() >= 0
               ? qint64(std::min(it->get<double>() * 1000, longestDurationMs))
               : fallback;
}

} // namespace

std::shared_ptr<ModelRouter> ModelRouter::create(const PolicyDefinition& definition,
                                                 const PolicyAttachment& attachment, QString* error) {
    if (!definition.isModelRouter() || definition.attributes.empty()) {
        if (error)
            *error = QStringLiteral("%1 is not a model router").arg(definition.name);
        return nullptr;
    }
    const PolicyAttribute& attribute = definition.attributes.front();
    const auto raw = attachment.parameters.find(attribute.name.toStdString());
    if (raw == attachment.parameters.end()) {
        if (error)
            *error = QStringLiteral("%1 has no %2").arg(definition.name, attribute.name);
        return nullptr;
    }
    QString decodeError;
    const Json config = PolicyValidator::decodedAttribute(attribute, *raw, &decodeError);
    if (!decodeError.isEmpty() || !config.is_object()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(
                attribute.name, decodeError.isEmpty() ? QStringLiteral("not an object") : decodeError);
        return nullptr;
    }

    std::shared_ptr<ModelRouter> router(new ModelRouter());
    router->m_signature = definition.name + QLatin1Char(':') + toQString(dumpCompact(config));
    if (definition.router == QLatin1String("modelFailover")) {
        router->m_strategy = Strategy::Failover;
        for (Stage stage : {Stage::Production, Stage::Sandbox}) {
            const auto stageConfig = config.find(stageName(stage).toStdString());
            if (stageConfig == config.end() || !stageConfig->is_object())
                continue;
            auto& list = router->m_targets[std::size_t(stage)];
            if (const auto target = stageConfig->find("targetModel"); target != stageConfig->end()) {
                if (auto parsed = targetOf(*target, false))
                    list.push_back(*parsed);
            }
            if (list.empty())
                continue; // no target: failover is off for this key type
            if (const auto fallbacks = stageConfig->find("fallbackModels");
                fallbacks != stageConfig->end() && fallbacks->is_array()) {
                for (const Json& fallback : *fallbacks) {
                    if (auto parsed = targetOf(fallback, false))
                        list.push_back(*parsed);
                }
            }
        }
        router->m_requestTimeoutMs = secondsField(config, "requestTimeout", 60000);
    } else {
        const bool weighted = definition.router == QLatin1String("modelWeightedRoundRobin");
        router->m_strategy = weighted ? Strategy::WeightedRoundRobin : Strategy::RoundRobin;
        for (Stage stage : {Stage::Production, Stage::Sandbox}) {
            const auto list = config.find(stageName(stage).toStdString());
            if (list == config.end() || !list->is_array())
                continue;
            std::vector<double> weights;
            for (const Json& entry : *list) {
                if (auto parsed = targetOf(entry, weighted)) {
                    router->m_targets[std::size_t(stage)].push_back(*parsed);
                    weights.push_back(parsed->weight);
                }
            }
            router->m_balancers[std::size_t(stage)].setWeights(weights);
        }
    }
    router->m_suspendMs = secondsField(config, "suspendDuration", 0);
    if (const auto retry = config.find("retryOnFailure"); retry != config.end() && retry->is_boolean())
        router->m_retryOnFailure = retry->get<bool>();
    return router;
}

} // namespace gatehouse
