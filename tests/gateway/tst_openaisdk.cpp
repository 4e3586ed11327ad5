// What a client really runs: OpenAI's own Node SDK (the `openai` package from npm, installed into a
// throwaway folder) streams a chat completion through the gateway, which asks the upstream for the
// stream's usage on the client's behalf. The SDK must get exactly the stream it gets from the
// upstream directly: the same chunks, no usage chunk it did not ask for, and the usage chunk when it
// did ask.
#include "GatewayFixture.h"
#include "TestHttpClient.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// Streams one completion with the SDK and prints its chunks as a JSON array. The SDK runs on Node's own
// fetch: on Node 18 its default, node-fetch 2, reports a complete chunked stream on a kept-alive socket
// as "Premature close" now and then (seen in the fresh Debian root), whatever the server sent.
const char* const streamScript = "import 'openai/shims/web';\n"
                                 "import OpenAI from 'openai';\n"
                                 "const [baseURL, apiKey, usage] = process.argv.slice(2);\n"
                                 "const client = new OpenAI({ baseURL, apiKey, maxRetries: 0 });\n"
                                 "const request = { model: 'gpt-4o', stream: true,\n"
                                 "  messages: [{ role: 'user', content: 'Say this is a test' }] };\n"
                                 "if (usage === 'usage') request.stream_options = { include_usage: true };\n"
                                 "const chunks = [];\n"
                                 "for await (const chunk of await client.chat.completions.create(request))\n"
                                 "  chunks.push(chunk);\n"
                                 "console.log(JSON.stringify(chunks));\n";

// The parts of a chunk that must match between the upstream and the gateway (not ids or times).
Json essentials(const Json& chunks) {
    Json kept = Json::array();
    for (const Json& chunk : chunks)
        kept.push_back({{"object", chunk.value("object", "")},
                        {"model", chunk.value("model", "")},
                        {"choices", chunk.value("choices", Json::array())},
                        {"usage", chunk.value("usage", Json())}});
    return kept;
}

} // namespace

class TestOpenAiSdk : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        QVERIFY2(!m_node.isEmpty() && !npm.isEmpty(), "node and npm are needed (./dev deps installs them)");
        QVERIFY(m_folder.isValid());
        QProcess install;
        install.setProcessChannelMode(QProcess::MergedChannels);
        install.setWorkingDirectory(m_folder.path());
        // Version 4 runs on Debian 12's Node.js 18.
        install.start(npm,
                      {QStringLiteral("install"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund"),
                       QStringLiteral("--prefix"), m_folder.path(), QStringLiteral("openai@4")});
        QVERIFY(install.waitForStarted(10000));
        QVERIFY2(install.waitForFinished(300000) && install.exitCode() == 0, install.readAll().constData());
        QFile script(m_folder.filePath(QStringLiteral("stream.mjs")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(streamScript);
        script.close();
        QString error;
        QVERIFY2(m_scenario.setUp(GatewayFixture::ApiSpec(), &error), qPrintable(error));
    }

    void sdkStreamIsTheUpstreamsStream() {
        for (const bool usage : {false, true}) {
            const Json direct = stream(m_scenario.fixture.mockUrl(QStringLiteral("/v1")).toString(),
                                       QStringLiteral("sk-test"), usage);
            const Json through =
                stream(m_scenario.fixture.gatewayUrl(QStringLiteral("/smartchat/1.0.0")).toString(),
                       QString::fromUtf8(m_scenario.token), usage);
            QVERIFY2(direct.is_array() && through.is_array(), "the SDK printed no chunks");
            QCOMPARE(essentials(through).dump(), essentials(direct).dump());
            const bool lastHasUsage =
                !through.empty() && through.back().contains("usage") && through.back()["usage"].is_object();
            QCOMPARE(lastHasUsage, usage);
            if (usage)
                QCOMPARE(through.back()["usage"]["total_tokens"].get<int>(), 17);
        }
    }

private:
    Json stream(const QString& baseUrl, const QString& apiKey, bool usage) {
        // The SDK runs in its own process: the test's event loop serves the gateway and the mock meanwhile.
        QProcess node;
        node.setWorkingDirectory(m_folder.path());
        node.start(m_node, {m_folder.filePath(QStringLiteral("stream.mjs")), baseUrl, apiKey,
                            usage ? QStringLiteral("usage") : QStringLiteral("plain")});
        if (!node.waitForStarted(10000))
            return Json();
        if (!QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 60000)) {
            node.kill();
            node.waitForFinished(5000);
        }
        const QByteArray out = node.readAllStandardOutput();
        if (node.exitCode() != 0)
            qWarning("node: %s", node.readAllStandardError().constData());
        return Json::parse(out.constData(), nullptr, false);
    }

    QTemporaryDir m_folder;
    QString m_node;
    Scenario m_scenario;
};

QTEST_GUILESS_MAIN(TestOpenAiSdk)
#include "tst_openaisdk.moc"
