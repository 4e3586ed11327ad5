#include "gateway/ErrorBody.h"

#include "core/Json.h"

namespace gatehouse {

QByteArray errorBody(const QString& code, const QString& message, const QString& description) {
    Json body = Json::object();
    body["code"] = code.toStdString();
    body["message"] = message.toStdString();
    body["description"] = description.toStdString();
    const std::string text = dumpCompact(body);
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace gatehouse
