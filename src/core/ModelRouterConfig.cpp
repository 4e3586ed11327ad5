#include "core/ModelRouterConfig.h"

#include "core/JsonFieldReader.h"
#include "core/PolicyAttachment.h"
#include "core/PolicyDefinition.h"
#include "core/PolicyValidator.h"

#include <QStringList>
#include <algorithm>
#include <cmath>

namespace gatehouse {

namespace {

QString stringField(const Json& object, const char* name) {
    if (!object.is_object())
        return {};
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? toQString(it->get_ref<const std::string&>()) : QString();
}

ModelRouterConfig::Target targetOf(const Json& json, bool weighted, const QString& path) {
    ModelRouterConfig::Target target;
    target.endpointId = stringField(json, "endpointId");
    target.endpointName = stringField(json, "endpointName");
    target.model = stringField(json, "model");
    target.path = path;
    if (weighted) {
        const auto weight = json.is_object() ? json.find("weight") : json.end();
        const bool number = json.is_object() && weight != json.end() && weight->is_number();
        target.weight = number ? weight->get<double>() : 0;
        target.weightValid = number && std::isfinite(target.weight) && target.weight >= 0;
        if (!target.weightValid)
            target.weight = 0; // never served: a NaN or negative weight would poison the balancer
    }
    return target;
}

// Durations beyond any real use are capped (1e15 ms is some 30,000 years): the schema sets no
// maximum, and an uncapped 1e20 s would overflow the conversion to milliseconds and every
// "now + duration" deadline computed from it.
constexpr double longestDurationMs = 1e15;

// A number, or a number written as text as WSO2's Publisher writes it ("5").
qint64 secondsField(const Json& config, const char* name, qint64 fallback) {
    const auto it = config.find(name);
    if (it == config.end())
        return fallback;
    double seconds = -1;
    if (it->is_number()) {
        seconds = it->get<double>();
    } else if (it->is_string()) {
        bool numeric = false;
        seconds = toQString(it->get_ref<const std::string&>()).trimmed().toDouble(&numeric);
        if (!numeric)
            seconds = -1;
    }
    return std::isfinite(seconds) && seconds >= 0 ? qint64(std::min(seconds * 1000, longestDurationMs))
                                                  : fallback;
}

Json targetJson(const ModelRouterConfig::Target& target, bool weighted) {
    Json json = Json::object();
    json["model"] = toStdString(target.model);
    json["endpointId"] = toStdString(target.endpointId);
    if (!target.endpointName.isEmpty())
        json["endpointName"] = toStdString(target.endpointName);
    if (weighted) {
        // Whole weights stay integers ("weight":50), as WSO2's Publisher writes them.
        if (target.weight == std::floor(target.weight) && std::abs(target.weight) < 1e15)
            json["weight"] = qint64(target.weight);
        else
            json["weight"] = target.weight;
    }
    return json;
}

} // namespace

bool ModelRouterConfig::namesNoTarget(const Json& target) {
    if (target.is_null())
        return true;
    if (!target.is_object())
        return false;
    return std::all_of(target.begin(), target.end(), [](const Json& member) {
        return member.is_null() || (member.is_string() && member.get_ref<const std::string&>().empty());
    });
}

std::optional<ModelRouterConfig::Strategy> ModelRouterConfig::strategyNamed(const QString& routerName) {
    if (routerName == QLatin1String("modelRoundRobin"))
        return Strategy::RoundRobin;
    if (routerName == QLatin1String("modelWeightedRoundRobin"))
        return Strategy::WeightedRoundRobin;
    if (routerName == QLatin1String("modelFailover"))
        return Strategy::Failover;
    return std::nullopt;
}

ModelRouterConfig ModelRouterConfig::parse(Strategy strategy, const Json& config,
                                           ValidationReport* findings) {
    ModelRouterConfig parsed(strategy);
    const auto report = [&](const QString& path, const QString& message, bool isError = true) {
        if (findings && isError)
            findings->addError(path, message);
        else if (findings)
            findings->addWarning(path, message);
    };
    if (!config.is_object())
        return parsed;

    if (strategy == Strategy::Failover) {
        bool configured = false;
        bool stageErrors = false;
        for (Stage stage : {Stage::Production, Stage::Sandbox}) {
            const QString stagePath = stageName(stage);
            const auto stageConfig = config.find(toStdString(stagePath));
            if (stageConfig == config.end() || !stageConfig->is_object() || stageConfig->empty())
                continue;
            const auto target = stageConfig->find("targetModel");
            const auto fallbacks = stageConfig->find("fallbackModels");
            std::vector<Target> fallbackTargets;
            if (fallbacks != stageConfig->end() && fallbacks->is_array()) {
                for (std::size_t i = 0; i < fallbacks->size(); ++i)
                    fallbackTargets.push_back(targetOf(
                        (*fallbacks)[i], false,
                        jsonIndexPath(jsonChildPath(stagePath, QStringLiteral("fallbackModels")), i)));
            }
            const bool hasTarget = target != stageConfig->end() && target->is_object() &&
                                   !stringField(*target, "model").trimmed().isEmpty();
            std::optional<Target> targetModel; // kept half-filled too, so that the form shows it
            if (target != stageConfig->end() && target->is_object() &&
                !ModelRouterConfig::namesNoTarget(*target))
                targetModel =
                    targetOf(*target, false, jsonChildPath(stagePath, QStringLiteral("targetModel")));
            parsed.setFailover(stage, targetModel, fallbackTargets);
            if (!hasTarget) {
                if (!fallbackTargets.empty() ||
                    (target != stageConfig->end() && !ModelRouterConfig::namesNoTarget(*target))) {
                    report(jsonChildPath(jsonChildPath(stagePath, QStringLiteral("targetModel")),
                                         QStringLiteral("model")),
                           tr("failover needs the target model whose failures it handles"));
                    stageErrors = true;
                }
                continue;
            }
            configured = true;
            if (fallbackTargets.empty())
                report(jsonChildPath(stagePath, QStringLiteral("fallbackModels")),
                       tr("no fallback models: failover has nothing to fall back to"), false);
        }
        if (!configured && !stageErrors)
            report(QStringLiteral("production.targetModel"),
                   tr("failover needs a target model in production or sandbox"));
        parsed.m_requestTimeoutMs = secondsField(config, "requestTimeout", 60000);
    } else {
        const bool weighted = strategy == Strategy::WeightedRoundRobin;
        bool anyModel = false;
        for (Stage stage : {Stage::Production, Stage::Sandbox}) {
            const QString listPath = stageName(stage);
            const auto list = config.find(toStdString(listPath));
            if (list == config.end() || !list->is_array())
                continue;
            std::vector<Target> targets;
            QStringList seenPairs;
            double totalWeight = 0;
            bool weightsValid = true;
            for (std::size_t i = 0; i < list->size(); ++i) {
                const Json& entry = (*list)[i];
                Target target = targetOf(entry, weighted, jsonIndexPath(listPath, i));
                if (entry.is_object()) {
                    const QString pair = target.endpointId + QLatin1Char('/') + target.model;
                    if (seenPairs.contains(pair))
                        report(target.path,
                               tr("model \"%1\" on endpoint \"%2\" is listed twice; its shares add up")
                                   .arg(target.model, target.endpointId),
                               false);
                    seenPairs.append(pair);
                    totalWeight += target.weight;
                    weightsValid = weightsValid && target.weightValid;
                }
                targets.push_back(std::move(target));
            }
            anyModel = anyModel || !targets.empty();
            if (weighted && !targets.empty() && weightsValid && totalWeight <= 0)
                report(listPath, tr("the weights must not all be 0: no model would get traffic"));
            parsed.setBalanced(stage, std::move(targets));
        }
        if (!anyModel)
            report(QStringLiteral("production"), tr("needs at least one model (in production or sandbox)"));
    }
    parsed.m_suspendMs = secondsField(config, "suspendDuration", 0);
    if (const auto retry = config.find("retryOnFailure"); retry != config.end() && retry->is_boolean())
        parsed.m_retryOnFailure = retry->get<bool>();
    return parsed;
}

Result<ModelRouterConfig> ModelRouterConfig::ofAttachment(const PolicyDefinition& definition,
                                                          const PolicyAttachment& attachment) {
    const std::optional<Strategy> strategy = strategyNamed(definition.router);
    if (!strategy || definition.attributes.empty())
        return Result<ModelRouterConfig>::failure(
            QStringLiteral("%1 is not a model router").arg(definition.name));
    const PolicyAttribute& attribute = definition.attributes.front();
    const auto raw = attachment.parameters.is_object()
                         ? attachment.parameters.find(toStdString(attribute.name))
                         : attachment.parameters.end();
    if (!attachment.parameters.is_object() || raw == attachment.parameters.end())
        return Result<ModelRouterConfig>::failure(
            QStringLiteral("%1 has no %2").arg(definition.name, attribute.name));
    QString decodeError;
    const Json config = PolicyValidator::decodedAttribute(attribute, *raw, &decodeError);
    if (!decodeError.isEmpty() || !config.is_object())
        return Result<ModelRouterConfig>::failure(QStringLiteral("%1: %2").arg(
            attribute.name, decodeError.isEmpty() ? QStringLiteral("not an object") : decodeError));
    return Result<ModelRouterConfig>::success(parse(*strategy, config));
}

void ModelRouterConfig::setFailover(Stage stage, std::optional<Target> target,
                                    std::vector<Target> fallbacks) {
    m_failoverTarget[index(stage)] = std::move(target);
    m_fallbacks[index(stage)] = std::move(fallbacks);
}

std::vector<ModelRouterConfig::Target> ModelRouterConfig::routingTargets(Stage stage) const {
    std::vector<Target> targets;
    const auto addUsable = [&](const std::vector<Target>& list) {
        std::copy_if(list.begin(), list.end(), std::back_inserter(targets),
                     [](const Target& target) { return target.usable(); });
    };
    if (isFailover()) {
        const std::optional<Target>& target = failoverTarget(stage);
        if (!target || !target->usable() || target->model.trimmed().isEmpty())
            return targets; // no target: failover is off for this key type
        targets.push_back(*target);
        addUsable(fallbacks(stage));
    } else {
        addUsable(balanced(stage));
    }
    return targets;
}

std::map<QString, double> ModelRouterConfig::modelWeights(Stage stage) const {
    std::map<QString, double> weights;
    if (isFailover())
        return weights;
    for (const Target& target : balanced(stage)) {
        if (target.usable())
            weights[target.model] += m_strategy == Strategy::WeightedRoundRobin ? target.weight : 1.0;
    }
    return weights;
}

Json ModelRouterConfig::toJson() const {
    Json config = Json::object();
    const bool weighted = m_strategy == Strategy::WeightedRoundRobin;
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        const std::string key = toStdString(stageName(stage));
        if (isFailover()) {
            Json value = Json::object();
            const std::optional<Target>& target = failoverTarget(stage);
            if (target)
                value["targetModel"] = targetJson(*target, false);
            if (target || !fallbacks(stage).empty()) {
                Json fallbackList = Json::array();
                for (const Target& fallback : fallbacks(stage))
                    fallbackList.push_back(targetJson(fallback, false));
                value["fallbackModels"] = std::move(fallbackList);
            }
            config[key] = std::move(value);
        } else {
            Json list = Json::array();
            for (const Target& target : balanced(stage))
                list.push_back(targetJson(target, weighted));
            config[key] = std::move(list); // an unused stage is [], as WSO2 writes it
        }
    }
    if (isFailover())
        config["requestTimeout"] = m_requestTimeoutMs / 1000;
    config["suspendDuration"] = m_suspendMs / 1000;
    if (!m_retryOnFailure)
        config["retryOnFailure"] = false;
    return config;
}

} // namespace gatehouse
