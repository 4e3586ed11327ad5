#pragma once

#include "gateway/policies/PolicyRegistry.h"

#include <QByteArray>

namespace gatehouse {

// WSO2's addHeader and removeHeader: sets a header (replacing one of the same name) or removes every
// header of a name, on the request going upstream, the answer going to the client, or an error the
// gateway answers, whichever flow it is attached to.
class HeaderPolicy final : public GatewayPolicy {
public:
    enum class Action { Set, Remove };

    HeaderPolicy(Action action, QByteArray name, QByteArray value = {});
    static PolicyBuildResult buildAdd(const PolicyBuildInput& input);
    static PolicyBuildResult buildRemove(const PolicyBuildInput& input);

    QString name() const override;
    std::optional<PolicyAnswer> onRequest(PolicyRequest& request) const override;
    void onResponseHeaders(PolicyResponse& response) const override;
    void onFault(HttpHeaders& headers) const override;

private:
    void apply(HttpHeaders& headers) const;

    Action m_action;
    QByteArray m_name;
    QByteArray m_value;
};

} // namespace gatehouse
