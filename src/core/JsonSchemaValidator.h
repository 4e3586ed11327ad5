#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace gatehouse {

// A JSON Schema (draft-07 or 2020-12 keywords) compiled once and then checked against many
// documents: the JSONSchemaGuardrail validates every prompt or answer of an API against the schema
// its author attached. Both the schema and the document come from outside (a policy attribute, an
// upstream's answer), so compiling and validating are bounded: a schema cannot hang a gateway worker,
// and a document cannot overflow its stack.
//
// Dialect: "$ref" next to other keywords follows the schema's "$schema". Draft-04/06/07 ignore the
// siblings of "$ref"; 2019-09, 2020-12 and a schema without "$schema" apply them, because silently
// ignoring a "required" next to a "$ref" would let through documents the author meant to stop.
//
// Copies share the compiled schema, which never changes after compile(): validate() may run on any
// number of threads at once.
class JsonSchemaValidator {
public:
    // Accepts every document, like the schema `true`: for a member that is assigned a compiled
    // schema later.
    JsonSchemaValidator();

    // Compiles `schema` (a JSON Schema document, draft 2020-12 or draft-07 keywords). Refuses a schema
    // that is not an object/boolean, uses a keyword wrongly (e.g. "minimum":"x"), has a "pattern" that
    // does not compile, a "$ref" that does not resolve inside the document, or is too large/deep
    // (limits: 64 levels of nesting, 10,000 subschemas). The error names the JSON pointer of the problem.
    static Result<JsonSchemaValidator> compile(const Json& schema);

    // True when `instance` validates. On failure `*why` (when given) gets the first failing keyword and
    // the instance location, e.g. "/age: 17 is less than the minimum 18". Evaluation is bounded: at most
    // 1,000,000 keyword evaluations per call (a $ref cycle or exponential anyOf cannot hang a worker);
    // hitting the bound returns false with why = "schema evaluation limit reached".
    bool validate(const Json& instance, QString* why = nullptr) const;
    // validate() with the cases told apart: GaveUp is no verdict at all (the evaluation bound, or a
    // "pattern" / "patternProperties" regex that hit BoundedRegex's match limit), for callers that
    // must not count it as a document that broke the schema.
    enum class Verdict { Valid, Invalid, GaveUp };
    Verdict check(const Json& instance, QString* why = nullptr) const;

    // The keywords this validator understands (for docs and the test's report).
    static QStringList supportedKeywords();
    // Keywords of draft-07 or 2020-12 that compile() refuses, because ignoring them would accept
    // documents the schema's author meant to refuse.
    static QStringList unsupportedKeywords();

    static constexpr int maxNesting = 64;
    static constexpr int maxSubschemas = 10000;
    static constexpr long maxEvaluations = 1000000;
    // Nested evaluations (a "$ref" chain, or a document followed down through a recursive schema)
    // before validate() gives up the same way: each is a few stack frames, and the stack of a gateway
    // worker is not for a document to choose the size of.
    static constexpr int maxEvaluationDepth = 1000;

    // The compiled schema, defined in the .cpp; never changed after compile().
    struct Program;

private:
    explicit JsonSchemaValidator(std::shared_ptr<const Program> program);

    std::shared_ptr<const Program> m_program;
};

} // namespace gatehouse
