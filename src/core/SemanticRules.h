#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QStringList>

namespace gatehouse {

// SemanticPromptGuardrail's `rules`, as WSO2 writes them (an object, or a string of JSON holding it):
// {"allowPrompts": [...], "denyPrompts": [...]}. Bounded, since every prompt is embedded.
struct SemanticRules {
    Q_DECLARE_TR_FUNCTIONS(SemanticRules)

public:
    QStringList allowPrompts;
    QStringList denyPrompts;

    static constexpr int maxPrompts = 100;       // per list
    static constexpr int maxPromptLength = 2000; // characters

    static Result<SemanticRules> parse(const Json& value);
};

} // namespace gatehouse
