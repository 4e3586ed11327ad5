// Fuzzes the workspace loader: Workspace::open() on a folder where one file is the input, and what
// the gateway compiles from it (GatewayConfigBuilder: revisions, routers, applications, keys).
//
// At start-up the target builds the seed workspace through the Workspace API, as gatehouse-ctl
// does: SmartChat with the seed's Model Weighted Round Robin, revision 1 deployed, SmartChatApp
// subscribed with a production key, a custom provider. Each input then takes the place of each of
// workspace.json, the API's api.json, its revisions/1.json, deployments.json, the application and
// the provider in turn, the others left as they were. The workspace must open (unless workspace.json
// itself is unreadable, which is refused with the file's name), never crash or hang, and report
// the broken file, with a line and column inside it when it is not JSON, as itself and nothing
// else: every file is either loaded or reported. What loads must save back to the same values
// (numbers included), and the gateway configuration must build from whatever loaded.
#include "FuzzCheck.h"
#include "core/ApiFactory.h"
#include "core/ApiValidator.h"
#include "core/Json.h"
#include "core/MemorySecretStore.h"
#include "core/PolicyCatalogue.h"
#include "core/ProviderRegistry.h"
#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "core/Wso2AttributeCodec.h"
#include "gateway/GatewayConfigBuilder.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <cstdint>
#include <map>

