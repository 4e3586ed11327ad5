#pragma once

#include "TestHttpClient.h"

#include <QByteArray>
#include <http_parser.h>
#include <vector>

namespace gatehouse::test {

// Reads a stream of HTTP/1.1 responses as it arrives, piece by piece, with http_parser: for raw
// clients that pipeline, speak TLS, or read slowly on purpose. Answers to HEAD are not expected.
class ResponseStream {
public:
    ResponseStream();
    ResponseStream(const ResponseStream&) = delete;
    ResponseStream& operator=(const ResponseStream&) = delete;

    // False once the bytes are not a valid response stream.
    bool feed(const QByteArray& bytes);
    // The peer closed: a response delimited by the close is complete now.
    void finish();

    std::vector<TestResponse>& responses() { return m_responses; }
    bool failed() const { return m_failed; }
    QString error() const { return m_error; }

private:
    static ResponseStream* self(http_parser* parser) { return static_cast<ResponseStream*>(parser->data); }

    http_parser m_parser{};
    http_parser_settings m_settings{};
    std::vector<TestResponse> m_responses;
    TestResponse m_current;
    QByteArray m_field;
    bool m_lastWasValue = false;
    bool m_failed = false;
    QString m_error;
};

} // namespace gatehouse::test
