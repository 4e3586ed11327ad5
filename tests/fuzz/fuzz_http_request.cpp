// Fuzzes the gateway's inbound HTTP/1.x layer: the real HttpConnection (Debian's http_parser, limits,
// pipelining, answers in request order) reading from a FuzzSocket, with a handler that answers at
// once, later, streamed, never, or by resetting the connection.
//
// Every input runs twice. First in one piece, with no limits in the way and every request answered
// at once: the connection must dispatch exactly the messages a plain http_parser finds in the bytes.
// Then cut into random pieces, with small limits, a handler that takes its time and a client that
// reads slowly: what is dispatched must still be a prefix of those messages, byte for byte. Both runs
// check the answers: a well-formed response stream, one final response per request in request order,
// never more requests waiting than maxPipelinedRequests, a closed connection only after a response
// that says so, and nothing left behind once the client has gone.
#include "FuzzCheck.h"
#include "FuzzRandom.h"
#include "FuzzSocket.h"
#include "gateway/HttpConnection.h"
#include "gateway/HttpExchange.h"
#include "gateway/HttpHandler.h"

#include <QCoreApplication>
#include <QPointer>
#include <climits>
#include <cstdint>
#include <http_parser.h>
#include <iterator>
#include <vector>

namespace gatehouse::fuzz {
namespace {

using Fields = std::vector<HttpHeaders::Field>;

// One request as the bytes say it is, for comparing with what the connection dispatched.
struct Message {
    QByteArray method;
    QByteArray target;
    int versionMajor = 0;
    int versionMinor = 0;
    bool keepAlive = false;
    Fields headers;
    QByteArray body;
};

QByteArray describe(const Message& message) {
    QByteArray text =
        message.method + ' ' + message.target + " HTTP/" + QByteArray::number(message.versionMajor) + '.' +
        QByteArray::number(message.versionMinor) + (message.keepAlive ? " keep-alive" : " close");
    for (const auto& [name, value] : message.headers)
        text += "\n  " + name + ": " + value;
    text += "\n  body " + QByteArray::number(message.body.size()) + " bytes";
    return text;
}

Message messageOf(const HttpRequest& request) {
    return {request.method,    request.target,           request.versionMajor, request.versionMinor,
            request.keepAlive, request.headers.fields(), request.body};
}

bool operator==(const Message& a, const Message& b) {
    return a.method == b.method && a.target == b.target && a.versionMajor == b.versionMajor &&
           a.versionMinor == b.versionMinor && a.keepAlive == b.keepAlive && a.headers == b.headers &&
           a.body == b.body;
}

// The messages in `bytes` according to http_parser alone, read in one go: what any correct reading
// of the stream must agree with, whatever the network's cuts. As HttpConnection documents, a
// request that upgrades is answered over HTTP/1.1 and what follows is read as HTTP/1.1 again;
// nothing after a request that closes the connection is a request; and the fields of a chunked
// body's trailer are not the request's headers (a client could otherwise add headers after the
// body that a proxy in front never saw).
class ReferenceParse {
public:
    explicit ReferenceParse(const QByteArray& bytes) {
        m_settings.on_message_begin = [](http_parser* parser) {
            self(parser)->m_current = Message();
            self(parser)->m_field.clear();
            self(parser)->m_value.clear();
            self(parser)->m_lastWasValue = false;
            self(parser)->m_headersDone = false;
            return 0;
        };
        m_settings.on_url = [](http_parser* parser, const char* at, size_t length) {
            self(parser)->m_current.target.append(at, qsizetype(length));
            return 0;
        };
        m_settings.on_header_field = [](http_parser* parser, const char* at, size_t length) {
            ReferenceParse* me = self(parser);
            if (me->m_headersDone)
                return 0;
            if (me->m_lastWasValue)
                me->endField();
            me->m_field.append(at, qsizetype(length));
            me->m_lastWasValue = false;
            return 0;
        };
        m_settings.on_header_value = [](http_parser* parser, const char* at, size_t length) {
            if (self(parser)->m_headersDone)
                return 0;
            self(parser)->m_value.append(at, qsizetype(length));
            self(parser)->m_lastWasValue = true;
            return 0;
        };
        m_settings.on_headers_complete = [](http_parser* parser) {
            ReferenceParse* me = self(parser);
            me->endField();
            me->m_headersDone = true;
            me->m_current.method = http_method_str(http_method(parser->method));
            me->m_current.versionMajor = parser->http_major;
            me->m_current.versionMinor = parser->http_minor;
            me->m_current.keepAlive = http_should_keep_alive(parser) != 0;
            return 0;
        };
        m_settings.on_body = [](http_parser* parser, const char* at, size_t length) {
            self(parser)->m_current.body.append(at, qsizetype(length));
            return 0;
        };
        m_settings.on_message_complete = [](http_parser* parser) {
            self(parser)->messages.push_back(std::move(self(parser)->m_current));
            http_parser_pause(parser, 1);
            return 0;
        };
        restart();
        qsizetype offset = 0;
        while (offset < bytes.size()) {
            http_parser_pause(&m_parser, 0);
            offset += qsizetype(http_parser_execute(&m_parser, &m_settings, bytes.constData() + offset,
                                                    size_t(bytes.size() - offset)));
            const http_errno error = HTTP_PARSER_ERRNO(&m_parser);
            if (error == HPE_PAUSED) {
                if (!messages.back().keepAlive)
                    return;
                if (m_parser.upgrade)
                    restart();
                continue;
            }
            if (error != HPE_OK)
                failed = true;
            return;
        }
    }

