#include "core/EmbeddingSettings.h"

#include "core/JsonFieldReader.h"

#include <QUrl>

namespace gatehouse {

QString EmbeddingSettings::checkEndpoint(const QString& url) {
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() || parsed.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
         scheme != QLatin1String("mock")))
        return tr("must be an http:// or https:// URL such as https://api.openai.com/v1 (or mock://demo/v1)");
    if (!parsed.userInfo().isEmpty())
        return tr("must not carry credentials: the key is kept in the secret store");
    return QString();
}

Json EmbeddingSettings::toJson() const {
    return Json{{"endpoint", toStdString(endpoint)}, {"model", toStdString(model)}};
}

EmbeddingSettings EmbeddingSettings::fromJson(const Json& json, const QString& path, QStringList* errors) {
    JsonFieldReader reader(json, path, errors);
    EmbeddingSettings settings;
    settings.endpoint = reader.optionalString("endpoint").trimmed();
    settings.model = reader.optionalString("model", settings.model).trimmed();
    if (!settings.endpoint.isEmpty()) {
        if (const QString problem = checkEndpoint(settings.endpoint); !problem.isEmpty())
            reader.addError(reader.childPath("endpoint"), problem);
    }
    if (settings.model.isEmpty())
        reader.addError(reader.childPath("model"), tr("must name the embedding model"));
    return settings;
}

} // namespace gatehouse
