// What a try-out request goes to, as the GUI console and gatehouse-ctl invoke both resolve it: the
// deployed revision (not the design being edited), template paths, the URL and the configured weights.
#include "DemoWorkspaceFolder.h"
#include "console/InvokeTarget.h"
#include "core/PolicyCatalogue.h"
#include "core/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

PolicyAttachment weightedRouter(int gpt4oWeight, int miniWeight) {
    PolicyAttachment attachment;
    attachment.policyName = QStringLiteral("modelWeightedRoundRobin");
    Json config = Json::parse(R"({"production":[
        {"model":"gpt-4o","endpointId":"default_production_endpoint","weight":1},
        {"model":"gpt-4o-mini","endpointId":"default_production_endpoint","weight":1}],"sandbox":[]})");
    config["production"][0]["weight"] = gpt4oWeight;
    config["production"][1]["weight"] = miniWeight;
    attachment.parameters["weightedRoundRobinConfigs"] = config;
    return attachment;
}

} // namespace

class TestInvokeTarget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resolvesTheDeployedRevision() {
        QTemporaryDir folder;
        Workspace workspace;
        QString error;
        QVERIFY2(test::openDemoWorkspace(workspace, folder.path(), &error), qPrintable(error));
        Api api = *workspace.findApi(QLatin1String(DemoWorkspace::ApiName));
        const QUrl gateway(QStringLiteral("http://127.0.0.1:8280/"));

        Result<InvokeTarget> target =
            InvokeTarget::resolve(workspace, api.id, QStringLiteral("POST"),
                                  QStringLiteral("/chat/completions"), QString(), Stage::Production, gateway);
        QCOMPARE(target.code(), ErrorCode::NotFound); // not deployed: the gateway would answer 404

        // Deploy 75/25, then edit the design to 10/90 without deploying: the gateway routes by the
        // deployed revision, so that is what the target says.
        api.operation(QStringLiteral("POST"), QStringLiteral("/chat/completions"))->policies.request = {
            weightedRouter(75, 25)};
        Operation retrieve;
        retrieve.verb = QStringLiteral("GET");
        retrieve.path = QStringLiteral("/models/{model}");
        api.operations.push_back(retrieve);
        QVERIFY2(workspace.saveApi(api).ok(&error), qPrintable(error));
        const Result<Revision> revision = workspace.createRevision(api.id, QString());
        QVERIFY2(revision, qPrintable(revision.error()));
        QVERIFY2(workspace.deploy(api.id, revision->number).ok(&error), qPrintable(error));
        api.operation(QStringLiteral("POST"), QStringLiteral("/chat/completions"))->policies.request = {
            weightedRouter(10, 90)};
        QVERIFY2(workspace.saveApi(api).ok(&error), qPrintable(error));

        target = InvokeTarget::resolve(workspace, api.id, QStringLiteral("POST"),
                                       QStringLiteral("/chat/completions"), QStringLiteral("a=1"),
                                       Stage::Production, gateway);
        QVERIFY2(target, qPrintable(target.error()));
        QCOMPARE(target->revision(), revision->number);
        QCOMPARE(target->url().toString(), QStringLiteral("http://127.0.0.1:8280") + api.basePath() +
                                               QStringLiteral("/chat/completions?a=1"));
        QCOMPARE(target->configuredWeights().at(QStringLiteral("gpt-4o")), 75.0);
        QCOMPARE(target->configuredWeights().at(QStringLiteral("gpt-4o-mini")), 25.0);
        QVERIFY(InvokeTarget::resolve(workspace, api.id, QStringLiteral("POST"),
                                      QStringLiteral("/chat/completions"), QString(), Stage::Sandbox, gateway)
                    ->configuredWeights()
                    .empty());

        // A template segment matches a concrete one; an unknown operation names the ones there are.
        const Result<InvokeTarget> model =
            InvokeTarget::resolve(workspace, api.id, QStringLiteral("GET"), QStringLiteral("/models/gpt-4o"),
                                  QString(), Stage::Production, gateway);
        QVERIFY2(model, qPrintable(model.error()));
        QCOMPARE(model->operation().path, QStringLiteral("/models/{model}"));
        const Result<InvokeTarget> unknown =
            InvokeTarget::resolve(workspace, api.id, QStringLiteral("POST"), QStringLiteral("/nope"),
                                  QString(), Stage::Production, gateway);
        QCOMPARE(unknown.code(), ErrorCode::Invalid);
        QVERIFY2(unknown.error().contains(QLatin1String("POST /chat/completions")),
                 qPrintable(unknown.error()));
    }
};

QTEST_GUILESS_MAIN(TestInvokeTarget)
#include "tst_invoketarget.moc"
