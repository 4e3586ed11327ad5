// Fuzzes policy configuration as the Publisher, gatehouse-ctl and the gateway read it: WSO2's
// single-quoted attribute form (Wso2AttributeCodec), the JSON form kept in api.json, the policy
// validator (PolicyValidator through ApiValidator, what saving and deploying run) and the gateway's
// model routers (ModelRouter::create, what a deployment compiles).
//
// The input is configuration text, used every way it can be:
//   - as WSO2's string: decode(), then encode(decode()) must decode to the same value and encode to
//     the same bytes again, hold no '"' and no bare apostrophe in a value; text without apostrophes
//     must read exactly as strict JSON does;
//   - as each model router's configuration, in the JSON form and in the WSO2 string form: the two
//     forms get the same verdict and the same router; a configuration the validator accepts gives
//     a router that has every model listed and picks one for every stage that lists any;
//   - as a policy attachment (the api.json form): read back as written;
//   - as Add Header parameters: a header the validator accepts is safe to put on the wire.
#include "FuzzCheck.h"
#include "core/Api.h"
#include "core/ApiFactory.h"
#include "core/ApiValidator.h"
#include "core/Json.h"
#include "core/PolicyAttachment.h"
#include "core/PolicyCatalogue.h"
#include "core/PolicyValidator.h"
#include "core/ProviderRegistry.h"
#include "core/Wso2AttributeCodec.h"
#include "gateway/ModelRouter.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cstdint>

