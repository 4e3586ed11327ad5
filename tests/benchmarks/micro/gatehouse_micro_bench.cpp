// Micro-benchmarks of the gateway's per-request routing core, each measured in isolation: no sockets,
// no event loop, no upstream. They answer "what does one request cost in this step?" so that a
// regression in the hot path shows up as a number, not as a vague slowdown of the load test.
//
// The benchmark names are parsed by a script (--benchmark_format=json): keep them stable.

#include "core/ApiFactory.h"
#include "core/ApplicationKeys.h"
#include "core/Endpoint.h"
#include "core/Json.h"
#include "core/PolicyAttachment.h"
#include "core/PolicyCatalogue.h"
#include "core/PriceCatalogue.h"
#include "core/ProviderRegistry.h"
#include "gateway/AccessRecord.h"
#include "gateway/CallCost.h"
#include "gateway/GatewayConfig.h"
#include "gateway/HttpHeaders.h"
#include "gateway/JsonPointer.h"
#include "gateway/Jwt.h"
#include "gateway/ModelRouter.h"
#include "gateway/RequestBodyModel.h"
#include "gateway/RuntimeApi.h"
#include "gateway/SmoothWeightedRoundRobin.h"
#include "gateway/SuspensionTable.h"
#include "gateway/UsageReader.h"
#include "gateway/VectorIndex.h"
#include "gateway/VerifiedTokenCache.h"
#include "gateway/policies/PolicyRegistry.h"
#include "guardrails/GuardrailFactory.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

using gatehouse::Api;
using gatehouse::ApiFactory;
using gatehouse::GatewayConfig;
using gatehouse::Guardrail;
using gatehouse::GuardrailDirection;
using gatehouse::GuardrailFactory;
using gatehouse::GuardrailPayload;
using gatehouse::GuardrailVerdict;
using gatehouse::Json;
using gatehouse::JsonPointer;
using gatehouse::Jwt;
using gatehouse::JwtClaims;
using gatehouse::ModelRouter;
using gatehouse::RuntimeApi;
using gatehouse::RuntimeOperation;
using gatehouse::RuntimePolicy;
using gatehouse::Stage;
using gatehouse::SuspensionTable;

// ---------------------------------------------------------------------------------------------------
// Realistic inputs

struct WeightedModel {
    const char* model;
    double weight;
};

// The founding scenario's 50/50 split, and a wider deployment with uneven shares (they add up to 100,
// as users write them in the policy editor): with uneven weights the winner changes irregularly from
// pick to pick, as in production, instead of the strict alternation the branch predictor learns.
std::vector<WeightedModel> weightedModels(int count) {
    if (count == 2)
        return {{"gpt-4o", 50}, {"gpt-4o-mini", 50}};
    return {{"gpt-4o", 30},       {"gpt-4o-mini", 20}, {"o3-mini", 15},     {"gpt-4.1", 10},
            {"gpt-4.1-mini", 10}, {"o4-mini", 7},      {"gpt-4.1-nano", 5}, {"gpt-4-turbo", 3}};
}

const gatehouse::Provider& openAi() {
    const gatehouse::Provider* provider =
        gatehouse::ProviderRegistry::builtin().find(QStringLiteral("openai"));
    if (!provider) // the template is a resource of gatehouse_core: a broken build, not a slow one
        qFatal("the built-in OpenAI provider template is missing");
    return *provider;
}

// An API as the Publisher creates it from the OpenAI template: its eight operations and a default
// production endpoint holding a key.
Api createOpenAiApi(const QString& name, const QString& context) {
    ApiFactory::Request request;
    request.id = context + QStringLiteral("-1.0.0");
    request.name = name;
    request.context = context;
    request.version = QStringLiteral("1.0.0");
    Api api = ApiFactory::createAiApi(openAi(), request);
    for (gatehouse::Endpoint& endpoint : api.endpoints)
        endpoint.hasKey = true;
    return api;
}