    std::vector<Message> messages;
    bool failed = false; // the bytes after the last message are not HTTP

private:
    static ReferenceParse* self(http_parser* parser) { return static_cast<ReferenceParse*>(parser->data); }
    void restart() {
        http_parser_init(&m_parser, HTTP_REQUEST);
        m_parser.data = this;
    }
    void endField() {
        if (!m_field.isEmpty())
            m_current.headers.emplace_back(m_field, m_value.trimmed());
        m_field.clear();
        m_value.clear();
    }

    http_parser m_parser{};
    http_parser_settings m_settings{};
    Message m_current;
    QByteArray m_field;
    QByteArray m_value;
    bool m_lastWasValue = false;
    bool m_headersDone = false;
};

// GATEHOUSE_FUZZ_TRACE=1 prints what a run does (pieces, dispatches, answers, output), for reading
// a crash file: `GATEHOUSE_FUZZ_TRACE=1 fuzz_http_request crash-...`.
bool tracing() {
    static const bool enabled = qEnvironmentVariableIsSet("GATEHOUSE_FUZZ_TRACE");
    return enabled;
}

// Callers test tracing() first: building the line costs more than a whole run.
void trace(const QByteArray& line) {
    std::fprintf(stderr, "trace: %s\n", line.constData());
}

// The statuses the test handler answers with; the connection's own refusals use others.
constexpr int handlerStatuses[] = {200, 201, 204, 304, 404, 500, 503};
bool isRefusal(int status) {
    return status == 400 || status == 408 || status == 413 || status == 431;
}

enum class Answer { Now, Later, Streamed, Never, Reset };

// One dispatched request and what the handler does with it.
struct Record {
    QPointer<HttpExchange> exchange;
    Message request;
    Answer answer = Answer::Now;
    int status = 200;
    std::vector<QByteArray> pieces; // the body, in the writes that will send it
    std::size_t written = 0;        // pieces written so far
    bool begun = false;
    bool ended = false;
    bool reset = false;
};

// Reads the response stream the connection writes, as a client would (a HEAD, 1xx, 204 or 304
// response has no body), incrementally, so that it can be consulted in the middle of a run.
class ResponseStream {
public:
    struct Response {
        int status = 0;
        bool keepAlive = true;
    };

