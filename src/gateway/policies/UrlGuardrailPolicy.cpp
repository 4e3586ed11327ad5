#include "gateway/policies/UrlGuardrailPolicy.h"

#include "gateway/policies/UrlCheck.h"

namespace gatehouse {

PolicyBuildResult UrlGuardrailPolicy::build(const PolicyBuildInput& input) {
    Result<std::shared_ptr<const Guardrail>> built = UrlGuardrail::build(input.attachment.parameters);
    if (!built)
        return PolicyBuildResult::failureOf(built);
    return PolicyBuildResult::success(std::make_shared<UrlGuardrailPolicy>(
        std::static_pointer_cast<const UrlGuardrail>(std::move(built.value()))));
}

UrlGuardrailPolicy::UrlGuardrailPolicy(std::shared_ptr<const UrlGuardrail> guardrail)
    : RemoteGuardrailPolicy(guardrail), m_urlGuardrail(std::move(guardrail)) {
}

void UrlGuardrailPolicy::check(const Result<QString>& text, GuardrailDirection direction, QObject* owner,
                               PolicyDecision done) const {
    if (!text) {
        Guardrail::Judgement failed;
        failed.error = text.error();
        done(answerFor(failed, direction));
        return;
    }
    const QStringList urls = UrlGuardrail::urlsIn(text.value());
    if (urls.size() > UrlGuardrail::maxUrls) {
        done(answerFor(m_urlGuardrail->judge(text.value()), direction));
        return;
    }
    auto finished = [this, direction, done](const QStringList& invalid) {
        Guardrail::Judgement judgement;
        judgement.passes = invalid.isEmpty();
        judgement.assessment = UrlGuardrail::assessmentFor(invalid);
        done(answerFor(judgement, direction));
    };
    // Owned by the call: a client that leaves takes the check (and its callback) along; the call keeps
    // the configuration, and with it this policy, alive until then.
    (new UrlCheck(urls, m_urlGuardrail->onlyDns(), m_urlGuardrail->timeoutMs(), std::move(finished), owner))
        ->start();
}

} // namespace gatehouse