// The parts of GatewayConfigBuilder::compileApi() that the per-request path reads: identity,
// provider, endpoints, operations with their split paths, and model routers. compileApi() is private
// and needs a workspace on disk with a saved revision and a deployment per API; this does the same
// compilation from the in-memory Api, so 10,000 APIs cost no file I/O to set up.
std::shared_ptr<RuntimeApi> compile(const Api& api) {
    auto runtime = std::make_shared<RuntimeApi>();
    runtime->id = api.id;
    runtime->name = api.name;
    runtime->context = api.context;
    runtime->version = api.version;
    runtime->revision = 1;
    runtime->lifecycle = api.lifecycle;
    runtime->isAi = api.isAiApi();
    runtime->provider = openAi();
    for (const gatehouse::Endpoint& endpoint : api.endpoints) {
        gatehouse::RuntimeEndpoint compiled;
        compiled.id = endpoint.id;
        compiled.name = endpoint.name;
        compiled.stage = endpoint.stage;
        compiled.baseUrl = endpoint.url;
        compiled.authHeader = runtime->provider.authHeader.toUtf8();
        compiled.authValue = runtime->provider.authValue(QStringLiteral("sk-bench")).toUtf8();
        runtime->endpoints.push_back(std::move(compiled));
    }
    const gatehouse::PolicyCatalogue& catalogue = gatehouse::PolicyCatalogue::builtin();
    for (const gatehouse::Operation& operation : api.operations) {
        RuntimeOperation compiled;
        compiled.verb = operation.verb.toUtf8();
        compiled.key = operation.key();
        compiled.segments = RuntimeApi::splitPath(operation.path.toUtf8());
        for (const gatehouse::PolicyAttachment& attachment : operation.policies.request) {
            const gatehouse::PolicyDefinition* definition = catalogue.find(attachment.policyName);
            if (!definition || !definition->isModelRouter())
                continue;
            // The gateway's own table builds the policy, as a deployment does.
            gatehouse::PolicyBuildResult policy =
                gatehouse::PolicyRegistry::builtin().build({*definition, attachment, nullptr});
            if (policy)
                compiled.flows.request.push_back(policy.take());
        }
        runtime->operations.push_back(std::move(compiled));
    }
    return runtime;
}

// Model Weighted Round Robin on POST /chat/completions, configured as the README's seed session does
// (decoded attribute, production list only, 30 s suspension).
gatehouse::PolicyAttachment weightedRoundRobin(int targetCount) {
    Json production = Json::array();
    for (const WeightedModel& target : weightedModels(targetCount))
        production.push_back(Json::object({{"model", target.model},
                                           {"endpointId", "default_production_endpoint"},
                                           {"weight", target.weight}}));
    gatehouse::PolicyAttachment attachment;
    attachment.policyName = QStringLiteral("modelWeightedRoundRobin");
    attachment.parameters["weightedRoundRobinConfigs"] =
        Json::object({{"production", production}, {"sandbox", Json::array()}, {"suspendDuration", 30}});
    return attachment;
}

// ---------------------------------------------------------------------------------------------------
// BM_SmoothWrrPick: the balancer alone, every candidate eligible.

void BM_SmoothWrrPick(benchmark::State& state) {
    std::vector<double> weights;
    for (const WeightedModel& target : weightedModels(int(state.range(0))))
        weights.push_back(target.weight);
    gatehouse::SmoothWeightedRoundRobin balancer(weights);
    for (auto _ : state)
        benchmark::DoNotOptimize(balancer.pick());
}
BENCHMARK(BM_SmoothWrrPick)->Arg(2)->Arg(8);

// ---------------------------------------------------------------------------------------------------
// BM_ModelRouterPick: what the gateway really does to choose a target per request. The balancer is
// reached through ModelRouter (one mutex shared by every worker), and each candidate is checked
// against the API's endpoints, the pairs already tried and the SuspensionTable (its own mutex, a key
// string built per candidate). This mirrors ProxyCall::pickBalanced(), which is private, line for
// line; keep the two in step. The table is empty: the steady state of a healthy deployment.