    explicit ResponseStream(const std::vector<Record>* records) : m_records(records) {
        http_parser_init(&m_parser, HTTP_RESPONSE);
        m_parser.data = this;
        m_settings.on_message_begin = [](http_parser* parser) {
            self(parser)->m_inMessage = true;
            self(parser)->m_framingHeaders = 0;
            return 0;
        };
        m_settings.on_header_field = [](http_parser* parser, const char* at, size_t length) {
            const QByteArray name = QByteArray(at, qsizetype(length)).toLower();
            if (name == "content-length" || name == "transfer-encoding")
                ++self(parser)->m_framingHeaders;
            return 0;
        };
        m_settings.on_headers_complete = [](http_parser* parser) {
            ResponseStream* me = self(parser);
            const int status = int(parser->status_code);
            // RFC 9110 8.6 and RFC 9112 6.1: no Content-Length or Transfer-Encoding on 1xx and 204.
            require(!((status < 200 || status == 204) && me->m_framingHeaders > 0),
                    "a 1xx or 204 response carries no Content-Length or Transfer-Encoding",
                    [&] { return QByteArray::number(status); });
            const std::size_t index = me->finals.size();
            const bool head = status >= 200 && index < me->m_records->size() &&
                              (*me->m_records)[index].request.method == "HEAD";
            return head || status < 200 || status == 204 || status == 304 ? 1 : 0;
        };
        m_settings.on_message_complete = [](http_parser* parser) {
            ResponseStream* me = self(parser);
            me->m_inMessage = false;
            if (parser->status_code >= 200)
                me->finals.push_back({int(parser->status_code), http_should_keep_alive(parser) != 0});
            return 0;
        };
    }

    void update(const QByteArray& written) {
        if (m_offset >= written.size() || m_broken)
            return;
        const size_t length = size_t(written.size() - m_offset);
        const size_t parsed =
            http_parser_execute(&m_parser, &m_settings, written.constData() + m_offset, length);
        m_offset = written.size();
        if (HTTP_PARSER_ERRNO(&m_parser) != HPE_OK || parsed != length) {
            m_broken = true;
            m_error = http_errno_name(HTTP_PARSER_ERRNO(&m_parser));
        }
    }
    // The connection closed: a body delimited by the close ends here.
    void closed() {
        if (!m_broken)
            http_parser_execute(&m_parser, &m_settings, nullptr, 0);
    }

    bool broken() const { return m_broken; }
    QByteArray error() const { return m_error; }
    bool inMessage() const { return m_inMessage; }

    std::vector<Response> finals;

private:
    static ResponseStream* self(http_parser* parser) { return static_cast<ResponseStream*>(parser->data); }

    const std::vector<Record>* m_records;
    http_parser m_parser{};
    http_parser_settings m_settings{};
    qsizetype m_offset = 0;
    bool m_broken = false;
    QByteArray m_error;
    bool m_inMessage = false;
    int m_framingHeaders = 0;
};

struct Plan {
    HttpLimits limits;
    bool whole = true;       // the reference runs: no limits in the way, answers at once
    bool cut = false;        // ... but the bytes arrive in random pieces
    bool timeouts = false;   // zero timeouts, fired between pieces
    bool readsEarly = false; // the first piece is there before the connection is created
    int drainEvery = 1;      // ticks between two drains of the client's side
    qsizetype maxPiece = 0;
};

class Session;

class FuzzHandler final : public HttpHandler {
public:
    explicit FuzzHandler(Session* session) : m_session(session) {}
    void handle(HttpExchange* exchange) override;

private:
    Session* m_session;
};

class Session {
public:
    Session(const QByteArray& input, const ReferenceParse& reference, const Plan& plan, FuzzRandom& random)
        : m_input(input), m_reference(reference), m_plan(plan), m_random(random), m_handler(this),
          m_stream(&m_records) {}

    // What a run ended with: the requests dispatched, and the connection's refusal (0 for none).
    struct Outcome {
        std::size_t dispatched = 0;
        int refusal = 0;
    };

