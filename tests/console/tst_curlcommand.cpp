// Copy as cURL: POSIX quoting that survives quotes, newlines and Unicode (checked by letting a real
// shell parse the command), the flags curl needs, and the token masked unless asked for.
#include "console/CurlCommand.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace gatehouse;

namespace {

const QByteArray token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

InvokeRequest chatRequest(const QByteArray& body) {
    InvokeRequest request;
    request.url = QUrl(QStringLiteral("http://127.0.0.1:8280/smartchat/1.0.0/chat/completions"));
    request.method = "POST";
    request.body = body;
    return request;
}

// The arguments a POSIX shell passes to curl for `command` (curl replaced by a function that prints
// them NUL-separated); empty when there is no /bin/sh.
QStringList shellArguments(const QString& command) {
    if (!QFileInfo::exists(QStringLiteral("/bin/sh")))
        return {};
    QProcess shell;
    shell.start(
        QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"),
         QStringLiteral("curl() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\nTOKEN=from-env\n") +
             command});
    if (!shell.waitForFinished(10000) || shell.exitCode() != 0)
        return {QStringLiteral("<shell failed: %1>").arg(QString::fromUtf8(shell.readAllStandardError()))};
    QStringList arguments;
    const QList<QByteArray> parts = shell.readAllStandardOutput().split('\0');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) // the output ends with a NUL
        arguments.append(QString::fromUtf8(parts.at(i)));
    return arguments;
}

} // namespace

class TestCurlCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quotingSurvivesAShell_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("plain JSON") << QByteArray(R"({"model":"gpt-4o","messages":[]})");
        QTest::newRow("single quotes") << QByteArray("{\"content\":\"it's 'quoted'\"}");
        QTest::newRow("double quotes and backslashes")
            << QByteArray("{\"content\":\"say \\\"hi\\\" \\\\ $HOME `id`\"}");
        QTest::newRow("newlines") << QByteArray("{\n  \"content\": \"line one\\nline two\"\n}\n");
        QTest::newRow("unicode") << QByteArray(R"({"content":"日本語 🚀 é"})");
        QTest::newRow("only a quote") << QByteArray("'");
    }
    void quotingSurvivesAShell() {
        QFETCH(QByteArray, body);
        InvokeRequest request = chatRequest(body);
        request.headers = {{"X-Note", "Tom's \"test\""}};
        const QString command = CurlCommand::build(request, token, true);
        const QStringList arguments = shellArguments(command);
        QVERIFY2(!arguments.isEmpty(), "a POSIX shell is needed at /bin/sh");
        QCOMPARE(arguments,
                 (QStringList{request.url.toString(), QStringLiteral("-H"),
                              QStringLiteral("Authorization: Bearer ") + QString::fromUtf8(token),
                              QStringLiteral("-H"), QStringLiteral("X-Note: Tom's \"test\""),
                              QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                              QStringLiteral("--data-raw"), QString::fromUtf8(body)}));
    }

    void singleQuoteEscaping() {
        QCOMPARE(CurlCommand::quote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
        QCOMPARE(CurlCommand::quote(QString()), QStringLiteral("''"));
        QCOMPARE(CurlCommand::quote(QStringLiteral("a\nb")), QStringLiteral("'a\nb'"));
        QCOMPARE(CurlCommand::quote(QStringLiteral("日本")), QStringLiteral("'日本'"));
        const QString command = CurlCommand::build(chatRequest("{\"content\":\"it's\"}"), token, false);
        QVERIFY2(command.contains(QStringLiteral("--data-raw '{\"content\":\"it'\\''s\"}'")),
                 qPrintable(command));
    }

    void tokenIsMaskedUnlessAsked() {
        const QString masked = CurlCommand::build(chatRequest("{}"), token, false);
        QVERIFY2(!masked.contains(QString::fromUtf8(token)), qPrintable(masked));
        QVERIFY2(masked.contains(QStringLiteral("'Authorization: Bearer eyJhbGciOi…'")), qPrintable(masked));
        const QString revealed = CurlCommand::build(chatRequest("{}"), token, true);
        QVERIFY(revealed.contains(QStringLiteral("'Authorization: Bearer ") + QString::fromUtf8(token) +
                                  QLatin1Char('\'')));
        // A short token shows at most a third of itself.
        QCOMPARE(CurlCommand::maskToken("abcdefghi"), QStringLiteral("abc…"));
        QVERIFY(!CurlCommand::maskToken("ab").contains(QLatin1Char('a')));
    }

    void withoutATokenTheShellFillsItIn() {
        const QString command = CurlCommand::build(chatRequest("{}"), QByteArray(), false);
        QVERIFY2(command.contains(QStringLiteral("-H \"Authorization: Bearer ${TOKEN}\"")),
                 qPrintable(command));
        const QStringList arguments = shellArguments(command);
        QVERIFY2(!arguments.isEmpty(), "a POSIX shell is needed at /bin/sh");
        QVERIFY2(arguments.contains(QStringLiteral("Authorization: Bearer from-env")),
                 qPrintable(arguments.join(QLatin1Char('|'))));
    }

    void methodsAndStreams() {
        InvokeRequest get;
        get.url = QUrl(QStringLiteral("http://127.0.0.1:8280/smartchat/1.0.0/models"));
        get.method = "GET";
        QString command = CurlCommand::build(get, token, false);
        QVERIFY2(!command.contains(QStringLiteral("-X")), qPrintable(command));
        QVERIFY(!command.contains(QStringLiteral("--data-raw")));
        QVERIFY(!command.contains(QStringLiteral("-N")));

        command = CurlCommand::build(chatRequest("{}"), token, false);
        QVERIFY2(!command.contains(QStringLiteral("-X")), qPrintable(command)); // --data-raw means POST

        InvokeRequest put = chatRequest("{}");
        put.method = "PUT";
        QVERIFY(CurlCommand::build(put, token, false).contains(QStringLiteral("-X PUT ")));
        InvokeRequest emptyPost = chatRequest({});
        QVERIFY(CurlCommand::build(emptyPost, token, false).contains(QStringLiteral("-X POST ")));

        InvokeRequest stream = chatRequest(R"({"stream":true})");
        stream.stream = true;
        command = CurlCommand::build(stream, token, false);
        QVERIFY2(command.startsWith(QStringLiteral("curl \\\n  -N \\\n")), qPrintable(command));

        // A given Content-Type wins; an Authorization among the headers is never shown twice.
        InvokeRequest typed = chatRequest("{}");
        typed.headers = {{"content-type", "application/json; charset=utf-8"},
                         {"Authorization", "Basic secret"}};
        command = CurlCommand::build(typed, token, false);
        QCOMPARE(command.count(QStringLiteral("ontent-")), 1);
        QVERIFY(!command.contains(QStringLiteral("Basic secret")));
    }
};

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