struct RoutedTarget {
    const gatehouse::RuntimeEndpoint* endpoint = nullptr;
    QString model;
    SuspensionTable::Pair pair;
};

std::optional<RoutedTarget> pickBalanced(ModelRouter& balancer, const RuntimeApi& api, Stage stage,
                                         SuspensionTable& suspensions,
                                         const std::vector<QString>& triedPairs) {
    const auto& targets = balancer.targets(stage);
    std::vector<bool> excluded(targets.size(), false);
    for (std::size_t attempt = 0; attempt <= targets.size(); ++attempt) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const int index = balancer.pick(stage, [&](std::size_t i) {
            if (excluded[i] || !api.endpoint(targets[i].endpointId))
                return false;
            const SuspensionTable::Pair pair{api.id, targets[i].endpointId, targets[i].model};
            if (std::find(triedPairs.begin(), triedPairs.end(), pair.key()) != triedPairs.end())
                return false;
            return suspensions.availability(pair, now) != SuspensionTable::Availability::Suspended;
        });
        if (index < 0)
            return std::nullopt;
        const ModelRouter::Target& chosen = targets[std::size_t(index)];
        const SuspensionTable::Pair pair{api.id, chosen.endpointId, chosen.model};
        if (!suspensions.beginAttempt(pair, now)) {
            excluded[std::size_t(index)] = true;
            continue;
        }
        return RoutedTarget{api.endpoint(chosen.endpointId), chosen.model, pair};
    }
    return std::nullopt;
}

void BM_ModelRouterPick(benchmark::State& state) {
    Api api = createOpenAiApi(QStringLiteral("SmartChat"), QStringLiteral("smartchat"));
    api.operationByKey(QStringLiteral("POST /chat/completions"))->policies.request = {
        weightedRoundRobin(int(state.range(0)))};
    const std::shared_ptr<const RuntimeApi> runtime = compile(api);
    const RuntimeOperation* chat =
        runtime->match(QByteArrayLiteral("POST"), QByteArrayLiteral("/chat/completions")).operation;
    if (!chat || chat->flows.request.empty()) {
        state.SkipWithError("the Model Weighted Round Robin policy did not compile");
        return;
    }
    ModelRouter& router = *chat->flows.request.front()->modelRouter();
    SuspensionTable suspensions;
    const std::vector<QString> triedPairs; // a first attempt has tried nothing yet
    for (auto _ : state) {
        std::optional<RoutedTarget> target =
            pickBalanced(router, *runtime, Stage::Production, suspensions, triedPairs);
        benchmark::DoNotOptimize(target);
    }
}
BENCHMARK(BM_ModelRouterPick)->Arg(2)->Arg(8);

// ---------------------------------------------------------------------------------------------------
// BM_RouteLookup10kApis: GatewayHandler::handle()'s first two steps, GatewayConfig::route() then
// RuntimeApi::match(), on a config with 10,000 deployed OpenAI-template APIs.

constexpr int deployedApiCount = 10000;

const GatewayConfig& tenThousandApiConfig() {
    // Built once for every run of the benchmark: google-benchmark calls the function several times
    // while it settles on an iteration count.
    static const std::unique_ptr<GatewayConfig> config = [] {
        auto built = std::make_unique<GatewayConfig>();
        for (int i = 0; i < deployedApiCount; ++i) {
            const QString context = QStringLiteral("api%1").arg(i, 4, 10, QLatin1Char('0'));
            built->addApi(compile(createOpenAiApi(context.toUpper(), context)));
        }
        return built;
    }();
    return *config;
}

