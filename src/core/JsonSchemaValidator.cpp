#include "core/JsonSchemaValidator.h"

#include "core/BoundedRegex.h"

#include <QByteArray>
#include <QRegularExpression>
#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gatehouse {

namespace {

constexpr int NoSchema = -1;
constexpr int maxEvaluationDepth = JsonSchemaValidator::maxEvaluationDepth;
// A JSON object with more members than this is looked up through a sorted index: ordered_json's
// find() is a linear scan, and "required" times a large document would be quadratic.
constexpr std::size_t linearLookupLimit = 16;

const char* const budgetMessage = "schema evaluation limit reached";

enum TypeBit : unsigned {
    NullType = 1u << 0,
    BooleanType = 1u << 1,
    ObjectType = 1u << 2,
    ArrayType = 1u << 3,
    NumberType = 1u << 4,
    StringType = 1u << 5,
    IntegerType = 1u << 6,
};

struct TypeName {
    const char* name;
    unsigned bit;
};
constexpr TypeName typeNames[] = {{"null", NullType},      {"boolean", BooleanType}, {"object", ObjectType},
                                  {"array", ArrayType},    {"number", NumberType},   {"string", StringType},
                                  {"integer", IntegerType}};

// Keywords that are JSON Schema but change no verdict here: annotations, and identifiers that
// compile() reads itself.
const char* const annotationKeywords[] = {
    "$schema",     "$id",       "$anchor",     "$dynamicAnchor",   "$recursiveAnchor", "$comment",
    "$vocabulary", "title",     "description", "default",          "examples",         "format",
    "readOnly",    "writeOnly", "deprecated",  "contentMediaType", "contentEncoding",  "contentSchema",
    "definitions", "$defs",
};

const char* const assertionKeywords[] = {
    "type",
    "enum",
    "const",
    "properties",
    "required",
    "additionalProperties",
    "patternProperties",
    "propertyNames",
    "minProperties",
    "maxProperties",
    "dependencies",
    "dependentRequired",
    "dependentSchemas",
    "items",
    "additionalItems",
    "prefixItems",
    "contains",
    "minContains",
    "maxContains",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    "if",
    "then",
    "else",
    "$ref",
};

// Keywords whose meaning needs evaluation state this validator does not keep (which properties or
// items other keywords already evaluated, the dynamic scope). Ignoring them, as a validator does with
// a keyword it does not know, would accept documents their author meant to refuse.
const char* const refusedKeywords[] = {"unevaluatedProperties", "unevaluatedItems", "$dynamicRef",
                                       "$recursiveRef"};

// Where the root of a document without "$id" lives, so that relative references have a base to be
// resolved against. Never fetched.
const char* const defaultBaseUri = "gatehouse:///schema.json";

QString str(const char* text) {
    return QString::fromUtf8(text);
}

QString displayPointer(const std::string& pointer) {
    return pointer.empty() ? QStringLiteral("(root)") : toQString(pointer);
}

std::string escapeSegment(const std::string& segment) {
    std::string escaped;
    escaped.reserve(segment.size());
    for (const char c : segment) {
        if (c == '~')
            escaped += "~0";
        else if (c == '/')
            escaped += "~1";
        else
            escaped += c;
    }
    return escaped;
}

std::string childPointer(const std::string& pointer, const std::string& segment) {
    return pointer + '/' + escapeSegment(segment);
}

// RFC 6901: "" is the whole document, otherwise "/"-separated segments with ~1 for "/" and ~0 for
// "~". False for anything else (a "~2", a missing leading "/").
bool splitPointer(const std::string& pointer, std::vector<std::string>* segments) {
    segments->clear();
    if (pointer.empty())
        return true;
    if (pointer.front() != '/')
        return false;
    std::string segment;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            segments->push_back(segment);
            segment.clear();
        } else if (pointer[i] == '~') {
            if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1'))
                return false;
            segment += pointer[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            segment += pointer[i];
        }
    }
    return true;
}

// An array index segment: decimal digits without a leading zero, as RFC 6901 writes them.
bool arrayIndex(const std::string& segment, std::size_t* index) {
    if (segment.empty() || segment.size() > 18 || (segment.size() > 1 && segment.front() == '0'))
        return false;
    std::size_t value = 0;
    for (const char c : segment) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + std::size_t(c - '0');
    }
    *index = value;
    return true;
}

const Json* childOf(const Json& value, const std::string& segment) {
    if (value.is_object()) {
        const auto it = value.find(segment);
        return it == value.end() ? nullptr : &*it;
    }
    std::size_t index = 0;
    if (value.is_array() && arrayIndex(segment, &index) && index < value.size())
        return &value[index];
    return nullptr;
}

// --- URI references, as far as resolving "$ref" against "$id" needs them (RFC 3986, section 5.2) ---

struct UriParts {
    std::string scheme; // without ":"
    bool hasAuthority = false;
    std::string authority;
    std::string path; // with any "?query"
};

bool hasScheme(const std::string& uri) {
    if (uri.empty() || !std::isalpha(static_cast<unsigned char>(uri.front())))
        return false;
    for (const char c : uri) {
        if (c == ':')
            return true;
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
            return false;
    }
    return false;
}

UriParts parseAbsoluteUri(const std::string& uri) {
    UriParts parts;
    const std::size_t colon = uri.find(':');
    parts.scheme = uri.substr(0, colon);
    std::string rest = uri.substr(colon + 1);
    if (rest.compare(0, 2, "//") == 0) {
        parts.hasAuthority = true;
        const std::size_t end = rest.find_first_of("/?", 2);
        parts.authority = rest.substr(2, end == std::string::npos ? std::string::npos : end - 2);
        rest = end == std::string::npos ? std::string() : rest.substr(end);
    }
    parts.path = rest;
    return parts;
}

std::string removeDotSegments(const std::string& pathAndQuery) {
    const std::size_t queryStart = pathAndQuery.find('?');
    const std::string path = pathAndQuery.substr(0, queryStart);
    const std::string query =
        queryStart == std::string::npos ? std::string() : pathAndQuery.substr(queryStart);
    std::vector<std::string> output;
    std::size_t start = 0;
    const bool absolute = !path.empty() && path.front() == '/';
    if (absolute)
        start = 1;
    bool trailingSlash = false;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string segment = path.substr(start, end - start);
        trailingSlash = false;
        if (segment == "..") {
            if (!output.empty())
                output.pop_back();
            trailingSlash = true;
        } else if (segment == ".") {
            trailingSlash = true;
        } else {
            output.push_back(segment);
        }
        start = end + 1;
    }
    std::string result = absolute ? "/" : "";
    for (std::size_t i = 0; i < output.size(); ++i)
        result += (i ? "/" : "") + output[i];
    if (trailingSlash && !output.empty())
        result += '/';
    return result + query;
}

std::string withoutFragment(const std::string& uri) {
    return uri.substr(0, uri.find('#'));
}

