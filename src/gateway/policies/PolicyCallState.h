#pragma once

#include "guardrails/GuardrailPayload.h"
#include "guardrails/PiiVault.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace gatehouse {

// Which policy answered or stopped a call instead of the upstream, for the access log and metrics.
struct PolicyIntervention {
    QString policy;    // the guardrail's name ("Jailbreak guard")
    QString kind;      // its catalogue name ("RegexGuardrail")
    QString direction; // "REQUEST" or "RESPONSE"

    bool isEmpty() const { return policy.isEmpty() && kind.isEmpty(); }
};

// What the policies of one call share between its request and its response flow: the placeholders
// PIIMaskingRegex put in the prompt, and the request body parsed once for every guardrail.
class PolicyCallState {
public:
    PiiVault& piiVault() { return m_piiVault; }
    const PiiVault& piiVault() const { return m_piiVault; }

    // The body as guardrails read it, parsed at most once while no policy rewrites it.
    const GuardrailPayload& payload(const QByteArray& body);

    // The request body as the request flow left it (shared, not copied): what the response flow's
    // policies estimate a prompt's tokens from when the upstream reports none.
    void setRequestBody(const QByteArray& body) { m_requestBody = body; }
    const QByteArray& requestBody() const { return m_requestBody; }

    // Where semanticRouting sent the call: the model and the endpoint (of the call's stage) that
    // routing then takes instead of its own choice.
    struct RoutedTarget {
        QString model;
        QString endpointId;
    };
    void setRoutedTarget(RoutedTarget target) { m_routedTarget = std::move(target); }
    const std::optional<RoutedTarget>& routedTarget() const { return m_routedTarget; }

private:
    PiiVault m_piiVault;
    std::optional<GuardrailPayload> m_payload;
    QByteArray m_requestBody;
    std::optional<RoutedTarget> m_routedTarget;
};

} // namespace gatehouse
