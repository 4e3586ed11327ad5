#pragma once

#include <QString>
#include <optional>

namespace gatehouse {

// The two key types of WSO2 (PRODUCTION / SANDBOX) are also the two stages endpoints belong to.
enum class Stage { Production, Sandbox };

QString stageName(Stage stage);        // "production" / "sandbox"
QString stageKeyTypeName(Stage stage); // "PRODUCTION" / "SANDBOX", as in tokens and WSO2 exports
QString stageDisplayName(Stage stage); // translated "Production" / "Sandbox"
std::optional<Stage> parseStage(const QString& text); // accepts either spelling, any case

} // namespace gatehouse
