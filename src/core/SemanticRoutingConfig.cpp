#include "core/SemanticRoutingConfig.h"

#include "core/JsonPath.h"

#include <cmath>

namespace gatehouse {

namespace {

using Config = SemanticRoutingConfig;

// A target: {"model": ..., "endpointId": ...}; an empty object (WSO2's disabled default) is none.
Result<std::optional<Config::Target>> targetOf(const Json& value, const QString& path) {
    using TargetResult = Result<std::optional<Config::Target>>;
    if (value.is_null() || (value.is_object() && value.empty()))
        return TargetResult::success(std::nullopt);
    if (!value.is_object())
        return TargetResult::failure(
            SemanticRoutingConfig::tr("%1 must be {\"model\": ..., \"endpointId\": ...}").arg(path));
    Config::Target target;
    target.model = jsonStringMember(value, "model");
    target.endpointId = jsonStringMember(value, "endpointId");
    if (target.model.isEmpty())
        return TargetResult::failure(SemanticRoutingConfig::tr("%1.model is required").arg(path));
    if (target.endpointId.isEmpty())
        return TargetResult::failure(SemanticRoutingConfig::tr("%1.endpointId is required").arg(path));
    return TargetResult::success(target);
}

Result<Config::StageConfig> stageOf(const Json& value, const QString& path) {
    using StageResult = Result<Config::StageConfig>;
    Config::StageConfig stage;
    if (value.is_null() || (value.is_object() && value.empty()))
        return StageResult::success(stage);
    if (!value.is_object())
        return StageResult::failure(
            SemanticRoutingConfig::tr("%1 must be {\"defaultModel\": ..., \"routes\": [...]}").arg(path));
    const Result<std::optional<Config::Target>> fallback =
        targetOf(value.value("defaultModel", Json()), path + QStringLiteral(".defaultModel"));
    if (!fallback)
        return StageResult::failureOf(fallback);
    stage.defaultTarget = fallback.value();
    const Json routes = value.value("routes", Json::array());
    if (!routes.is_array())
        return StageResult::failure(SemanticRoutingConfig::tr("%1.routes must be a list").arg(path));
    if (routes.size() > std::size_t(Config::maxRoutes))
        return StageResult::failure(
            SemanticRoutingConfig::tr("%1.routes lists %2 routes; at most %3 are allowed")
                .arg(path)
                .arg(routes.size())
                .arg(Config::maxRoutes));
    for (std::size_t i = 0; i < routes.size(); ++i) {
        const QString routePath = QStringLiteral("%1.routes[%2]").arg(path).arg(i);
        const Json& item = routes[i];
        const Result<std::optional<Config::Target>> target = targetOf(item, routePath);
        if (!target)
            return StageResult::failureOf(target);
        if (!target.value())
            return StageResult::failure(
                SemanticRoutingConfig::tr("%1 needs a model and an endpointId").arg(routePath));
        Config::Route route;
        route.target = *target.value();
        const Json utterances = item.value("utterances", Json());
        if (!utterances.is_array() || utterances.empty())
            return StageResult::failure(
                SemanticRoutingConfig::tr("%1.utterances must list at least one phrase").arg(routePath));
        if (utterances.size() > std::size_t(Config::maxUtterances))
            return StageResult::failure(
                SemanticRoutingConfig::tr("%1.utterances lists %2 phrases; at most %3 are allowed")
                    .arg(routePath)
                    .arg(utterances.size())
                    .arg(Config::maxUtterances));
        for (std::size_t u = 0; u < utterances.size(); ++u) {
            const QString text =
                utterances[u].is_string() ? toQString(utterances[u].get<std::string>()).trimmed() : QString();
            if (text.isEmpty() || text.size() > Config::maxUtteranceLength)
                return StageResult::failure(
                    SemanticRoutingConfig::tr("%1.utterances[%2] must be a phrase of 1 to %3 characters")
                        .arg(routePath)
                        .arg(u)
                        .arg(Config::maxUtteranceLength));
            route.utterances.append(text);
        }
        // WSO2 writes the threshold as a string ("0.8"); a number is taken too.
        const Json threshold = item.value("scorethreshold", Json());
        if (!threshold.is_null() && !(threshold.is_string() && threshold.get<std::string>().empty())) {
            bool numeric = threshold.is_number();
            double number = numeric ? threshold.get<double>() : 0;
            if (threshold.is_string())
                number = toQString(threshold.get<std::string>()).trimmed().toDouble(&numeric);
            if (!numeric || !std::isfinite(number) || number < 0 || number > 1)
                return StageResult::failure(
                    SemanticRoutingConfig::tr(
                        "%1.scorethreshold must be a number from 0 to 1, such as \"0.85\"")
                        .arg(routePath));
            route.scoreThreshold = number;
        }
        stage.routes.push_back(std::move(route));
    }
    if (!stage.routes.empty() && !stage.defaultTarget)
        return StageResult::failure(
            SemanticRoutingConfig::tr("%1.defaultModel is required: it takes the requests no route matches")
                .arg(path));
    return StageResult::success(std::move(stage));
}

} // namespace

QStringList SemanticRoutingConfig::endpointIds() const {
    QStringList ids;
    for (const StageConfig* stage : {&production, &sandbox}) {
        if (stage->defaultTarget)
            ids.append(stage->defaultTarget->endpointId);
        for (const Route& route : stage->routes)
            ids.append(route.target.endpointId);
    }
    ids.removeDuplicates();
    return ids;
}

Result<SemanticRoutingConfig> SemanticRoutingConfig::parse(const Json& value) {
    Json config = value;
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        config = Json::parse(text, nullptr, false);
        if (config.is_discarded())
            return Result<SemanticRoutingConfig>::failure(
                tr("is not JSON (from byte %1)").arg(jsonErrorByte(text.data(), text.data() + text.size())));
    }
    if (!config.is_object())
        return Result<SemanticRoutingConfig>::failure(
            tr("must be {\"production\": ..., \"sandbox\": ..., \"path\": {\"contentpath\": ...}}"));
    SemanticRoutingConfig parsed;
    const Result<StageConfig> production =
        stageOf(config.value("production", Json()), QStringLiteral("production"));
    if (!production)
        return Result<SemanticRoutingConfig>::failureOf(production);
    const Result<StageConfig> sandbox = stageOf(config.value("sandbox", Json()), QStringLiteral("sandbox"));
    if (!sandbox)
        return Result<SemanticRoutingConfig>::failureOf(sandbox);
    parsed.production = production.value();
    parsed.sandbox = sandbox.value();
    if (!parsed.production.isEnabled() && !parsed.sandbox.isEnabled())
        return Result<SemanticRoutingConfig>::failure(
            tr("must configure the production or the sandbox stage"));
    const Json path = config.value("path", Json());
    if (path.is_object()) {
        const QString contentPath = jsonStringMember(path, "contentpath");
        if (!contentPath.isEmpty()) {
            if (const Result<JsonPath> compiled = JsonPath::compile(contentPath); !compiled)
                return Result<SemanticRoutingConfig>::failure(
                    tr("path.contentpath: %1").arg(compiled.error()));
            parsed.contentPath = contentPath;
        }
    } else if (!path.is_null()) {
        return Result<SemanticRoutingConfig>::failure(
            tr("path must be {\"contentpath\": \"$.messages[-1].content\"}"));
    }
    return Result<SemanticRoutingConfig>::success(std::move(parsed));
}

} // namespace gatehouse
