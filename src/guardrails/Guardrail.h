#pragma once

#include "core/JsonPath.h"
#include "core/Result.h"
#include "guardrails/GuardrailPayload.h"
#include "guardrails/GuardrailVerdict.h"

#include <QString>
#include <memory>
#include <optional>

namespace gatehouse {

// The parameters every WSO2 guardrail shares.
struct GuardrailSettings {
    QString name;                     // echoed as interveningGuardrail
    std::optional<JsonPath> jsonPath; // what to inspect; none = the whole payload
    bool invert = false;
    bool showAssessment = false;

    // Reads them from an attachment's (validated) parameters; a bad jsonPath is refused.
    static Result<GuardrailSettings> fromParameters(const Json& parameters);
};

// One configured guardrail that judges a text. Built once per deployed revision and shared read-only
// by every worker thread, so judge() must be const and thread-safe.
class Guardrail {
public:
    struct Judgement {
        bool passes = true;
        QString assessment; // what was found, in WSO2's words where WSO2 has them
        QString error;      // non-empty: the guardrail could not judge (answers 900967)
        Json details;       // an object for the guardrails whose WSO2 assessments are objects
    };

    explicit Guardrail(GuardrailSettings settings);
    virtual ~Guardrail() = default;
    Guardrail(const Guardrail&) = delete;
    Guardrail& operator=(const Guardrail&) = delete;

    virtual QString kind() const = 0;         // "RegexGuardrail"
    virtual QString type() const = 0;         // "REGEX_GUARDRAIL"
    virtual QString actionReason() const = 0; // "Violation of applied regex pattern detected."
    // Whether `text` passes, before `invert` is applied.
    virtual Judgement judge(const QString& text) const = 0;
    // For a streamed answer checked as it flows: true when `prefix`, the text so far, makes the
    // guardrail intervene whatever follows (a deny-list match, a maximum passed). False by default:
    // the verdict waits for the whole text.
    virtual bool intervenesOnPrefix(const QString& prefix) const;

    // The verdict on a message body: selects the text (jsonPath), judges it, applies invert.
    GuardrailVerdict evaluate(const GuardrailPayload& payload, GuardrailDirection direction) const;
    // The verdict on a text already selected (a streamed answer's joined content).
    GuardrailVerdict evaluateText(const QString& text, GuardrailDirection direction) const;
    // What the guardrail inspects in `payload`, as WSO2 selects it, or why nothing can be selected.
    Result<QString> inspectedText(const GuardrailPayload& payload, GuardrailDirection direction) const;

    // The verdict of a judgement made elsewhere (a DNS lookup, a moderation service), invert applied.
    GuardrailVerdict verdictOf(const Judgement& judgement, GuardrailDirection direction) const;

    const GuardrailSettings& settings() const { return m_settings; }

protected:
    GuardrailVerdict verdictFor(GuardrailDirection direction) const;

private:
    GuardrailSettings m_settings;
};

} // namespace gatehouse