namespace gatehouse::fuzz {
namespace {

const Provider& demoProvider() {
    return *ProviderRegistry::builtin().find(QStringLiteral("demo"));
}

// SmartChat as the seed has it, with a sandbox endpoint too, so that both stages can be configured.
const Api& smartChat() {
    static const Api api = [] {
        ApiFactory::Request request;
        request.id = QStringLiteral("smartchat");
        request.name = QStringLiteral("SmartChat");
        request.context = QStringLiteral("smartchat");
        request.version = QStringLiteral("1.0.0");
        request.sandboxUrl = QStringLiteral("mock://demo/v1");
        return ApiFactory::createAiApi(demoProvider(), request);
    }();
    return api;
}

const QString operationKey = QStringLiteral("POST /chat/completions");
const QString attachmentPath = QStringLiteral("operations[POST /chat/completions].request[0]");

QString dump(const Json& value) {
    return toQString(dumpCompact(value));
}

QString reportText(const ValidationReport& report) {
    return report.toStrings().join(QLatin1Char('\n'));
}

void checkCodec(const QString& text) {
    const Result<Json> decoded = Wso2AttributeCodec::decode(text);
    if (!text.contains(QLatin1Char('\''))) {
        // Without apostrophes there is nothing to translate: WSO2's form is strict JSON.
        const std::string utf8 = text.toStdString();
        const Json strict = Json::parse(utf8, nullptr, false);
        require(decoded.ok() == !strict.is_discarded(),
                "text without apostrophes decodes as strict JSON does", text);
        if (decoded.ok())
            require(decoded.value() == strict, "text without apostrophes decodes to strict JSON's value",
                    text);
    }
    if (!decoded.ok()) {
        require(decoded.error().startsWith(QLatin1String("column ")), "a decoding error names its column",
                decoded.error());
        return;
    }
    const QString encoded = Wso2AttributeCodec::encode(decoded.value());
    require(!encoded.contains(QLatin1Char('"')), "WSO2's form has no double quote", encoded);
    const Result<Json> again = Wso2AttributeCodec::decode(encoded);
    require(again.ok(), "what encode() writes decodes",
            [&] { return QString(encoded + QStringLiteral("\n") + again.error()); });
    require(again.value() == decoded.value(), "decode(encode(value)) is the value",
            [&] { return QString(dump(again.value()) + QStringLiteral("\n") + dump(decoded.value())); });
    require(Wso2AttributeCodec::encode(again.value()) == encoded, "encoding is byte-exact after a round trip",
            encoded);
    // Inside a value every apostrophe is written \u0027 and every '"' as \': after the escapes are
    // taken out, only the quotes around strings are left.
    QString bare = encoded;
    bare.replace(QLatin1String("\\\\"), QString());
    bare.replace(QLatin1String("\\'"), QString());
    bool inString = false;
    for (const QChar c : bare) {
        if (c == QLatin1Char('\''))
            inString = !inString;
    }
    require(!inString, "apostrophes in WSO2's form pair up as string quotes", encoded);
}

Api withAttachment(const PolicyAttachment& attachment) {
    Api api = smartChat();
    api.operationByKey(operationKey)->policies.request = {attachment};
    return api;
}

struct Verdict {
    ValidationReport report;
    std::shared_ptr<ModelRouter> router;
    QString routerError;
};

Verdict judge(const PolicyDefinition& definition, const PolicyAttachment& attachment) {
    const Api api = withAttachment(attachment);
    Verdict verdict;
    PolicyValidator(PolicyCatalogue::builtin(), &demoProvider())
        .validateParameters(api, attachment, attachmentPath, verdict.report);
    // The whole API, as saving and deploying validate it.
    const ValidationReport full = ApiValidator(PolicyCatalogue::builtin(), &demoProvider()).validate(api);
    require(full.hasErrors() || !verdict.report.hasErrors(), "an attachment's errors are the API's errors",
            [&] { return reportText(verdict.report); });
    verdict.router = ModelRouter::create(definition, attachment, &verdict.routerError);
    return verdict;
}

// What a configuration the validator accepted must give the gateway.
void checkRouter(const PolicyDefinition& definition, const Json& config, const Verdict& verdict) {
    require(verdict.router != nullptr, "a configuration the validator accepts compiles into a router",
            [&] { return QString(verdict.routerError + QStringLiteral("\n") + dump(config)); });
    ModelRouter& router = *verdict.router;
    require(router.suspendMs() >= 0 && router.requestTimeoutMs() >= 0, "router durations are not negative");
    bool anyTarget = false;
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        const std::string key = stageName(stage).toStdString();
        const auto stageConfig = config.find(key);
        const auto& targets = router.targets(stage);
        anyTarget = anyTarget || !targets.empty();
        if (definition.router == QLatin1String("modelFailover")) {
            if (stageConfig == config.end() || !stageConfig->is_object() ||
                !stageConfig->contains("targetModel"))
                continue;
            const Json& target = (*stageConfig)["targetModel"];
            if (!target.is_object() || !target.contains("model"))
                continue;
            require(!targets.empty() &&
                        targets.front().model == toQString(target["model"].get<std::string>()),
                    "failover starts with its target model", [&] { return dump(config); });
            continue;
        }
        if (stageConfig == config.end() || !stageConfig->is_array() || stageConfig->empty())
            continue;
        require(targets.size() == stageConfig->size(), "the router has every model the stage lists",
                [&] { return dump(config); });
        // The validator refused weights that are all 0: some model must get the traffic.
        const int picked = router.pick(stage, [](std::size_t) { return true; });
        require(picked >= 0 && std::size_t(picked) < targets.size(),
                "a router picks a model for a listed stage", [&] { return dump(config); });
    }
    require(anyTarget, "an accepted configuration routes somewhere", [&] { return dump(config); });
}

void checkRouters(const QString& text, const std::string& utf8) {
    const Json json = Json::parse(utf8, nullptr, false);
    for (const char* name : {"modelWeightedRoundRobin", "modelRoundRobin", "modelFailover"}) {
        const PolicyDefinition& definition = *PolicyCatalogue::builtin().find(QLatin1String(name));
        const std::string attribute = definition.attributes.front().name.toStdString();

        // WSO2's form: the attribute is the text itself.
        PolicyAttachment quoted;
        quoted.policyName = definition.name;
        quoted.parameters[attribute] = utf8;
        const Verdict fromQuoted = judge(definition, quoted);

        const Result<Json> decoded = Wso2AttributeCodec::decode(text);
        if (!decoded.ok()) {
            require(fromQuoted.report.hasErrors() && !fromQuoted.router,
                    "text that does not decode is refused by the validator and the gateway alike");
            continue;
        }
        // The JSON form of the same configuration: the same verdict, the same router. (A string is
        // not the JSON form of anything: an attribute that holds one is read as WSO2's form.)
        if (decoded.value().is_string())
            continue;
        PolicyAttachment plain;
        plain.policyName = definition.name;
        plain.parameters[attribute] = decoded.value();
        const Verdict fromPlain = judge(definition, plain);
        require(reportText(fromPlain.report) == reportText(fromQuoted.report),
                "both forms of a configuration get the same verdict", [&] {
                    return QString(reportText(fromPlain.report) + QStringLiteral("\n---\n") +
                                   reportText(fromQuoted.report));
                });
        require(bool(fromPlain.router) == bool(fromQuoted.router) &&
                    (!fromPlain.router || fromPlain.router->signature() == fromQuoted.router->signature()),
                "both forms of a configuration give the same router", text);
        if (!fromPlain.report.hasErrors())
            checkRouter(definition, decoded.value(), fromPlain);

        // Parameters exactly as api.json holds them ({"weightedRoundRobinConfigs": {...}}).
        if (json.is_object()) {
            PolicyAttachment asStored;
            asStored.policyName = definition.name;
            asStored.parameters = json;
            const Verdict stored = judge(definition, asStored);
            const auto config = json.find(attribute);
            if (!stored.report.hasErrors() && config != json.end() && config->is_object())
                checkRouter(definition, *config, stored);
        }
    }
}

void checkAttachment(const Json& json) {
    QStringList errors;
    const PolicyAttachment attachment = PolicyAttachment::fromJson(json, QStringLiteral("$"), &errors);
    if (!errors.isEmpty())
        return;
    QStringList againErrors;
    const PolicyAttachment again =
        PolicyAttachment::fromJson(attachment.toJson(), QStringLiteral("$"), &againErrors);
    require(againErrors.isEmpty() && again == attachment, "an attachment reads back as written",
            [&] { return dump(attachment.toJson()); });
    // The whole API around it, as saving validates it: it must not matter what the attachment says.
    ApiValidator(PolicyCatalogue::builtin(), &demoProvider()).validate(withAttachment(attachment));
}

void checkHeaders(const Json& json) {
    if (!json.is_object())
        return;
    for (const char* name : {"addHeader", "removeHeader"}) {
        PolicyAttachment attachment;
        attachment.policyName = QLatin1String(name);
        attachment.parameters = json;
        ValidationReport report;
        PolicyValidator(PolicyCatalogue::builtin(), &demoProvider())
            .validateParameters(withAttachment(attachment), attachment, attachmentPath, report);
        if (report.hasErrors())
            continue;
        static const QRegularExpression token(
            QRegularExpression::anchoredPattern(QStringLiteral("[!#$%&'*+.^_`|~0-9A-Za-z-]+")));
        const QString headerName = toQString(json["headerName"].get<std::string>());
        require(token.match(headerName).hasMatch(), "an accepted header name is an HTTP token", headerName);
        if (attachment.policyName == QLatin1String("addHeader")) {
            const QByteArray value = QByteArray::fromStdString(json["headerValue"].get<std::string>());
            require(!value.contains('\r') && !value.contains('\n') && !value.contains('\0'),
                    "an accepted header value holds no CR, LF or NUL", value);
        }
    }
}

} // namespace
} // namespace gatehouse::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static int argc = 1;
    static char name[] = "fuzz_policy_config";
    static char* argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gatehouse;
    using namespace gatehouse::fuzz;
    // Configuration arrives as text (a form field, --params, a file): UTF-8 read into a QString.
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const std::string utf8 = text.toStdString();
    checkCodec(text);
    checkRouters(text, utf8);
    const Json json = Json::parse(utf8, nullptr, false);
    if (!json.is_discarded()) {
        checkAttachment(json);
        checkHeaders(json);
    }
    return 0;
}