namespace gatehouse::fuzz {
namespace {

const QString seedConfiguration =
    QStringLiteral("{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},"
                   "{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],"
                   "'sandbox':[],'suspendDuration':30}");

struct Seed {
    QString directory;
    QString apiId;
    std::map<QString, QByteArray> files; // relative path -> bytes, as the Workspace API wrote them
    MemorySecretStore secrets;
};

void write(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    require(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "the fuzz workspace is writable", path);
    require(file.write(bytes) == bytes.size(), "the fuzz workspace is writable", path);
}

// The seed workspace, written once through the Workspace API into a folder that lives as long as
// the process.
Seed& seed() {
    static Seed* made = [] {
        // Removed at exit; tests/fuzz/run points TMPDIR at its own scratch folder for the crash case.
        static QTemporaryDir folder;
        require(folder.isValid(), "a temporary folder");
        auto* result = new Seed();
        result->directory = folder.path();
        Workspace workspace;
        QString error;
        require(workspace.open(result->directory).ok(&error), "the seed workspace opens", error);

        ApiFactory::Request request;
        request.id = workspace.newApiId(QStringLiteral("SmartChat"), QStringLiteral("1.0.0"));
        request.name = QStringLiteral("SmartChat");
        request.context = QStringLiteral("smartchat");
        request.version = QStringLiteral("1.0.0");
        request.productionUrl = QStringLiteral("http://127.0.0.1:8089/v1");
        request.sandboxUrl = QStringLiteral("mock://demo/v1");
        Api api =
            ApiFactory::createAiApi(*ProviderRegistry::builtin().find(QStringLiteral("openai")), request);
        result->apiId = api.id;
        for (Endpoint& endpoint : api.endpoints) {
            if (endpoint.stage == Stage::Production) {
                endpoint.hasKey = true;
                result->secrets.write(SecretStore::endpointKeyName(api.id, endpoint.id),
                                      QStringLiteral("sk-test"), nullptr);
            }
        }
        PolicyAttachment router;
        router.policyName = QStringLiteral("modelWeightedRoundRobin");
        router.parameters["weightedRoundRobinConfigs"] =
            Wso2AttributeCodec::decode(seedConfiguration).value();
        api.operationByKey(QStringLiteral("POST /chat/completions"))->policies.request.push_back(router);
        PolicyAttachment header;
        header.policyName = QStringLiteral("addHeader");
        header.parameters["headerName"] = "X-Served-By";
        header.parameters["headerValue"] = "gatehouse";
        api.apiPolicies.response.push_back(header);
        require(workspace.saveApi(api).ok(&error), "the seed API saves", error);
        const Result<Revision> revision = workspace.createRevision(api.id, QStringLiteral("seed"));
        require(revision.ok(), "the seed revision is created", revision.error());
        require(workspace.deploy(api.id, revision->number).ok(&error), "the seed revision deploys", error);

        Application application;
        application.id = workspace.newApplicationId(QStringLiteral("SmartChatApp"));
        application.name = QStringLiteral("SmartChatApp");
        application.subscriptions.push_back(
            {api.id, QStringLiteral("Unlimited"), QDateTime::currentDateTimeUtc()});
        KeyPair keys;
        keys.keyType = Stage::Production;
        keys.consumerKey = QStringLiteral("fuzz-consumer-key");
        keys.createdAt = QDateTime::currentDateTimeUtc();
        application.keys.push_back(keys);
        require(workspace.saveApplication(application).ok(&error), "the seed application saves", error);
        result->secrets.write(SecretStore::consumerSecretName(application.id, QStringLiteral("PRODUCTION")),
                              QStringLiteral("fuzz-consumer-secret"), nullptr);

        Provider custom = *ProviderRegistry::builtin().find(QStringLiteral("openai-compatible"));
        custom.id = QStringLiteral("custom-llm");
        custom.displayName = QStringLiteral("Custom LLM");
        require(workspace.saveCustomProvider(custom).ok(&error), "the seed provider saves", error);

        QDirIterator files(result->directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            const QString relative = QDir(result->directory).relativeFilePath(path);
            if (relative.startsWith(QLatin1Char('.')))
                continue; // the lock file
            QFile file(path);
            require(file.open(QIODevice::ReadOnly), "the seed files are readable", path);
            result->files[relative] = file.readAll();
        }
        require(result->files.size() == 6, "the seed workspace has its six files");
        return result;
    }();
    return *made;
}

bool reports(const QStringList& problems, const QString& relative) {
    for (const QString& problem : problems) {
        if (problem.startsWith(relative + QLatin1Char(':')))
            return true;
    }
    return false;
}

// "<file>:<line>:<column>: reason" for a file that is not JSON: a place inside the text.
void checkPosition(const QString& problem, const QString& relative, const QByteArray& text) {
    const QStringList parts = problem.mid(relative.size() + 1).split(QLatin1Char(':'));
    require(parts.size() >= 3, "a parse error names a line and a column", problem);
    bool lineOk = false;
    bool columnOk = false;
    const int line = parts[0].toInt(&lineOk);
    const int column = parts[1].toInt(&columnOk);
    require(lineOk && columnOk && line >= 1 && line <= text.count('\n') + 1 && column >= 1,
            "a parse error points inside the file", problem);
}

// Every number of `input` that `output` has at the same place is the same number: a value that
// loaded must not come back changed (wrapped, truncated) when it is saved.
void checkNumbers(const Json& input, const Json& output, const QString& path, const QString& file) {
    if (input.is_object() && output.is_object()) {
        for (auto it = input.begin(); it != input.end(); ++it) {
            const auto other = output.find(it.key());
            if (other != output.end())
                checkNumbers(it.value(), *other, path + QLatin1Char('.') + toQString(it.key()), file);
        }
    } else if (input.is_array() && output.is_array() && input.size() == output.size()) {
        for (std::size_t i = 0; i < input.size(); ++i)
            checkNumbers(input[i], output[i], path + QStringLiteral("[%1]").arg(i), file);
    } else if (input.is_number() && output.is_number()) {
        require(input == output, "a number that loads saves back unchanged", [&] {
            return QString(file + QStringLiteral(": ") + path + QStringLiteral(": ") +
                           toQString(dumpCompact(input)) + QStringLiteral(" became ") +
                           toQString(dumpCompact(output)));
        });
    }
}

template <typename T> void checkSavesBack(const T& loaded, const Json& input, const QString& file) {
    QStringList errors;
    const T again = T::fromJson(loaded.toJson(), &errors);
    require(errors.isEmpty(), "what loads saves into a file that loads",
            [&] { return errors.join(QLatin1Char('\n')); });
    require(again == loaded, "what loads saves back the same", file);
    checkNumbers(input, loaded.toJson(), QStringLiteral("$"), file);
}

void openWith(const QString& relative, const QByteArray& text) {
    Seed& base = seed();
    const QString apiFile = QStringLiteral("apis/%1/api.json").arg(base.apiId);
    const QString revisionFile = QStringLiteral("apis/%1/revisions/1.json").arg(base.apiId);
    write(base.directory + QLatin1Char('/') + relative, text);
    const Json document = Json::parse(text.cbegin(), text.cend(), nullptr, false);
    const bool isJson = !document.is_discarded();

    Workspace workspace;
    QString error;
    const bool opened = workspace.open(base.directory).ok(&error);
    if (relative == QLatin1String("workspace.json")) {
        if (!opened) {
            require(error.startsWith(relative + QLatin1Char(':')), "an unreadable workspace.json is named",
                    error);
            if (!isJson)
                checkPosition(error, relative, text);
            return;
        }
        require(isJson, "a workspace.json that is not JSON is refused");
    } else {
        require(opened, "a broken file other than workspace.json does not stop the workspace opening", error);
    }

    const QStringList& problems = workspace.problems();
    for (const QString& problem : problems)
        require(problem.startsWith(relative + QLatin1Char(':')), "only the broken file is reported",
                [&] { return QString(relative + QStringLiteral(" broken, reported: ") + problem); });
    if (!isJson && relative != revisionFile) {
        require(reports(problems, relative), "a file that is not JSON is reported", relative);
        checkPosition(problems.first(), relative, text);
    }

    if (relative == apiFile) {
        const Api* api = workspace.api(base.apiId);
        require(bool(api) != reports(problems, relative), "an api.json is loaded or reported", relative);
        if (api)
            checkSavesBack(*api, document, relative);
    } else if (relative.startsWith(QLatin1String("applications/"))) {
        require(workspace.applications().size() + (reports(problems, relative) ? 1 : 0) == 1,
                "an application is loaded or reported", relative);
        if (!workspace.applications().empty())
            checkSavesBack(workspace.applications().front(), document, relative);
    } else if (relative == QLatin1String("deployments.json")) {
        require(!reports(problems, relative) || workspace.deployments().empty(),
                "a deployments.json that is reported deploys nothing");
        if (isJson && document.is_object() && document.contains("deployments") &&
            document["deployments"].is_array() &&
            workspace.deployments().size() == document["deployments"].size()) {
            for (std::size_t i = 0; i < workspace.deployments().size(); ++i) {
                QStringList errors;
                const Deployment& deployment = workspace.deployments()[i];
                require(Deployment::fromJson(deployment.toJson(), QStringLiteral("$"), &errors) ==
                                deployment &&
                            errors.isEmpty(),
                        "a deployment saves back the same");
                checkNumbers(document["deployments"][i], deployment.toJson(), QStringLiteral("$"), relative);
            }
        }
    } else if (relative.startsWith(QLatin1String("providers/"))) {
        int custom = 0;
        for (const Provider& provider : workspace.providers().providers())
            custom += provider.builtin ? 0 : 1;
        require(custom + (reports(problems, relative) ? 1 : 0) == 1, "a provider is loaded or reported",
                relative);
    } else if (relative == revisionFile) {
        QStringList revisionProblems;
        const std::vector<Revision> revisions = workspace.revisions(base.apiId, &revisionProblems);
        require(revisions.size() + (reports(revisionProblems, relative) ? 1 : 0) == 1,
                "a revision is loaded or reported", relative);
        if (!isJson)
            checkPosition(revisionProblems.first(), relative, text);
        if (!revisions.empty())
            checkNumbers(document, revisions.front().toJson(), QStringLiteral("$"), relative);
    } else if (document.is_object() && document.contains("settings")) {
        // workspace.json: settings that load save back the same.
        checkNumbers(document["settings"], workspace.settings().toJson(), QStringLiteral("$.settings"),
                     relative);
    }

    // What saving would validate, and what the gateway would serve.
    for (const Api& api : workspace.apis())
        ApiValidator(PolicyCatalogue::builtin(), workspace.provider(api.providerId))
            .validate(api, workspace.apis());
    GatewayConfigBuilder builder(&base.secrets, [] { return QStringLiteral("http://127.0.0.1:9"); });
    QString buildError;
    const std::shared_ptr<GatewayConfig> config = builder.build(workspace, &buildError);
    require(config != nullptr, "the gateway configuration builds from whatever loaded", buildError);
    if (relative == revisionFile && !isJson)
        require(reports(config->problems, relative), "a deployed revision that is not JSON is reported",
                [&] { return config->problems.join(QLatin1Char('\n')); });
}

} // namespace
} // namespace gatehouse::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static int argc = 1;
    static char name[] = "fuzz_workspace";
    static char* argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
    gatehouse::fuzz::seed();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gatehouse::fuzz;
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    Seed& base = seed();
    for (const auto& [relative, original] : base.files) {
        openWith(relative, input);
        write(base.directory + QLatin1Char('/') + relative, original);
    }
    return 0;
}
