#include "mock-llm/MockLlmHandler.h"

#include "core/Json.h"
#include "gateway/HttpExchange.h"
#include "mock-llm/MockEmbedding.h"
#include "mock-llm/MockLlmState.h"

#include <QDateTime>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace gatehouse {

namespace {

QByteArray toBytes(const Json& json) {
    const std::string text = dumpCompact(json);
    return QByteArray(text.data(), qsizetype(text.size()));
}

void respondJson(HttpExchange* exchange, int status, const Json& body, HttpHeaders headers = {}) {
    headers.set("Content-Type", "application/json");
    exchange->respond(status, headers, toBytes(body));
}

void respondOpenAiError(HttpExchange* exchange, int status, const QString& message, const char* type,
                        HttpHeaders headers = {}) {
    Json error = Json::object();
    error["message"] = message.toStdString();
    error["type"] = type;
    error["code"] = status;
    Json body = Json::object();
    body["error"] = std::move(error);
    respondJson(exchange, status, body, std::move(headers));
}

int countWords(const QString& text) {
    return int(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
}

// What a chat completion request asks for, as far as the mock's answer depends on it.
struct ChatRequest {
    QString model;
    bool stream = false;
    bool includeUsage = false; // stream_options.include_usage: OpenAI's extra last chunk with the usage
    int promptTokens = 0;
};

// One chat completion in progress: waits, then answers whole or streams chunk by chunk. A child of
// the exchange, so a client that goes away takes its timers with it.
class ChatResponder final : public QObject {
public:
    ChatResponder(HttpExchange* exchange, ChatRequest request, std::optional<MockFault> fault, qint64 id)
        : QObject(exchange), m_exchange(exchange), m_model(std::move(request.model)),
          m_stream(request.stream), m_includeUsage(request.includeUsage),
          m_promptTokens(request.promptTokens), m_fault(std::move(fault)), m_id(id) {
        const QString answer = QStringLiteral("This is a test! Answered by %1.").arg(m_model);
        for (const QString& word : answer.split(QLatin1Char(' ')))
            m_words.append(word + QLatin1Char(' '));
        m_words.last().chop(1);
        m_completionTokens = countWords(answer);
        if (m_fault && m_fault->reasoningTokens)
            m_completionTokens += int(*m_fault->reasoningTokens); // hidden thinking is billed as output
    }

    void start() {
        const int latency = m_fault ? m_fault->latencyMs : 0;
        if (latency > 0)
            QTimer::singleShot(latency, this, [this] { answer(); });
        else
            answer();
    }

private:
    HttpHeaders baseHeaders() const {
        HttpHeaders headers;
        const qint64 remaining = m_fault && m_fault->remainingTokens ? *m_fault->remainingTokens : 1000000;
        headers.add("x-ratelimit-remaining-tokens", QByteArray::number(remaining));
        headers.add("x-request-id", "mock-" + QByteArray::number(m_id));
        return headers;
    }

    bool sendsUsage() const { return !(m_fault && m_fault->omitUsage); }

    Json usage() const {
        Json usage = Json::object();
        usage["prompt_tokens"] = m_promptTokens;
        usage["completion_tokens"] = m_completionTokens;
        usage["total_tokens"] = m_promptTokens + m_completionTokens;
        if (m_fault && (m_fault->cachedTokens || m_fault->reasoningTokens)) {
            usage["prompt_tokens_details"] = {
                {"cached_tokens", qMin<qint64>(m_fault->cachedTokens.value_or(0), m_promptTokens)},
                {"audio_tokens", 0}};
            usage["completion_tokens_details"] = {{"reasoning_tokens", m_fault->reasoningTokens.value_or(0)},
                                                  {"audio_tokens", 0},
                                                  {"accepted_prediction_tokens", 0},
                                                  {"rejected_prediction_tokens", 0}};
        }
        return usage;
    }

    void answer() {
        if (m_fault && m_fault->status != 0) {
            HttpHeaders headers = baseHeaders();
            if (m_fault->retryAfter)
                headers.add("Retry-After", QByteArray::number(*m_fault->retryAfter));
            respondOpenAiError(
                m_exchange, m_fault->status,
                QStringLiteral("Injected fault: %1 answers %2").arg(m_model).arg(m_fault->status),
                "mock_fault", headers);
            return;
        }
        if (m_stream) {
            HttpHeaders headers = baseHeaders();
            headers.add("Content-Type", "text/event-stream");
            headers.add("Cache-Control", "no-cache");
            m_exchange->beginResponse(200, headers);
            m_nextChunk = 0;
            sendChunk();
            return;
        }
        Json message = Json::object();
        message["role"] = "assistant";
        message["content"] = m_words.join(QString()).toStdString();
        Json choice = Json::object();
        choice["index"] = 0;
        choice["message"] = std::move(message);
        choice["finish_reason"] = "stop";
        Json body = Json::object();
        body["id"] = "chatcmpl-mock-" + std::to_string(m_id);
        body["object"] = "chat.completion";
        body["created"] = QDateTime::currentSecsSinceEpoch();
        body["model"] = m_model.toStdString();
        body["choices"] = Json::array({choice});
        if (sendsUsage())
            body["usage"] = usage();
        const QByteArray bytes = toBytes(body);
        HttpHeaders headers = baseHeaders();
        headers.add("Content-Type", "application/json");
        m_exchange->beginResponse(200, headers, bytes.size());
        write(bytes);
        m_exchange->endResponse();
    }

    Json chunkEnvelope() const {
        Json body = Json::object();
        body["id"] = "chatcmpl-mock-" + std::to_string(m_id);
        body["object"] = "chat.completion.chunk";
        body["created"] = QDateTime::currentSecsSinceEpoch();
        body["model"] = m_model.toStdString();
        return body;
    }

    QByteArray chunk(const Json& delta, bool last) const {
        Json choice = Json::object();
        choice["index"] = 0;
        choice["delta"] = delta;
        choice["finish_reason"] = last ? Json("stop") : Json(nullptr);
        Json body = chunkEnvelope();
        body["choices"] = Json::array({choice});
        return "data: " + toBytes(body) + "\n\n";
    }

    // OpenAI's usage chunk: only when the request asked, after the last choice, with no choices.
    QByteArray usageChunk() const {
        Json body = chunkEnvelope();
        body["choices"] = Json::array();
        body["usage"] = usage();
        return "data: " + toBytes(body) + "\n\n";
    }

    void sendChunk() {
        if (!m_exchange || m_exchange->isAborted())
            return;
        const int total = int(m_words.size());
        if (m_nextChunk == 0) {
            Json delta = Json::object();
            delta["role"] = "assistant";
            delta["content"] = "";
            write(chunk(delta, false));
        } else if (m_nextChunk <= total) {
            Json delta = Json::object();
            delta["content"] = m_words.at(m_nextChunk - 1).toStdString();
            write(chunk(delta, false));
        } else if (m_nextChunk == total + 1) {
            QByteArray last = chunk(Json::object(), true);
            if (m_includeUsage && sendsUsage())
                last += usageChunk();
            write(last);
        } else {
            write(QByteArrayLiteral("data: [DONE]\n\n"));
            m_exchange->endResponse();
            return;
        }
        if (m_reset)
            return;
        ++m_nextChunk;
        const int delay = m_fault && m_fault->chunkDelayMs >= 0 ? m_fault->chunkDelayMs
                                                                : MockLlmHandler::DefaultChunkDelayMs;
        QTimer::singleShot(delay, this, [this] { sendChunk(); });
    }

    // Writes body bytes, resetting the connection once the fault's byte budget is spent.
    void write(const QByteArray& bytes) {
        if (m_reset)
            return;
        if (m_fault && m_fault->resetAfterBytes) {
            const qint64 budget = *m_fault->resetAfterBytes - m_written;
            if (budget < bytes.size()) {
                m_exchange->writeBody(bytes.left(qMax<qint64>(0, budget)));
                m_reset = true;
                m_exchange->abortConnection();
                return;
            }
        }
        m_written += bytes.size();
        m_exchange->writeBody(bytes);
    }

    QPointer<HttpExchange> m_exchange;
    QString m_model;
    bool m_stream;
    bool m_includeUsage;
    int m_promptTokens;
    int m_completionTokens = 0;
    std::optional<MockFault> m_fault;
    qint64 m_id;
    QStringList m_words;
    int m_nextChunk = 0;
    qint64 m_written = 0;
    bool m_reset = false;
};

} // namespace

MockLlmHandler::MockLlmHandler(std::shared_ptr<MockLlmState> state) : m_state(std::move(state)) {
}

void MockLlmHandler::handle(HttpExchange* exchange) {
    const HttpRequest& request = exchange->request();
    const QByteArray& path = request.path;
    const bool completions =
        path == "/v1/chat/completions" || path == "/chat/completions" || path == "/v1/completions";
    const bool modelList = path == "/v1/models" || path == "/models";
    const bool embeddingsPath = path == "/v1/embeddings" || path == "/embeddings";
    if ((completions || modelList || embeddingsPath) && !authorised(exchange))
        return;
    if (embeddingsPath) {
        if (request.method != "POST")
            return respondOpenAiError(exchange, 405, QStringLiteral("Use POST"), "invalid_request_error");
        return embeddings(exchange);
    }
    if (completions) {
        if (request.method != "POST")
            return respondOpenAiError(exchange, 405, QStringLiteral("Use POST"), "invalid_request_error");
        return chatCompletions(exchange);
    }
    if (modelList)
        return models(exchange);
    if (path == "/_mock/faults")
        return faults(exchange);
    if (path == "/_mock/stats")
        return stats(exchange);
    respondOpenAiError(exchange, 404, QStringLiteral("Unknown path %1").arg(QString::fromUtf8(path)),
                       "invalid_request_error");
}

bool MockLlmHandler::authorised(HttpExchange* exchange) {
    const QString expected = m_state->apiKey();
    if (expected.isEmpty())
        return true;
    const QByteArray given = exchange->request().headers.value("Authorization");
    if (given == "Bearer " + expected.toUtf8())
        return true;
    // OpenAI's wording and shape, so that clients show what they would show for OpenAI's refusal.
    const QString message =
        given.isEmpty() ? QStringLiteral("You didn't provide an API key. You need to provide your API key in "
                                         "an Authorization header using Bearer auth.")
                        : QStringLiteral("Incorrect API key provided.");
    Json error = Json::object();
    error["message"] = message.toStdString();
    error["type"] = "invalid_request_error";
    error["param"] = nullptr;
    error["code"] = given.isEmpty() ? Json(nullptr) : Json("invalid_api_key");
    Json body = Json::object();
    body["error"] = std::move(error);
    respondJson(exchange, 401, body);
    return false;
}

void MockLlmHandler::chatCompletions(HttpExchange* exchange) {
    const QByteArray& body = exchange->request().body;
    const Json request = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    if (!request.is_object())
        return respondOpenAiError(exchange, 400, QStringLiteral("The body must be a JSON object"),
                                  "invalid_request_error");
    const auto model = request.find("model");
    if (model == request.end() || !model->is_string() || model->get_ref<const std::string&>().empty())
        return respondOpenAiError(exchange, 400, QStringLiteral("you must provide a model parameter"),
                                  "invalid_request_error");
    const QString modelName = toQString(model->get_ref<const std::string&>());
    int promptTokens = 0;
    const auto messages = request.find("messages");
    if (messages != request.end() && messages->is_array()) {
        for (const Json& message : *messages) {
            const auto content = message.is_object() ? message.find("content") : message.end();
            if (message.is_object() && content != message.end() && content->is_string())
                promptTokens += countWords(toQString(content->get_ref<const std::string&>()));
        }
    } else if (const auto prompt = request.find("prompt"); prompt != request.end() && prompt->is_string()) {
        promptTokens = countWords(toQString(prompt->get_ref<const std::string&>()));
    }
    promptTokens += 5; // role and formatting overhead, as real tokenisers count it
    ChatRequest chat;
    chat.model = modelName;
    chat.promptTokens = promptTokens;
    chat.stream = request.value("stream", Json()).is_boolean() && request.value("stream", false);
    const Json options = request.value("stream_options", Json());
    if (!options.is_null() && !chat.stream)
        return respondOpenAiError(exchange, 400,
                                  QStringLiteral("The 'stream_options' parameter is only allowed when "
                                                 "'stream' is enabled."),
                                  "invalid_request_error");
    if (!options.is_null() && !options.is_object())
        return respondOpenAiError(exchange, 400, QStringLiteral("'stream_options' must be an object"),
                                  "invalid_request_error");
    chat.includeUsage = options.is_object() && options.value("include_usage", Json()).is_boolean() &&
                        options.value("include_usage", false);

    m_state->countRequest(modelName);
    auto* responder =
        new ChatResponder(exchange, std::move(chat), m_state->faultFor(modelName), m_state->nextId());
    responder->start();
}

void MockLlmHandler::embeddings(HttpExchange* exchange) {
    const QByteArray& body = exchange->request().body;
    const Json request = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    if (!request.is_object())
        return respondOpenAiError(exchange, 400, QStringLiteral("The body must be a JSON object"),
                                  "invalid_request_error");
    const auto model = request.find("model");
    if (model == request.end() || !model->is_string() || model->get_ref<const std::string&>().empty())
        return respondOpenAiError(exchange, 400, QStringLiteral("you must provide a model parameter"),
                                  "invalid_request_error");
    // OpenAI's input: a string or a list of strings (token arrays are not a text to the mock).
    QStringList inputs;
    const auto input = request.find("input");
    if (input != request.end() && input->is_string()) {
        inputs.append(toQString(input->get_ref<const std::string&>()));
    } else if (input != request.end() && input->is_array() && !input->empty() && input->size() <= 2048) {
        for (const Json& item : *input) {
            if (!item.is_string())
                return respondOpenAiError(exchange, 400,
                                          QStringLiteral("'input' must be a string or a list of strings"),
                                          "invalid_request_error");
            inputs.append(toQString(item.get_ref<const std::string&>()));
        }
    } else {
        return respondOpenAiError(exchange, 400,
                                  QStringLiteral("'input' must be a string or a list of 1 to 2048 strings"),
                                  "invalid_request_error");
    }
    int dimensions = MockEmbedding::defaultDimensions;
    if (const auto wanted = request.find("dimensions"); wanted != request.end()) {
        const std::optional<qint64> value = jsonInteger(*wanted);
        if (!wanted->is_number_integer() || !value || *value < 1 || *value > MockEmbedding::maxDimensions)
            return respondOpenAiError(exchange, 400,
                                      QStringLiteral("'dimensions' must be a whole number from 1 to %1")
                                          .arg(MockEmbedding::maxDimensions),
                                      "invalid_request_error");
        dimensions = int(*value);
    }
    const QString modelName = toQString(model->get_ref<const std::string&>());
    m_state->countRequest(modelName);
    Json data = Json::array();
    qint64 tokens = 0;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        Json entry = Json::object();
        entry["object"] = "embedding";
        entry["index"] = i;
        entry["embedding"] = MockEmbedding::embed(inputs[i], dimensions);
        data.push_back(std::move(entry));
        tokens += countWords(inputs[i]);
    }
    Json answer = Json::object();
    answer["object"] = "list";
    answer["data"] = std::move(data);
    answer["model"] = model->get<std::string>();
    answer["usage"] = {{"prompt_tokens", tokens}, {"total_tokens", tokens}};
    respondJson(exchange, 200, answer);
}