// Looks up `paths` in turn, as many times as the benchmark asks.
void routeLookups(benchmark::State& state, const std::vector<QByteArray>& paths) {
    const GatewayConfig& config = tenThousandApiConfig();
    const QByteArray method = QByteArrayLiteral("POST");
    for (const QByteArray& path : paths) {
        const GatewayConfig::Route route = config.route(path);
        if (!route.api || !route.api->match(method, route.resourcePath).operation) {
            state.SkipWithError("a deployed API's POST /chat/completions was not found");
            return;
        }
    }
    std::size_t next = 0;
    for (auto _ : state) {
        const QByteArray& path = paths[next];
        next = next + 1 == paths.size() ? 0 : next + 1;
        const GatewayConfig::Route route = config.route(path);
        if (!route.api) // the gateway's 404 branch: keeps the measured code the gateway's
            continue;
        const RuntimeApi::Match match = route.api->match(method, route.resourcePath);
        benchmark::DoNotOptimize(match);
    }
}

QByteArray chatPathOf(int apiIndex) {
    return QStringLiteral("/api%1/1.0.0/chat/completions").arg(apiIndex, 4, 10, QLatin1Char('0')).toUtf8();
}

void BM_RouteLookup10kApis(benchmark::State& state) {
    // Requests to every API in a shuffled order, as a busy gateway sees them: a single repeated path
    // would keep its hash bucket, API and operations in cache and measure only the best case. The
    // seed is fixed, so runs built with the same standard library look the paths up in the same order.
    std::vector<QByteArray> paths;
    paths.reserve(deployedApiCount);
    for (int i = 0; i < deployedApiCount; ++i)
        paths.push_back(chatPathOf(i));
    std::shuffle(paths.begin(), paths.end(), std::mt19937(20240601));
    routeLookups(state, paths);
}
BENCHMARK(BM_RouteLookup10kApis);

// The same lookup of one path over and over: the warm-cache floor, to tell how much of
// BM_RouteLookup10kApis is the code and how much is memory.
void BM_RouteLookup10kApisOnePath(benchmark::State& state) {
    routeLookups(state, {chatPathOf(4242)});
}
BENCHMARK(BM_RouteLookup10kApisOnePath);

// ---------------------------------------------------------------------------------------------------
// BM_AnswerHeaders: the header list a proxied answer is built into (ProxyCall copies an upstream
// answer's dozen fields, then adds its own), which the profile at 64 connections showed growing by
// reallocation.

void BM_AnswerHeaders(benchmark::State& state) {
    const std::vector<std::pair<QByteArray, QByteArray>> upstream = {
        {"Date", "Mon, 07 Dec 2026 23:00:00 GMT"},
        {"Content-Type", "application/json"},
        {"Content-Length", "612"},
        {"openai-organization", "acme"},
        {"openai-processing-ms", "412"},
        {"openai-version", "2020-10-01"},
        {"x-ratelimit-limit-requests", "10000"},
        {"x-ratelimit-limit-tokens", "30000000"},
        {"x-ratelimit-remaining-requests", "9999"},
        {"x-ratelimit-remaining-tokens", "29999980"},
        {"x-request-id", "req_7a1f0c2d"},
        {"X-Gatehouse-Model", "gpt-4o"}};
    for (auto _ : state) {
        gatehouse::HttpHeaders headers;
        for (const auto& [name, value] : upstream)
            headers.add(name, value);
        benchmark::DoNotOptimize(headers);
    }
}
BENCHMARK(BM_AnswerHeaders);

// ---------------------------------------------------------------------------------------------------
// BM_JwtVerify: the access-token check of every request, on a token as TokenEndpoint issues it.

