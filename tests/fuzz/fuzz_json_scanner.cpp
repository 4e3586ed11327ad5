// Fuzzes how the gateway reads and rewrites request bodies without building documents:
// JsonFieldScanner (a SAX pass that keeps a few members and the byte span of string values) and
// RequestBodyModel (which splices the routed model into the client's bytes).
//
// The input is a request body. scan() must agree with a full parse: Invalid exactly when the text
// is not JSON, Object exactly when it is an object, the same requested model and stream flag. When
// it says Object, withModel() must produce JSON that has the new model at the provider's location
// ($.model, or a nested one a custom provider may name) and is otherwise the client's document.
#include "FuzzCheck.h"
#include "FuzzRandom.h"
#include "core/Json.h"
#include "gateway/JsonPointer.h"
#include "gateway/RequestBodyModel.h"

#include <QCoreApplication>
#include <cstdint>
#include <iterator>
#include <set>
#include <string>
#include <vector>

namespace gatehouse::fuzz {
namespace {

// Whether any object in the text repeats a key. JSON leaves the meaning of a repeated key to the
// reader, so where a nested location is concerned the comparison with a parsed document stops there.
class DuplicateKeys {
public:
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(Json::binary_t&) { return true; }
    bool start_object(std::size_t) {
        m_keys.emplace_back();
        return true;
    }
    bool end_object() {
        m_keys.pop_back();
        return true;
    }
    bool start_array(std::size_t) {
        m_keys.emplace_back(); // a frame of its own, so that end_array pops the right one
        return true;
    }
    bool end_array() {
        m_keys.pop_back();
        return true;
    }
    bool key(std::string& name) {
        if (!m_keys.back().insert(name).second)
            found = true;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

    bool found = false;

private:
    std::vector<std::set<std::string>> m_keys;
};

// The document without the member at `steps` (unchanged when it has none).
Json without(Json document, const std::vector<std::string>& steps) {
    Json* parent = &document;
    for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
        if (!parent->is_object() || !parent->contains(steps[i]))
            return document;
        parent = &(*parent)[steps[i]];
    }
    if (parent->is_object())
        parent->erase(steps.back());
    return document;
}

QByteArray show(const QByteArray& body, const QByteArray& rewritten) {
    return "body: " + body + "\nrewritten: " + rewritten;
}

const QString locations[] = {QStringLiteral("$.model"), QStringLiteral("$.model"),
                             QStringLiteral("$.options.model"), QStringLiteral("$.a.b.model")};
const QString models[] = {QStringLiteral("gpt-4o"),
                          QStringLiteral("gpt-4o-mini"),
                          QString(),
                          QStringLiteral("say \"hi\" \\ back"),
                          QStringLiteral(u"modèle-日本-🚀"),
                          QStringLiteral("line\nbreak\ttab")};

} // namespace
} // namespace gatehouse::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static int argc = 1;
    static char name[] = "fuzz_json_scanner";
    static char* argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gatehouse;
    using namespace gatehouse::fuzz;
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    FuzzRandom random(data, size);
    const QString location = locations[random.below(std::size(locations))];
    const QString model = models[random.below(std::size(models))];
    const JsonPointer pointer(location);

    RequestBodyModel reader(location);
    const JsonFieldScanner::Outcome outcome = reader.scan(body);
    const Json parsed = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    require((outcome == JsonFieldScanner::Outcome::Invalid) == parsed.is_discarded(),
            "scan() says Invalid exactly when the body is not JSON", body);
    if (outcome == JsonFieldScanner::Outcome::Invalid)
        return 0;
    require((outcome == JsonFieldScanner::Outcome::Object) == parsed.is_object(),
            "scan() says Object exactly when the body is an object", body);
    if (outcome != JsonFieldScanner::Outcome::Object)
        return 0;

    DuplicateKeys duplicates;
    Json::sax_parse(body.cbegin(), body.cend(), &duplicates);
    const bool topLevel = pointer.steps().size() == 1;

    // What the scan read is what a parser reads (for a top-level member, repeated keys included:
    // both keep the last one).
    const auto stream = parsed.find("stream");
    require(reader.streamRequested() ==
                (stream != parsed.end() && stream->is_boolean() && stream->get<bool>()),
            "the stream flag is the document's", body);
    if (topLevel || !duplicates.found) {
        const std::optional<QString> expected = pointer.string(parsed);
        require(reader.requestedModel() == expected.value_or(QString()),
                "the requested model is the document's",
                [&] { return QByteArray(body + "\nread: " + reader.requestedModel().toUtf8()); });
    }

    const QByteArray rewritten = reader.withModel(body, model);
    const Json result = Json::parse(rewritten.cbegin(), rewritten.cend(), nullptr, false);
    require(result.is_object(), "withModel() writes a JSON object", [&] { return show(body, rewritten); });
    Json expected = parsed;
    const bool settable = pointer.set(expected, Json(model.toStdString()));
    if (!settable || (!topLevel && duplicates.found))
        return 0; // a step that is not an object: the body goes as it was
    require(pointer.string(result) == model, "withModel() puts the new model at the location",
            [&] { return show(body, rewritten); });
    require(without(result, pointer.steps()) == without(expected, pointer.steps()),
            "withModel() leaves the rest of the document as it was", [&] { return show(body, rewritten); });
    return 0;
}
