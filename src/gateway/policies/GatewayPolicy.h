#pragma once

#include "core/Stage.h"
#include "gateway/HttpHeaders.h"
#include "gateway/policies/PolicyCallState.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace gatehouse {

class ModelRouter;
class ResponseCachePolicy;
class SemanticCachePolicy;
struct RuntimeApi;
struct RuntimeOperation;

// An answer a policy gives instead of the upstream's (a guardrail's refusal, a cached response).
struct PolicyAnswer {
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    QString errorCode;               // for the access log; empty for a successful answer
    PolicyIntervention intervention; // a guardrail's, for the access log and the metrics

    // An error in WSO2's shape: {"code": ..., "message": ..., "description": ...}.
    static PolicyAnswer error(int status, const QString& code, const QString& message,
                              const QString& description);
};

// What the request flow may read and change of a call before it goes upstream.
struct PolicyRequest {
    const RuntimeApi& api;
    const RuntimeOperation& operation;
    Stage stage;
    HttpHeaders& headers; // what goes upstream (hop-by-hop and credential headers already removed)
    QByteArray& body;     // what goes upstream; routing reads the model from it afterwards
    PolicyCallState& call;
    QObject* owner = nullptr; // the call: parent of an asynchronous policy's work, which dies with it
};

// What the response flow may read and change of the upstream's answer.
struct PolicyResponse {
    const RuntimeApi& api;
    const RuntimeOperation& operation;
    Stage stage;
    int status;
    HttpHeaders& headers; // what goes to the client
    PolicyCallState& call;
    bool streamed = false; // the answer is server-sent events (held whole only when holdsStream())
    QObject* owner = nullptr;
};

// How an asynchronous policy hands its decision back: nothing (go on) or the answer instead.
using PolicyDecision = std::function<void(std::optional<PolicyAnswer>)>;

// The per-call state of a policy that watches a streamed answer (server-sent events). Chunks come as
// the upstream sends them, each passed on to the client after every observer has seen it.
// An observer may also stop the stream (a guardrail that intervened): what is in the chunk or tail
// then is the last the client gets, and the upstream call is aborted.
class StreamObserver {
public:
    virtual ~StreamObserver() = default;
    // May rewrite the chunk (an empty chunk sends nothing, held back for later), or stop the stream.
    virtual std::optional<PolicyIntervention> onChunk(QByteArray& chunk) = 0;
    // The stream ended complete; `tail` is sent after the last chunk (what was held back, an error
    // event). An intervention here still ends the stream with `tail`, and is logged.
    virtual std::optional<PolicyIntervention> onEnd(QByteArray& tail) {
        Q_UNUSED(tail)
        return std::nullopt;
    }
};

// One policy attachment of a deployed revision, built once from its validated parameters and shared,
// read-only, by every worker thread. A kind overrides the hooks of the flows it acts in; the gateway
// calls them in attachment order (API-level policies first, then the operation's).
class GatewayPolicy {
public:
    virtual ~GatewayPolicy() = default;
    GatewayPolicy(const GatewayPolicy&) = delete;
    GatewayPolicy& operator=(const GatewayPolicy&) = delete;

    // The catalogue name of the kind ("addHeader").
    virtual QString name() const = 0;

    // Request flow: may rewrite headers and body, or answer (the upstream is then never called).
    virtual std::optional<PolicyAnswer> onRequest(PolicyRequest& request) const;

    // Response flow: headers first, before anything reaches the client.
    virtual void onResponseHeaders(PolicyResponse& response) const;
    // True when the policy must see a whole (not streamed) answer before the client does: the gateway
    // then holds the body back, calls onResponseBody(), and sends it with its length recomputed.
    virtual bool inspectsWholeResponse() const;
    virtual std::optional<PolicyAnswer> onResponseBody(PolicyResponse& response, QByteArray& body) const;
    // A streamed answer: an observer for this call, or nullptr when the policy leaves streams alone.
    virtual std::unique_ptr<StreamObserver> observeStream(const PolicyResponse& response) const;
    // True when the policy must see a whole streamed answer before the client gets any of it: the
    // gateway then holds the events back as it does a plain answer and calls onResponseBody() with them
    // (response.streamed set), so that a verdict can still change the status.
    virtual bool holdsStream() const;

    // A policy that must wait for someone else (DNS, a moderation service) decides asynchronously: the
    // gateway calls decideRequest()/decideResponse() instead of onRequest()/onResponseBody(), holds the
    // call (never the worker) and goes on when `done` is called, on the call's thread, once. Work the
    // policy starts must be children of the request's or response's `owner`, so that a client that
    // leaves takes it along and `done` is never called for a call that is gone. Such a policy holds
    // streamed answers whole (holdsStream()) since it cannot judge events as they pass.
    virtual bool decidesAsynchronously() const;
    virtual void decideRequest(PolicyRequest& request, PolicyDecision done) const;
    virtual void decideResponse(PolicyResponse& response, const QByteArray& body, PolicyDecision done) const;

    // Fault flow: an error the gateway answers itself (authentication, throttling, upstream failure).
    virtual void onFault(HttpHeaders& headers) const;

    // The model router this policy configures, if it is one: routing reads it before the first attempt.
    virtual ModelRouter* modelRouter() const;
    // The response cache this policy is, if it is one: the gateway looks answers up once routing has
    // chosen a model, and keeps them after the response flow.
    virtual const ResponseCachePolicy* responseCache() const;
    // The semantic cache this policy is, if it is one (found on the request flow), likewise.
    virtual const SemanticCachePolicy* semanticCache() const;

protected:
    GatewayPolicy() = default;
};

} // namespace gatehouse
