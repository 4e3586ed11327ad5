#pragma once

#include "core/Json.h"
#include "core/Result.h"
#include "core/Stage.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>
#include <vector>

namespace gatehouse {

// WSO2's semanticRouting configuration (semanticRoutingConfigs, an object or WSO2's string of it):
// {"production": {"defaultModel": {"model", "endpointId"}, "routes": [{"model", "endpointId",
// "utterances": [...], "scorethreshold": "0.9"}]}, "sandbox": {...}, "path": {"contentpath": "$..."}}.
// A stage without routes and default is disabled: its requests go as if there were no such policy.
struct SemanticRoutingConfig {
    Q_DECLARE_TR_FUNCTIONS(SemanticRoutingConfig)

public:
    struct Target {
        QString model;
        QString endpointId;
    };
    struct Route {
        Target target;
        QStringList utterances;
        double scoreThreshold = 0.90; // cosine similarity, 0..1
    };
    struct StageConfig {
        std::optional<Target> defaultTarget;
        std::vector<Route> routes;
        bool isEnabled() const { return defaultTarget.has_value() || !routes.empty(); }
    };

    StageConfig production;
    StageConfig sandbox;
    QString contentPath = QStringLiteral("$.messages[-1].content");

    static constexpr double defaultScoreThreshold = 0.90;
    static constexpr int maxRoutes = 50;
    static constexpr int maxUtterances = 100;       // per route
    static constexpr int maxUtteranceLength = 2000; // characters

    const StageConfig& stage(Stage stage) const { return stage == Stage::Sandbox ? sandbox : production; }
    // Every endpoint id the configuration names, for a check against the API's endpoints.
    QStringList endpointIds() const;
    static Result<SemanticRoutingConfig> parse(const Json& value);
};

} // namespace gatehouse
