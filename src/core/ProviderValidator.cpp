#include "core/ProviderValidator.h"

#include "core/ApiValidator.h"
#include "core/ProviderRegistry.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>

namespace gatehouse {

namespace {

constexpr int maximumIdLength = 64; // Workspace's file names are cut at 64 characters
constexpr int maximumNameLength = 70;

bool isMemberNameCharacter(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
}

} // namespace

ProviderValidator::ProviderValidator(const ProviderRegistry* registry) : m_registry(registry) {
}

const std::vector<ProviderValidator::LocationField>& ProviderValidator::locationFields() {
    static const std::vector<LocationField> fields = {
        {"requestModel", &Provider::requestModel, true},
        {"responseModel", &Provider::responseModel, true},
        {"promptTokens", &Provider::promptTokens, false},
        {"completionTokens", &Provider::completionTokens, false},
        {"totalTokens", &Provider::totalTokens, false},
        {"remainingTokens", &Provider::remainingTokens, false},
    };
    return fields;
}

QString ProviderValidator::idError(const QString& id) {
    // The same alphabet as the workspace's file names, so that providers/<id>.json is the id itself.
    static const QRegularExpression shape(QStringLiteral("^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$"));
    if (id.isEmpty())
        return tr("is required");
    if (id.size() > maximumIdLength)
        return tr("must be at most %1 characters long").arg(maximumIdLength);
    if (!shape.match(id).hasMatch())
        return tr("may contain only lowercase letters, digits, '-', '_' and '.', and must start and end "
                  "with a letter or digit");
    return {};
}

QString ProviderValidator::displayNameError(const QString& name) {
    if (name.trimmed().isEmpty())
        return tr("is required");
    if (name.size() > maximumNameLength)
        return tr("must be at most %1 characters long").arg(maximumNameLength);
    return {};
}

QString ProviderValidator::headerNameError(const QString& name) {
    // RFC 9110's token: what a gateway or an upstream accepts as a field name.
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    if (name.isEmpty())
        return tr("is required");
    if (!token.match(name).hasMatch())
        return tr("\"%1\" is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only; no "
                  "spaces or colons)")
            .arg(name);
    return {};
}

QString ProviderValidator::valueFormatError(const QString& format, bool keyRequired) {
    // An empty format means the bare key (Provider::authValue), so it only fails when a key is used.
    if (format.isEmpty())
        return keyRequired ? tr("is required when a key is required; write {key} for the bare key")
                           : QString();
    if (!format.contains(QLatin1String("{key}")))
        return tr("must contain {key} where the key goes (for example \"Bearer {key}\")");
    if (format.count(QLatin1String("{key}")) > 1)
        return tr("must contain {key} only once");
    if (format.contains(QLatin1Char('\n')) || format.contains(QLatin1Char('\r')))
        return tr("must not contain line breaks");
    return {};
}

QString ProviderValidator::jsonPathError(const QString& path) {
    if (path.isEmpty())
        return tr("is required (a JSONPath such as $.usage.total_tokens)");
    if (!path.startsWith(QLatin1Char('$')))
        return tr("\"%1\" is not a JSONPath: it must start with $ (for example $.model)").arg(path);
    int steps = 0;
    qsizetype i = 1;
    while (i < path.size()) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('.')) {
            ++i;
            if (i < path.size() && (path.at(i) == QLatin1Char('.') || path.at(i) == QLatin1Char('*')))
                return tr("\"%1\": wildcards and recursive descent (*, ..) do not name one value").arg(path);
            const qsizetype start = i;
            while (i < path.size() && isMemberNameCharacter(path.at(i)))
                ++i;
            if (i == start)
                //: %2 is a 1-based character position.
                return tr("\"%1\": a member name is missing after the '.' at position %2")
                    .arg(path)
                    .arg(start);
            ++steps;
        } else if (c == QLatin1Char('[')) {
            ++i;
            if (i < path.size() && path.at(i).isDigit()) {
                while (i < path.size() && path.at(i).isDigit())
                    ++i;
            } else if (i < path.size() &&
                       (path.at(i) == QLatin1Char('\'') || path.at(i) == QLatin1Char('"'))) {
                const QChar quote = path.at(i);
                const qsizetype end = path.indexOf(quote, i + 1);
                if (end < 0)
                    return tr("\"%1\": the quoted name at position %2 is not closed").arg(path).arg(i + 1);
                if (end == i + 1)
                    return tr("\"%1\": the quoted name at position %2 is empty").arg(path).arg(i + 1);
                i = end + 1;
            } else {
                return tr("\"%1\": '[' at position %2 must hold an index such as [0] or a quoted name "
                          "such as ['model']")
                    .arg(path)
                    .arg(i);
            }
            if (i >= path.size() || path.at(i) != QLatin1Char(']'))
                return tr("\"%1\": ']' expected at position %2").arg(path).arg(i + 1);
            ++i;
            ++steps;
        } else {
            return tr("\"%1\": unexpected '%2' at position %3").arg(path, QString(c)).arg(i + 1);
        }
    }
    if (steps == 0)
        return tr("\"%1\" names the whole document; name a member, such as $.model").arg(path);
    return {};
}