void MockLlmHandler::faults(HttpExchange* exchange) {
    const HttpRequest& request = exchange->request();
    if (request.method == "DELETE") {
        m_state->clearFaults();
        Json body = Json::object();
        body["faults"] = Json::array();
        return respondJson(exchange, 200, body);
    }
    if (request.method == "GET") {
        Json body = Json::object();
        body["faults"] = m_state->faultsJson();
        return respondJson(exchange, 200, body);
    }
    if (request.method != "POST")
        return respondOpenAiError(exchange, 405, QStringLiteral("Use GET, POST or DELETE"),
                                  "invalid_request_error");
    const Json json = Json::parse(request.body.cbegin(), request.body.cend(), nullptr, false);
    if (json.is_discarded())
        return respondOpenAiError(exchange, 400, QStringLiteral("The body is not JSON"),
                                  "invalid_request_error");
    const Result<MockFault> fault = MockFault::fromJson(json);
    if (!fault)
        return respondOpenAiError(exchange, 400, fault.error(), "invalid_request_error");
    m_state->setFault(fault.value());
    respondJson(exchange, 200, fault->toJson());
}

void MockLlmHandler::stats(HttpExchange* exchange) {
    if (exchange->request().method == "DELETE")
        m_state->clearCounts();
    Json requests = Json::object();
    for (const auto& [model, count] : m_state->requestCounts())
        requests[model.toStdString()] = count;
    Json body = Json::object();
    body["requests"] = std::move(requests);
    respondJson(exchange, 200, body);
}

void MockLlmHandler::models(HttpExchange* exchange) {
    Json data = Json::array();
    for (const char* id : {"gpt-4o", "gpt-4o-mini", "o3-mini"}) {
        Json model = Json::object();
        model["id"] = id;
        model["object"] = "model";
        model["created"] = 1715367049;
        model["owned_by"] = "gatehouse-mock";
        data.push_back(std::move(model));
    }
    Json body = Json::object();
    body["object"] = "list";
    body["data"] = std::move(data);
    respondJson(exchange, 200, body);
}

} // namespace gatehouse
