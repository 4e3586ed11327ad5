#include "gateway/policies/AzureContentSafetyPolicy.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace gatehouse {

PolicyBuildResult AzureContentSafetyPolicy::build(const PolicyBuildInput& input) {
    Result<std::shared_ptr<const Guardrail>> built =
        AzureContentSafetyGuardrail::build(input.attachment.parameters);
    if (!built)
        return PolicyBuildResult::failureOf(built);
    if (!input.providers || input.providers->azureContentSafetyEndpoint.isEmpty())
        return PolicyBuildResult::failure(
            QStringLiteral("no Azure Content Safety endpoint is configured for this workspace (gatehouse-ctl "
                           "guardrail azure --endpoint URL --key-stdin)"));
    if (input.providers->azureContentSafetyKey.isEmpty())
        return PolicyBuildResult::failure(
            QStringLiteral("the Azure Content Safety key is not in the secret store"));
    return PolicyBuildResult::success(std::make_shared<AzureContentSafetyPolicy>(
        std::static_pointer_cast<const AzureContentSafetyGuardrail>(std::move(built.value())),
        input.providers->azureContentSafetyEndpoint, input.providers->azureContentSafetyKey));
}

AzureContentSafetyPolicy::AzureContentSafetyPolicy(
    std::shared_ptr<const AzureContentSafetyGuardrail> guardrail, QString endpoint, QByteArray key)
    : RemoteGuardrailPolicy(guardrail), m_guardrail(std::move(guardrail)), m_endpoint(std::move(endpoint)),
      m_key(std::move(key)) {
    while (m_endpoint.endsWith(QLatin1Char('/')))
        m_endpoint.chop(1);
}

void AzureContentSafetyPolicy::decide(const Guardrail::Judgement& judgement, GuardrailDirection direction,
                                      const PolicyDecision& done) const {
    if (!judgement.error.isEmpty() && m_guardrail->passthroughOnError()) {
        done(std::nullopt);
        return;
    }
    done(answerFor(judgement, direction));
}

void AzureContentSafetyPolicy::check(const Result<QString>& text, GuardrailDirection direction,
                                     QObject* owner, PolicyDecision done) const {
    Result<QByteArray> body =
        text ? m_guardrail->requestBody(text.value()) : Result<QByteArray>::failureOf(text);
    if (!body) {
        Guardrail::Judgement failed;
        failed.error = body.error();
        decide(failed, direction, done);
        return;
    }
    QUrl url(m_endpoint + QStringLiteral("/contentsafety/text:analyze"));
    url.setQuery(QStringLiteral("api-version=") + AzureContentSafetyGuardrail::apiVersion);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Ocp-Apim-Subscription-Key", m_key);
    request.setTransferTimeout(timeoutMs);
    // A manager of the call's own, a child of it: a client that leaves aborts the moderation too.
    auto* network = new QNetworkAccessManager(owner);
    QNetworkReply* reply = network->post(request, body.value());
    QObject::connect(
        reply, &QNetworkReply::finished, network,
        [this, guardrail = m_guardrail, reply, network, direction, done] {
            Guardrail::Judgement judgement;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() != QNetworkReply::NoError || status != 200)
                // The key never goes into the message: only the status or Qt's reason.
                judgement.error =
                    status != 0 ? QStringLiteral("Azure AI Content Safety answered HTTP %1").arg(status)
                                : QStringLiteral("Azure AI Content Safety: %1").arg(reply->errorString());
            else
                judgement = guardrail->judgeAnswer(reply->readAll());
            network->deleteLater();
            decide(judgement, direction, done);
        });
}

} // namespace gatehouse
