// The console's line above an answer a guardrail gave: WSO2's 446 body, and a stream a response
// guardrail ended with its final 900514 event; nothing for other answers.
#include "console/GuardrailNotice.h"

#include <QTest>

using namespace gatehouse;

namespace {

const QByteArray requestViolation =
    R"({"code":"900514","type":"REGEX_GUARDRAIL","message":{"interveningGuardrail":"Jailbreak",)"
    R"("action":"GUARDRAIL_INTERVENED","actionReason":"Violation of applied regex pattern detected.",)"
    R"("direction":"REQUEST"}})";
const QByteArray responseViolationWithAssessment =
    R"({"code":"900514","type":"WORD_COUNT_GUARDRAIL","message":{"interveningGuardrail":"Short",)"
    R"("action":"GUARDRAIL_INTERVENED","actionReason":"Violation of applied word count constraints detected.",)"
    R"("direction":"RESPONSE","assessments":"Word count 12 is outside 1..5."}})";

} // namespace

class TestGuardrailNotice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void blockedRequest() {
        QCOMPARE(GuardrailNotice::of(446, requestViolation),
                 std::optional<QString>(
                     QStringLiteral("Blocked by Jailbreak: Violation of applied regex pattern detected.")));
    }

    void blockedAnswerWithItsAssessment() {
        QCOMPARE(
            GuardrailNotice::of(446, responseViolationWithAssessment),
            std::optional<QString>(QStringLiteral("Answer blocked by Short: Violation of applied word count "
                                                  "constraints detected. Word count 12 is outside 1..5.")));
    }

    void streamEndedByAGuardrail() {
        const QByteArray stream = "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: " +
                                  responseViolationWithAssessment + "\n\ndata: [DONE]\n\n";
        const std::optional<QString> notice = GuardrailNotice::of(200, stream);
        QVERIFY(notice);
        QVERIFY2(notice->startsWith(QStringLiteral("Answer blocked by Short: ")), qPrintable(*notice));
    }

    void otherAnswersHaveNone() {
        QVERIFY(!GuardrailNotice::of(200, R"({"choices":[]})"));
        QVERIFY(!GuardrailNotice::of(446, "not json"));
        QVERIFY(!GuardrailNotice::of(446, R"({"code":"900967","message":"internal"})"));
        QVERIFY(!GuardrailNotice::of(429, requestViolation)); // 900514 only means a guardrail at 446
        QVERIFY(!GuardrailNotice::of(200, "data: {\"text\":\"900514\"}\n\n"));
    }
};

QTEST_GUILESS_MAIN(TestGuardrailNotice)
#include "tst_guardrailnotice.moc"