    Outcome run() {
        const std::vector<QByteArray> pieces = m_plan.whole && !m_plan.cut
                                                   ? std::vector<QByteArray>{m_input}
                                                   : m_random.split(m_input, m_plan.maxPiece);
        if (tracing())
            trace("run: " + QByteArray(m_plan.whole ? (m_plan.cut ? "cut" : "whole") : "scripted") + ", " +
                  QByteArray::number(qulonglong(pieces.size())) + " pieces, pipeline " +
                  QByteArray::number(m_plan.limits.maxPipelinedRequests) + ", body " +
                  QByteArray::number(m_plan.limits.maxBodyBytes) + ", head " +
                  QByteArray::number(m_plan.limits.maxHeaderBytes) + (m_plan.timeouts ? ", timeouts" : ""));
        QObject worker;
        auto* socket = new FuzzSocket(&m_transcript);
        std::size_t next = 0;
        if (m_plan.readsEarly && !pieces.empty())
            socket->deliver(pieces[next++]);
        auto* connection = new HttpConnection(socket, &m_handler, m_plan.limits, &worker);
        m_connection = connection;
        // Early bytes are read by the constructor, which may already close (and announce it) before
        // anyone could connect to closed().
        const int expectedClosedSignals = m_transcript.serverClosed ? 0 : 1;
        QObject::connect(connection, &HttpConnection::closed, [this] { ++m_closedSignals; });

        for (; next < pieces.size(); ++next) {
            if (tracing())
                trace("deliver " + pieces[next].toPercentEncoding(" /:.-_{}\",;=?&"));
            if (FuzzSocket* live = liveSocket())
                live->deliver(pieces[next]);
            tick();
        }
        // The handler finishes what it started; then the client has read everything.
        for (int round = 0; round < 64 && pendingAnswers(); ++round)
            tick(true);
        require(!pendingAnswers(), "every answer the handler began can be finished");
        if (FuzzSocket* live = liveSocket())
            live->drain();
        checkAnswers();

        if (FuzzSocket* live = liveSocket())
            live->closeFromPeer();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        require(m_closedSignals == expectedClosedSignals, "closed() is emitted exactly once",
                [&] { return QByteArray::number(m_closedSignals); });
        require(m_connection.isNull(), "a connection whose client left deletes itself");
        for (const Record& record : m_records)
            require(record.exchange.isNull(), "every exchange is deleted with its connection");
        require(!m_transcript.writeAfterClose, "nothing is written once the connection is closed");
        return m_outcome;
    }

    void dispatched(HttpExchange* exchange) {
        require(!m_transcript.serverClosed, "no request is dispatched on a closed connection");
        Record record;
        record.exchange = exchange;
        record.request = messageOf(exchange->request());
        const std::size_t index = m_records.size();

        // What the bytes say, in the same order: never a request that is not in them.
        require(index < m_reference.messages.size(), "never more requests dispatched than complete messages",
                [&] { return describe(record.request); });
        require(record.request == m_reference.messages[index], "a dispatched request is the message as sent",
                [&] {
                    return QByteArray(describe(record.request) + "\n--- expected\n" +
                                      describe(m_reference.messages[index]));
                });
        require(index == 0 || m_records.back().request.keepAlive,
                "nothing after a request that closes the connection is dispatched");

        const HttpLimits& limits = m_plan.limits;
        require(record.request.body.size() <= limits.maxBodyBytes, "the body limit holds");
        qint64 headerBytes = record.request.target.size();
        for (const auto& [name, value] : record.request.headers)
            headerBytes += name.size() + value.size();
        require(headerBytes <= limits.maxHeaderBytes, "the header limit holds");

        // The connection's queue: requests dispatched whose response has not been written in full.
        m_stream.update(m_transcript.written);
        const std::size_t waiting = index + 1 - std::min(index + 1, m_stream.finals.size());
        require(waiting <= std::size_t(limits.maxPipelinedRequests), "at most maxPipelinedRequests wait",
                [&] { return QByteArray::number(qulonglong(waiting)); });

        plan(record);
        if (tracing())
            trace("dispatched #" + QByteArray::number(qulonglong(index)) + ": " + record.request.method +
                  ' ' + record.request.target + ", answer " + QByteArray::number(int(record.answer)) +
                  ", status " + QByteArray::number(record.status));
        m_records.push_back(std::move(record));
        QObject::connect(exchange, &HttpExchange::outputDrained, [this, index] {
            if (m_random.chance(1, 2))
                advance(index, false);
        });
        if (m_records.back().answer == Answer::Now)
            advance(index, true);
    }

private:
    FuzzSocket* liveSocket() const {
        return m_connection ? m_connection->findChild<FuzzSocket*>(QString(), Qt::FindDirectChildrenOnly)
                            : nullptr;
    }

    void plan(Record& record) {
        record.status = handlerStatuses[m_random.below(std::size(handlerStatuses))];
        if (m_plan.whole) {
            record.answer = Answer::Now;
        } else {
            const std::uint64_t roll = m_random.below(20);
            record.answer = roll < 8    ? Answer::Now
                            : roll < 13 ? Answer::Later
                            : roll < 18 ? Answer::Streamed
                            : roll < 19 ? Answer::Never
                                        : Answer::Reset;
        }
        const int count = int(m_random.below(4));
        for (int i = 0; i < count; ++i)
            record.pieces.push_back(QByteArray(qsizetype(m_random.below(300)), char('a' + i)));
    }

