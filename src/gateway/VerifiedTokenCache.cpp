#include "gateway/VerifiedTokenCache.h"

namespace gatehouse {

VerifiedTokenCache::VerifiedTokenCache(int capacity) : m_capacity(qMax(1, capacity)) {
}

Jwt::Verification VerifiedTokenCache::verify(const QByteArray& token, const QByteArray& key, qint64 now) {
    if (key != m_key) {
        m_claims.clear();
        m_key = key;
    }
    if (const auto cached = m_claims.constFind(token); cached != m_claims.constEnd()) {
        Jwt::Verification verification = Jwt::checkTimes(*cached, now);
        if (!verification.ok())
            m_claims.remove(token);
        return verification;
    }
    Jwt::Verification verification = Jwt::verify(token, key, now);
    if (verification.ok()) {
        if (m_claims.size() >= m_capacity)
            m_claims.clear();
        m_claims.insert(token, verification.claims);
    }
    return verification;
}

} // namespace gatehouse
