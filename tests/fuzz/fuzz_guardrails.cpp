// Fuzzes what guardrails read from outside: JSONPath expressions and JSON Schemas as a policy's author
// writes them, and prompts and answers as clients and models send them.
//
// The input is used every way it can be:
//   - as a JSONPath: compile() never crashes; a compiled definite path selects at most one value;
//   - as a JSON Schema (when it parses): compile() is bounded, and a compiled schema validates the
//     schema itself and a few fixed documents without crashing or hanging;
//   - as a request body for the text guardrails, with and without a jsonPath: a verdict is always one
//     of pass, intervene or error, invert swaps pass and intervene and leaves errors alone, and the
//     counts agree (no more words than bytes);
//   - as a prompt for PIIMaskingRegex: masking then restoring gives the text back, and an answer that
//     repeats the masked text, cut into SSE events and fed to the stream restorer in random pieces,
//     reads as the original text;
//   - as a streamed answer for the usage filter: cut anywhere, it gives the client the same bytes as
//     when filtered whole, and a stream without usage passes unchanged.
#include "FuzzCheck.h"
#include "FuzzRandom.h"
#include "core/JsonPath.h"
#include "core/JsonSchemaValidator.h"
#include "core/JsonTextSelector.h"
#include "gateway/StreamUsageFilter.h"
#include "gateway/policies/PiiStreamRestorer.h"
#include "gateway/policies/SseEventBuffer.h"
#include "guardrails/CountGuardrail.h"
#include "guardrails/GuardrailFactory.h"
#include "guardrails/PiiMasker.h"

#include <cstdint>

namespace gatehouse::fuzz {
namespace {

const Json& sampleDocument() {
    static const Json document = Json::parse(
        R"({"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"hi"}],)"
        R"("choices":[{"message":{"content":"ok"}}],"n":[1,[2,[3]]]})");
    return document;
}

// JsonTextSelector reads what nlohmann's document holds, and refuses what nlohmann refuses.
void fuzzSelector(const QByteArray& input) {
    const Json document = Json::parse(input.constBegin(), input.constEnd(), nullptr, false);
    for (const char* expression : {"$", "$.messages[-1].content", "$.a", "$[0]", "$.a.b[1]", "$['x y']"}) {
        const JsonPath path = JsonPath::compile(QLatin1String(expression)).value();
        const JsonTextSelector::Selection selection = JsonTextSelector::select(input, path);
        if (selection.outcome == JsonTextSelector::Outcome::Unsupported)
            continue;
        // nlohmann stops at a NUL byte as at the end of a C string, so it takes "97\0junk" for 97; a raw
        // NUL is never valid JSON text, and the selector refuses it wherever it stands.
        const bool validJson = !document.is_discarded() && !input.contains('\0');
        require((selection.outcome == JsonTextSelector::Outcome::NotJson) == !validJson,
                "the selector refuses exactly what is not JSON", input);
        if (!validJson)
            continue;
        const std::vector<const Json*> selected = path.select(document);
        require((selection.outcome == JsonTextSelector::Outcome::Found) == !selected.empty(),
                "the selector finds exactly what the document holds", input);
        if (selected.empty())
            continue;
        if (selection.isString) {
            require(selected.front()->is_string() &&
                        selection.text == toQString(selected.front()->get<std::string>()),
                    "the selected string is the document's", input);
        } else {
            const Json value = Json::parse(selection.begin, selection.end, nullptr, false);
            require(!value.is_discarded() && dumpCompact(value) == dumpCompact(*selected.front()),
                    "the selected value is the document's", input);
        }
    }
}

void fuzzJsonPath(const QString& text) {
    const Result<JsonPath> path = JsonPath::compile(text);
    if (!path)
        return;
    const std::vector<const Json*> selected = path.value().select(sampleDocument());
    require(!path.value().isDefinite() || selected.size() <= 1, "a definite path selects at most one value",
            text);
}

void fuzzSchema(const QByteArray& input) {
    const Json schema = Json::parse(input.constBegin(), input.constEnd(), nullptr, false);
    if (schema.is_discarded())
        return;
    const Result<JsonSchemaValidator> validator = JsonSchemaValidator::compile(schema);
    if (!validator)
        return;
    QString why;
    validator.value().validate(schema, &why);
    validator.value().validate(sampleDocument(), &why);
    validator.value().validate(Json(), &why);
}

std::shared_ptr<const Guardrail> guardrail(const QString& kind, Json parameters) {
    parameters["name"] = "fuzz";
    return GuardrailFactory::build(kind, parameters).value();
}

