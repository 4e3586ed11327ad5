#include "gui/PolicyMime.h"

#include "core/Json.h"

namespace gatehouse {

const QString PolicyMime::definitionType = QStringLiteral("application/x-gatehouse-policy-definition");
const QString PolicyMime::attachmentType = QStringLiteral("application/x-gatehouse-policy-attachment");

std::unique_ptr<QMimeData> PolicyMime::forDefinition(const QString& policyName) {
    auto data = std::make_unique<QMimeData>();
    data->setData(definitionType, policyName.toUtf8());
    data->setText(policyName);
    return data;
}

std::unique_ptr<QMimeData> PolicyMime::forAttachment(const AttachmentRef& ref) {
    Json json = Json::object();
    json["scope"] = ref.scope.toStdString();
    json["flow"] = flowKindName(ref.flow).toStdString();
    json["index"] = ref.index;
    auto data = std::make_unique<QMimeData>();
    data->setData(attachmentType, QByteArray::fromStdString(dumpCompact(json)));
    return data;
}

std::optional<QString> PolicyMime::definition(const QMimeData* data) {
    if (!data || !data->hasFormat(definitionType))
        return std::nullopt;
    const QString name = QString::fromUtf8(data->data(definitionType)).trimmed();
    if (name.isEmpty())
        return std::nullopt;
    return name;
}

std::optional<PolicyMime::AttachmentRef> PolicyMime::attachment(const QMimeData* data) {
    if (!data || !data->hasFormat(attachmentType))
        return std::nullopt;
    const QByteArray bytes = data->data(attachmentType);
    const Json json = Json::parse(bytes.cbegin(), bytes.cend(), nullptr, false);
    if (!json.is_object() || !json.contains("scope") || !json["scope"].is_string() ||
        !json.contains("flow") || !json["flow"].is_string() || !json.contains("index") ||
        !json["index"].is_number_integer())
        return std::nullopt;
    const auto flow = parseFlowKind(toQString(json["flow"].get<std::string>()));
    if (!flow)
        return std::nullopt;
    return AttachmentRef{toQString(json["scope"].get<std::string>()), *flow, json["index"].get<int>()};
}

} // namespace gatehouse
