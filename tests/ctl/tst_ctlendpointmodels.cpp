// gatehouse-ctl endpoint models over real loopback sockets: the mock LLM (in process, expecting a key)
// lists its models to the endpoint's stored key; a wrong key, a missing key, an unknown API, an answer
// that is not JSON and an upstream that never answers each end in one error line and a non-zero exit.
#include "CtlRun.h"
#include "FakeHttpServer.h"
#include "console/EndpointModelQuery.h"
#include "core/Api.h"
#include "core/Json.h"
#include "core/MemorySecretStore.h"
#include "core/Provider.h"
#include "ctl/CtlApplication.h"
#include "ctl/CtlError.h"
#include "ctl/CtlOutput.h"
#include "mock-llm/MockLlmServer.h"
#include "mock-llm/MockLlmState.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace gatehouse;
using gatehouse::test::CtlRun;

namespace {

const QString rightKey = QStringLiteral("sk-mock-right");
const QStringList mockModels{QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"),
                             QStringLiteral("o3-mini")};

} // namespace

class TestCtlEndpointModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void listsTheMocksModels();
    void jsonMarksWhatTheProviderDoesNotList();
    void textMarksWhatTheProviderDoesNotList();
    void wrongKeyIsTheUpstreamsRefusal();
    void refusals_data();
    void refusals();
    void answerThatIsNotJson();
    void upstreamThatNeverAnswers();
    void keyInTheQueryWhenTheProviderSaysSo();

private:
    CtlRun ctl(const QStringList& arguments);
    static QStringList lines(const QByteArray& text);
    // The run failed with exactly one line on stderr, "gatehouse-ctl: <message>", naming `expected`.
    static void verifyOneErrorLine(const CtlRun& run, const QString& expected);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
    QString m_secrets;
    std::unique_ptr<MockLlmServer> m_mock;
    std::unique_ptr<FakeHttpServer> m_fake;
};

void TestCtlEndpointModels::initTestCase() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(QStringLiteral("ws"));
    m_secrets = m_dir->filePath(QStringLiteral("secrets.json"));
    m_mock = std::make_unique<MockLlmServer>(1);
    QString error;
    QVERIFY2(m_mock->listen(QHostAddress(QHostAddress::LocalHost), 0, &error), qPrintable(error));
    m_mock->state().setApiKey(rightKey);
    m_fake = std::make_unique<FakeHttpServer>();
    QVERIFY(m_fake->isListening());

    const auto api = [](const QString& name, const QString& provider, const QString& url) {
        return QStringList{QStringLiteral("api"),
                           QStringLiteral("create"),
                           QStringLiteral("--name"),
                           name,
                           QStringLiteral("--context"),
                           name.toLower(),
                           QStringLiteral("--version"),
                           QStringLiteral("1.0.0"),
                           QStringLiteral("--provider"),
                           provider,
                           QStringLiteral("--production-url"),
                           url};
    };
    const auto endpoint = [](const QString& api, const QString& id, const QString& url, const QString& key) {
        QStringList arguments{QStringLiteral("endpoint"), QStringLiteral("add"),
                              QStringLiteral("--api"),    api,
                              QStringLiteral("--stage"),  QStringLiteral("sandbox"),
                              QStringLiteral("--id"),     id,
                              QStringLiteral("--name"),   id,
                              QStringLiteral("--url"),    url};
        if (!key.isEmpty())
            arguments << QStringLiteral("--key") << key;
        return arguments;
    };
    const QString mockUrl = m_mock->baseUrl();
    const QList<QStringList> seed = {
        api(QStringLiteral("SmartChat"), QStringLiteral("openai"), mockUrl) +
            QStringList{QStringLiteral("--production-key"), rightKey},
        endpoint(QStringLiteral("SmartChat"), QStringLiteral("wrong_key"), mockUrl,
                 QStringLiteral("sk-wrong")),
        endpoint(QStringLiteral("SmartChat"), QStringLiteral("no_key"), mockUrl, QString()),
        endpoint(QStringLiteral("SmartChat"), QStringLiteral("not_json"),
                 m_fake->baseUrl() + QStringLiteral("/v1"), QStringLiteral("sk-fake")),
        api(QStringLiteral("MistralChat"), QStringLiteral("mistral"), mockUrl + QStringLiteral("/")) +
            QStringList{QStringLiteral("--production-key"), rightKey},
        api(QStringLiteral("DemoChat"), QStringLiteral("demo"), QStringLiteral("mock://demo/v1")),
    };
    for (const QStringList& step : seed) {
        const CtlRun run = ctl(step);
        QVERIFY2(run.exitCode == 0,
                 qPrintable(step.join(QLatin1Char(' ')) + QLatin1Char('\n') + run.describe()));
    }
}