void fuzzVerdicts(const QByteArray& input) {
    const GuardrailPayload payload(input);
    const std::pair<const char*, Json> kinds[] = {
        {"RegexGuardrail", {{"regex", "(?i)ignore (all )?previous"}}},
        {"WordCountGuardrail", {{"min", 1}, {"max", 50}}},
        {"SentenceCountGuardrail", {{"min", 1}, {"max", 3}}},
        {"ContentLengthGuardrail", {{"min", 1}, {"max", 100}}},
        {"JSONSchemaGuardrail", {{"schema", R"({"type":"object","required":["a"]})"}}},
    };
    for (const auto& [kind, base] : kinds) {
        for (const char* path : {"", "$.messages[-1].content", "$.messages[*].content"}) {
            Json parameters = base;
            if (*path)
                parameters["jsonPath"] = path;
            const GuardrailVerdict plain =
                guardrail(QLatin1String(kind), parameters)->evaluate(payload, GuardrailDirection::Request);
            parameters["invert"] = true;
            const GuardrailVerdict inverted =
                guardrail(QLatin1String(kind), parameters)->evaluate(payload, GuardrailDirection::Request);
            using Outcome = GuardrailVerdict::Outcome;
            require(plain.failed() == inverted.failed(), "invert leaves errors alone", [&] { return input; });
            require(plain.failed() ||
                        (plain.outcome == Outcome::Pass) == (inverted.outcome == Outcome::Intervene),
                    "invert swaps pass and intervene", [&] { return input; });
        }
    }
    const QString text = QString::fromUtf8(input);
    require(CountGuardrail::count(CountGuardrail::Unit::Words, text) <=
                CountGuardrail::count(CountGuardrail::Unit::Bytes, text),
            "no more words than bytes", input);
}

void fuzzPii(const QByteArray& input, FuzzRandom& random) {
    // The placeholders' own shape in the input would be restored to an original: not a round trip.
    if (input.contains("EMAIL_") || input.contains("IPV4_"))
        return;
    static const std::shared_ptr<const PiiMasker> masker =
        PiiMasker::build(
            Json::parse(
                R"({"name":"fuzz","piiEntities":[{"piiEntity":"EMAIL","piiRegex":"[\\w.+-]+@[\\w-]+\\.[\\w.]+"},)"
                R"({"piiEntity":"IPV4","piiRegex":"\\d{1,3}(\\.\\d{1,3}){3}"}]})"))
            .value();
    const QString text = QString::fromUtf8(input);
    PiiVault vault;
    const Result<QString> masked = masker->mask(text, vault);
    if (!masked)
        return; // the bounded regex gave up: an error, not a leak
    require(vault.restore(masked.value()) == text, "restore(mask(text)) is the text", input);

    // The answer repeats the masked text, streamed in events cut anywhere, read in random pieces.
    QStringList pieces;
    const QString& answer = masked.value();
    for (qsizetype at = 0; at < answer.size();) {
        qsizetype length = qsizetype(1 + random.below(8));
        // Cut between characters, never inside a surrogate pair (a model's tokens are whole text).
        if (at + length < answer.size() && answer[at + length - 1].isHighSurrogate())
            ++length;
        pieces << answer.mid(at, length);
        at += length;
    }
    QByteArray stream;
    for (const QString& piece : pieces)
        stream += SseEventBuffer::event(QByteArray::fromStdString(dumpCompact(Json{
            {"choices", Json::array({{{"index", 0}, {"delta", {{"content", piece.toStdString()}}}}})}})));
    stream += SseEventBuffer::event("[DONE]");
    PiiStreamRestorer restorer(masker, vault);
    QByteArray out;
    for (QByteArray chunk : random.split(stream, 64)) {
        restorer.onChunk(chunk);
        out += chunk;
    }
    QByteArray tail;
    restorer.onEnd(tail);
    out += tail;
    require(SseEventBuffer::joinedContent(out) == text, "a streamed answer reads as the original text",
            [&] { return out; });
    require(out.endsWith("data: [DONE]\n\n"), "the stream still ends with [DONE]", [&] { return out; });
}

// The usage chunk the gateway asked for leaves the stream whatever the cuts: the client's bytes are the
// same as for the stream filtered whole, and nothing but whole usage events is taken out.
void fuzzUsageFilter(const QByteArray& input, FuzzRandom& random) {
    const QByteArray whole = StreamUsageFilter::withoutUsageChunks(input);
    StreamUsageFilter filter;
    QByteArray out;
    for (QByteArray chunk : random.split(input, 64)) {
        filter.onChunk(chunk);
        out += chunk;
    }
    QByteArray tail;
    filter.onEnd(tail);
    out += tail;
    require(out == whole, "the usage filter does not depend on where the stream was cut",
            [&] { return out; });
    if (!input.contains("\"usage\""))
        require(out == input, "a stream without usage passes unchanged", [&] { return out; });
}

} // namespace
} // namespace gatehouse::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gatehouse;
    using namespace gatehouse::fuzz;
    if (size > 64 * 1024)
        return 0;
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    FuzzRandom random(data, size);
    fuzzSelector(input);
    fuzzJsonPath(QString::fromUtf8(input));
    fuzzSchema(input);
    fuzzVerdicts(input);
    fuzzPii(input, random);
    fuzzUsageFilter(input, random);
    return 0;
}