// `reference` resolved against the absolute `base`; the reference's fragment is kept.
std::string resolveUri(const std::string& base, const std::string& reference) {
    const std::size_t hash = reference.find('#');
    const std::string main = reference.substr(0, hash);
    const std::string fragment = hash == std::string::npos ? std::string() : reference.substr(hash);
    if (hasScheme(main)) {
        const UriParts parts = parseAbsoluteUri(main);
        return parts.scheme + ':' + (parts.hasAuthority ? "//" + parts.authority : std::string()) +
               removeDotSegments(parts.path) + fragment;
    }
    const UriParts parts = parseAbsoluteUri(withoutFragment(base));
    const std::string authority = parts.hasAuthority ? "//" + parts.authority : std::string();
    std::string target;
    if (main.empty())
        target = parts.scheme + ':' + authority + parts.path;
    else if (main.compare(0, 2, "//") == 0)
        target = parts.scheme + ':' + main;
    else if (main.front() == '/')
        target = parts.scheme + ':' + authority + removeDotSegments(main);
    else if (main.front() == '?')
        target = parts.scheme + ':' + authority + parts.path.substr(0, parts.path.find('?')) + main;
    else {
        const std::string basePath = parts.path.substr(0, parts.path.find('?'));
        const std::size_t slash = basePath.rfind('/');
        const std::string directory =
            slash == std::string::npos ? (parts.hasAuthority ? "/" : "") : basePath.substr(0, slash + 1);
        target = parts.scheme + ':' + authority + removeDotSegments(directory + main);
    }
    return target + fragment;
}

// --- JSON values as JSON Schema compares them ---

bool isIntegral(const Json& value) {
    if (value.is_number_integer())
        return true;
    if (!value.is_number_float())
        return false;
    const double number = value.get<double>();
    return std::isfinite(number) && std::floor(number) == number;
}

unsigned typeBits(const Json& value) {
    switch (value.type()) {
    case Json::value_t::null:
        return NullType;
    case Json::value_t::boolean:
        return BooleanType;
    case Json::value_t::object:
        return ObjectType;
    case Json::value_t::array:
        return ArrayType;
    case Json::value_t::string:
        return StringType;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return NumberType | IntegerType;
    case Json::value_t::number_float:
        return NumberType | (isIntegral(value) ? IntegerType : 0u);
    case Json::value_t::binary:
    case Json::value_t::discarded:
        break;
    }
    return 0;
}

// Long double holds every 64-bit integer and every double exactly (x87 extended or binary128), so
// 2^63 + 1 and 9223372036854775808.0 compare as the different numbers they are.
long double numberValue(const Json& value) {
    if (value.is_number_unsigned())
        return static_cast<long double>(value.get<std::uint64_t>());
    if (value.is_number_integer())
        return static_cast<long double>(value.get<std::int64_t>());
    return static_cast<long double>(value.get<double>());
}

int compareNumbers(const Json& a, const Json& b) {
    const long double left = numberValue(a);
    const long double right = numberValue(b);
    return left < right ? -1 : (left > right ? 1 : 0);
}

std::uint64_t magnitude(const Json& integer) {
    if (integer.is_number_unsigned())
        return integer.get<std::uint64_t>();
    const std::int64_t value = integer.get<std::int64_t>();
    return value < 0 ? std::uint64_t(0) - std::uint64_t(value) : std::uint64_t(value);
}

bool isMultipleOf(const Json& value, const Json& divisor) {
    if (value.is_number_integer() && divisor.is_number_integer())
        return magnitude(value) % magnitude(divisor) == 0;
    const double x = value.get<double>();
    const double m = divisor.get<double>();
    if (x == 0)
        return true;
    const double quotient = x / m;
    if (!std::isfinite(quotient))
        return false;
    // 0.0075 / 0.0001 is 74.99999999999999 in binary floating point, yet 0.0075 is a multiple of
    // 0.0001. Both decimals were rounded to doubles with a relative error of at most half an epsilon
    // each, so for a true multiple the exact remainder x - n*m (fma rounds once) is within about
    // epsilon * |x|; anything further away is a real remainder.
    const double nearest = std::nearbyint(quotient);
    const double remainder = std::fma(-nearest, m, x);
    return std::fabs(remainder) <= 2 * DBL_EPSILON * std::fabs(x);
}

