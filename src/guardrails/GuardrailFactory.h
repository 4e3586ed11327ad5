#pragma once

#include "guardrails/Guardrail.h"

#include <QStringList>

namespace gatehouse {

// The text-judging guardrails by catalogue name: what the gateway's GuardrailPolicy, the GUI's test
// bench and `gatehouse-ctl guardrail test` build from an attachment's parameters.
class GuardrailFactory {
public:
    static const QStringList& kinds();
    static bool judgesText(const QString& kind) { return kinds().contains(kind); }
    static Result<std::shared_ptr<const Guardrail>> build(const QString& kind, const Json& parameters);
};

} // namespace gatehouse
