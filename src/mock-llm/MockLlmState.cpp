#include "mock-llm/MockLlmState.h"

#include <QMutexLocker>

namespace gatehouse {

void MockLlmState::setApiKey(const QString& key) {
    QMutexLocker lock(&m_mutex);
    m_apiKey = key;
}

QString MockLlmState::apiKey() const {
    QMutexLocker lock(&m_mutex);
    return m_apiKey;
}

void MockLlmState::setFault(const MockFault& fault) {
    QMutexLocker lock(&m_mutex);
    m_faults.insert(fault.model, fault);
}

void MockLlmState::clearFaults() {
    QMutexLocker lock(&m_mutex);
    m_faults.clear();
}

std::optional<MockFault> MockLlmState::faultFor(const QString& model) const {
    QMutexLocker lock(&m_mutex);
    if (m_faults.isEmpty())
        return std::nullopt;
    auto it = m_faults.constFind(model);
    if (it == m_faults.constEnd())
        it = m_faults.constFind(QStringLiteral("*"));
    if (it == m_faults.constEnd())
        return std::nullopt;
    return *it;
}

Json MockLlmState::faultsJson() const {
    QMutexLocker lock(&m_mutex);
    Json list = Json::array();
    for (const MockFault& fault : m_faults)
        list.push_back(fault.toJson());
    return list;
}

void MockLlmState::countRequest(const QString& model) {
    QMutexLocker lock(&m_mutex);
    m_counts[model] += 1;
}

std::map<QString, qint64> MockLlmState::requestCounts() const {
    QMutexLocker lock(&m_mutex);
    return m_counts;
}

void MockLlmState::clearCounts() {
    QMutexLocker lock(&m_mutex);
    m_counts.clear();
}

qint64 MockLlmState::nextId() {
    QMutexLocker lock(&m_mutex);
    return ++m_nextId;
}

} // namespace gatehouse
