// Where a call goes and where next after a failure, without sockets and with a fake clock: the model
// routers' rules (weights, suspension and the one trial after it, one retry, failover's chain and
// request timeout, which statuses count as failures).
#include "core/PolicyCatalogue.h"
#include "gateway/RoutingDecision.h"
#include "gateway/policies/PolicyRegistry.h"

#include <QTest>

using namespace gatehouse;

namespace {

struct Fixture {
    qint64 now = 1'000'000;
    SuspensionTable suspensions;
    RuntimeApi api;
    RuntimeOperation operation;

    explicit Fixture(const char* policy, const char* config) {
        api.id = QStringLiteral("smartchat");
        for (const char* id : {"a", "b"}) {
            RuntimeEndpoint endpoint;
            endpoint.id = QLatin1String(id);
            api.endpoints.push_back(endpoint);
        }
        const PolicyDefinition& definition = *PolicyCatalogue::builtin().find(QLatin1String(policy));
        PolicyAttachment attachment;
        attachment.policyName = definition.name;
        attachment.parameters[definition.attributes.front().name.toStdString()] = Json::parse(config);
        PolicyBuildResult built = PolicyRegistry::builtin().build({definition, attachment, nullptr});
        if (built)
            operation.flows.request.push_back(built.take());
    }
    RoutingDecision decision(const QString& requestedModel = QStringLiteral("gpt-4o")) {
        RoutingDecision routing(api, operation, Stage::Production, suspensions, [this] { return now; });
        routing.setRequestedModel(requestedModel);
        return routing;
    }
};

const char* const evenSplit = R"({"production":[{"model":"gpt-4o","endpointId":"a","weight":1},
    {"model":"gpt-4o-mini","endpointId":"b","weight":1}],"sandbox":[],"suspendDuration":30})";

QString modelOf(const std::optional<RoutingDecision::Target>& target) {
    return target ? target->model : QStringLiteral("(none)");
}

} // namespace

class TestRoutingDecision : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void failingStatusesAreWso2s() {
        for (int status : {200, 201, 204, 400, 405, 422})
            QVERIFY2(!RoutingDecision::isFailure(status), qPrintable(QString::number(status)));
        for (int status : {401, 403, 404, 408, 429, 500, 502, 503, 504})
            QVERIFY2(RoutingDecision::isFailure(status), qPrintable(QString::number(status)));
    }

    // A failing pair sits out its suspension, then gets exactly one trial request.
    void suspendedPairSitsOutThenGetsOneTrial() {
        Fixture f("modelWeightedRoundRobin", evenSplit);
        RoutingDecision first = f.decision();
        const auto target = first.first();
        QCOMPARE(modelOf(target), QStringLiteral("gpt-4o"));
        QCOMPARE(first.suspendMs(0), qint64(30000));
        QCOMPARE(first.suspendMs(60000), qint64(60000)); // Retry-After asks for longer
        f.suspensions.recordFailure(*target->pair, f.now, first.suspendMs(0), QStringLiteral("HTTP 500"));

        // While suspended, every call goes to the other model.
        for (int i = 0; i < 3; ++i) {
            RoutingDecision call = f.decision();
            const auto chosen = call.first();
            QCOMPARE(modelOf(chosen), QStringLiteral("gpt-4o-mini"));
            f.suspensions.recordSuccess(*chosen->pair);
        }
        f.now += 30000;
        // The balancer may owe the other model a turn first; within two calls the pair gets its trial.
        std::optional<RoutingDecision::Target> trialTarget;
        for (int i = 0; i < 2 && modelOf(trialTarget) != QStringLiteral("gpt-4o"); ++i) {
            RoutingDecision trial = f.decision();
            trialTarget = trial.first();
            if (modelOf(trialTarget) != QStringLiteral("gpt-4o"))
                f.suspensions.recordSuccess(*trialTarget->pair);
        }
        QCOMPARE(modelOf(trialTarget), QStringLiteral("gpt-4o"));
        for (int i = 0; i < 2; ++i) { // while the trial is in flight, nobody else gets the pair
            RoutingDecision concurrent = f.decision();
            const auto other = concurrent.first();
            QCOMPARE(modelOf(other), QStringLiteral("gpt-4o-mini"));
            f.suspensions.recordSuccess(*other->pair);
        }
        f.suspensions.recordSuccess(*trialTarget->pair);
        QCOMPARE(f.suspensions.availability(*trialTarget->pair, f.now),
                 SuspensionTable::Availability::Active);
    }

    // A balancer retries once on another pair; retryOnFailure false gives WSO2's behaviour.
    void balancerRetriesOnceOnAnotherPair() {
        Fixture f("modelWeightedRoundRobin", evenSplit);
        RoutingDecision call = f.decision();
        const QString first = modelOf(call.first());
        QVERIFY(call.mayRetry());
        const QString second = modelOf(call.next());
        QVERIFY2(second != first && second != QStringLiteral("(none)"), qPrintable(second));
        QVERIFY(!call.mayRetry());
        QVERIFY(!call.next());

        Fixture strict("modelWeightedRoundRobin",
                       R"({"production":[{"model":"gpt-4o","endpointId":"a","weight":1},
                           {"model":"gpt-4o-mini","endpointId":"b","weight":1}],"retryOnFailure":false})");
        RoutingDecision once = strict.decision();
        QVERIFY(once.first());
        QVERIFY(!once.mayRetry());
    }

    // Failover applies to its target model: the fallbacks in order, until the request timeout.
    void failoverWalksItsChainUntilTheTimeout() {
        const char* config = R"({"production":{"targetModel":{"model":"gpt-4o","endpointId":"a"},
            "fallbackModels":[{"model":"gpt-4o-mini","endpointId":"b"},{"model":"o3-mini","endpointId":"a"}]},
            "requestTimeout":10,"suspendDuration":5})";
        Fixture f("modelFailover", config);
        RoutingDecision call = f.decision(QStringLiteral("gpt-4o"));
        QVERIFY(call.routes());
        QCOMPARE(modelOf(call.first()), QStringLiteral("gpt-4o"));
        QCOMPARE(call.deadlineMs(), f.now + 10000);
        f.now += 4000;
        QCOMPARE(modelOf(call.next()), QStringLiteral("gpt-4o-mini"));
        f.now += 7000; // past the request timeout: no more fallbacks
        QVERIFY(!call.mayRetry());
        QVERIFY(!call.next());

        // Another model than failover's target goes as it is, to the key type's primary endpoint.
        RoutingDecision other = f.decision(QStringLiteral("o1"));
        QVERIFY(!other.routes());
        const auto direct = other.first();
        QVERIFY(direct && direct->endpoint && !direct->pair);
        QCOMPARE(direct->endpoint->id, QStringLiteral("a"));
        QVERIFY(direct->model.isEmpty());
    }

    // Every pair suspended: no target, and the pairs to wait for are named.
    void allSuspendedGivesNoTarget() {
        Fixture f("modelRoundRobin", R"({"production":[{"model":"gpt-4o","endpointId":"a"}],"sandbox":[]})");
        RoutingDecision call = f.decision();
        const auto target = call.first();
        QVERIFY(target);
        f.suspensions.recordFailure(*target->pair, f.now, 10000, QStringLiteral("HTTP 503"));
        RoutingDecision next = f.decision();
        QVERIFY(!next.first());
        QCOMPARE(next.candidatePairs().size(), std::size_t(1));
        QCOMPARE(f.suspensions.millisecondsUntilRecovery(next.candidatePairs(), f.now), qint64(10000));
    }
};

QTEST_GUILESS_MAIN(TestRoutingDecision)
#include "tst_routingdecision.moc"