// The token every benchmark below verifies, and its key.
struct SignedToken {
    QByteArray key;
    QByteArray token;
    qint64 now = 0;
};
SignedToken signedToken() {
    // The signing key and consumer key have the lengths GatewayConfigBuilder and ApplicationKeys use.
    const QByteArray key = gatehouse::ApplicationKeys::randomToken(64).toUtf8();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    JwtClaims claims;
    claims.consumerKey = gatehouse::ApplicationKeys::randomToken(28);
    claims.applicationId = QStringLiteral("smartchatapp");
    claims.applicationName = QStringLiteral("SmartChatApp");
    claims.keyType = QStringLiteral("PRODUCTION");
    claims.issuedAt = now;
    claims.expiresAt = now + 3600;
    claims.jti = QStringLiteral("5f0c6a1e9b2d4c7f8a3e1d2b4c6f8a0e");
    return {key, Jwt::sign(claims, key), now};
}

// BM_JwtVerify: a full verification (HMAC, base64, JSON), what a token costs the first time it is seen.
void BM_JwtVerify(benchmark::State& state) {
    const SignedToken signedWith = signedToken();
    if (!Jwt::verify(signedWith.token, signedWith.key, signedWith.now).ok()) {
        state.SkipWithError("a freshly signed token did not verify");
        return;
    }
    for (auto _ : state) {
        Jwt::Verification verification = Jwt::verify(signedWith.token, signedWith.key, signedWith.now);
        benchmark::DoNotOptimize(verification);
    }
}
BENCHMARK(BM_JwtVerify);

// BM_JwtVerifyCached: what GatewayHandler pays per request for a token it has seen before.
void BM_JwtVerifyCached(benchmark::State& state) {
    const SignedToken signedWith = signedToken();
    gatehouse::VerifiedTokenCache cache;
    if (!cache.verify(signedWith.token, signedWith.key, signedWith.now).ok()) {
        state.SkipWithError("a freshly signed token did not verify");
        return;
    }
    for (auto _ : state) {
        Jwt::Verification verification = cache.verify(signedWith.token, signedWith.key, signedWith.now);
        benchmark::DoNotOptimize(verification);
    }
}
BENCHMARK(BM_JwtVerifyCached);

// ---------------------------------------------------------------------------------------------------
// BM_ModelRewrite4KiB: the body work of a routed request as the gateway does it: RequestBodyModel
// scans the client's body once (validating it, finding the model and the stream flag) and replaces
// the model string in place. BM_ModelRewrite4KiBDocument is the way it was done before, kept as the
// baseline: parse an ordered document, copy it, set the model, serialise.

constexpr std::size_t bodySize = 4096;

// A multi-turn chat-completions request of exactly 4 KiB once compact: a system prompt, a few turns
// with escapes and non-ASCII text, and the sampling options clients send.
QByteArray chatCompletionsBody() {
    Json messages = Json::array();
    messages.push_back(
        {{"role", "system"},
         {"content", "You are SmartChat, the support assistant of an online bookshop. Answer in the "
                     "customer's language, quote order numbers exactly, and never promise a refund.\n"
                     "Tone: friendly, concise; use \"quotes\" for titles."}});
    messages.push_back({{"role", "user"},
                        {"content", "Bonjour ! J'ai commandé « Le Petit Prince » (commande #48213) il y a "
                                    "dix jours et je ne l'ai toujours pas reçu. Pouvez-vous vérifier ?"}});
    messages.push_back({{"role", "assistant"},
                        {"content", "Bonjour ! Je regarde la commande #48213 : elle a été expédiée le 3 "
                                    "mars par La Poste, numéro de suivi 6A19283746501. Le dernier scan "
                                    "indique « en cours d'acheminement »."}});
    messages.push_back({{"role", "user"}, {"content", ""}});
    Json body = Json::object();
    body["model"] = "o3-mini";
    body["messages"] = std::move(messages);
    body["temperature"] = 0.7;
    body["top_p"] = 1;
    body["max_tokens"] = 512;
    body["stream"] = false;
    body["user"] = "customer-48213";

    // Fill the last turn with plain ASCII (one byte per character once serialised) up to the size.
    const std::string sentence = "Could you also tell me whether the second volume is in stock, and how long "
                                 "delivery to Lyon usually takes when I order before noon? ";
    std::string& last = body["messages"].back()["content"].get_ref<std::string&>();
    for (std::size_t size = gatehouse::dumpCompact(body).size(); size < bodySize; ++size)
        last.push_back(sentence[last.size() % sentence.size()]);
    return QByteArray::fromStdString(gatehouse::dumpCompact(body));
}

