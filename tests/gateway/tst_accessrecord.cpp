#include "gateway/AccessRecord.h"

#include <QTest>

using gatehouse::AccessRecord;
using gatehouse::Json;

// Before the first use (addColumn), or the compiler has already made its own QMetaTypeId.
Q_DECLARE_METATYPE(AccessRecord)

class TestAccessRecord : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The log line is written by hand for speed; it must say exactly what the document form says.
    void lineIsTheDocument_data() {
        QTest::addColumn<AccessRecord>("record");
        AccessRecord plain;
        plain.timeMs = 1'800'000'000'123;
        plain.apiId = QStringLiteral("smartchat-1.0.0");
        plain.apiName = QStringLiteral("SmartChat");
        plain.operation = QStringLiteral("POST /chat/completions");
        plain.applicationId = QStringLiteral("smartchatapp");
        plain.keyType = QStringLiteral("PRODUCTION");
        plain.tokenId = QStringLiteral("2b7e5d9c");
        plain.model = QStringLiteral("gpt-4o");
        plain.endpointId = QStringLiteral("default_production_endpoint");
        plain.status = 200;
        plain.latencyMs = 1.23456;
        plain.upstreamLatencyMs = 0.5;
        plain.promptTokens = 12;
        plain.completionTokens = 30;
        plain.totalTokens = 42;
        plain.clientAddress = QStringLiteral("127.0.0.1");
        QTest::newRow("a served call") << plain;

        AccessRecord hostile = plain;
        hostile.apiName =
            QString::fromUtf8("Qu\"ote \\ back\nnew\ttab\x01 \xc3\xa9\xe2\x82\xac \xf0\x9f\x98\x80");
        hostile.model = QStringLiteral("</script>");
        hostile.errorCode = QStringLiteral("101505");
        hostile.promptTokens = -1;
        hostile.completionTokens = -1;
        hostile.totalTokens = -1;
        hostile.retried = true;
        hostile.streamed = true;
        hostile.latencyMs = 3;
        hostile.timeMs = 0;
        QTest::newRow("escapes, no usage, an error") << hostile;

        QTest::newRow("empty record") << AccessRecord();
    }
    void lineIsTheDocument() {
        QFETCH(AccessRecord, record);
        const std::string line = record.toJsonLine();
        QVERIFY(line.find('\n') == std::string::npos);
        const Json parsed = Json::parse(line, nullptr, false);
        QVERIFY2(!parsed.is_discarded(), line.c_str());
        QVERIFY2(parsed == record.toJson(), line.c_str());
        // Same members in the same order, so log readers see no difference.
        std::vector<std::string> keys, expected;
        for (const auto& item : parsed.items())
            keys.push_back(item.key());
        const Json document = record.toJson();
        for (const auto& item : document.items())
            expected.push_back(item.key());
        QVERIFY(keys == expected);
    }
};

QTEST_GUILESS_MAIN(TestAccessRecord)
#include "tst_accessrecord.moc"
