#include "gateway/HttpHeaders.h"

#include <algorithm>

namespace gatehouse {

bool HttpHeaders::nameEquals(const QByteArray& a, const QByteArray& b) {
    return a.size() == b.size() && qstrnicmp(a.constData(), b.constData(), a.size()) == 0;
}

void HttpHeaders::add(const QByteArray& name, const QByteArray& value) {
    // Room for a whole head at the first field: an answer's dozen fields otherwise grow the list
    // through five reallocations (BM_AnswerHeaders).
    if (m_fields.empty())
        m_fields.reserve(16);
    m_fields.emplace_back(name, value);
}

void HttpHeaders::set(const QByteArray& name, const QByteArray& value) {
    remove(name);
    add(name, value);
}

void HttpHeaders::remove(const QByteArray& name) {
    m_fields.erase(std::remove_if(m_fields.begin(), m_fields.end(),
                                  [&](const Field& field) { return nameEquals(field.first, name); }),
                   m_fields.end());
}

bool HttpHeaders::contains(const QByteArray& name) const {
    return count(name) > 0;
}

QByteArray HttpHeaders::value(const QByteArray& name) const {
    for (const Field& field : m_fields) {
        if (nameEquals(field.first, name))
            return field.second;
    }
    return {};
}

int HttpHeaders::count(const QByteArray& name) const {
    return int(std::count_if(m_fields.begin(), m_fields.end(),
                             [&](const Field& field) { return nameEquals(field.first, name); }));
}

} // namespace gatehouse