void BM_ModelRewrite4KiB(benchmark::State& state) {
    const QByteArray raw = chatCompletionsBody();
    if (std::size_t(raw.size()) != bodySize) {
        state.SkipWithError("the request body is not 4 KiB");
        return;
    }
    const QString model = QStringLiteral("gpt-4o-mini");
    for (auto _ : state) {
        gatehouse::RequestBodyModel body(openAi().requestModel.identifier);
        if (body.scan(raw) != gatehouse::JsonFieldScanner::Outcome::Object) {
            state.SkipWithError("the request body did not parse");
            break;
        }
        QByteArray rewritten = body.withModel(raw, model);
        benchmark::DoNotOptimize(rewritten);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * qint64(bodySize));
}
BENCHMARK(BM_ModelRewrite4KiB);

void BM_ModelRewrite4KiBDocument(benchmark::State& state) {
    const QByteArray raw = chatCompletionsBody();
    if (std::size_t(raw.size()) != bodySize) {
        state.SkipWithError("the request body is not 4 KiB");
        return;
    }
    const QString identifier = openAi().requestModel.identifier; // "$.model"
    const QString model = QStringLiteral("gpt-4o-mini");
    for (auto _ : state) {
        // prepareRouting(): parse without exceptions, refuse anything but an object.
        auto parsed = std::make_shared<Json>(Json::parse(raw.cbegin(), raw.cend(), nullptr, false));
        if (!parsed->is_object()) {
            state.SkipWithError("the request body did not parse");
            break;
        }
        // startAttempt(): the rewrite works on a copy, so a retry can rewrite the original again.
        Json rewritten = *parsed;
        JsonPointer(identifier).set(rewritten, Json(model.toStdString()));
        const std::string text = gatehouse::dumpCompact(rewritten);
        QByteArray body(text.data(), qsizetype(text.size()));
        benchmark::DoNotOptimize(body);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * qint64(bodySize));
}
BENCHMARK(BM_ModelRewrite4KiBDocument);

// The guardrail goal's request flow: RegexGuardrail (a deny list), WordCountGuardrail and
// ContentLengthGuardrail on the last message of a 4 KiB prompt, as one call runs them (the body read
// once, every guardrail selecting from it).
std::vector<std::shared_ptr<const Guardrail>> requestGuardrails() {
    const auto build = [](const char* kind, const char* parameters) {
        return GuardrailFactory::build(QLatin1String(kind), Json::parse(parameters)).value();
    };
    return {
        build("RegexGuardrail", R"({"name":"J","regex":"(?i)ignore all previous instructions",)"
                                R"("jsonPath":"$.messages[-1].content","invert":true})"),
        build("WordCountGuardrail", R"({"name":"W","min":1,"max":2000,"jsonPath":"$.messages[-1].content"})"),
        build("ContentLengthGuardrail",
              R"({"name":"L","min":1,"max":8192,"jsonPath":"$.messages[-1].content"})")};
}

void BM_Guardrails3On4KiBPrompt(benchmark::State& state) {
    const QByteArray raw = chatCompletionsBody();
    const auto guardrails = requestGuardrails();
    for (auto _ : state) {
        const GuardrailPayload payload(raw);
        for (const auto& guardrail : guardrails) {
            const GuardrailVerdict verdict = guardrail->evaluate(payload, GuardrailDirection::Request);
            if (verdict.outcome != GuardrailVerdict::Outcome::Pass) {
                state.SkipWithError("a guardrail did not pass the prompt");
                return;
            }
        }
    }
    state.SetBytesProcessed(qint64(state.iterations()) * qint64(raw.size()));
}
BENCHMARK(BM_Guardrails3On4KiBPrompt);

