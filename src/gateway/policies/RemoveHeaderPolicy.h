#pragma once

#include "gateway/policies/PolicyRegistry.h"

#include <QByteArray>

namespace gatehouse {

// WSO2's removeHeader: removes every header of a name from the request going upstream, the answer
// going to the client, or an error the gateway answers.
class RemoveHeaderPolicy final : public GatewayPolicy {
public:
    explicit RemoveHeaderPolicy(QByteArray name);
    static PolicyBuildResult build(const PolicyBuildInput& input);

    QString name() const override;
    std::optional<PolicyAnswer> onRequest(PolicyRequest& request) const override;
    void onResponseHeaders(PolicyResponse& response) const override;
    void onFault(HttpHeaders& headers) const override;

private:
    QByteArray m_name;
};

} // namespace gatehouse
