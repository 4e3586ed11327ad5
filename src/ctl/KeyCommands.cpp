#include "ctl/KeyCommands.h"

#include "core/ApplicationKeys.h"
#include "core/SecretStore.h"
#include "ctl/CommandArguments.h"
#include "ctl/CommonOptions.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/TextTable.h"

namespace gatehouse {

namespace {

const QString showSecretOption = QStringLiteral("show-secret");
const QString mask = QStringLiteral("********");

} // namespace

std::vector<Command> KeyCommands::commands() {
    Command generate;
    generate.words = QStringList{QStringLiteral("keys"), QStringLiteral("generate")};
    generate.synopsis = QStringLiteral("--app A --type production|sandbox");
    generate.summary = tr("Generate (or regenerate) an application's consumer key and secret.");
    generate.description = tr("Generates the consumer key and secret of one key type and prints both. The "
                              "key is kept in the workspace, the secret only in the secret store. "
                              "Regenerating replaces the pair and revokes the tokens issued with the old "
                              "one. With --json: {\"consumerKey\", \"consumerSecret\", \"keyType\"}.");
    generate.options = {CommonOptions::appSelector(), CommonOptions::keyTypeSelector()};
    generate.modifiesWorkspace = true;
    generate.run = &KeyCommands::generate;

    Command show;
    show.words = QStringList{QStringLiteral("keys"), QStringLiteral("show")};
    show.synopsis = QStringLiteral("--app A --type production|sandbox [--show-secret]");
    show.summary = tr("Show an application's consumer key (and, on request, its secret).");
    show.description = tr("Shows the consumer key of one key type; the secret is masked unless "
                          "--show-secret is given (it is then read from the secret store).");
    show.options = {CommonOptions::appSelector(), CommonOptions::keyTypeSelector(),
                    Command::flagOption(showSecretOption, tr("Reveal the consumer secret."))};
    show.run = &KeyCommands::show;

    return {generate, show};
}

void KeyCommands::generate(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    const Application application = context.requireApplication(arguments.required(CommonOptions::app));
    const Stage keyType = arguments.requiredStage(CommonOptions::keyType);
    const bool regenerated = application.keyPair(keyType) != nullptr;
    SecretStore& secrets = context.secrets();
    const Result<KeyPair> pair = ApplicationKeys::generate(workspace, secrets, application.id, keyType);
    if (!pair)
        throw CtlError::failure(pair.error());
    const Result<QString> secret = ApplicationKeys::consumerSecret(secrets, application.id, keyType);
    if (!secret)
        throw CtlError::failure(secret.error());
    if (regenerated)
        CtlContext::warn(
            //: %1 is the key type (production or sandbox), %2 the application.
            tr("the previous %1 keys of %2 were replaced; tokens issued with them are revoked")
                .arg(stageName(keyType), application.name));
    if (context.json()) {
        Json json = Json::object();
        json["consumerKey"] = toStdString(pair->consumerKey);
        json["consumerSecret"] = toStdString(secret.value());
        json["keyType"] = toStdString(stageKeyTypeName(keyType));
        context.printJson(json);
        return;
    }
    TextTable table({QString(), QString()});
    table.addRow({tr("Consumer key:"), pair->consumerKey});
    table.addRow({tr("Consumer secret:"), secret.value()});
    table.addRow({tr("Key type:"), stageKeyTypeName(keyType)});
    context.print(table.toString().section(QLatin1Char('\n'), 1));
    context.print(tr("The consumer secret is stored in %1 only; show it again with gatehouse-ctl keys show "
                     "--app %2 --type %3 --show-secret")
                      .arg(secrets.description(), application.name, stageName(keyType)));
}

void KeyCommands::show(CtlContext& context, const CommandArguments& arguments) {
    const Application& application = context.requireApplication(arguments.required(CommonOptions::app));
    const Stage keyType = arguments.requiredStage(CommonOptions::keyType);
    const KeyPair* pair = application.keyPair(keyType);
    if (!pair)
        throw CtlError::failure(
            //: %2 is the key type: production or sandbox.
            tr("%1 has no %2 keys; generate them with gatehouse-ctl keys generate --app "
               "%1 --type %2")
                .arg(application.name, stageName(keyType)));
    const bool reveal = arguments.isSet(showSecretOption);
    QString secret;
    if (reveal) {
        const Result<QString> stored =
            ApplicationKeys::consumerSecret(context.secrets(), application.id, keyType);
        if (!stored)
            throw CtlError::failure(stored.error());
        secret = stored.value();
    }
    if (context.json()) {
        Json json = Json::object();
        json["consumerKey"] = toStdString(pair->consumerKey);
        json["consumerSecret"] = reveal ? Json(toStdString(secret)) : Json(nullptr);
        json["keyType"] = toStdString(stageKeyTypeName(keyType));
        json["createdAt"] = toStdString(CtlContext::isoTime(pair->createdAt));
        json["tokensValidAfter"] = toStdString(CtlContext::isoTime(pair->tokensValidAfter));
        context.printJson(json);
        return;
    }
    TextTable table({QString(), QString()});
    table.addRow({tr("Consumer key:"), pair->consumerKey});
    table.addRow({tr("Consumer secret:"),
                  //: %1 is the masked secret, "********".
                  reveal ? secret : tr("%1 (hidden; add --show-secret to reveal it)").arg(mask)});
    table.addRow({tr("Key type:"), stageKeyTypeName(keyType)});
    table.addRow({tr("Created:"), CtlContext::displayTime(pair->createdAt)});
    context.print(table.toString().section(QLatin1Char('\n'), 1));
}

} // namespace gatehouse
