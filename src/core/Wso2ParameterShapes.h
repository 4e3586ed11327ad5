#pragma once

#include "core/Json.h"

namespace gatehouse {

struct PolicyAttribute;
struct PolicyDefinition;

// What WSO2 writes for a policy's parameters, and what Gatehouse keeps. WSO2's Publisher stores numbers
// and switches as strings ("5", "true"), writes a failover stage it leaves unused as
// {"targetModel":{},"fallbackModels":[]} (its form: every field ""), and adds keys of its own
// ("vendor":""). Gatehouse keeps typed values and an unused failover stage as {}. `canonical` turns the
// first into the second at every entry point (policy attach, WSO2 project import, the router form's
// paste); `asWso2Writes` turns a model router's configuration back into WSO2's form on export. A string
// that is not a number stays a string, so that validation refuses it with its path.
class Wso2ParameterShapes {
public:
    // The value with the type its attribute's schema gives it, at every depth.
    static Json typedValue(const PolicyAttribute& attribute, const Json& value);
    // One attribute's value (decoded from WSO2's quoted form already), typed, with a router's unused
    // stages written Gatehouse's way.
    static Json canonicalValue(const PolicyDefinition& definition, const PolicyAttribute& attribute,
                               const Json& value);
    // A whole parameters object: each attribute's value canonical, other keys as they are.
    static Json canonical(const PolicyDefinition& definition, const Json& parameters);
    // A model router's (decoded) configuration as WSO2's Publisher writes it: suspendDuration and
    // requestTimeout as strings, both stages present, an unused failover stage with its empty target.
    // Other policies' values are returned as they are.
    static Json asWso2Writes(const PolicyDefinition& definition, const Json& value);
};

} // namespace gatehouse
