#pragma once

#include "gateway/policies/PolicyRegistry.h"

#include <QByteArray>

namespace gatehouse {

// WSO2's addHeader: sets a header (replacing one of the same name) on the request going upstream,
// on the answer going to the client, or on an error the gateway answers.
class AddHeaderPolicy final : public GatewayPolicy {
public:
    AddHeaderPolicy(QByteArray name, QByteArray value);
    static PolicyBuildResult build(const PolicyBuildInput& input);

    QString name() const override;
    std::optional<PolicyAnswer> onRequest(PolicyRequest& request) const override;
    void onResponseHeaders(PolicyResponse& response) const override;
    void onFault(HttpHeaders& headers) const override;

private:
    QByteArray m_name;
    QByteArray m_value;
};

} // namespace gatehouse
