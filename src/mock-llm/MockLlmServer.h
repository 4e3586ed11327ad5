#pragma once

#include <QHostAddress>
#include <QObject>
#include <memory>

namespace gatehouse {

class HttpServer;
class MockLlmState;

// The OpenAI-compatible mock LLM as an embeddable server: gatehouse-mock-llm runs one, the app
// starts one in-process for APIs on the Demo provider, and the tests start their own.
class MockLlmServer : public QObject {
    Q_OBJECT
public:
    explicit MockLlmServer(int workerThreads = 1, QObject* parent = nullptr);
    ~MockLlmServer() override;

    bool listen(const QHostAddress& address, quint16 port, QString* error);
    void close();
    quint16 port() const;
    // Open connections: in a test, the upstream connections a gateway holds to the mock.
    int connectionCount() const;
    // "http://127.0.0.1:<port>/v1": what an endpoint URL should say.
    QString baseUrl() const;
    MockLlmState& state() { return *m_state; }

private:
    std::shared_ptr<MockLlmState> m_state;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace gatehouse
