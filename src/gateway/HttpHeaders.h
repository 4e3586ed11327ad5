#pragma once

#include <QByteArray>
#include <utility>
#include <vector>

namespace gatehouse {

// An ordered list of HTTP header fields. Names compare case-insensitively; order and duplicates are
// kept, as a proxy must.
class HttpHeaders {
public:
    using Field = std::pair<QByteArray, QByteArray>;

    void add(const QByteArray& name, const QByteArray& value);
    // Replaces every field of that name with one.
    void set(const QByteArray& name, const QByteArray& value);
    void remove(const QByteArray& name);
    bool contains(const QByteArray& name) const;
    // The first value of that name, or an empty array.
    QByteArray value(const QByteArray& name) const;
    int count(const QByteArray& name) const;

    const std::vector<Field>& fields() const { return m_fields; }
    bool isEmpty() const { return m_fields.empty(); }
    void clear() { m_fields.clear(); }

    static bool nameEquals(const QByteArray& a, const QByteArray& b);

private:
    std::vector<Field> m_fields;
};

} // namespace gatehouse
