#pragma once

#include "core/Api.h"
#include "core/FlowKind.h"
#include "guardrails/GuardrailVerdict.h"

#include <QByteArray>
#include <QCoreApplication>
#include <vector>

namespace gatehouse {

// The guardrail test bench: runs the guardrails attached to one flow of an operation (the API's
// first, then the operation's, as the gateway does) over a prompt or an answer the user typed, before
// anything is deployed. Unlike the gateway it judges every guardrail instead of stopping at the first
// intervention, so the user sees them all; `first` says which one the gateway would answer with.
class GuardrailBench {
    Q_DECLARE_TR_FUNCTIONS(GuardrailBench)

public:
    struct Entry {
        QString kind;  // "RegexGuardrail"
        QString name;  // the attachment's `name`
        QString scope; // "API" or the operation key
        GuardrailVerdict verdict;
        QString problem;      // the attachment cannot run (bad parameters): why
        QByteArray bodyAfter; // PIIMaskingRegex: the body it passes on (placeholders, *****)
        QByteArray answer;    // what the client would get from this guardrail: the 446 or 900967 body
    };
    struct Outcome {
        std::vector<Entry> entries;
        int first = -1;           // the entry the gateway would answer with, or -1 when everything passes
        QByteArray forwardedBody; // the body after every masking policy
        bool intervened() const { return first >= 0; }
    };

    static Outcome run(const Api& api, const Operation& operation, FlowKind flow, const QByteArray& body);
    static bool isGuardrail(const QString& policyName);
};

} // namespace gatehouse