void TestCtlEndpointModels::cleanupTestCase() {
    m_fake.reset();
    m_mock.reset();
    m_dir.reset();
}

CtlRun TestCtlEndpointModels::ctl(const QStringList& arguments) {
    // In process, as tst_ctl runs most commands: the command's blocking client spins its own event
    // loop, on which the fake server answers; the mock answers from its worker thread.
    const CtlOutput::Capture capture;
    CtlRun run;
    run.exitCode =
        CtlApplication().run(QStringList{QStringLiteral("gatehouse-ctl"), QStringLiteral("--workspace"),
                                         m_workspace, QStringLiteral("--secrets-file"), m_secrets} +
                             arguments);
    run.out = capture.out;
    run.err = capture.err;
    return run;
}

QStringList TestCtlEndpointModels::lines(const QByteArray& text) {
    return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void TestCtlEndpointModels::verifyOneErrorLine(const CtlRun& run, const QString& expected) {
    QVERIFY2(run.exitCode != 0, qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    const QList<QByteArray> errors = run.errorLines();
    QVERIFY2(errors.size() == 1, qPrintable(run.describe()));
    QVERIFY2(errors.front().startsWith("gatehouse-ctl: "), qPrintable(run.describe()));
    QVERIFY2(QString::fromUtf8(errors.front()).contains(expected), qPrintable(run.describe()));
}

void TestCtlEndpointModels::listsTheMocksModels() {
    // Without --endpoint: the production stage's default endpoint, with the right key.
    const CtlRun run = ctl({QStringLiteral("endpoint"), QStringLiteral("models"), QStringLiteral("--api"),
                            QStringLiteral("SmartChat")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(lines(run.out), mockModels); // OpenAI lists all three: nothing marked
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));

    const CtlRun named =
        ctl({QStringLiteral("endpoint"), QStringLiteral("models"), QStringLiteral("--api"),
             QStringLiteral("SmartChat"), QStringLiteral("--stage"), QStringLiteral("production"),
             QStringLiteral("--endpoint"), QStringLiteral("default_production_endpoint")});
    QVERIFY2(named.exitCode == 0, qPrintable(named.describe()));
    QCOMPARE(lines(named.out), mockModels);
}

void TestCtlEndpointModels::jsonMarksWhatTheProviderDoesNotList() {
    const CtlRun openai = ctl({QStringLiteral("--json"), QStringLiteral("endpoint"), QStringLiteral("models"),
                               QStringLiteral("--api"), QStringLiteral("SmartChat")});
    QVERIFY2(openai.exitCode == 0, qPrintable(openai.describe()));
    QCOMPARE(Json::parse(openai.out.cbegin(), openai.out.cend(), nullptr, false),
             Json::parse(R"([{"id":"gpt-4o","known":true},{"id":"gpt-4o-mini","known":true},
                             {"id":"o3-mini","known":true}])"));

    // Mistral's list has none of the mock's models (the URL's trailing slash does not matter).
    const CtlRun mistral = ctl({QStringLiteral("endpoint"), QStringLiteral("models"), QStringLiteral("--api"),
                                QStringLiteral("MistralChat"), QStringLiteral("--json")});
    QVERIFY2(mistral.exitCode == 0, qPrintable(mistral.describe()));
    QCOMPARE(Json::parse(mistral.out.cbegin(), mistral.out.cend(), nullptr, false),
             Json::parse(R"([{"id":"gpt-4o","known":false},{"id":"gpt-4o-mini","known":false},
                             {"id":"o3-mini","known":false}])"));
}

void TestCtlEndpointModels::textMarksWhatTheProviderDoesNotList() {
    const CtlRun run = ctl({QStringLiteral("endpoint"), QStringLiteral("models"), QStringLiteral("--api"),
                            QStringLiteral("MistralChat")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QStringList printed = lines(run.out);
    QCOMPARE(printed.size(), mockModels.size());
    for (int i = 0; i < printed.size(); ++i) {
        QVERIFY2(printed[i].startsWith(mockModels[i] + QLatin1Char(' ')), qPrintable(printed[i]));
        QVERIFY2(printed[i].contains(QStringLiteral("not in Mistral AI's list")), qPrintable(printed[i]));
    }
}

void TestCtlEndpointModels::wrongKeyIsTheUpstreamsRefusal() {
    const CtlRun run =
        ctl({QStringLiteral("endpoint"), QStringLiteral("models"), QStringLiteral("--api"),
             QStringLiteral("SmartChat"), QStringLiteral("--endpoint"), QStringLiteral("wrong_key")});
    verifyOneErrorLine(run, QStringLiteral("HTTP 401"));
    // The upstream's own message, read from OpenAI's {"error": {"message"}}.
    verifyOneErrorLine(run, QStringLiteral("Incorrect API key provided"));
    QCOMPARE(run.exitCode, CtlError::FailureExit);
    QVERIFY2(!run.err.contains("sk-wrong"), run.err.constData());
}

void TestCtlEndpointModels::refusals_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown API") << QStringList{QStringLiteral("--api"), QStringLiteral("NoSuchApi")}
                                 << QStringLiteral("NoSuchApi");
    QTest::newRow("unknown endpoint") << QStringList{QStringLiteral("--api"), QStringLiteral("SmartChat"),
                                                     QStringLiteral("--endpoint"), QStringLiteral("nowhere")}
                                      << QStringLiteral("no endpoint \"nowhere\"");
    QTest::newRow("endpoint of the other stage")
        << QStringList{QStringLiteral("--api"),      QStringLiteral("SmartChat"),  QStringLiteral("--stage"),
                       QStringLiteral("production"), QStringLiteral("--endpoint"), QStringLiteral("no_key")}
        << QStringLiteral("is a sandbox endpoint");
    QTest::newRow("no endpoint in the stage")
        << QStringList{QStringLiteral("--api"), QStringLiteral("MistralChat"), QStringLiteral("--stage"),
                       QStringLiteral("sandbox")}
        << QStringLiteral("no sandbox endpoint");
    QTest::newRow("no key where OpenAI needs one")
        << QStringList{QStringLiteral("--api"), QStringLiteral("SmartChat"), QStringLiteral("--endpoint"),
                       QStringLiteral("no_key")}
        << QStringLiteral("has no API key");
    QTest::newRow("the built-in mock") << QStringList{QStringLiteral("--api"), QStringLiteral("DemoChat")}
                                       << QStringLiteral("built-in mock");
    QTest::newRow("bad stage") << QStringList{QStringLiteral("--api"), QStringLiteral("SmartChat"),
                                              QStringLiteral("--stage"), QStringLiteral("staging")}
                               << QStringLiteral("--stage");
}

void TestCtlEndpointModels::refusals() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CtlRun run = ctl(QStringList{QStringLiteral("endpoint"), QStringLiteral("models")} + arguments);
    verifyOneErrorLine(run, expected);
}

void TestCtlEndpointModels::answerThatIsNotJson() {
    m_fake->clearRequests();
    m_fake->setResponse(200, QByteArrayLiteral("<html>a captive portal</html>"),
                        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html")}});
    const QStringList arguments{QStringLiteral("endpoint"),   QStringLiteral("models"),
                                QStringLiteral("--api"),      QStringLiteral("SmartChat"),
                                QStringLiteral("--endpoint"), QStringLiteral("not_json")};
    const CtlRun run = ctl(arguments);
    verifyOneErrorLine(run, QStringLiteral("is not JSON"));
    // It asked GET /v1/models with the key as OpenAI takes it.
    QCOMPARE(m_fake->requests().size(), 1);
    const FakeHttpServer::Request& request = m_fake->requests().front();
    QCOMPARE(request.method, QByteArrayLiteral("GET"));
    QCOMPARE(request.target, QByteArrayLiteral("/v1/models"));
    QCOMPARE(request.header("Authorization"), QByteArrayLiteral("Bearer sk-fake"));

    // An error answer in no known shape: its text stands for the message.
    m_fake->setResponse(503, QByteArrayLiteral("upstream overloaded"));
    const CtlRun busy = ctl(arguments);
    verifyOneErrorLine(busy, QStringLiteral("HTTP 503: upstream overloaded"));
    // JSON without a model list.
    m_fake->setResponse(200, QByteArrayLiteral(R"({"object":"list"})"));
    verifyOneErrorLine(ctl(arguments), QStringLiteral("no \"data\" list"));
}

void TestCtlEndpointModels::upstreamThatNeverAnswers() {
    // Accepts the connection and then says nothing: the command gives up after its 10 s.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const QString url = QStringLiteral("http://127.0.0.1:%1/v1").arg(silent.serverPort());
    const CtlRun added = ctl({QStringLiteral("endpoint"), QStringLiteral("add"), QStringLiteral("--api"),
                              QStringLiteral("SmartChat"), QStringLiteral("--stage"),
                              QStringLiteral("sandbox"), QStringLiteral("--id"), QStringLiteral("silent"),
                              QStringLiteral("--name"), QStringLiteral("Silent"), QStringLiteral("--url"),
                              url, QStringLiteral("--key"), QStringLiteral("sk-silent")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
    QElapsedTimer clock;
    clock.start();
    const CtlRun run =
        ctl({QStringLiteral("endpoint"), QStringLiteral("models"), QStringLiteral("--api"),
             QStringLiteral("SmartChat"), QStringLiteral("--endpoint"), QStringLiteral("silent")});
    const qint64 elapsed = clock.elapsed();
    verifyOneErrorLine(run, QStringLiteral("no answer within 10 s"));
    QVERIFY2(elapsed >= EndpointModelQuery::TimeoutMs - 500 && elapsed < EndpointModelQuery::TimeoutMs + 5000,
             qPrintable(QString::number(elapsed)));
}

void TestCtlEndpointModels::keyInTheQueryWhenTheProviderSaysSo() {
    // A provider that takes its key as a query parameter (as WSO2 allows): the key goes where the
    // gateway puts it, and messages show the URL without it.
    Provider provider;
    provider.id = QStringLiteral("query-keyed");
    provider.displayName = QStringLiteral("Query Keyed");
    provider.builtin = false;
    provider.authHeader = QStringLiteral("api key");
    provider.authValueFormat = QStringLiteral("{key}");
    provider.authInQuery = true;
    provider.models = {QStringLiteral("gpt-4o")};
    Api api;
    api.id = QStringLiteral("keyed");
    api.name = QStringLiteral("Keyed");
    api.providerId = provider.id;
    Endpoint endpoint;
    endpoint.id = QStringLiteral("main");
    endpoint.url = QStringLiteral("https://llm.example/v1/?tenant=a");
    endpoint.hasKey = true;
    MemorySecretStore secrets;
    QString error;
    QVERIFY(
        secrets.write(SecretStore::endpointKeyName(api.id, endpoint.id), QStringLiteral("k+y&1"), &error));
    const Result<EndpointModelQuery> query = EndpointModelQuery::prepare(api, endpoint, &provider, secrets);
    QVERIFY2(query.ok(), qPrintable(query.error()));
    QCOMPARE(query->url().toString(QUrl::FullyEncoded),
             QStringLiteral("https://llm.example/v1/models?tenant=a&api%20key=k%2By%261"));
    QVERIFY2(!query->shownUrl().contains(QStringLiteral("k+y")), qPrintable(query->shownUrl()));
    for (const auto& [name, value] : query->headers())
        QVERIFY2(!value.contains("k+y"), name.constData());
    const Result<std::vector<EndpointModelQuery::Model>> models =
        query->readAnswer(200, R"({"data":[{"id":"gpt-4o"},{"id":"own-model"},{"object":"model"}]})");
    QVERIFY2(models.ok(), qPrintable(models.error()));
    QCOMPARE(models->size(), std::size_t(2));
    QVERIFY(models.value()[0].known);
    QVERIFY(!models.value()[1].known);
}

QTEST_GUILESS_MAIN(TestCtlEndpointModels)
#include "tst_ctlendpointmodels.moc"
