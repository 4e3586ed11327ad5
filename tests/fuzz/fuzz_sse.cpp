// Fuzzes the console's Server-Sent Events reader (SseReader), which reads what an upstream model
// streams back through the gateway.
//
// The input is a stream. It is fed whole, then one byte at a time, then cut at random places (empty
// reads included): the events, the assembled text, the model, the counts, the usage and the end
// marker must be the same every time, since the network may cut a stream anywhere. Events keep their
// shape (no line break in a type, none but '\n' in data), the chunk counts agree with the events,
// and reset() starts a fresh stream.
#include "FuzzCheck.h"
#include "FuzzRandom.h"
#include "console/SseReader.h"

#include <QCoreApplication>
#include <cstdint>
#include <vector>

namespace gatehouse::fuzz {
namespace {

struct Reading {
    std::vector<SseReader::Event> events;
    bool done = false;
    QString text;
    QString model;
    int chunks = 0;
    int contentChunks = 0;
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
    std::optional<qint64> totalTokens;

    bool operator==(const Reading& other) const {
        if (events.size() != other.events.size())
            return false;
        for (std::size_t i = 0; i < events.size(); ++i) {
            if (events[i].event != other.events[i].event || events[i].data != other.events[i].data)
                return false;
        }
        return done == other.done && text == other.text && model == other.model && chunks == other.chunks &&
               contentChunks == other.contentChunks && promptTokens == other.promptTokens &&
               completionTokens == other.completionTokens && totalTokens == other.totalTokens;
    }
};

Reading read(SseReader& reader, const std::vector<QByteArray>& pieces) {
    Reading reading;
    for (const QByteArray& piece : pieces) {
        std::vector<SseReader::Event> events = reader.feed(piece);
        for (SseReader::Event& event : events)
            reading.events.push_back(std::move(event));
    }
    reading.done = reader.isDone();
    reading.text = reader.assembledText();
    reading.model = reader.model();
    reading.chunks = reader.chunkCount();
    reading.contentChunks = reader.contentChunkCount();
    reading.promptTokens = reader.promptTokens();
    reading.completionTokens = reader.completionTokens();
    reading.totalTokens = reader.totalTokens();
    return reading;
}

QByteArray summary(const Reading& reading) {
    QByteArray text = QByteArray::number(qulonglong(reading.events.size())) + " events, " +
                      QByteArray::number(reading.chunks) + " chunks, done " + (reading.done ? "yes" : "no") +
                      ", model '" + reading.model.toUtf8() + "', text '" + reading.text.toUtf8() + "'";
    for (const SseReader::Event& event : reading.events)
        text += "\n  [" + event.event.toUtf8() + "] " + event.data.toUtf8();
    return text;
}

// bomInside: the stream holds a UTF-8 byte order mark after its start. The reader compares a data
// field's bytes with "[DONE]" and strips a mark only at the start of the stream (as the SSE spec
// says), but QString::fromUtf8() drops one at the start of an event's data: "\xEF\xBB\xBF[DONE]"
// is a chunk to the reader and reads "[DONE]" here. Only then are such events counted either way.
void checkShape(const Reading& reading, bool bomInside) {
    int messages = 0;
    int doneMarkers = 0;
    for (const SseReader::Event& event : reading.events) {
        require(!event.event.contains(QLatin1Char('\n')) && !event.event.contains(QLatin1Char('\r')),
                "an event type is one line");
        require(!event.data.contains(QLatin1Char('\r')), "event data is split on CR, LF and CRLF alike");
        if (event.event.isEmpty() || event.event == QLatin1String("message")) {
            // The reader trims ASCII whitespace from the bytes; QString::trimmed() would trim more.
            if (event.data.toUtf8().trimmed() == "[DONE]")
                ++doneMarkers;
            else
                ++messages;
        }
    }
    if (bomInside) {
        require(reading.chunks >= messages && reading.chunks <= messages + doneMarkers,
                "every message event but [DONE] is a chunk", [&] { return summary(reading); });
        require(!reading.done || doneMarkers > 0, "the stream is done only when [DONE] came",
                [&] { return summary(reading); });
    } else {
        require(reading.chunks == messages, "every message event but [DONE] is a chunk",
                [&] { return summary(reading); });
        require(reading.done == (doneMarkers > 0), "the stream is done exactly when [DONE] came",
                [&] { return summary(reading); });
    }
    require(reading.contentChunks <= reading.chunks, "content chunks are chunks");
    require(reading.contentChunks == 0 || !reading.text.isEmpty(), "content chunks add text");
}

} // namespace
} // namespace gatehouse::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static int argc = 1;
    static char name[] = "fuzz_sse";
    static char* argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gatehouse;
    using namespace gatehouse::fuzz;
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    FuzzRandom random(data, size);

    SseReader reader;
    const Reading whole = read(reader, {input});
    checkShape(whole, input.indexOf("\xEF\xBB\xBF", 1) > 0);

    std::vector<QByteArray> bytes;
    for (qsizetype i = 0; i < input.size(); ++i)
        bytes.push_back(input.mid(i, 1));
    SseReader byteReader;
    const Reading byByte = read(byteReader, bytes);
    require(byByte == whole, "one byte at a time reads the same stream",
            [&] { return QByteArray(summary(byByte) + "\n--- whole\n" + summary(whole)); });

    // The same reader, reset, on random cuts: nothing of the first stream may survive reset().
    reader.reset();
    const std::vector<QByteArray> pieces = random.split(input, qsizetype(1 + random.below(64)));
    const Reading cut = read(reader, pieces);
    require(cut == whole, "random cuts read the same stream",
            [&] { return QByteArray(summary(cut) + "\n--- whole\n" + summary(whole)); });
    return 0;
}
