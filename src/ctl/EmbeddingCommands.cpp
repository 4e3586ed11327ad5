#include "ctl/EmbeddingCommands.h"

#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "ctl/CommandArguments.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/EndpointCommands.h"

namespace gatehouse {

namespace {
const QString endpointOption = QStringLiteral("endpoint");
const QString modelOption = QStringLiteral("model");
const QString keyStdinOption = QStringLiteral("key-stdin");
const QString clearOption = QStringLiteral("clear");
} // namespace

std::vector<Command> EmbeddingCommands::commands() {
    Command embeddings;
    embeddings.words = QStringList{QStringLiteral("embeddings")};
    embeddings.synopsis = QStringLiteral("[--endpoint URL] [--model NAME] [--key-stdin] [--clear]");
    embeddings.summary = tr("Show or set the embedding provider the semantic policies use.");
    embeddings.description =
        tr("SemanticCache turns the text it compares into vectors with an OpenAI-compatible embeddings "
           "endpoint: POST <endpoint>/embeddings. --endpoint sets it (https://api.openai.com/v1, or "
           "mock://demo/v1 for the built-in mock, which the demo workspace uses); --model the model "
           "(default text-embedding-3-small); --key-stdin stores its key, read from the first line of "
           "standard input, in the secret store (never in the workspace); --clear removes the provider "
           "and its key. Without options it shows them. Deploy again, or restart the gateway, for it to "
           "use a change.");
    embeddings.options = {
        Command::valueOption(endpointOption, QStringLiteral("URL"), tr("The endpoint's base URL.")),
        Command::valueOption(modelOption, QStringLiteral("NAME"), tr("The embedding model.")),
        Command::flagOption(keyStdinOption, tr("Read the key from the first line of standard input.")),
        Command::flagOption(clearOption, tr("Forget the provider and its key.")),
    };
    embeddings.modifiesWorkspace = true;
    embeddings.run = &EmbeddingCommands::embeddings;
    return {embeddings};
}

void EmbeddingCommands::embeddings(CtlContext& context, const CommandArguments& arguments) {
    Workspace& workspace = context.workspace();
    WorkspaceSettings settings = workspace.settings();
    const QString keyName = SecretStore::embeddingKeyName();
    QString error;
    bool changed = false;
    if (arguments.isSet(clearOption)) {
        settings.embeddings = EmbeddingSettings();
        if (!context.secrets().remove(keyName, &error))
            throw CtlError::failure(
                tr("cannot remove the key from %1: %2").arg(context.secrets().description(), error));
        changed = true;
    }
    if (arguments.isSet(endpointOption)) {
        const QString endpoint = arguments.value(endpointOption).trimmed();
        if (const QString problem = EmbeddingSettings::checkEndpoint(endpoint); !problem.isEmpty())
            throw CtlError::usage(tr("--endpoint %1 (got \"%2\")").arg(problem, endpoint));
        settings.embeddings.endpoint = endpoint;
        changed = true;
    }
    if (arguments.isSet(modelOption)) {
        const QString model = arguments.value(modelOption).trimmed();
        if (model.isEmpty())
            throw CtlError::usage(tr("--model needs a model name"));
        settings.embeddings.model = model;
        changed = true;
    }
    if (changed && !workspace.saveSettings(settings).ok(&error))
        throw CtlError::failure(error);
    if (arguments.isSet(keyStdinOption)) {
        const QString key = EndpointCommands::keyFromStandardInput();
        if (!context.secrets().write(keyName, key, &error))
            throw CtlError::failure(
                tr("cannot store the key in %1: %2").arg(context.secrets().description(), error));
    }
    const SecretStore::ReadResult key = context.secrets().read(keyName);
    const bool hasKey = key.status == SecretStore::Status::Found && !key.value.isEmpty();
    const EmbeddingSettings& shown = settings.embeddings;
    if (context.json()) {
        context.printJson(Json{{"endpoint", shown.endpoint.toStdString()},
                               {"model", shown.model.toStdString()},
                               {"keyStored", hasKey}});
        return;
    }
    context.print(shown.isConfigured()
                      ? tr("Embeddings: %1, model %2, key %3")
                            .arg(shown.endpoint, shown.model, hasKey ? tr("stored") : tr("none"))
                      : tr("Embeddings: no provider set (the semantic policies let every request through)"));
}

} // namespace gatehouse
