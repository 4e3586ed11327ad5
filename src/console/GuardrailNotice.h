#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace gatehouse {

// What the console says above an answer a guardrail gave: "Blocked by Jailbreak: Violation of applied
// regex pattern detected." for a 446 with WSO2's body, or for a stream a response guardrail ended
// with its final 900514 event.
class GuardrailNotice {
    Q_DECLARE_TR_FUNCTIONS(GuardrailNotice)

public:
    static std::optional<QString> of(int status, const QByteArray& body);
};

} // namespace gatehouse