// What the three share: reading the 4 KiB body once.
void BM_GuardrailPayloadRead4KiB(benchmark::State& state) {
    const QByteArray raw = chatCompletionsBody();
    for (auto _ : state) {
        const GuardrailPayload payload(raw);
        benchmark::DoNotOptimize(payload.document());
    }
    state.SetBytesProcessed(qint64(state.iterations()) * qint64(raw.size()));
}
BENCHMARK(BM_GuardrailPayloadRead4KiB);

// Cost accounting, the issue's 5 us goal: what every answered call does on top of reading its token
// counts (the "without" case, what the gateway did before): the cached and reasoning counts, the price
// lookup (a dated model name, so suffix stripping runs), the cost, and the cost fields of the
// access-log line and the metrics. The difference between the two is the added CPU per request.
QByteArray answerWithUsage() {
    return QByteArrayLiteral(
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1733550000,"
        "\"model\":\"gpt-4o-2024-11-20\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        "\"content\":\"This is a test! Answered by gpt-4o.\"},\"finish_reason\":\"stop\"}],"
        "\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":300,\"total_tokens\":1500,"
        "\"prompt_tokens_details\":{\"cached_tokens\":1024,\"audio_tokens\":0},"
        "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0}}}");
}

void accountAnswer(benchmark::State& state, bool withCost) {
    using namespace gatehouse;
    Provider provider = *ProviderRegistry::builtin().find(QStringLiteral("openai"));
    if (!withCost) // as before: prompt, completion and total only
        provider.cachedTokens = provider.reasoningTokens = ValueLocation();
    const PriceCatalogue& prices = PriceCatalogue::shipped();
    const QByteArray answer = answerWithUsage();
    AccessRecord record;
    record.model = QStringLiteral("gpt-4o-2024-11-20");
    for (auto _ : state) {
        const ReportedUsage usage = UsageReader(provider).read(answer, false, false);
        record.promptTokens = usage.promptTokens;
        record.completionTokens = usage.completionTokens;
        record.totalTokens = usage.totalTokens;
        if (withCost) {
            record.cachedTokens = usage.cachedTokens;
            record.reasoningTokens = usage.reasoningTokens;
            TokenUsage tokens;
            tokens.promptTokens = usage.promptTokens;
            tokens.completionTokens = usage.completionTokens;
            tokens.cachedPromptTokens = usage.cachedTokens;
            tokens.reasoningTokens = usage.reasoningTokens;
            const CallCost cost = CallCost::of(provider, prices, record.model, tokens, true, false);
            record.costUsd = cost.usd;
            record.costStatus = cost.status;
            record.usage = QStringLiteral("reported");
        }
        benchmark::DoNotOptimize(record.toJsonLine());
    }
}
void BM_AnswerAccountingWithoutCost(benchmark::State& state) {
    accountAnswer(state, false);
}
BENCHMARK(BM_AnswerAccountingWithoutCost);
void BM_AnswerAccountingWithCost(benchmark::State& state) {
    accountAnswer(state, true);
}
BENCHMARK(BM_AnswerAccountingWithCost);

} // namespace

// ----- the semantic cache's vector search --------------------------------------------------------------
// Unit vectors of the mock's 256 dimensions, queried with a stored vector slightly moved (a hit within
// WSO2's default threshold 0.32). VectorIndex scans exactly up to VectorIndex::exactLimit vectors and
// moves to an HNSW graph past it: BM_SemanticExactScan shows what an exact scan would cost at each
// size, BM_SemanticLookup what the index costs (the issue's goal: <= 2 ms over 100,000 entries).

