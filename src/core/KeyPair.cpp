#include "core/KeyPair.h"

#include "core/JsonFieldReader.h"

namespace gatehouse {

bool KeyPair::operator==(const KeyPair& other) const {
    return keyType == other.keyType && consumerKey == other.consumerKey && createdAt == other.createdAt &&
           tokensValidAfter == other.tokensValidAfter;
}

Json KeyPair::toJson() const {
    Json json = Json::object();
    json["keyType"] = toStdString(stageKeyTypeName(keyType));
    json["consumerKey"] = toStdString(consumerKey);
    json["createdAt"] = toStdString(createdAt.toUTC().toString(Qt::ISODateWithMs));
    if (tokensValidAfter.isValid())
        json["tokensValidAfter"] = toStdString(tokensValidAfter.toUTC().toString(Qt::ISODateWithMs));
    return json;
}

KeyPair KeyPair::fromJson(const Json& json, const QString& path, QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    KeyPair keys;
    const QString type = reader.requiredString("keyType");
    if (const auto stage = parseStage(type))
        keys.keyType = *stage;
    else if (!type.isEmpty())
        reader.addError(reader.childPath("keyType"),
                        tr("must be PRODUCTION or SANDBOX (got \"%1\")").arg(type));
    keys.consumerKey = reader.requiredString("consumerKey");
    keys.createdAt = reader.optionalDateTime("createdAt");
    keys.tokensValidAfter = reader.optionalDateTime("tokensValidAfter");
    return keys;
}

} // namespace gatehouse
