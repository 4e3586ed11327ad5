// The SSE reader against streams shaped like the mock LLM's (and OpenAI's), cut at every byte.
#include "console/SseReader.h"

#include <QTest>

using gatehouse::SseReader;

namespace {

// One chunk exactly as MockLlmHandler writes it.
QByteArray chunk(const QByteArray& delta, const QByteArray& extra = {}) {
    return R"(data: {"id":"chatcmpl-mock-7","object":"chat.completion.chunk","created":1715367049,)"
           R"("model":"gpt-4o","choices":[{"index":0,"delta":)" +
           delta + R"(,"finish_reason":)" + (extra.isEmpty() ? QByteArray("null") : QByteArray("\"stop\"")) +
           "}]" + extra + "}\n\n";
}

// A realistic stream whose words include multi-byte UTF-8 (3-byte CJK, a 4-byte emoji), so that
// cutting it at every byte also cuts inside characters.
QByteArray realisticStream() {
    QByteArray stream = chunk(R"({"role":"assistant","content":""})");
    const QList<QByteArray> words = {"This ", "is ", "a ",        "test! ", "日本",
                                     "語 ",   "🚀 ",  "Answered ", "by ",    "gpt-4o."};
    for (const QByteArray& word : words)
        stream += chunk(R"({"content":")" + word + "\"}");
    stream += ": keep-alive comment\n\n";
    stream += chunk("{}", R"(,"usage":{"prompt_tokens":10,"completion_tokens":10,"total_tokens":20})");
    stream += "data: [DONE]\n\n";
    return stream;
}

const QString expectedText = QStringLiteral("This is a test! 日本語 🚀 Answered by gpt-4o.");

QByteArray withLineEnds(QByteArray stream, const QByteArray& ending) {
    stream.replace("\n", ending);
    return stream;
}

struct Outcome {
    std::vector<SseReader::Event> events;
    QString text;
    QString model;
    int chunks = 0;
    bool done = false;
    std::optional<qint64> completionTokens;
};

Outcome readInPieces(const QByteArray& stream, const QList<qsizetype>& cuts) {
    SseReader reader;
    Outcome outcome;
    qsizetype from = 0;
    QList<qsizetype> boundaries = cuts;
    boundaries.append(stream.size());
    for (qsizetype to : boundaries) {
        for (SseReader::Event& event : reader.feed(stream.mid(from, to - from)))
            outcome.events.push_back(std::move(event));
        from = to;
    }
    outcome.text = reader.assembledText();
    outcome.model = reader.model();
    outcome.chunks = reader.chunkCount();
    outcome.done = reader.isDone();
    outcome.completionTokens = reader.completionTokens();
    return outcome;
}

// QCOMPARE-style check of two outcomes, with the cut in the message.
bool sameOutcome(const Outcome& actual, const Outcome& expected, QString* why) {
    if (actual.events.size() != expected.events.size()) {
        *why =
            QStringLiteral("%1 events instead of %2").arg(actual.events.size()).arg(expected.events.size());
        return false;
    }
    for (std::size_t i = 0; i < actual.events.size(); ++i) {
        if (actual.events[i].data != expected.events[i].data ||
            actual.events[i].event != expected.events[i].event) {
            *why = QStringLiteral("event %1 is \"%2\" instead of \"%3\"")
                       .arg(i)
                       .arg(actual.events[i].data, expected.events[i].data);
            return false;
        }
    }
    if (actual.text != expected.text || actual.model != expected.model || actual.chunks != expected.chunks ||
        actual.done != expected.done || actual.completionTokens != expected.completionTokens) {
        *why = QStringLiteral("summary differs: text \"%1\", model %2, %3 chunks, done %4")
                   .arg(actual.text, actual.model)
                   .arg(actual.chunks)
                   .arg(actual.done);
        return false;
    }
    return true;
}

} // namespace

class TestSseReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wholeStream() {
        const Outcome outcome = readInPieces(realisticStream(), {});
        QCOMPARE(outcome.events.size(), std::size_t(13)); // role, 10 words, usage, [DONE]
        QCOMPARE(outcome.text, expectedText);
        QCOMPARE(outcome.model, QStringLiteral("gpt-4o"));
        QCOMPARE(outcome.chunks, 12); // [DONE] is not a chunk
        QVERIFY(outcome.done);
        QCOMPARE(outcome.completionTokens, std::optional<qint64>(10));
        QCOMPARE(outcome.events.back().data, QStringLiteral("[DONE]"));
    }

    // Data-driven: one row per byte boundary of the stream.
    void splitAtEveryByteBoundary_data() {
        QTest::addColumn<qsizetype>("cut");
        const QByteArray stream = realisticStream();
        for (qsizetype cut = 1; cut < stream.size(); ++cut)
            QTest::addRow("at byte %d", int(cut)) << cut;
    }
    void splitAtEveryByteBoundary() {
        QFETCH(qsizetype, cut);
        const QByteArray stream = realisticStream();
        QString why;
        QVERIFY2(sameOutcome(readInPieces(stream, {cut}), readInPieces(stream, {}), &why), qPrintable(why));
    }

    // Every line-end convention, cut in two at every byte, and also fed one byte at a time.
    void lineEndsAtEveryBoundary_data() {
        QTest::addColumn<QByteArray>("ending");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("CR") << QByteArray("\r");
    }
    void lineEndsAtEveryBoundary() {
        QFETCH(QByteArray, ending);
        const QByteArray stream = withLineEnds(realisticStream(), ending);
        const Outcome whole = readInPieces(stream, {});
        QCOMPARE(whole.text, expectedText);
        QCOMPARE(whole.events.size(), std::size_t(13));
        QString why;
        for (qsizetype cut = 1; cut < stream.size(); ++cut)
            QVERIFY2(sameOutcome(readInPieces(stream, {cut}), whole, &why),
                     qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(why)));
        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < stream.size(); ++i)
            everyByte.append(i);
        QVERIFY2(sameOutcome(readInPieces(stream, everyByte), whole, &why), qPrintable(why));
    }

    void multiByteCharacterSplitAcrossChunks() {
        const QByteArray event = chunk(R"({"content":"日本🚀"})");
        const qsizetype start = event.indexOf("\xE6\x97\xA5"); // 日
        QVERIFY(start > 0);
        SseReader reader;
        // The first byte of 日, then the middle of the emoji: nothing is decoded before the event ends.
        QVERIFY(reader.feed(event.left(start + 1)).empty());
        QVERIFY(reader.feed(event.mid(start + 1, 6)).empty());
        QVERIFY(reader.assembledText().isEmpty());
        const std::vector<SseReader::Event> events = reader.feed(event.mid(start + 7));
        QCOMPARE(events.size(), std::size_t(1));
        QVERIFY(!events.front().data.contains(QChar::ReplacementCharacter));
        QCOMPARE(reader.assembledText(), QStringLiteral("日本🚀"));
    }

    void crlfAcrossChunks() {
        SseReader reader;
        QVERIFY(reader.feed("data: a\r").empty());
        QVERIFY(reader.feed("\ndata: b\r\n").empty());
        const std::vector<SseReader::Event> events = reader.feed("\r\n");
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events.front().data, QStringLiteral("a\nb")); // one event, two data lines
    }

    void multiLineDataAndFields() {
        SseReader reader;
        const std::vector<SseReader::Event> events =
            reader.feed("event: update\ndata: line one\ndata:line two\nid: 4\nretry: 100\n\n"
                        "data\n\n");
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[0].event, QStringLiteral("update"));
        QCOMPARE(events[0].data, QStringLiteral("line one\nline two"));
        QCOMPARE(events[1].event, QString());
        QCOMPARE(events[1].data, QString()); // a bare "data" line is an empty data line
        // Only default-type events are chat chunks: "update" is not counted, the empty one is.
        QCOMPARE(reader.chunkCount(), 1);
    }

    void commentsAreIgnored() {
        SseReader reader;
        QVERIFY(reader.feed(": ping\n\n:another\n\n").empty());
        const std::vector<SseReader::Event> events = reader.feed(": ping\ndata: x\n: between\n\n");
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events.front().data, QStringLiteral("x"));
        QCOMPARE(reader.chunkCount(), 1);
    }

    void doneMarksTheEnd() {
        SseReader reader;
        reader.feed(chunk(R"({"content":"Hi"})"));
        QVERIFY(!reader.isDone());
        reader.feed("data: [DONE]\n\n");
        QVERIFY(reader.isDone());
        QCOMPARE(reader.chunkCount(), 1);
        QCOMPARE(reader.assembledText(), QStringLiteral("Hi"));
        QVERIFY(!reader.completionTokens()); // no usage in this stream
    }

    void incompleteEventIsNotDispatched() {
        SseReader reader;
        QVERIFY(reader.feed("data: {\"choices\":[]}\n").empty());
        QCOMPARE(reader.chunkCount(), 0);
        QCOMPARE(reader.feed("\n").size(), std::size_t(1));
    }

    void byteOrderMarkAndReset() {
        SseReader reader;
        const std::vector<SseReader::Event> events = reader.feed("\xEF\xBB\xBF"
                                                                 "data: x\n\n");
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events.front().data, QStringLiteral("x"));
        reader.feed(chunk(R"({"content":"Hi"})"));
        reader.reset();
        QCOMPARE(reader.chunkCount(), 0);
        QVERIFY(reader.assembledText().isEmpty());
        QVERIFY(reader.model().isEmpty());
    }

    // Found by tests/fuzz/fuzz_sse (UBSan): a token count written as a float too large for qint64
    // was converted anyway, which is undefined behaviour. It is no count; a float that fits is one.
    void usageBeyondQint64IsNoCount() {
        SseReader reader;
        reader.feed("data: {\"usage\":{\"prompt_tokens\":1e300,\"completion_tokens\":7.0,"
                    "\"total_tokens\":-1e19}}\n\n");
        QCOMPARE(reader.chunkCount(), 1);
        QVERIFY(!reader.promptTokens());
        QCOMPARE(reader.completionTokens(), std::optional<qint64>(7));
        QVERIFY(!reader.totalTokens());
    }
};

QTEST_GUILESS_MAIN(TestSseReader)
#include "tst_ssereader.moc"
