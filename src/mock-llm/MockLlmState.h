#pragma once

#include "mock-llm/MockFault.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <map>
#include <optional>

namespace gatehouse {

// Faults, request counts and the expected key, shared by every worker thread of one mock server.
class MockLlmState {
public:
    // The key the OpenAI routes then require as "Authorization: Bearer <key>", answering 401 as OpenAI
    // does otherwise; empty (the default): any key or none, so that the Demo provider needs none.
    void setApiKey(const QString& key);
    QString apiKey() const;

    void setFault(const MockFault& fault);
    void clearFaults();
    // The fault for `model`: its own, else the "*" one, else none.
    std::optional<MockFault> faultFor(const QString& model) const;
    Json faultsJson() const;

    void countRequest(const QString& model);
    std::map<QString, qint64> requestCounts() const;
    void clearCounts();
    qint64 nextId();

private:
    mutable QMutex m_mutex;
    QHash<QString, MockFault> m_faults;
    std::map<QString, qint64> m_counts;
    qint64 m_nextId = 0;
    QString m_apiKey;
};

} // namespace gatehouse
