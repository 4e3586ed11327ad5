#include "core/Stage.h"

#include <QCoreApplication>

namespace gatehouse {

QString stageName(Stage stage) {
    return stage == Stage::Production ? QStringLiteral("production") : QStringLiteral("sandbox");
}

QString stageKeyTypeName(Stage stage) {
    return stageName(stage).toUpper();
}

QString stageDisplayName(Stage stage) {
    return stage == Stage::Production ? QCoreApplication::translate("Stage", "Production")
                                      : QCoreApplication::translate("Stage", "Sandbox");
}

std::optional<Stage> parseStage(const QString& text) {
    const QString lower = text.trimmed().toLower();
    if (lower == QLatin1String("production"))
        return Stage::Production;
    if (lower == QLatin1String("sandbox"))
        return Stage::Sandbox;
    return std::nullopt;
}

} // namespace gatehouse
