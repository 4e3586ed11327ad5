#pragma once

#include "gateway/Jwt.h"

#include <QByteArray>
#include <QHash>

namespace gatehouse {

// Tokens whose signature one worker thread has already verified, with their claims. A client sends
// the same token on every call, and checking its HMAC and parsing its JSON cost more than the rest of
// the authentication; a hit only repeats the time checks. Entries are keyed by the whole token, so an
// altered token never hits, and a new signing key empties the cache. Bounded: when full it is emptied.
// Not thread-safe by design: each worker has its own.
class VerifiedTokenCache {
public:
    explicit VerifiedTokenCache(int capacity = 4096);

    Jwt::Verification verify(const QByteArray& token, const QByteArray& key, qint64 now);
    int size() const { return int(m_claims.size()); }

private:
    int m_capacity;
    QByteArray m_key;
    QHash<QByteArray, JwtClaims> m_claims;
};

} // namespace gatehouse
