#include "gateway/RequestBodyModel.h"

#include <QTest>

using gatehouse::JsonFieldScanner;
using gatehouse::RequestBodyModel;

// Test data lives outside the class: moc's tokenizer trips over some of the JSON string literals.
class TestRequestBodyModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rewritesOnlyTheModel_data();
    void rewritesOnlyTheModel();
    void aRetryRewritesTheOriginalAgain();
    void readsTheStreamFlag_data();
    void readsTheStreamFlag();
    void refusesWhatIsNotAnObject();
};

void TestRequestBodyModel::rewritesOnlyTheModel_data() {
    QTest::addColumn<QString>("location");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QByteArray>("rewritten");
    // The seed's body, formatting and all: only the model string changes.
    QTest::newRow("seed, pretty-printed")
        << QStringLiteral("$.model")
        << QByteArrayLiteral(
               "{\n  \"model\": \"o3-mini\",\n  \"messages\": [{\"role\": \"user\", \"content\": "
               "\"Say this is a test!\"}]\n}")
        << QStringLiteral("o3-mini")
        << QByteArrayLiteral(
               "{\n  \"model\": \"gpt-4o\",\n  \"messages\": [{\"role\": \"user\", \"content\": "
               "\"Say this is a test!\"}]\n}");
    QTest::newRow("escaped model") << QStringLiteral("$.model")
                                   << QByteArrayLiteral(R"({"model":"o\"3","n":1})") << QStringLiteral("o\"3")
                                   << QByteArrayLiteral(R"({"model":"gpt-4o","n":1})");
    QTest::newRow("no model: inserted first")
        << QStringLiteral("$.model") << QByteArrayLiteral(R"({ "messages":[]})") << QString()
        << QByteArrayLiteral(R"({"model":"gpt-4o", "messages":[]})");
    QTest::newRow("empty object") << QStringLiteral("$.model") << QByteArrayLiteral("{ }") << QString()
                                  << QByteArrayLiteral(R"({"model":"gpt-4o" })");
    QTest::newRow("model that is not a string: replaced in place")
        << QStringLiteral("$.model") << QByteArrayLiteral(R"({"model":42,"n":1})") << QString()
        << QByteArrayLiteral(R"({"model":"gpt-4o","n":1})");
    QTest::newRow("model that is an object, spaced, last")
        << QStringLiteral("$.model")
        << QByteArrayLiteral("{\"n\":1 , \"model\" : {\"a\":\"}]\\\"\",\"b\":[{}]} }") << QString()
        << QByteArrayLiteral("{\"n\":1 , \"model\" : \"gpt-4o\" }");
    QTest::newRow("model that is null, then an array member")
        << QStringLiteral("$.model") << QByteArrayLiteral("{\"model\":null,\"m\":[1,2]}") << QString()
        << QByteArrayLiteral("{\"model\":\"gpt-4o\",\"m\":[1,2]}");
    QTest::newRow("nested model that is a number")
        << QStringLiteral("$.params.model") << QByteArrayLiteral("{\"params\":{\"model\":-1.5e3},\"x\":true}")
        << QString() << QByteArrayLiteral("{\"params\":{\"model\":\"gpt-4o\"},\"x\":true}");
    QTest::newRow("nested location present")
        << QStringLiteral("$.params.model") << QByteArrayLiteral(R"({"params":{"model":"a"},"x":true})")
        << QStringLiteral("a") << QByteArrayLiteral(R"({"params":{"model":"gpt-4o"},"x":true})");
    QTest::newRow("nested location absent: created")
        << QStringLiteral("$.params.model") << QByteArrayLiteral(R"({"x":true})") << QString()
        << QByteArrayLiteral(R"({"x":true,"params":{"model":"gpt-4o"}})");
}

void TestRequestBodyModel::rewritesOnlyTheModel() {
    QFETCH(QString, location);
    QFETCH(QByteArray, body);
    QFETCH(QString, requested);
    QFETCH(QByteArray, rewritten);
    RequestBodyModel model(location);
    QCOMPARE(model.scan(body), JsonFieldScanner::Outcome::Object);
    QCOMPARE(model.requestedModel(), requested);
    QCOMPARE(model.withModel(body, QStringLiteral("gpt-4o")), rewritten);
}

void TestRequestBodyModel::aRetryRewritesTheOriginalAgain() {
    const QByteArray body = QByteArrayLiteral(R"({"model":"o3-mini","messages":[]})");
    RequestBodyModel model(QStringLiteral("$.model"));
    QCOMPARE(model.scan(body), JsonFieldScanner::Outcome::Object);
    QCOMPARE(model.withModel(body, QStringLiteral("gpt-4o")),
             QByteArrayLiteral(R"({"model":"gpt-4o","messages":[]})"));
    QCOMPARE(model.withModel(body, QStringLiteral("gpt-4o-mini")),
             QByteArrayLiteral(R"({"model":"gpt-4o-mini","messages":[]})"));
}

void TestRequestBodyModel::readsTheStreamFlag_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("stream");
    QTest::newRow("true") << QByteArrayLiteral(R"({"stream":true})") << true;
    QTest::newRow("false") << QByteArrayLiteral(R"({"stream":false})") << false;
    QTest::newRow("absent") << QByteArrayLiteral(R"({"model":"x"})") << false;
    QTest::newRow("a string is not a flag") << QByteArrayLiteral(R"({"stream":"true"})") << false;
    QTest::newRow("nested does not count") << QByteArrayLiteral(R"({"options":{"stream":true}})") << false;
}

void TestRequestBodyModel::readsTheStreamFlag() {
    QFETCH(QByteArray, body);
    QFETCH(bool, stream);
    RequestBodyModel model(QStringLiteral("$.model"));
    QCOMPARE(model.scan(body), JsonFieldScanner::Outcome::Object);
    QCOMPARE(model.streamRequested(), stream);
}

void TestRequestBodyModel::refusesWhatIsNotAnObject() {
    RequestBodyModel model(QStringLiteral("$.model"));
    QCOMPARE(model.scan(QByteArrayLiteral("{\"model\":")), JsonFieldScanner::Outcome::Invalid);
    QCOMPARE(model.scan(QByteArrayLiteral("[1,2]")), JsonFieldScanner::Outcome::NotObject);
}

QTEST_GUILESS_MAIN(TestRequestBodyModel)
#include "tst_requestbodymodel.moc"
