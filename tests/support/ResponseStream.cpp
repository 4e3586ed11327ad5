#include "ResponseStream.h"

namespace gatehouse::test {

ResponseStream::ResponseStream() {
    http_parser_init(&m_parser, HTTP_RESPONSE);
    m_parser.data = this;
    m_settings.on_message_begin = [](http_parser* parser) {
        ResponseStream* me = self(parser);
        me->m_current = TestResponse();
        me->m_field.clear();
        me->m_lastWasValue = false;
        return 0;
    };
    m_settings.on_header_field = [](http_parser* parser, const char* at, size_t length) {
        ResponseStream* me = self(parser);
        if (me->m_lastWasValue)
            me->m_field.clear();
        me->m_field.append(at, qsizetype(length));
        me->m_lastWasValue = false;
        return 0;
    };
    m_settings.on_header_value = [](http_parser* parser, const char* at, size_t length) {
        ResponseStream* me = self(parser);
        if (!me->m_lastWasValue)
            me->m_current.headers.append({me->m_field, QByteArray()});
        me->m_current.headers.last().second.append(at, qsizetype(length));
        me->m_lastWasValue = true;
        return 0;
    };
    m_settings.on_headers_complete = [](http_parser* parser) {
        self(parser)->m_current.status = int(parser->status_code);
        return 0;
    };
    m_settings.on_body = [](http_parser* parser, const char* at, size_t length) {
        self(parser)->m_current.body.append(at, qsizetype(length));
        return 0;
    };
    m_settings.on_message_complete = [](http_parser* parser) {
        ResponseStream* me = self(parser);
        me->m_responses.push_back(std::move(me->m_current));
        me->m_current = TestResponse();
        return 0;
    };
}

bool ResponseStream::feed(const QByteArray& bytes) {
    if (m_failed || bytes.isEmpty())
        return !m_failed;
    const size_t parsed =
        http_parser_execute(&m_parser, &m_settings, bytes.constData(), size_t(bytes.size()));
    if (HTTP_PARSER_ERRNO(&m_parser) != HPE_OK || parsed != size_t(bytes.size())) {
        m_failed = true;
        m_error = QString::fromUtf8(http_errno_description(HTTP_PARSER_ERRNO(&m_parser)));
    }
    return !m_failed;
}

void ResponseStream::finish() {
    if (!m_failed)
        http_parser_execute(&m_parser, &m_settings, nullptr, 0);
}

} // namespace gatehouse::test
