#pragma once

#include "guardrails/Guardrail.h"

#include <QStringList>

namespace gatehouse {

// WSO2's URLGuardrail: every URL in the text must resolve (onlyDNS) or accept a connection within
// `timeout` ms. Finding the URLs is here; checking them needs the network, so the gateway's
// UrlGuardrailPolicy does that asynchronously, and judge() (the test bench) lists what it would check.
class UrlGuardrail final : public Guardrail {
public:
    // More URLs than this in one message intervene unchecked: a prompt must not make the gateway open
    // a thousand connections.
    static constexpr int maxUrls = 16;

    static Result<std::shared_ptr<const Guardrail>> build(const Json& parameters);
    // The URLs in `text`, as WSO2 finds them (https?://[^\s,"'{}\[\]\\`*]+), each once, in order.
    static QStringList urlsIn(const QString& text);

    UrlGuardrail(GuardrailSettings settings, bool onlyDns, int timeoutMs);

    QString kind() const override { return QStringLiteral("URLGuardrail"); }
    QString type() const override { return QStringLiteral("URL_GUARDRAIL"); }
    QString actionReason() const override;
    Judgement judge(const QString& text) const override;

    bool onlyDns() const { return m_onlyDns; }
    int timeoutMs() const { return m_timeoutMs; }
    // The assessment of a check whose `invalid` URLs failed.
    static QString assessmentFor(const QStringList& invalid);

private:
    bool m_onlyDns;
    int m_timeoutMs;
};

} // namespace gatehouse