    bool pendingAnswers() const {
        for (const Record& record : m_records) {
            if (record.exchange && !record.exchange->isAborted() && !record.ended && !record.reset &&
                record.answer != Answer::Never)
                return true;
        }
        return false;
    }

    // Moves one request's answer forward: begins it, writes a piece, or ends it.
    void advance(std::size_t index, bool all) {
        Record& record = m_records[index];
        const QPointer<HttpExchange> exchange = record.exchange;
        if (!exchange || exchange->isAborted() || record.ended || record.reset ||
            record.answer == Answer::Never)
            return;
        if (record.answer == Answer::Reset) {
            record.reset = true;
            m_reset = true;
            exchange->abortConnection();
            return;
        }
        HttpHeaders headers;
        headers.add("X-Fuzz", QByteArray::number(qulonglong(index)));
        if (m_random.chance(1, 4)) {
            // What a handler copies from an upstream: the exchange decides these itself.
            headers.add("Content-Length", "7");
            headers.add("Connection", "keep-alive");
            headers.add("Transfer-Encoding", "chunked");
        }
        if (record.answer != Answer::Streamed) {
            QByteArray body;
            for (const QByteArray& piece : record.pieces)
                body += piece;
            record.begun = true;
            record.ended = true;
            exchange->respond(record.status, headers, body);
            return;
        }
        if (!record.begun) {
            record.begun = true;
            qint64 length = -1;
            if (m_random.chance(1, 2)) {
                length = 0;
                for (const QByteArray& piece : record.pieces)
                    length += piece.size();
            }
            exchange->beginResponse(record.status, headers, length);
            if (!exchange || !all)
                return;
        }
        while (exchange && record.written < record.pieces.size()) {
            exchange->writeBody(record.pieces[record.written++]);
            if (!all)
                return;
        }
        if (exchange) {
            record.ended = true;
            exchange->endResponse();
        }
    }

    void tick(bool finishing = false) {
        for (std::size_t i = 0; i < m_records.size(); ++i) {
            if (finishing || m_random.chance(1, 2))
                advance(i, finishing);
        }
        if (FuzzSocket* live = liveSocket(); live && (finishing || ++m_ticks % m_plan.drainEvery == 0))
            live->drain();
        if (m_plan.timeouts)
            QCoreApplication::processEvents();
    }

    void checkAnswers() {
        if (tracing())
            trace("written: " + m_transcript.written.toPercentEncoding(" /:.-_{}\",;=?&"));
        m_stream.update(m_transcript.written);
        if (m_transcript.serverClosed)
            m_stream.closed();
        require(!m_stream.broken(), "the connection writes a well-formed response stream", m_stream.error());
        const auto& finals = m_stream.finals;
        for (std::size_t i = 0; i < finals.size(); ++i) {
            if (i < m_records.size()) {
                require(m_records[i].begun && finals[i].status == m_records[i].status,
                        "responses come in request order", [&] {
                            return QByteArray(QByteArray::number(finals[i].status) + " at " +
                                              QByteArray::number(qulonglong(i)));
                        });
            } else {
                require(i == m_records.size() && i + 1 == finals.size() && isRefusal(finals[i].status),
                        "the only response of the connection's own is its last, a refusal",
                        [&] { return QByteArray::number(finals[i].status); });
            }
        }
        if (m_reset || m_plan.timeouts)
            return; // a reset or an idle close may cut the stream anywhere
        if (m_transcript.serverClosed) {
            require(!finals.empty() && !finals.back().keepAlive && !m_stream.inMessage(),
                    "the connection closes only after a complete response that says so");
        } else {
            std::size_t answered = 0;
            while (answered < m_records.size() && m_records[answered].ended)
                ++answered;
            require(finals.size() == answered && !m_stream.inMessage(),
                    "every answered request in front of the queue is written in full", [&] {
                        return QByteArray(QByteArray::number(qulonglong(finals.size())) + " of " +
                                          QByteArray::number(qulonglong(answered)));
                    });
        }
        const bool refused =
            !finals.empty() && isRefusal(finals.back().status) && finals.size() == m_records.size() + 1;
        m_outcome = {m_records.size(), refused ? finals.back().status : 0};
        if (m_plan.whole) {
            // Nothing in the way: every message is served unless the connection refuses it (it is
            // stricter than http_parser on purpose), and bytes that are not HTTP are refused.
            require(m_records.size() == m_reference.messages.size() || refused,
                    "every complete message is dispatched or refused", [&] {
                        return QByteArray(QByteArray::number(qulonglong(m_records.size())) + " of " +
                                          QByteArray::number(qulonglong(m_reference.messages.size())) +
                                          "; written:\n" + m_transcript.written.left(2000));
                    });
            require(!m_reference.failed || refused, "bytes that are not HTTP are refused",
                    [&] { return QByteArray("written:\n" + m_transcript.written.left(2000)); });
        }
    }