namespace {
constexpr std::size_t embeddingDimensions = 256;

std::vector<float> randomUnitVectors(std::size_t count, unsigned seed) {
    std::mt19937 generator(seed);
    std::normal_distribution<float> normal;
    std::vector<float> vectors(count * embeddingDimensions);
    for (std::size_t i = 0; i < count; ++i) {
        float norm = 0;
        for (std::size_t d = 0; d < embeddingDimensions; ++d) {
            const float value = normal(generator);
            vectors[i * embeddingDimensions + d] = value;
            norm += value * value;
        }
        norm = std::sqrt(norm);
        for (std::size_t d = 0; d < embeddingDimensions; ++d)
            vectors[i * embeddingDimensions + d] /= norm;
    }
    return vectors;
}

std::vector<float> nearCopy(const std::vector<float>& vectors, std::size_t index) {
    std::vector<float> query(vectors.begin() + std::ptrdiff_t(index * embeddingDimensions),
                             vectors.begin() + std::ptrdiff_t((index + 1) * embeddingDimensions));
    for (std::size_t d = 0; d < embeddingDimensions; d += 16)
        query[d] += 0.01f;
    return query;
}

using gatehouse::VectorIndex;

const std::vector<float>& storedVectors() {
    static const std::vector<float> vectors = randomUnitVectors(100000, 7);
    return vectors;
}

// Built once per size: a 100,000-vector graph takes seconds to build, and the benchmark measures
// lookups, not inserts.
VectorIndex& indexOf(std::size_t count) {
    static std::map<std::size_t, std::unique_ptr<VectorIndex>> indexes;
    std::unique_ptr<VectorIndex>& index = indexes[count];
    if (!index) {
        index = std::make_unique<VectorIndex>(embeddingDimensions);
        for (std::size_t i = 0; i < count; ++i)
            index->add(i, storedVectors().data() + i * embeddingDimensions);
    }
    return *index;
}
} // namespace

void BM_SemanticExactScan(benchmark::State& state) {
    const std::size_t count = std::size_t(state.range(0));
    const std::vector<float>& vectors = storedVectors();
    std::size_t queryIndex = 0;
    for (auto _ : state) {
        const std::vector<float> query = nearCopy(vectors, queryIndex++ % count);
        float best = std::numeric_limits<float>::max();
        std::size_t bestIndex = 0;
        for (std::size_t i = 0; i < count; ++i) {
            // As VectorIndex's exact scan: eight independent sums, which the compiler vectorises.
            float lanes[8] = {};
            const float* stored = vectors.data() + i * embeddingDimensions;
            for (std::size_t d = 0; d < embeddingDimensions; d += 8) {
                for (std::size_t lane = 0; lane < 8; ++lane) {
                    const float difference = query[d + lane] - stored[d + lane];
                    lanes[lane] += difference * difference;
                }
            }
            float sum = 0;
            for (const float lane : lanes)
                sum += lane;
            if (sum < best) {
                best = sum;
                bestIndex = i;
            }
        }
        benchmark::DoNotOptimize(bestIndex);
    }
}
BENCHMARK(BM_SemanticExactScan)->Arg(2048)->Arg(100000);

void BM_SemanticLookup(benchmark::State& state) {
    const std::size_t count = std::size_t(state.range(0));
    VectorIndex& index = indexOf(count);
    const std::vector<float>& vectors = storedVectors();
    std::size_t queryIndex = 0;
    std::size_t found = 0;
    for (auto _ : state) {
        const std::size_t expected = queryIndex++ % count;
        const std::vector<float> query = nearCopy(vectors, expected);
        const auto hit = index.nearest(query.data(), 0.32f, [](std::size_t) { return false; });
        found += hit && hit->label == expected ? 1 : 0;
    }
    // The share of lookups that found the vector they were made from: the graph's recall.
    state.counters["recall"] = double(found) / double(std::max<std::int64_t>(1, state.iterations()));
    state.counters["graph"] = index.usesGraph() ? 1 : 0;
}
BENCHMARK(BM_SemanticLookup)->Arg(2048)->Arg(2049)->Arg(100000);

BENCHMARK_MAIN();