std::size_t codePoints(const std::string& utf8) {
    std::size_t count = 0;
    for (const char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

QString formatNumber(const Json& number) {
    return toQString(dumpCompact(number));
}

QString quoted(const std::string& text) {
    return QLatin1Char('"') + toQString(text) + QLatin1Char('"');
}

// ECMA 262 regular expressions, which JSON Schema's "pattern" uses, differ from PCRE's in a few ways
// that matter for a guardrail: "$" is the end of the input (PCRE also matches before a final
// newline, so "^[a-z]+$" would accept "abc\n"), "\uXXXX" is a code point, "[]" matches nothing and
// "[^]" anything. The rest of the syntax is read the same way by both.
QString translatePattern(const QString& ecma) {
    QString pcre;
    pcre.reserve(ecma.size() + 8);
    bool inClass = false;
    for (qsizetype i = 0; i < ecma.size(); ++i) {
        const QChar c = ecma.at(i);
        if (c == QLatin1Char('\\') && i + 1 < ecma.size()) {
            const QChar next = ecma.at(i + 1);
            if (next == QLatin1Char('u') && i + 5 < ecma.size()) {
                const QString hex = ecma.mid(i + 2, 4);
                bool isHex = hex.size() == 4;
                for (const QChar digit : hex)
                    isHex = isHex && std::isxdigit(static_cast<unsigned char>(digit.toLatin1()));
                if (isHex) {
                    pcre += QStringLiteral("\\x{") + hex + QLatin1Char('}');
                    i += 5;
                    continue;
                }
            }
            pcre += c;
            pcre += next;
            ++i;
            continue;
        }
        if (inClass) {
            if (c == QLatin1Char(']'))
                inClass = false;
            pcre += c;
            continue;
        }
        if (c == QLatin1Char('[')) {
            if (ecma.mid(i, 2) == QLatin1String("[]")) {
                pcre += QStringLiteral("(?!)");
                ++i;
                continue;
            }
            if (ecma.mid(i, 3) == QLatin1String("[^]")) {
                pcre += QStringLiteral("[\\s\\S]");
                i += 2;
                continue;
            }
            inClass = true;
            pcre += c;
            // A "]" right after "[" or "[^" would be literal to PCRE but close an empty class in
            // ECMA 262; the two cases above took the empty ones, so skip the "^" here.
            if (i + 1 < ecma.size() && ecma.at(i + 1) == QLatin1Char('^')) {
                pcre += ecma.at(i + 1);
                ++i;
            }
            continue;
        }
        if (c == QLatin1Char('$'))
            pcre += QStringLiteral("\\z");
        else
            pcre += c;
    }
    return pcre;
}

} // namespace

// --- The compiled form ---

struct JsonSchemaValidator::Program {
    struct Pattern {
        QRegularExpression regex;
        std::string source;
    };
    struct Named {
        std::string name;
        int schema = NoSchema;
    };
    struct PatternSchema {
        Pattern pattern;
        int schema = NoSchema;
    };
    struct Dependency {
        std::string name;
        std::vector<std::string> required;
    };

    // One subschema. Absent keywords are empty, NoSchema or nullopt.
    struct Node {
        enum class Kind { Object, True, False } kind = Kind::Object;
        // Keyword evaluations that one visit of this node counts against the budget.
        long cost = 1;

        int ref = NoSchema;
        bool refOnly = false; // draft-07 and older: "$ref" replaces its siblings

        unsigned types = 0;
        std::optional<Json> constValue;
        bool hasEnum = false;
        std::vector<Json> enumValues;

        std::optional<Json> minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf;

        std::optional<std::uint64_t> minLength, maxLength;
        std::optional<Pattern> pattern;

        // "prefixItems" (or draft-07's array form of "items") for the leading items, then `items`
        // (or "additionalItems" after an array "items") for the rest.
        std::vector<int> prefixItems;
        int items = NoSchema;
        int contains = NoSchema;
        std::optional<std::uint64_t> minContains, maxContains, minItems, maxItems;
        bool uniqueItems = false;

        std::vector<Named> properties; // sorted by name
        std::vector<PatternSchema> patternProperties;
        int additionalProperties = NoSchema;
        int propertyNames = NoSchema;
        std::vector<std::string> required;
        std::vector<Dependency> dependentRequired;
        std::vector<Named> dependentSchemas;
        std::optional<std::uint64_t> minProperties, maxProperties;

        std::vector<int> allOf, anyOf, oneOf;
        int notSchema = NoSchema;
        int ifSchema = NoSchema, thenSchema = NoSchema, elseSchema = NoSchema;
    };

    std::vector<Node> nodes;
    int root = 0;
};

namespace {

using Program = JsonSchemaValidator::Program;
using Node = Program::Node;

// --- Compiling ---

class Compiler {
public:
    explicit Compiler(const Json& document) : m_document(document) {
        // Draft-07 and older ignore the siblings of "$ref"; 2019-09 and later evaluate them.
        if (document.is_object()) {
            const auto schema = document.find("$schema");
            if (schema != document.end() && schema->is_string()) {
                const std::string& uri = schema->get_ref<const std::string&>();
                for (const char* legacy : {"draft-03", "draft-04", "draft-06", "draft-07"})
                    m_legacyRef = m_legacyRef || uri.find(legacy) != std::string::npos;
            }
        }
    }

    Result<std::shared_ptr<const Program>> run() {
        m_resources.emplace(defaultBaseUri, std::string());
        const int root = compileAt(m_document, std::string(), defaultBaseUri, 0);
        // References are resolved once every "$id" of the tree is known; a target outside the tree
        // (a "#/x" into a non-schema keyword) is compiled when first referred to, and may refer on.
        for (std::size_t i = 0; !failed() && i < m_pending.size(); ++i) {
            const PendingRef pending = m_pending[i];
            const int target = resolve(pending);
            if (!failed())
                m_nodes[std::size_t(pending.node)].ref = target;
        }
        if (failed())
            return Result<std::shared_ptr<const Program>>::failure(m_error);
        auto program = std::make_shared<Program>();
        program->nodes = std::move(m_nodes);
        program->root = root;
        return Result<std::shared_ptr<const Program>>::success(std::move(program));
    }

private:
    struct PendingRef {
        int node = NoSchema;
        std::string uri;     // absolute, with the fragment
        std::string pointer; // of the "$ref" keyword, for the error
    };

    bool failed() const { return !m_error.isEmpty(); }

    int fail(const std::string& pointer, const QString& message) {
        if (!failed())
            m_error = displayPointer(pointer) + QStringLiteral(": ") + message;
        return NoSchema;
    }
    bool refuse(const std::string& pointer, const QString& message) {
        fail(pointer, message);
        return false;
    }

    int compileAt(const Json& value, const std::string& pointer, const std::string& parentBase, int depth) {
        if (failed())
            return NoSchema;
        const auto known = m_byPointer.find(pointer);
        if (known != m_byPointer.end())
            return known->second;
        if (depth > JsonSchemaValidator::maxNesting)
            return fail(pointer, QStringLiteral("the schema is nested deeper than %1 levels")
                                     .arg(JsonSchemaValidator::maxNesting));
        if (m_nodes.size() >= std::size_t(JsonSchemaValidator::maxSubschemas))
            return fail(pointer, QStringLiteral("the schema has more than %1 subschemas")
                                     .arg(JsonSchemaValidator::maxSubschemas));
        const int index = int(m_nodes.size());
        m_nodes.emplace_back();
        m_byPointer.emplace(pointer, index);

        Node node;
        if (value.is_boolean()) {
            node.kind = value.get<bool>() ? Node::Kind::True : Node::Kind::False;
            m_nodes[std::size_t(index)] = std::move(node);
            return index;
        }
        if (!value.is_object())
            return fail(pointer, QStringLiteral("a schema must be an object or a boolean, not %1")
                                     .arg(str(jsonTypeSourceText(value))));

        const auto refIt = value.find("$ref");
        const bool hasRef = refIt != value.end();
        node.refOnly = hasRef && m_legacyRef;
        std::string base = parentBase;
        if (!node.refOnly && !identify(value, pointer, &base))
            return NoSchema;
        if (hasRef) {
            if (!refIt->is_string())
                return fail(childPointer(pointer, "$ref"), QStringLiteral("\"$ref\" must be a string"));
            m_pending.push_back(
                {index, resolveUri(base, refIt->get<std::string>()), childPointer(pointer, "$ref")});
            if (node.refOnly) {
                m_nodes[std::size_t(index)] = std::move(node);
                return index;
            }
        }
        if (!compileKeywords(value, pointer, base, depth, node))
            return NoSchema;
        m_nodes[std::size_t(index)] = std::move(node);
        return index;
    }

    // Reads "$id" and "$anchor", registering what they name and moving `*base` to a new "$id".
    bool identify(const Json& value, const std::string& pointer, std::string* base) {
        const auto id = value.find("$id");
        if (id != value.end()) {
            if (!id->is_string())
                return refuse(childPointer(pointer, "$id"), QStringLiteral("\"$id\" must be a string"));
            const std::string resolved = resolveUri(*base, id->get<std::string>());
            const std::size_t hash = resolved.find('#');
            const std::string fragment =
                hash == std::string::npos ? std::string() : resolved.substr(hash + 1);
            if (!fragment.empty() && fragment.front() != '/') {
                // Draft-07's plain-name fragment ("$id": "#foo") is 2020-12's "$anchor": "foo".
                m_anchors.emplace(resolved, pointer);
            } else {
                *base = withoutFragment(resolved);
                m_resources.emplace(*base, pointer);
            }
        }
        for (const char* keyword : {"$anchor", "$dynamicAnchor"}) {
            const auto anchor = value.find(keyword);
            if (anchor == value.end())
                continue;
            if (!anchor->is_string())
                return refuse(childPointer(pointer, keyword),
                              QStringLiteral("\"%1\" must be a string").arg(str(keyword)));
            m_anchors.emplace(withoutFragment(*base) + '#' + anchor->get<std::string>(), pointer);
        }
        return true;
    }

    // The base URI at a location reached by a JSON pointer rather than by the tree walk: every
    // "$id" on the way applies, as it would have on the walk.
    std::string baseAt(const std::vector<std::string>& segments) const {
        std::string base = defaultBaseUri;
        const Json* value = &m_document;
        auto apply = [&](const Json& at) {
            if (!at.is_object())
                return;
            const auto id = at.find("$id");
            if (id == at.end() || !id->is_string() || (m_legacyRef && at.contains("$ref")))
                return;
            const std::string resolved = resolveUri(base, id->get<std::string>());
            const std::size_t hash = resolved.find('#');
            if (hash == std::string::npos || hash + 1 == resolved.size() || resolved[hash + 1] == '/')
                base = withoutFragment(resolved);
        };
        apply(*value);
        for (const std::string& segment : segments) {
            value = childOf(*value, segment);
            if (!value)
                break;
            apply(*value);
        }
        return base;
    }

    int resolve(const PendingRef& pending) {
        const std::size_t hash = pending.uri.find('#');
        const std::string resource = withoutFragment(pending.uri);
        const std::string fragment =
            hash == std::string::npos
                ? std::string()
                : QByteArray::fromPercentEncoding(QByteArray::fromStdString(pending.uri.substr(hash + 1)))
                      .toStdString();
        const QString shown = quoted(pending.uri.compare(0, std::strlen(defaultBaseUri), defaultBaseUri) == 0
                                         ? pending.uri.substr(std::strlen(defaultBaseUri))
                                         : pending.uri);
        std::string targetPointer;
        if (!fragment.empty() && fragment.front() != '/') {
            const auto anchor = m_anchors.find(resource + '#' + fragment);
            if (anchor == m_anchors.end())
                return fail(pending.pointer,
                            QStringLiteral("\"$ref\" %1 does not resolve inside the document").arg(shown));
            targetPointer = anchor->second;
        } else {
            const auto found = m_resources.find(resource);
            if (found == m_resources.end())
                return fail(pending.pointer,
                            QStringLiteral("\"$ref\" %1 does not resolve inside the document (remote "
                                           "references are not fetched)")
                                .arg(shown));
            targetPointer = found->second + fragment;
        }
        std::vector<std::string> segments;
        if (!splitPointer(targetPointer, &segments))
            return fail(pending.pointer,
                        QStringLiteral("\"$ref\" %1 is not a valid JSON pointer").arg(shown));
        const Json* target = &m_document;
        std::string canonical;
        for (const std::string& segment : segments) {
            target = childOf(*target, segment);
            if (!target)
                return fail(pending.pointer,
                            QStringLiteral("\"$ref\" %1 does not resolve inside the document").arg(shown));
            canonical = childPointer(canonical, segment);
        }
        return compileAt(*target, canonical, baseAt(segments), 0);
    }

    int subschema(const Json& value, const std::string& pointer, const std::string& base, int depth) {
        return compileAt(value, pointer, base, depth + 1);
    }

    bool schemaArray(const Json& value, const std::string& pointer, const char* keyword,
                     const std::string& base, int depth, std::vector<int>* out, bool mayBeEmpty = false) {
        if (!value.is_array() || (value.empty() && !mayBeEmpty))
            return refuse(pointer,
                          QStringLiteral("\"%1\" must be a non-empty array of schemas").arg(str(keyword)));
        for (std::size_t i = 0; i < value.size(); ++i) {
            out->push_back(subschema(value[i], pointer + '/' + std::to_string(i), base, depth));
            if (failed())
                return false;
        }
        return true;
    }

    bool schemaMap(const Json& value, const std::string& pointer, const char* keyword,
                   const std::string& base, int depth, std::vector<Program::Named>* out) {
        if (!value.is_object())
            return refuse(pointer, QStringLiteral("\"%1\" must be an object of schemas").arg(str(keyword)));
        for (auto it = value.begin(); it != value.end(); ++it) {
            const int schema = subschema(it.value(), childPointer(pointer, it.key()), base, depth);
            if (failed())
                return false;
            if (out)
                out->push_back({it.key(), schema});
        }
        return true;
    }

    bool stringArray(const Json& value, const std::string& pointer, const char* keyword,
                     std::vector<std::string>* out) {
        if (!value.is_array())
            return refuse(pointer, QStringLiteral("\"%1\" must be an array of strings").arg(str(keyword)));
        for (const Json& item : value) {
            if (!item.is_string())
                return refuse(pointer,
                              QStringLiteral("\"%1\" must be an array of strings").arg(str(keyword)));
            out->push_back(item.get<std::string>());
        }
        return true;
    }

    bool count(const Json& value, const std::string& pointer, const char* keyword,
               std::optional<std::uint64_t>* out) {
        if (value.is_number_unsigned()) {
            *out = value.get<std::uint64_t>();
            return true;
        }
        if (value.is_number_integer() && value.get<std::int64_t>() >= 0) {
            *out = std::uint64_t(value.get<std::int64_t>());
            return true;
        }
        // 2.0 is a count too (draft-06 and later).
        if (value.is_number_float() && isIntegral(value) && value.get<double>() >= 0) {
            const double number = value.get<double>();
            *out = number >= 18446744073709551616.0 ? UINT64_MAX : std::uint64_t(number);
            return true;
        }
        return refuse(pointer, QStringLiteral("\"%1\" must be a non-negative integer, not %2")
                                   .arg(str(keyword), str(jsonTypeSourceText(value))));
    }

    bool number(const Json& value, const std::string& pointer, const char* keyword,
                std::optional<Json>* out) {
        if (!value.is_number())
            return refuse(pointer, QStringLiteral("\"%1\" must be a number, not %2")
                                       .arg(str(keyword), str(jsonTypeSourceText(value))));
        *out = value;
        return true;
    }

    bool pattern(const Json& value, const std::string& source, const std::string& pointer,
                 const char* keyword, Program::Pattern* out) {
        if (!value.is_string())
            return refuse(pointer, QStringLiteral("\"%1\" must be a string").arg(str(keyword)));
        out->source = source;
        // Bounded as the guardrails' own patterns are (a schema is user input too); compiled (and
        // JIT-compiled) now, so that validate() on many threads only reads it.
        Result<QRegularExpression> compiled = BoundedRegex::compile(translatePattern(toQString(source)));
        if (!compiled)
            return refuse(pointer, QStringLiteral("the pattern %1 %2").arg(quoted(source), compiled.error()));
        out->regex = compiled.take();
        return true;
    }

    bool compileKeywords(const Json& schema, const std::string& pointer, const std::string& base, int depth,
                         Node& node) {
        for (const char* keyword : refusedKeywords) {
            if (schema.contains(keyword))
                return refuse(childPointer(pointer, keyword),
                              QStringLiteral("\"%1\" is not supported by Gatehouse's JSON Schema validator")
                                  .arg(str(keyword)));
        }
        const auto at = [&](const char* keyword) -> const Json* {
            const auto it = schema.find(keyword);
            return it == schema.end() ? nullptr : &*it;
        };
        const auto where = [&](const char* keyword) {
            return childPointer(pointer, keyword);
        };
        long cost = 0;
        bool ok = true;

        // Annotations are not checked, but their subschemas must compile for "$ref"s into them.
        for (const char* keyword : {"definitions", "$defs"}) {
            if (const Json* value = at(keyword))
                ok = ok && schemaMap(*value, where(keyword), keyword, base, depth, nullptr);
        }

        if (const Json* value = at("type")) {
            ++cost;
            const auto bit = [](const Json& name) -> unsigned {
                if (!name.is_string())
                    return 0;
                for (const TypeName& type : typeNames) {
                    if (name.get_ref<const std::string&>() == type.name)
                        return type.bit;
                }
                return 0;
            };
            const Json names = value->is_array() ? *value : Json::array({*value});
            for (const Json& name : names) {
                const unsigned type = bit(name);
                if (!type)
                    return refuse(where("type"),
                                  QStringLiteral("\"type\" must name JSON Schema types (null, boolean, "
                                                 "object, array, number, string, integer)"));
                // "number" includes the integers.
                node.types |= type == NumberType ? (NumberType | IntegerType) : type;
            }
            if (!node.types)
                return refuse(where("type"), QStringLiteral("\"type\" must name at least one type"));
        }
        if (const Json* value = at("const")) {
            ++cost;
            node.constValue = *value;
        }
        if (const Json* value = at("enum")) {
            ++cost;
            if (!value->is_array())
                return refuse(where("enum"), QStringLiteral("\"enum\" must be an array"));
            node.hasEnum = true;
            node.enumValues.assign(value->begin(), value->end());
        }

        for (const auto& [keyword, slot] :
             {std::pair{"minimum", &node.minimum}, std::pair{"maximum", &node.maximum},
              std::pair{"multipleOf", &node.multipleOf}}) {
            if (const Json* value = at(keyword)) {
                ++cost;
                ok = ok && number(*value, where(keyword), keyword, slot);
            }
        }
        if (!ok)
            return false;
        if (node.multipleOf && compareNumbers(*node.multipleOf, Json(0)) <= 0)
            return refuse(where("multipleOf"), QStringLiteral("\"multipleOf\" must be greater than 0"));
        for (const auto& [keyword, slot, bound] :
             {std::tuple{"exclusiveMinimum", &node.exclusiveMinimum, &node.minimum},
              std::tuple{"exclusiveMaximum", &node.exclusiveMaximum, &node.maximum}}) {
            const Json* value = at(keyword);
            if (!value)
                continue;
            ++cost;
            if (value->is_boolean()) {
                // Draft-04's form: a flag that makes "minimum" (or "maximum") exclusive.
                if (value->get<bool>() && *bound) {
                    *slot = **bound;
                    bound->reset();
                }
                continue;
            }
            if (!number(*value, where(keyword), keyword, slot))
                return false;
        }

        for (const auto& [keyword, slot] :
             {std::pair{"minLength", &node.minLength}, std::pair{"maxLength", &node.maxLength},
              std::pair{"minItems", &node.minItems}, std::pair{"maxItems", &node.maxItems},
              std::pair{"minContains", &node.minContains}, std::pair{"maxContains", &node.maxContains},
              std::pair{"minProperties", &node.minProperties},
              std::pair{"maxProperties", &node.maxProperties}}) {
            if (const Json* value = at(keyword)) {
                ++cost;
                if (!count(*value, where(keyword), keyword, slot))
                    return false;
            }
        }
        if (const Json* value = at("pattern")) {
            ++cost;
            Program::Pattern compiled;
            if (!pattern(*value, value->is_string() ? value->get<std::string>() : std::string(),
                         where("pattern"), "pattern", &compiled))
                return false;
            node.pattern = std::move(compiled);
        }
        if (const Json* value = at("uniqueItems")) {
            ++cost;
            if (!value->is_boolean())
                return refuse(where("uniqueItems"), QStringLiteral("\"uniqueItems\" must be a boolean"));
            node.uniqueItems = value->get<bool>();
        }

        // Arrays.
        const Json* items = at("items");
        const Json* prefixItems = at("prefixItems");
        if (prefixItems) {
            ++cost;
            if (items && items->is_array())
                return refuse(where("items"),
                              QStringLiteral("\"items\" must be a schema next to \"prefixItems\""));
            if (!schemaArray(*prefixItems, where("prefixItems"), "prefixItems", base, depth,
                             &node.prefixItems))
                return false;
        }
        if (items) {
            ++cost;
            if (items->is_array()) {
                // Draft-07's tuple form, which may be empty (then "additionalItems" applies from the start).
                if (!schemaArray(*items, where("items"), "items", base, depth, &node.prefixItems, true))
                    return false;
            } else {
                node.items = subschema(*items, where("items"), base, depth);
            }
        }
        if (const Json* value = at("additionalItems")) {
            ++cost;
            const int additional = subschema(*value, where("additionalItems"), base, depth);
            // Only after an array "items" does "additionalItems" apply; otherwise it is ignored.
            if (items && items->is_array())
                node.items = additional;
        }
        if (const Json* value = at("contains")) {
            ++cost;
            node.contains = subschema(*value, where("contains"), base, depth);
        }
        if (failed())
            return false;

        // Objects.
        if (const Json* value = at("properties")) {
            ++cost;
            if (!schemaMap(*value, where("properties"), "properties", base, depth, &node.properties))
                return false;
            std::sort(node.properties.begin(), node.properties.end(),
                      [](const Program::Named& a, const Program::Named& b) { return a.name < b.name; });
        }
        if (const Json* value = at("patternProperties")) {
            ++cost;
            if (!value->is_object())
                return refuse(where("patternProperties"),
                              QStringLiteral("\"patternProperties\" must be an object of schemas"));
            for (auto it = value->begin(); it != value->end(); ++it) {
                const std::string keyPointer = childPointer(where("patternProperties"), it.key());
                Program::PatternSchema entry;
                if (!pattern(Json(it.key()), it.key(), keyPointer, "patternProperties", &entry.pattern))
                    return false;
                entry.schema = subschema(it.value(), keyPointer, base, depth);
                if (failed())
                    return false;
                node.patternProperties.push_back(std::move(entry));
            }
        }
        for (const auto& [keyword, slot] : {std::pair{"additionalProperties", &node.additionalProperties},
                                            std::pair{"propertyNames", &node.propertyNames}}) {
            if (const Json* value = at(keyword)) {
                ++cost;
                *slot = subschema(*value, where(keyword), base, depth);
            }
        }
        if (failed())
            return false;
        if (const Json* value = at("required")) {
            ++cost;
            if (!stringArray(*value, where("required"), "required", &node.required))
                return false;
        }
        if (const Json* value = at("dependentRequired")) {
            ++cost;
            if (!value->is_object())
                return refuse(where("dependentRequired"),
                              QStringLiteral("\"dependentRequired\" must be an object of string arrays"));
            for (auto it = value->begin(); it != value->end(); ++it) {
                Program::Dependency dependency{it.key(), {}};
                if (!stringArray(it.value(), childPointer(where("dependentRequired"), it.key()),
                                 "dependentRequired", &dependency.required))
                    return false;
                node.dependentRequired.push_back(std::move(dependency));
            }
        }
        if (const Json* value = at("dependentSchemas")) {
            ++cost;
            if (!schemaMap(*value, where("dependentSchemas"), "dependentSchemas", base, depth,
                           &node.dependentSchemas))
                return false;
        }
        if (const Json* value = at("dependencies")) {
            // Draft-07's single keyword for both: an array of names, or a schema.
            ++cost;
            if (!value->is_object())
                return refuse(where("dependencies"), QStringLiteral("\"dependencies\" must be an object"));
            for (auto it = value->begin(); it != value->end(); ++it) {
                const std::string entryPointer = childPointer(where("dependencies"), it.key());
                if (it.value().is_array()) {
                    Program::Dependency dependency{it.key(), {}};
                    if (!stringArray(it.value(), entryPointer, "dependencies", &dependency.required))
                        return false;
                    node.dependentRequired.push_back(std::move(dependency));
                } else {
                    node.dependentSchemas.push_back(
                        {it.key(), subschema(it.value(), entryPointer, base, depth)});
                    if (failed())
                        return false;
                }
            }
        }

        // Combinations.
        for (const auto& [keyword, list] : {std::pair{"allOf", &node.allOf}, std::pair{"anyOf", &node.anyOf},
                                            std::pair{"oneOf", &node.oneOf}}) {
            if (const Json* value = at(keyword)) {
                ++cost;
                if (!schemaArray(*value, where(keyword), keyword, base, depth, list))
                    return false;
            }
        }
        for (const auto& [keyword, slot] :
             {std::pair{"not", &node.notSchema}, std::pair{"if", &node.ifSchema},
              std::pair{"then", &node.thenSchema}, std::pair{"else", &node.elseSchema}}) {
            if (const Json* value = at(keyword)) {
                ++cost;
                *slot = subschema(*value, where(keyword), base, depth);
            }
        }
        if (failed())
            return false;
        if (node.ifSchema == NoSchema) {
            // "then" and "else" without "if" have no effect.
            node.thenSchema = NoSchema;
            node.elseSchema = NoSchema;
        }
        if (node.contains == NoSchema) {
            node.minContains.reset();
            node.maxContains.reset();
        }
        node.cost = std::max(1L, cost);
        return true;
    }

    const Json& m_document;
    bool m_legacyRef = false;
    std::vector<Node> m_nodes;
    std::unordered_map<std::string, int> m_byPointer;
    std::unordered_map<std::string, std::string> m_resources; // absolute URI -> JSON pointer
    std::unordered_map<std::string, std::string> m_anchors;   // absolute URI#name -> JSON pointer
    std::vector<PendingRef> m_pending;
    QString m_error;
};

// --- Validating ---

// Where in the instance an evaluation is, as a chain of stack frames; rendered only for a message.
struct Location {
    const Location* parent = nullptr;
    const std::string* key = nullptr; // nullptr: an array index
    std::size_t index = 0;
};

QString render(const Location* location) {
    std::vector<const Location*> chain;
    for (const Location* at = location; at && at->parent; at = at->parent)
        chain.push_back(at);
    if (chain.empty())
        return QStringLiteral("(root)");
    std::string pointer;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
        pointer += '/' + ((*it)->key ? escapeSegment(*(*it)->key) : std::to_string((*it)->index));
    return toQString(pointer);
}

// The members of an object by name: a linear scan for a few, a sorted index for many.
class MemberIndex {
public:
    explicit MemberIndex(const Json& object) : m_object(object) {
        if (object.size() <= linearLookupLimit)
            return;
        m_sorted.reserve(object.size());
        for (auto it = object.begin(); it != object.end(); ++it)
            m_sorted.emplace_back(&it.key(), &it.value());
        std::sort(m_sorted.begin(), m_sorted.end(),
                  [](const Entry& a, const Entry& b) { return *a.first < *b.first; });
    }

    const Json* find(const std::string& name) const {
        if (m_sorted.empty()) {
            const auto it = m_object.find(name);
            return it == m_object.end() ? nullptr : &*it;
        }
        const auto it =
            std::lower_bound(m_sorted.begin(), m_sorted.end(), name,
                             [](const Entry& entry, const std::string& key) { return *entry.first < key; });
        return it != m_sorted.end() && *it->first == name ? it->second : nullptr;
    }

private:
    using Entry = std::pair<const std::string*, const Json*>;
    const Json& m_object;
    std::vector<Entry> m_sorted;
};

class Evaluator {
public:
    Evaluator(const Program& program, bool wantWhy) : m_program(program), m_wantWhy(wantWhy) {}

    JsonSchemaValidator::Verdict run(const Json& instance, QString* why) {
        const Location root;
        const bool valid = evaluate(m_program.root, instance, &root, 0) && !m_aborted;
        if (why && !valid)
            *why = m_aborted ? m_abortReason : m_why;
        return valid       ? JsonSchemaValidator::Verdict::Valid
               : m_aborted ? JsonSchemaValidator::Verdict::GaveUp
                           : JsonSchemaValidator::Verdict::Invalid;
    }

private:
    // Failures inside anyOf, oneOf, not, if and contains are expected; their messages are not built.
    class Quiet {
    public:
        explicit Quiet(int& depth) : m_depth(depth) { ++m_depth; }
        ~Quiet() { --m_depth; }
        Quiet(const Quiet&) = delete;
        Quiet& operator=(const Quiet&) = delete;

    private:
        int& m_depth;
    };

    bool charge(long steps) {
        m_steps += steps;
        if (m_steps > JsonSchemaValidator::maxEvaluations && !m_aborted) {
            m_aborted = true;
            m_abortReason = str(budgetMessage);
        }
        return !m_aborted;
    }

    // A pattern that hit its match limit: no verdict on this document at all, as for the budget.
    bool patternGaveUp(const std::string& source) {
        if (!m_aborted) {
            m_aborted = true;
            m_abortReason =
                QStringLiteral("the pattern %1 gave up on the string (match limit)").arg(quoted(source));
        }
        return false;
    }

    bool deeper(int depth) {
        if (depth > maxEvaluationDepth && !m_aborted) {
            m_aborted = true;
            m_abortReason =
                str(budgetMessage) + QStringLiteral(": nested deeper than %1 levels").arg(maxEvaluationDepth);
        }
        return !m_aborted;
    }

    // Records the first failure's message (built only when it will be kept) and returns false. Not
    // inlined, so that the message's temporaries are not in the frames of the recursion.
    template <typename Message> Q_NEVER_INLINE bool fail(const Location* location, Message&& message) {
        if (m_wantWhy && !m_quiet && !m_aborted && m_why.isEmpty())
            m_why = render(location) + QStringLiteral(": ") + message();
        return false;
    }

    bool equal(const Json& a, const Json& b, int depth) {
        if (!charge(1) || !deeper(depth))
            return false;
        if (a.is_number() && b.is_number())
            return compareNumbers(a, b) == 0;
        if (a.type() != b.type())
            return false;
        if (a.is_array()) {
            if (a.size() != b.size())
                return false;
            for (std::size_t i = 0; i < a.size(); ++i) {
                if (!equal(a[i], b[i], depth + 1))
                    return false;
            }
            return true;
        }
        if (a.is_object()) {
            // Member order does not matter to JSON equality, though ordered_json keeps it.
            if (a.size() != b.size())
                return false;
            const MemberIndex members(b);
            for (auto it = a.begin(); it != a.end(); ++it) {
                const Json* other = members.find(it.key());
                if (!other || !equal(it.value(), *other, depth + 1))
                    return false;
            }
            return true;
        }
        return a == b;
    }

    // A hash that agrees with equal(): 1 and 1.0 hash alike, member order does not count.
    std::size_t hash(const Json& value, int depth) {
        if (!charge(1) || !deeper(depth))
            return 0;
        const auto mix = [](std::size_t seed, std::size_t v) {
            return seed ^ (v + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
        };
        switch (value.type()) {
        case Json::value_t::null:
            return 0x6e756c6cULL;
        case Json::value_t::boolean:
            return value.get<bool>() ? 0x74727565ULL : 0x66616c73ULL;
        case Json::value_t::string:
            return std::hash<std::string>()(value.get_ref<const std::string&>());
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: {
            if (!isIntegral(value))
                return std::hash<double>()(value.get<double>());
            const long double number = numberValue(value);
            if (number >= 0 && number < 18446744073709551616.0L)
                return std::hash<std::uint64_t>()(std::uint64_t(number));
            if (number < 0 && number >= -9223372036854775808.0L)
                return mix(1, std::hash<std::int64_t>()(std::int64_t(number)));
            return std::hash<double>()(value.get<double>());
        }
        case Json::value_t::array: {
            std::size_t seed = 0x5b5dULL;
            for (const Json& item : value)
                seed = mix(seed, hash(item, depth + 1));
            return seed;
        }
        case Json::value_t::object: {
            std::size_t sum = 0x7b7dULL;
            for (auto it = value.begin(); it != value.end(); ++it)
                sum += mix(std::hash<std::string>()(it.key()), hash(it.value(), depth + 1));
            return sum;
        }
        case Json::value_t::binary:
        case Json::value_t::discarded:
            break;
        }
        return 0;
    }

    bool evaluate(int index, const Json& instance, const Location* location, int depth) {
        if (m_aborted || !deeper(depth))
            return false;
        const Node& node = m_program.nodes[std::size_t(index)];
        if (!charge(node.cost))
            return false;
        if (node.kind == Node::Kind::True)
            return true;
        if (node.kind == Node::Kind::False)
            return fail(location,
                        [] { return QStringLiteral("no value is allowed here (the schema is false)"); });

        if (node.ref != NoSchema) {
            if (!evaluate(node.ref, instance, location, depth + 1))
                return false;
            if (node.refOnly)
                return true;
        }
        return checkValue(node, instance, location, depth) &&
               checkCombinations(node, instance, location, depth);
    }

    // The keywords about the value itself, by its type. Not inlined, like the other checks, so that
    // evaluate()'s own frame stays small: it is the one a recursive schema stacks up.
    Q_NEVER_INLINE bool checkValue(const Node& node, const Json& instance, const Location* location,
                                   int depth) {
        if (node.types && !(node.types & typeBits(instance)))
            return fail(location, [&] { return typeMessage(node.types, instance); });
        if (node.constValue && !equal(*node.constValue, instance, depth))
            return fail(location,
                        [&] { return QStringLiteral("the value is not the one \"const\" allows"); });
        if (node.hasEnum) {
            bool found = false;
            for (const Json& allowed : node.enumValues) {
                if (equal(allowed, instance, depth)) {
                    found = true;
                    break;
                }
                if (m_aborted)
                    return false;
            }
            if (!found)
                return fail(location,
                            [] { return QStringLiteral("the value is not one of those \"enum\" allows"); });
        }

        switch (instance.type()) {
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float:
            if (!checkNumber(node, instance, location))
                return false;
            break;
        case Json::value_t::string:
            if (!checkString(node, instance, location))
                return false;
            break;
        case Json::value_t::array:
            if (!checkArray(node, instance, location, depth))
                return false;
            break;
        case Json::value_t::object:
            if (!checkObject(node, instance, location, depth))
                return false;
            break;
        default:
            break;
        }
        return true;
    }

    static QString typeMessage(unsigned types, const Json& instance) {
        QStringList names;
        for (const TypeName& type : typeNames) {
            // "number" already admits the integers: name it alone.
            if ((types & type.bit) && !(type.bit == IntegerType && (types & NumberType)))
                names << str(type.name);
        }
        return QStringLiteral("expected %1, not %2")
            .arg(names.size() == 1 ? names.first()
                                   : QString(QStringLiteral("one of ") + names.join(QStringLiteral(", "))),
                 str(jsonTypeSourceText(instance)));
    }

    Q_NEVER_INLINE bool checkNumber(const Node& node, const Json& instance, const Location* location) {
        if (node.minimum && compareNumbers(instance, *node.minimum) < 0)
            return fail(location, [&] {
                return QStringLiteral("%1 is less than the minimum %2")
                    .arg(formatNumber(instance), formatNumber(*node.minimum));
            });
        if (node.exclusiveMinimum && compareNumbers(instance, *node.exclusiveMinimum) <= 0)
            return fail(location, [&] {
                return QStringLiteral("%1 is not greater than the exclusive minimum %2")
                    .arg(formatNumber(instance), formatNumber(*node.exclusiveMinimum));
            });
        if (node.maximum && compareNumbers(instance, *node.maximum) > 0)
            return fail(location, [&] {
                return QStringLiteral("%1 is greater than the maximum %2")
                    .arg(formatNumber(instance), formatNumber(*node.maximum));
            });
        if (node.exclusiveMaximum && compareNumbers(instance, *node.exclusiveMaximum) >= 0)
            return fail(location, [&] {
                return QStringLiteral("%1 is not less than the exclusive maximum %2")
                    .arg(formatNumber(instance), formatNumber(*node.exclusiveMaximum));
            });
        if (node.multipleOf && !isMultipleOf(instance, *node.multipleOf))
            return fail(location, [&] {
                return QStringLiteral("%1 is not a multiple of %2")
                    .arg(formatNumber(instance), formatNumber(*node.multipleOf));
            });
        return true;
    }

    // The string itself stays out of the messages: it is the user's prompt or the model's answer.
    Q_NEVER_INLINE bool checkString(const Node& node, const Json& instance, const Location* location) {
        const std::string& text = instance.get_ref<const std::string&>();
        if (node.minLength || node.maxLength) {
            const std::size_t length = codePoints(text);
            if (node.minLength && length < *node.minLength)
                return fail(location, [&] {
                    return QStringLiteral("the string is shorter than %1 characters").arg(*node.minLength);
                });
            if (node.maxLength && length > *node.maxLength)
                return fail(location, [&] {
                    return QStringLiteral("the string is longer than %1 characters").arg(*node.maxLength);
                });
        }
        if (node.pattern) {
            const QRegularExpressionMatch match = node.pattern->regex.match(toQString(text));
            if (!match.isValid())
                return patternGaveUp(node.pattern->source);
            if (!match.hasMatch())
                return fail(location, [&] {
                    return QStringLiteral("the string does not match the pattern %1")
                        .arg(quoted(node.pattern->source));
                });
        }
        return true;
    }

    Q_NEVER_INLINE bool checkArray(const Node& node, const Json& instance, const Location* location,
                                   int depth) {
        const std::size_t size = instance.size();
        if (node.minItems && size < *node.minItems)
            return fail(location, [&] {
                return QStringLiteral("the array has fewer than %1 items").arg(*node.minItems);
            });
        if (node.maxItems && size > *node.maxItems)
            return fail(location, [&] {
                return QStringLiteral("the array has more than %1 items").arg(*node.maxItems);
            });
        for (std::size_t i = 0; i < size; ++i) {
            const int schema = i < node.prefixItems.size() ? node.prefixItems[i] : node.items;
            if (schema == NoSchema)
                break;
            const Location item{location, nullptr, i};
            if (!evaluate(schema, instance[i], &item, depth + 1))
                return false;
        }
        if (node.contains != NoSchema) {
            std::uint64_t matches = 0;
            {
                const Quiet quiet(m_quiet);
                for (std::size_t i = 0; i < size; ++i) {
                    const Location item{location, nullptr, i};
                    if (evaluate(node.contains, instance[i], &item, depth + 1))
                        ++matches;
                    if (m_aborted)
                        return false;
                }
            }
            const std::uint64_t minimum = node.minContains.value_or(1);
            if (matches < minimum)
                return fail(location, [&] {
                    return minimum == 1 ? QStringLiteral("no item matches \"contains\"")
                                        : QStringLiteral("%1 items match \"contains\", fewer than %2")
                                              .arg(matches)
                                              .arg(minimum);
                });
            if (node.maxContains && matches > *node.maxContains)
                return fail(location, [&] {
                    return QStringLiteral("%1 items match \"contains\", more than %2")
                        .arg(matches)
                        .arg(*node.maxContains);
                });
        }
        if (node.uniqueItems && size > 1)
            return checkUnique(instance, location, depth);
        return true;
    }

    // Hash, sort, and compare only neighbours with equal hashes: a large array is not quadratic.
    Q_NEVER_INLINE bool checkUnique(const Json& instance, const Location* location, int depth) {
        std::vector<std::pair<std::size_t, std::size_t>> hashes; // hash, index
        hashes.reserve(instance.size());
        for (std::size_t i = 0; i < instance.size(); ++i) {
            hashes.emplace_back(hash(instance[i], depth + 1), i);
            if (m_aborted)
                return false;
        }
        std::sort(hashes.begin(), hashes.end());
        for (std::size_t run = 0; run < hashes.size();) {
            std::size_t end = run + 1;
            while (end < hashes.size() && hashes[end].first == hashes[run].first)
                ++end;
            for (std::size_t a = run; a < end; ++a) {
                for (std::size_t b = a + 1; b < end; ++b) {
                    if (equal(instance[hashes[a].second], instance[hashes[b].second], depth + 1)) {
                        const std::size_t first = std::min(hashes[a].second, hashes[b].second);
                        const std::size_t second = std::max(hashes[a].second, hashes[b].second);
                        return fail(location, [&] {
                            return QStringLiteral("items %1 and %2 are equal, but \"uniqueItems\" is set")
                                .arg(first)
                                .arg(second);
                        });
                    }
                    if (m_aborted)
                        return false;
                }
            }
            run = end;
        }
        return true;
    }

    Q_NEVER_INLINE bool checkObject(const Node& node, const Json& instance, const Location* location,
                                    int depth) {
        const std::size_t size = instance.size();
        if (node.minProperties && size < *node.minProperties)
            return fail(location, [&] {
                return QStringLiteral("the object has fewer than %1 properties").arg(*node.minProperties);
            });
        if (node.maxProperties && size > *node.maxProperties)
            return fail(location, [&] {
                return QStringLiteral("the object has more than %1 properties").arg(*node.maxProperties);
            });
        if (!node.required.empty() || !node.dependentRequired.empty() || !node.dependentSchemas.empty()) {
            const MemberIndex members(instance);
            for (const std::string& name : node.required) {
                if (!charge(1))
                    return false;
                if (!members.find(name))
                    return fail(location, [&] {
                        return QStringLiteral("the required property %1 is missing").arg(quoted(name));
                    });
            }
            for (const Program::Dependency& dependency : node.dependentRequired) {
                if (!members.find(dependency.name))
                    continue;
                for (const std::string& name : dependency.required) {
                    if (!charge(1))
                        return false;
                    if (!members.find(name))
                        return fail(location, [&] {
                            return QStringLiteral("the property %1 is required when %2 is present")
                                .arg(quoted(name), quoted(dependency.name));
                        });
                }
            }
            for (const Program::Named& dependency : node.dependentSchemas) {
                if (members.find(dependency.name) &&
                    !evaluate(dependency.schema, instance, location, depth + 1))
                    return false;
            }
        }

        const bool perMember = !node.properties.empty() || !node.patternProperties.empty() ||
                               node.additionalProperties != NoSchema || node.propertyNames != NoSchema;
        if (!perMember)
            return true;
        for (auto it = instance.begin(); it != instance.end(); ++it) {
            if (!charge(1))
                return false;
            const std::string& key = it.key();
            const Location member{location, &key, 0};
            if (node.propertyNames != NoSchema) {
                bool named = false;
                {
                    const Quiet quiet(m_quiet);
                    named = evaluate(node.propertyNames, Json(key), &member, depth + 1);
                }
                if (!named)
                    return fail(location, [&] {
                        return QStringLiteral("the property name %1 does not match \"propertyNames\"")
                            .arg(quoted(key));
                    });
            }
            bool matched = false;
            const auto property = std::lower_bound(
                node.properties.begin(), node.properties.end(), key,
                [](const Program::Named& named, const std::string& name) { return named.name < name; });
            if (property != node.properties.end() && property->name == key) {
                matched = true;
                if (!evaluate(property->schema, it.value(), &member, depth + 1))
                    return false;
            }
            if (!node.patternProperties.empty()) {
                const QString name = toQString(key);
                for (const Program::PatternSchema& entry : node.patternProperties) {
                    if (!charge(1))
                        return false;
                    const QRegularExpressionMatch match = entry.pattern.regex.match(name);
                    if (!match.isValid())
                        return patternGaveUp(entry.pattern.source);
                    if (!match.hasMatch())
                        continue;
                    matched = true;
                    if (!evaluate(entry.schema, it.value(), &member, depth + 1))
                        return false;
                }
            }
            if (!matched && node.additionalProperties != NoSchema) {
                if (m_program.nodes[std::size_t(node.additionalProperties)].kind == Node::Kind::False)
                    return fail(&member, [] {
                        return QStringLiteral("the property is not allowed (additionalProperties)");
                    });
                if (!evaluate(node.additionalProperties, it.value(), &member, depth + 1))
                    return false;
            }
        }
        return true;
    }

    Q_NEVER_INLINE bool checkCombinations(const Node& node, const Json& instance, const Location* location,
                                          int depth) {
        for (const int schema : node.allOf) {
            if (!evaluate(schema, instance, location, depth + 1))
                return false;
        }
        if (!node.anyOf.empty()) {
            bool any = false;
            {
                const Quiet quiet(m_quiet);
                for (const int schema : node.anyOf) {
                    if (evaluate(schema, instance, location, depth + 1)) {
                        any = true;
                        break;
                    }
                    if (m_aborted)
                        return false;
                }
            }
            if (!any)
                return fail(location,
                            [] { return QStringLiteral("the value matches none of the \"anyOf\" schemas"); });
        }
        if (!node.oneOf.empty()) {
            std::vector<std::size_t> matching;
            {
                const Quiet quiet(m_quiet);
                for (std::size_t i = 0; i < node.oneOf.size() && matching.size() < 2; ++i) {
                    if (evaluate(node.oneOf[i], instance, location, depth + 1))
                        matching.push_back(i);
                    if (m_aborted)
                        return false;
                }
            }
            if (matching.empty())
                return fail(location,
                            [] { return QStringLiteral("the value matches none of the \"oneOf\" schemas"); });
            if (matching.size() > 1)
                return fail(location, [&] {
                    return QStringLiteral(
                               "the value matches \"oneOf\" schemas %1 and %2, but must match exactly one")
                        .arg(matching[0])
                        .arg(matching[1]);
                });
        }
        if (node.notSchema != NoSchema) {
            bool matches = false;
            {
                const Quiet quiet(m_quiet);
                matches = evaluate(node.notSchema, instance, location, depth + 1);
            }
            if (m_aborted)
                return false;
            if (matches)
                return fail(location, [] { return QStringLiteral("the value matches the \"not\" schema"); });
        }
        if (node.ifSchema != NoSchema) {
            bool condition = false;
            {
                const Quiet quiet(m_quiet);
                condition = evaluate(node.ifSchema, instance, location, depth + 1);
            }
            if (m_aborted)
                return false;
            const int branch = condition ? node.thenSchema : node.elseSchema;
            if (branch != NoSchema && !evaluate(branch, instance, location, depth + 1))
                return false;
        }
        return true;
    }

    const Program& m_program;
    const bool m_wantWhy;
    long m_steps = 0;
    int m_quiet = 0;
    bool m_aborted = false;
    QString m_abortReason;
    QString m_why;
};

std::shared_ptr<const Program> acceptEverything() {
    auto program = std::make_shared<Program>();
    program->nodes.emplace_back();
    program->nodes.back().kind = Node::Kind::True;
    return program;
}

} // namespace

JsonSchemaValidator::JsonSchemaValidator() : m_program(acceptEverything()) {
}

JsonSchemaValidator::JsonSchemaValidator(std::shared_ptr<const Program> program)
    : m_program(std::move(program)) {
}

Result<JsonSchemaValidator> JsonSchemaValidator::compile(const Json& schema) {
    Result<std::shared_ptr<const Program>> program = Compiler(schema).run();
    if (!program.ok())
        return Result<JsonSchemaValidator>::failureOf(program);
    return Result<JsonSchemaValidator>::success(JsonSchemaValidator(program.take()));
}

bool JsonSchemaValidator::validate(const Json& instance, QString* why) const {
    return check(instance, why) == Verdict::Valid;
}

JsonSchemaValidator::Verdict JsonSchemaValidator::check(const Json& instance, QString* why) const {
    return Evaluator(*m_program, why != nullptr).run(instance, why);
}

QStringList JsonSchemaValidator::supportedKeywords() {
    QStringList keywords;
    for (const char* keyword : assertionKeywords)
        keywords << str(keyword);
    for (const char* keyword : annotationKeywords)
        keywords << str(keyword);
    return keywords;
}

QStringList JsonSchemaValidator::unsupportedKeywords() {
    QStringList keywords;
    for (const char* keyword : refusedKeywords)
        keywords << str(keyword);
    return keywords;
}

} // namespace gatehouse
