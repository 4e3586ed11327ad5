#include "core/ApiFactory.h"

namespace gatehouse {

Api ApiFactory::createAiApi(const Provider& provider, const Request& request) {
    Api api;
    api.id = request.id;
    api.name = request.name;
    api.context = request.context;
    api.version = request.version;
    api.description = request.description.isEmpty() ? provider.description : request.description;
    api.type = QLatin1String(Api::TypeAi);
    api.providerId = provider.id;
    api.lifecycle = LifecycleState::Created;
    const auto addEndpoint = [&](Stage stage, const QString& url) {
        Endpoint endpoint;
        endpoint.id = Endpoint::defaultId(stage);
        endpoint.name = Endpoint::defaultName(stage);
        endpoint.stage = stage;
        endpoint.url = url;
        api.endpoints.push_back(endpoint);
    };
    addEndpoint(Stage::Production,
                request.productionUrl.isEmpty() ? provider.defaultBaseUrl : request.productionUrl);
    if (!request.sandboxUrl.isEmpty())
        addEndpoint(Stage::Sandbox, request.sandboxUrl);
    for (const Operation& operation : provider.operations) {
        Operation copy = operation;
        copy.policies = PolicyFlows();
        api.operations.push_back(copy);
    }
    return api;
}

} // namespace gatehouse
