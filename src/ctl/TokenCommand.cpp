#include "ctl/TokenCommand.h"

#include "core/ApplicationKeys.h"
#include "ctl/CommandArguments.h"
#include "ctl/CommonOptions.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/HttpClient.h"

#include <QUrl>

namespace gatehouse {

namespace {

constexpr int maximumValidity = 10 * 365 * 24 * 3600;

} // namespace

std::vector<Command> TokenCommand::commands() {
    Command token;
    token.words = QStringList{QStringLiteral("token")};
    token.synopsis = QStringLiteral("--app A --type production|sandbox --gateway URL [--validity SECONDS]");
    token.summary = tr("Get an access token from the gateway (client credentials grant).");
    //: Keep the option names, grant_type=client_credentials and the shell example.
    token.description = tr(
        "Asks the gateway's key manager for an access token: POST URL/oauth2/token with the application's "
        "consumer "
        "key and secret (HTTP Basic) and grant_type=client_credentials. Prints only the token, so that "
        "TOKEN=$(gatehouse-ctl ... token ...) works; with --json, the gateway's whole answer. Gives up after "
        "30 s.");
    token.options = {
        CommonOptions::appSelector(),
        CommonOptions::keyTypeSelector(),
        CommonOptions::gatewayUrl(),
        Command::valueOption(QStringLiteral("validity"), QStringLiteral("SECONDS"),
                             tr("Ask for a token valid this long (validity_period).")),
    };
    token.run = &TokenCommand::run;
    return {token};
}

QString TokenCommand::errorReason(int status, const QByteArray& body) {
    Json json;
    try {
        json = Json::parse(body.constData(), body.constData() + body.size());
    } catch (const Json::exception&) {
        json = nullptr;
    }
    if (json.is_object()) {
        const QString message = jsonStringMember(json, "message");
        const QString description = jsonStringMember(json, "description");
        if (!message.isEmpty() || !description.isEmpty()) {
            if (message.isEmpty() || description.isEmpty() || message == description)
                return message.isEmpty() ? description : message;
            return message + QStringLiteral(": ") + description;
        }
        const QString oauthDescription = jsonStringMember(json, "error_description");
        if (!oauthDescription.isEmpty())
            return oauthDescription;
        const QString oauthError = jsonStringMember(json, "error");
        if (!oauthError.isEmpty())
            return oauthError;
    }
    QString text = QString::fromUtf8(body).simplified();
    if (text.size() > 200)
        text = text.left(200) + QStringLiteral("...");
    return text.isEmpty() ? tr("HTTP %1 without a body").arg(status) : text;
}

void TokenCommand::run(CtlContext& context, const CommandArguments& arguments) {
    const Application& application = context.requireApplication(arguments.required(CommonOptions::app));
    const Stage keyType = arguments.requiredStage(CommonOptions::keyType);
    const QString gateway = arguments.required(CommonOptions::gateway).trimmed();
    const std::optional<int> validity = arguments.integer(QStringLiteral("validity"), 1, maximumValidity);

    QUrl url(gateway, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty())
        throw CtlError::usage(
            tr("--gateway must be an http:// or https:// URL such as http://127.0.0.1:8280 (got \"%1\")")
                .arg(gateway));
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/oauth2/token"));

    const KeyPair* pair = application.keyPair(keyType);
    if (!pair)
        throw CtlError::failure(
            //: %2 is the key type: production or sandbox.
            tr("%1 has no %2 keys; generate them with gatehouse-ctl keys generate --app "
               "%1 --type %2")
                .arg(application.name, stageName(keyType)));
    const Result<QString> secret =
        ApplicationKeys::consumerSecret(context.secrets(), application.id, keyType);
    if (!secret)
        throw CtlError::failure(secret.error());

    QByteArray body = QByteArrayLiteral("grant_type=client_credentials");
    if (validity)
        body += QByteArrayLiteral("&validity_period=") + QByteArray::number(*validity);
    const QByteArray credentials =
        (pair->consumerKey + QLatin1Char(':') + secret.value()).toUtf8().toBase64();
    const HttpClient::Headers headers{
        {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic ") + credentials},
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")},
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
    };
    const QString shownUrl = url.toString();
    const HttpClient::Answer answer = HttpClient(TimeoutMs).post(url, headers, body);
    if (!answer.isHttpAnswer())
        throw CtlError::failure(tr("cannot get a token from %1: %2").arg(shownUrl, answer.error));
    if (!answer.isSuccess())
        throw CtlError::failure(tr("the gateway refused the token request (HTTP %1): %2")
                                    .arg(answer.status)
                                    .arg(errorReason(answer.status, answer.body)));
    Json json;
    try {
        json = Json::parse(answer.body.constData(), answer.body.constData() + answer.body.size());
    } catch (const Json::exception&) {
        throw CtlError::failure(tr("the answer of %1 is not JSON").arg(shownUrl));
    }
    const QString token = json.is_object() ? jsonStringMember(json, "access_token") : QString();
    if (token.isEmpty())
        throw CtlError::failure(tr("the answer of %1 has no access_token").arg(shownUrl));
    if (context.json())
        context.printJson(json);
    else
        context.print(token);
}

} // namespace gatehouse
