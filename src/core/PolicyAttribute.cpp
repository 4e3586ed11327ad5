#include "core/PolicyAttribute.h"

#include "core/JsonFieldReader.h"

namespace gatehouse {

namespace {
constexpr PolicyAttribute::Type allTypes[] = {PolicyAttribute::Type::String, PolicyAttribute::Type::Integer,
                                              PolicyAttribute::Type::Number, PolicyAttribute::Type::Boolean,
                                              PolicyAttribute::Type::Enum,   PolicyAttribute::Type::Object,
                                              PolicyAttribute::Type::Array};

std::optional<double> optionalDouble(JsonFieldReader& reader, const char* key) {
    const Json* value = reader.optionalValue(key);
    if (!value)
        return std::nullopt;
    if (!value->is_number()) {
        reader.addError(reader.childPath(key),
                        QCoreApplication::translate("PolicyAttribute", "expected a number, found %1")
                            .arg(describeJsonType(*value)));
        return std::nullopt;
    }
    return value->get<double>();
}
} // namespace

const PolicyAttribute* PolicyAttribute::field(const QString& fieldName) const {
    for (const PolicyAttribute& candidate : fields) {
        if (candidate.name == fieldName)
            return &candidate;
    }
    return nullptr;
}

QString PolicyAttribute::typeName(Type type) {
    switch (type) {
    case Type::String:
        return QStringLiteral("string");
    case Type::Integer:
        return QStringLiteral("integer");
    case Type::Number:
        return QStringLiteral("number");
    case Type::Boolean:
        return QStringLiteral("boolean");
    case Type::Enum:
        return QStringLiteral("enum");
    case Type::Object:
        return QStringLiteral("object");
    case Type::Array:
        return QStringLiteral("array");
    }
    return {};
}

PolicyAttribute PolicyAttribute::fromJson(const Json& json, const QString& path, QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    PolicyAttribute attribute;
    attribute.name = reader.requiredString("name");
    attribute.displayName = reader.optionalString("displayName", attribute.name);
    attribute.description = reader.optionalString("description");
    const QString type = reader.requiredString("type");
    bool known = false;
    for (Type candidate : allTypes) {
        if (typeName(candidate) == type) {
            attribute.type = candidate;
            known = true;
        }
    }
    if (!known && !type.isEmpty())
        reader.addError(reader.childPath("type"), tr("unknown attribute type \"%1\"").arg(type));
    attribute.required = reader.optionalBool("required", false);
    if (const Json* fallback = reader.optionalValue("default"))
        attribute.defaultValue = *fallback;
    attribute.minimum = optionalDouble(reader, "minimum");
    attribute.maximum = optionalDouble(reader, "maximum");
    attribute.minLength = reader.optionalInt("minLength", 0);
    attribute.pattern = reader.optionalString("pattern");
    attribute.patternMessage = reader.optionalString("patternMessage");
    attribute.allowedValues = reader.optionalStringList("enum");
    attribute.encoding = reader.optionalString("encoding");
    attribute.gatehouseOnly = reader.optionalBool("gatehouseOnly", false);
    attribute.format = reader.optionalString("format");
    static const QStringList formats{
        QStringLiteral("regex"),       QStringLiteral("jsonPath"),        QStringLiteral("jsonSchema"),
        QStringLiteral("piiEntities"), QStringLiteral("promptTemplates"), QStringLiteral("promptDecoration"),
        QStringLiteral("decimal"),     QStringLiteral("semanticRules"),   QStringLiteral("semanticRouting")};
    if (!attribute.format.isEmpty() && !formats.contains(attribute.format))
        reader.addError(reader.childPath("format"), tr("unknown format \"%1\"").arg(attribute.format));
    attribute.notAbove = reader.optionalString("notAbove");
    if (const Json* list = reader.optionalArray("fields")) {
        for (std::size_t i = 0; i < list->size(); ++i)
            attribute.fields.push_back(
                fromJson((*list)[i], jsonIndexPath(reader.childPath("fields"), i), errors));
    }
    if (const Json* items = reader.optionalObject("items"))
        attribute.items =
            std::make_shared<const PolicyAttribute>(fromJson(*items, reader.childPath("items"), errors));
    if (attribute.type == Type::Array && !attribute.items)
        reader.addError(reader.childPath("items"), tr("is required for an array attribute"));
    return attribute;
}

} // namespace gatehouse
