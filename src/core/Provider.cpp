#include "core/Provider.h"

#include "core/JsonFieldReader.h"

namespace gatehouse {

namespace {

QString sourceName(ValueLocation::Source source) {
    switch (source) {
    case ValueLocation::Source::Payload:
        return QStringLiteral("payload");
    case ValueLocation::Source::Header:
        return QStringLiteral("header");
    case ValueLocation::Source::Path:
        return QStringLiteral("path");
    case ValueLocation::Source::None:
        break;
    }
    return QStringLiteral("none");
}

Json locationToJson(const ValueLocation& location) {
    Json json = Json::object();
    json["source"] = toStdString(sourceName(location.source));
    json["identifier"] = toStdString(location.identifier);
    return json;
}

ValueLocation locationFromJson(JsonFieldReader& parent, const char* key, QStringList* errors) {
    ValueLocation location;
    const Json* json = parent.optionalObject(key);
    if (!json)
        return location;
    JsonFieldReader reader(*json, parent.childPath(key), errors);
    const QString source = reader.requiredString("source");
    if (source == QLatin1String("payload"))
        location.source = ValueLocation::Source::Payload;
    else if (source == QLatin1String("header"))
        location.source = ValueLocation::Source::Header;
    else if (source == QLatin1String("path"))
        location.source = ValueLocation::Source::Path;
    else if (source != QLatin1String("none"))
        reader.addError(
            reader.childPath("source"),
            QCoreApplication::translate("Provider", "must be payload, header, path or none (got \"%1\")")
                .arg(source));
    location.identifier = reader.optionalString("identifier");
    return location;
}

} // namespace

QString Provider::authValue(const QString& key) const {
    QString format = authValueFormat.isEmpty() ? QStringLiteral("{key}") : authValueFormat;
    return format.replace(QLatin1String("{key}"), key);
}

Json Provider::toJson() const {
    Json json = Json::object();
    json["id"] = toStdString(id);
    json["displayName"] = toStdString(displayName);
    json["description"] = toStdString(description);
    json["apiVersion"] = toStdString(apiVersion);
    json["defaultBaseUrl"] = toStdString(defaultBaseUrl);
    json["baseUrlRequired"] = baseUrlRequired;
    json["builtinMock"] = builtinMock;
    Json auth = Json::object();
    auth["header"] = toStdString(authHeader);
    auth["valueFormat"] = toStdString(authValueFormat);
    auth["in"] = authInQuery ? "query" : "header";
    auth["keyRequired"] = keyRequired;
    json["auth"] = std::move(auth);
    Json locations = Json::object();
    locations["requestModel"] = locationToJson(requestModel);
    locations["responseModel"] = locationToJson(responseModel);
    locations["promptTokens"] = locationToJson(promptTokens);
    locations["completionTokens"] = locationToJson(completionTokens);
    locations["totalTokens"] = locationToJson(totalTokens);
    if (cachedTokens.isSet())
        locations["cachedTokens"] = locationToJson(cachedTokens);
    if (reasoningTokens.isSet())
        locations["reasoningTokens"] = locationToJson(reasoningTokens);
    locations["remainingTokens"] = locationToJson(remainingTokens);
    json["locations"] = std::move(locations);
    Json modelList = Json::array();
    for (const QString& model : models)
        modelList.push_back(toStdString(model));
    json["models"] = std::move(modelList);
    json["streamTerminator"] = toStdString(streamTerminator);
    json["streamUsage"] = streamUsage == StreamUsage::WhenAsked ? "whenAsked"
                          : streamUsage == StreamUsage::Never   ? "never"
                                                                : "always";
    Json operationList = Json::array();
    for (const Operation& operation : operations)
        operationList.push_back(operation.toJson());
    json["operations"] = std::move(operationList);
    return json;
}

Result<Provider> Provider::fromJson(const Json& json) {
    QStringList errors;
    JsonFieldReader reader(json, QStringLiteral("$"), &errors);
    Provider provider;
    provider.id = reader.requiredString("id");
    provider.displayName = reader.requiredString("displayName");
    provider.description = reader.optionalString("description");
    provider.apiVersion = reader.optionalString("apiVersion");
    provider.defaultBaseUrl = reader.optionalString("defaultBaseUrl");
    provider.baseUrlRequired = reader.optionalBool("baseUrlRequired", false);
    provider.builtinMock = reader.optionalBool("builtinMock", false);
    if (const Json* auth = reader.optionalObject("auth")) {
        JsonFieldReader authReader(*auth, reader.childPath("auth"), &errors);
        provider.authHeader = authReader.requiredString("header");
        provider.authValueFormat = authReader.optionalString("valueFormat", QStringLiteral("{key}"));
        const QString where = authReader.optionalString("in", QStringLiteral("header"));
        if (where != QLatin1String("header") && where != QLatin1String("query"))
            authReader.addError(authReader.childPath("in"),
                                tr("must be \"header\" or \"query\" (got \"%1\")").arg(where));
        provider.authInQuery = where == QLatin1String("query");
        provider.keyRequired = authReader.optionalBool("keyRequired", true);
    } else {
        reader.addRequired("auth");
    }
    if (const Json* locations = reader.optionalObject("locations")) {
        JsonFieldReader locationReader(*locations, reader.childPath("locations"), &errors);
        provider.requestModel = locationFromJson(locationReader, "requestModel", &errors);
        provider.responseModel = locationFromJson(locationReader, "responseModel", &errors);
        provider.promptTokens = locationFromJson(locationReader, "promptTokens", &errors);
        provider.completionTokens = locationFromJson(locationReader, "completionTokens", &errors);
        provider.totalTokens = locationFromJson(locationReader, "totalTokens", &errors);
        provider.cachedTokens = locationFromJson(locationReader, "cachedTokens", &errors);
        provider.reasoningTokens = locationFromJson(locationReader, "reasoningTokens", &errors);
        provider.remainingTokens = locationFromJson(locationReader, "remainingTokens", &errors);
    }
    provider.models = reader.optionalStringList("models");
    provider.streamTerminator = reader.optionalString("streamTerminator");
    const QString streamUsage = reader.optionalString("streamUsage", QStringLiteral("always"));
    if (streamUsage == QLatin1String("whenAsked"))
        provider.streamUsage = StreamUsage::WhenAsked;
    else if (streamUsage == QLatin1String("never"))
        provider.streamUsage = StreamUsage::Never;
    else if (streamUsage != QLatin1String("always"))
        reader.addError(reader.childPath("streamUsage"),
                        tr("must be \"always\", \"whenAsked\" or \"never\" (got \"%1\")").arg(streamUsage));
    if (const Json* list = reader.optionalArray("operations")) {
        for (std::size_t i = 0; i < list->size(); ++i)
            provider.operations.push_back(
                Operation::fromJson((*list)[i], jsonIndexPath(reader.childPath("operations"), i), &errors));
    }
    if (!errors.isEmpty())
        return Result<Provider>::failure(errors.join(QLatin1Char('\n')));
    return Result<Provider>::success(std::move(provider));
}

} // namespace gatehouse
