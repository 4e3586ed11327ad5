#pragma once

#include "gateway/HttpHandler.h"

#include <QByteArray>
#include <memory>

namespace gatehouse {

class HttpExchange;
class MockLlmState;

// Answers like OpenAI's API: POST /v1/chat/completions (JSON or SSE with "stream": true) with the
// model it was asked for, GET /v1/models, plus the control API under /_mock used by tests and
// benchmarks to inject faults per model and read request counts.
class MockLlmHandler final : public HttpHandler {
public:
    explicit MockLlmHandler(std::shared_ptr<MockLlmState> state);
    void handle(HttpExchange* exchange) override;

    static constexpr int DefaultChunkDelayMs = 15;

private:
    // False, with the 401 sent, when the state expects a key and the request does not carry it.
    bool authorised(HttpExchange* exchange);
    void chatCompletions(HttpExchange* exchange);
    // OpenAI's POST /v1/embeddings, with MockEmbedding's deterministic vectors.
    void embeddings(HttpExchange* exchange);
    void faults(HttpExchange* exchange);
    void stats(HttpExchange* exchange);
    void models(HttpExchange* exchange);

    std::shared_ptr<MockLlmState> m_state;
};

} // namespace gatehouse