    const QByteArray& m_input;
    const ReferenceParse& m_reference;
    Plan m_plan;
    FuzzRandom& m_random;
    FuzzHandler m_handler;
    FuzzSocket::Transcript m_transcript;
    std::vector<Record> m_records;
    ResponseStream m_stream;
    QPointer<HttpConnection> m_connection;
    int m_closedSignals = 0;
    int m_ticks = 0;
    bool m_reset = false;
    Outcome m_outcome;
};

void FuzzHandler::handle(HttpExchange* exchange) {
    m_session->dispatched(exchange);
}

Plan scriptedPlan(FuzzRandom& random) {
    Plan plan;
    plan.whole = false;
    constexpr qint64 bodyLimits[] = {0, 1, 16, 300, 10 * 1024 * 1024};
    constexpr qint64 headerLimits[] = {8, 40, 200, 16 * 1024};
    constexpr int pipelineLimits[] = {1, 2, 3, 64};
    constexpr qint64 highWaters[] = {0, 64, 256 * 1024};
    constexpr qsizetype pieceSizes[] = {1, 3, 16, 200, 4096};
    plan.limits.maxBodyBytes = bodyLimits[random.below(std::size(bodyLimits))];
    plan.limits.maxHeaderBytes = headerLimits[random.below(std::size(headerLimits))];
    plan.limits.maxPipelinedRequests = pipelineLimits[random.below(std::size(pipelineLimits))];
    plan.limits.outputHighWaterBytes = highWaters[random.below(std::size(highWaters))];
    plan.maxPiece = pieceSizes[random.below(std::size(pieceSizes))];
    plan.timeouts = random.chance(1, 8);
    if (plan.timeouts) {
        plan.limits.headerTimeoutMs = 0;
        plan.limits.idleTimeoutMs = int(random.below(2));
    }
    plan.readsEarly = random.chance(1, 4);
    plan.drainEvery = 1 + int(random.below(4));
    return plan;
}

} // namespace
} // namespace gatehouse::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static int argc = 1;
    static char name[] = "fuzz_http_request";
    static char* argv[] = {name, nullptr};
    new QCoreApplication(argc, argv); // lives as long as the process
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gatehouse::fuzz;
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const ReferenceParse reference(input);
    FuzzRandom random(data, size);

    Plan whole;
    whole.limits.maxBodyBytes = qint64(1) << 40;
    whole.limits.maxHeaderBytes = qint64(1) << 40;
    whole.limits.maxPipelinedRequests = INT_MAX;
    const Session::Outcome inOnePiece = Session(input, reference, whole, random).run();

    // The network may cut the bytes anywhere: the verdict must not depend on where.
    Plan cut = whole;
    cut.cut = true;
    constexpr qsizetype cutSizes[] = {1, 2, 3, 7, 64};
    cut.maxPiece = cutSizes[random.below(std::size(cutSizes))];
    const Session::Outcome inPieces = Session(input, reference, cut, random).run();
    require(inPieces.dispatched == inOnePiece.dispatched && inPieces.refusal == inOnePiece.refusal,
            "the same bytes cut anywhere give the same requests and the same refusal", [&] {
                return QByteArray(QByteArray::number(qulonglong(inPieces.dispatched)) +
                                  " requests, refusal " + QByteArray::number(inPieces.refusal) +
                                  " in pieces of at most " + QByteArray::number(cut.maxPiece) + "; " +
                                  QByteArray::number(qulonglong(inOnePiece.dispatched)) +
                                  " requests, refusal " + QByteArray::number(inOnePiece.refusal) +
                                  " in one piece");
            });

    Session(input, reference, scriptedPlan(random), random).run();
    return 0;
}