QString ProviderValidator::baseUrlError(const QString& url) {
    if (url.isEmpty())
        return {}; // optional: the user gives the URL when creating an API
    if (const QString error = ApiValidator::urlError(url); !error.isEmpty())
        return error;
    if (!QUrl(url).userInfo().isEmpty())
        return tr("must not contain a user name or password; the key goes in the auth header");
    return {};
}

QString ProviderValidator::suggestedId(const QString& displayName) {
    static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
    QString id = displayName.toLower().replace(other, QStringLiteral("-"));
    while (id.startsWith(QLatin1Char('-')))
        id.remove(0, 1);
    id.truncate(maximumIdLength);
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    return id;
}

void ProviderValidator::validateLocation(const Provider& provider, const LocationField& field,
                                         ValidationReport& report) const {
    const ValueLocation& location = provider.*field.member;
    const QString path = QStringLiteral("locations.") + QLatin1String(field.key);
    switch (location.source) {
    case ValueLocation::Source::None:
        if (field.required)
            report.addError(path + QStringLiteral(".source"), tr("is required: payload or header"));
        return;
    case ValueLocation::Source::Path:
        report.addError(path + QStringLiteral(".source"), tr("must be payload or header (got path)"));
        return;
    case ValueLocation::Source::Payload: {
        const QString identifier = path + QStringLiteral(".identifier");
        if (const QString error = jsonPathError(location.identifier); !error.isEmpty())
            report.addError(identifier, error);
        else if (location.identifier.contains(QLatin1Char('[')))
            // Valid JSONPath, but the gateway's reader (JsonPointer) follows ".name" steps only.
            report.addWarning(identifier,
                              tr("the gateway reads only dotted member names ($.a.b); it will not find a "
                                 "value behind an index or a quoted name"));
        return;
    }
    case ValueLocation::Source::Header:
        if (const QString error = headerNameError(location.identifier); !error.isEmpty())
            report.addError(path + QStringLiteral(".identifier"), error);
        return;
    }
}

ValidationReport ProviderValidator::validate(const Provider& provider) const {
    ValidationReport report;
    if (const QString error = idError(provider.id); !error.isEmpty())
        report.addError(QStringLiteral("id"), error);
    else if (const Provider* existing = m_registry ? m_registry->find(provider.id) : nullptr;
             existing && existing->builtin)
        report.addError(QStringLiteral("id"),
                        tr("\"%1\" is the id of the built-in provider %2; choose another")
                            .arg(provider.id, existing->displayName));
    if (const QString error = displayNameError(provider.displayName); !error.isEmpty())
        report.addError(QStringLiteral("displayName"), error);
    if (const QString error = baseUrlError(provider.defaultBaseUrl); !error.isEmpty())
        report.addError(QStringLiteral("defaultBaseUrl"), error);
    if (provider.builtinMock)
        report.addError(QStringLiteral("builtinMock"),
                        tr("only the built-in Demo provider is served by Gatehouse's mock"));

    if (const QString error = headerNameError(provider.authHeader); !error.isEmpty())
        report.addError(QStringLiteral("auth.header"), error);
    if (const QString error = valueFormatError(provider.authValueFormat, provider.keyRequired);
        !error.isEmpty())
        report.addError(QStringLiteral("auth.valueFormat"), error);

    for (const LocationField& field : locationFields())
        validateLocation(provider, field, report);

    if (provider.models.isEmpty())
        report.addError(QStringLiteral("models"), tr("at least one model is required"));
    QHash<QString, int> seen;
    for (int i = 0; i < provider.models.size(); ++i) {
        const QString& model = provider.models.at(i);
        const QString path = QStringLiteral("models[%1]").arg(i);
        if (model.trimmed().isEmpty()) {
            report.addError(path, tr("is empty"));
            continue;
        }
        if (model != model.trimmed()) {
            report.addError(path, tr("\"%1\" has leading or trailing spaces").arg(model));
            continue;
        }
        if (const auto first = seen.constFind(model); first != seen.constEnd()) {
            report.addError(path, tr("\"%1\" is listed twice (also models[%2])").arg(model).arg(*first));
            continue;
        }
        seen.insert(model, i);
    }
    if (provider.operations.empty())
        report.addWarning(QStringLiteral("operations"),
                          tr("is empty: APIs created from this provider start without resources"));
    return report;
}

Json ProviderValidator::exportJson(const Provider& provider) {
    Json json = provider.toJson();
    if (!provider.defaultBaseUrl.isEmpty()) {
        const QUrl url(provider.defaultBaseUrl);
        if (!url.userInfo().isEmpty())
            json["defaultBaseUrl"] = toStdString(url.adjusted(QUrl::RemoveUserInfo).toString());
    }
    return json;
}

} // namespace gatehouse
