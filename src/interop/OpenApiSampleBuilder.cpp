#include "interop/OpenApiSampleBuilder.h"

#include <utility>

namespace gatehouse {

namespace {

// Deep enough for any request body people type by hand; a bound against pathological documents.
constexpr int maximumDepth = 12;

std::string child(const std::string& pointer, const std::string& key) {
    std::string token;
    for (const char c : key) {
        if (c == '~')
            token += "~0";
        else if (c == '/')
            token += "~1";
        else
            token += c;
    }
    return pointer + '/' + token;
}

// "application/json", "application/json; charset=utf-8", "application/merge-patch+json".
bool isJsonMediaType(const std::string& key) {
    const QString type = toQString(key).section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    return type == QLatin1String("application/json") || type.endsWith(QLatin1String("+json"));
}

// JSON Schema's "type" is a name or, in OpenAPI 3.1, a list of names.
bool hasType(const Json& schema, const char* name) {
    const auto type = schema.find("type");
    if (type == schema.end())
        return false;
    if (type->is_string())
        return type->get<std::string>() == name;
    if (type->is_array()) {
        for (const Json& entry : *type) {
            if (entry.is_string() && entry.get<std::string>() == name)
                return true;
        }
    }
    return false;
}

// Marks a schema as being expanded for as long as this object lives, so that a schema that contains
// itself (a tree of messages) ends instead of recursing forever.
class VisitGuard {
public:
    VisitGuard(QSet<QString>& visiting, QString pointer)
        : m_visiting(visiting), m_pointer(std::move(pointer)) {
        m_visiting.insert(m_pointer);
    }
    ~VisitGuard() { m_visiting.remove(m_pointer); }
    VisitGuard(const VisitGuard&) = delete;
    VisitGuard& operator=(const VisitGuard&) = delete;

private:
    QSet<QString>& m_visiting;
    QString m_pointer;
};

} // namespace

Result<Json> OpenApiSampleBuilder::requestSample(const OpenApiDocument::Operation& operation) const {
    const Result<OpenApiDocument::Resolved> body =
        m_document.resolve(child(operation.pointer, "requestBody"));
    if (!body)
        return Result<Json>::failure(body.error());
    if (!body->node || !body->node->is_object())
        return Result<Json>::success(nullptr);
    const std::string contentPointer = child(body->pointer, "content");
    const Json* content = m_document.nodeAt(contentPointer);
    if (!content || !content->is_object())
        return Result<Json>::success(nullptr);
    // Exactly application/json first: a server that also takes, say, "application/x-ndjson+json"
    // lists its main type as the plain one.
    std::string mediaKey;
    if (content->contains("application/json")) {
        mediaKey = "application/json";
    } else {
        for (const auto& [key, value] : content->items()) {
            Q_UNUSED(value);
            if (isJsonMediaType(key)) {
                mediaKey = key;
                break;
            }
        }
    }
    if (mediaKey.empty())
        return Result<Json>::success(nullptr); // a form or a file upload: no JSON to show
    const std::string mediaPointer = child(contentPointer, mediaKey);
    const Json& media = content->at(mediaKey);
    if (!media.is_object())
        return Result<Json>::failure(m_document.errorAt(
            mediaPointer, tr("a media type must be an object, not %1").arg(describeJsonType(media))));

    if (const auto example = media.find("example"); example != media.end())
        return Result<Json>::success(*example);
    if (const auto examples = media.find("examples"); examples != media.end() && examples->is_object()) {
        const std::string examplesPointer = child(mediaPointer, "examples");
        for (const auto& [name, entry] : examples->items()) {
            Q_UNUSED(entry);
            const Result<OpenApiDocument::Resolved> example =
                m_document.resolve(child(examplesPointer, name));
            if (!example)
                return Result<Json>::failure(example.error());
            // An Example Object; one with only an externalValue has nothing to show here.
            if (example->node && example->node->is_object() && example->node->contains("value"))
                return Result<Json>::success(example->node->at("value"));
        }
    }
    if (media.contains("schema")) {
        QSet<QString> visiting;
        QString error;
        std::optional<Json> sample = fromSchema(child(mediaPointer, "schema"), 0, visiting, &error);
        if (!error.isEmpty())
            return Result<Json>::failure(error);
        if (sample)
            return Result<Json>::success(std::move(*sample));
    }
    return Result<Json>::success(Json::object());
}

std::optional<Json> OpenApiSampleBuilder::fromSchema(const std::string& pointer, int depth,
                                                     QSet<QString>& visiting, QString* error) const {
    if (depth > maximumDepth)
        return std::nullopt;
    const Result<OpenApiDocument::Resolved> resolved = m_document.resolve(pointer);
    if (!resolved) {
        *error = resolved.error();
        return std::nullopt;
    }
    // A boolean schema (3.1), a schema in another file, or one being expanded further up.
    if (!resolved->node || !resolved->node->is_object() || visiting.contains(toQString(resolved->pointer)))
        return std::nullopt;
    const VisitGuard guard(visiting, toQString(resolved->pointer));
    const Json& schema = *resolved->node;
    const std::string& at = resolved->pointer;

    // What the author wrote down wins over anything assembled.
    if (const auto example = schema.find("example"); example != schema.end())
        return *example;
    if (const auto examples = schema.find("examples");
        examples != schema.end() && examples->is_array() && !examples->empty())
        return examples->front();
    for (const char* key : {"const", "default"}) {
        if (const auto value = schema.find(key); value != schema.end())
            return *value;
    }
    if (const auto values = schema.find("enum");
        values != schema.end() && values->is_array() && !values->empty())
        return values->front();

    if (const auto parts = schema.find("allOf"); parts != schema.end() && parts->is_array()) {
        // The parts of an object described in pieces: their samples together make the object.
        Json merged = Json::object();
        for (std::size_t i = 0; i < parts->size(); ++i) {
            const std::optional<Json> part =
                fromSchema(child(child(at, "allOf"), std::to_string(i)), depth + 1, visiting, error);
            if (!error->isEmpty())
                return std::nullopt;
            if (part && part->is_object())
                merged.update(*part);
        }
        if (const std::optional<Json> own = fromObjectSchema(schema, at, depth, visiting, error))
            merged.update(*own);
        if (!error->isEmpty())
            return std::nullopt;
        if (!merged.empty())
            return merged;
    }
    for (const char* key : {"oneOf", "anyOf"}) {
        const auto choices = schema.find(key);
        if (choices == schema.end() || !choices->is_array())
            continue;
        // The first alternative that has values stands for all of them.
        for (std::size_t i = 0; i < choices->size(); ++i) {
            std::optional<Json> choice =
                fromSchema(child(child(at, key), std::to_string(i)), depth + 1, visiting, error);
            if (!error->isEmpty())
                return std::nullopt;
            if (choice)
                return choice;
        }
    }
    if (hasType(schema, "object") || schema.contains("properties"))
        return fromObjectSchema(schema, at, depth, visiting, error);
    if (hasType(schema, "array") || schema.contains("items")) {
        std::optional<Json> item = fromSchema(child(at, "items"), depth + 1, visiting, error);
        if (item)
            return Json::array({std::move(*item)});
    }
    return std::nullopt;
}

std::optional<Json> OpenApiSampleBuilder::fromObjectSchema(const Json& schema, const std::string& pointer,
                                                           int depth, QSet<QString>& visiting,
                                                           QString* error) const {
    const auto properties = schema.find("properties");
    if (properties == schema.end() || !properties->is_object())
        return std::nullopt;
    QSet<QString> required;
    if (const auto names = schema.find("required"); names != schema.end() && names->is_array()) {
        for (const Json& name : *names) {
            if (name.is_string())
                required.insert(toQString(name.get<std::string>()));
        }
    }
    Json sample = Json::object();
    for (const auto& [name, property] : properties->items()) {
        Q_UNUSED(property);
        const std::string propertyPointer = child(child(pointer, "properties"), name);
        // An optional property's default is what the server assumes anyway: only required ones and
        // those the author gave an example for make it into the sample, which stays short.
        if (!required.contains(toQString(name))) {
            const Result<OpenApiDocument::Resolved> resolved = m_document.resolve(propertyPointer);
            if (!resolved) {
                *error = resolved.error();
                return std::nullopt;
            }
            const Json* node = resolved->node;
            if (!node || !node->is_object() || (!node->contains("example") && !node->contains("examples")))
                continue;
        }
        std::optional<Json> value = fromSchema(propertyPointer, depth + 1, visiting, error);
        if (!error->isEmpty())
            return std::nullopt;
        if (value)
            sample[name] = std::move(*value);
    }
    if (sample.empty())
        return std::nullopt;
    return sample;
}

} // namespace gatehouse
