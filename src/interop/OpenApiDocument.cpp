#include "interop/OpenApiDocument.h"

#include "interop/YamlDocument.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <utility>

namespace gatehouse {

namespace {

// The fixed fields of a Path Item that hold operations, in the order OpenAPI lists them.
const char* const operationKeys[] = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

bool isOperationKey(const std::string& key) {
    for (const char* candidate : operationKeys) {
        if (key == candidate)
            return true;
    }
    return false;
}

std::string escapeToken(const std::string& key) {
    std::string token;
    for (const char c : key) {
        if (c == '~')
            token += "~0";
        else if (c == '/')
            token += "~1";
        else
            token += c;
    }
    return token;
}

std::string child(const std::string& pointer, const std::string& key) {
    return pointer + '/' + escapeToken(key);
}

// The unescaped reference tokens of a JSON pointer; "" (the root) has none.
std::vector<std::string> tokensOf(const std::string& pointer) {
    std::vector<std::string> tokens;
    if (pointer.empty())
        return tokens;
    std::size_t start = 1;
    while (true) {
        const std::size_t end = pointer.find('/', start);
        std::string token = pointer.substr(start, end == std::string::npos ? std::string::npos : end - start);
        std::string unescaped;
        for (std::size_t i = 0; i < token.size(); ++i) {
            if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
                unescaped += token[i + 1] == '0' ? '~' : '/';
                ++i;
            } else {
                unescaped += token[i];
            }
        }
        tokens.push_back(std::move(unescaped));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return tokens;
}

std::string parentOf(const std::string& pointer) {
    const std::size_t slash = pointer.rfind('/');
    return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

QString stringOr(const Json& object, const char* key, const QString& fallback = {}) {
    if (!object.is_object())
        return fallback;
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? toQString(found->get<std::string>()) : fallback;
}

} // namespace

Result<OpenApiDocument> OpenApiDocument::parse(const QByteArray& text, const QString& fileName) {
    Result<YamlDocument::Located> parsed = YamlDocument::parseLocated(text, fileName);
    if (!parsed)
        return Result<OpenApiDocument>::failure(parsed.error());
    OpenApiDocument document;
    document.m_fileName = fileName;
    YamlDocument::Located located = parsed.take();
    document.m_root = std::move(located.value);
    document.m_positions = std::move(located.positions);
    document.m_keyPositions = std::move(located.keyPositions);
    if (const QString error = document.check(); !error.isEmpty())
        return Result<OpenApiDocument>::failure(error);
    return Result<OpenApiDocument>::success(std::move(document));
}

QString OpenApiDocument::openApiVersion() const {
    return stringOr(m_root, "openapi");
}

QString OpenApiDocument::title() const {
    return stringOr(m_root.value("info", Json::object()), "title").trimmed();
}

QString OpenApiDocument::version() const {
    const Json info = m_root.value("info", Json::object());
    const auto found = info.find("version");
    if (found == info.end())
        return {};
    // "version: 1.0" is a number in YAML; the user meant the text.
    return (found->is_string() ? toQString(found->get<std::string>()) : toQString(dumpCompact(*found)))
        .trimmed();
}

QString OpenApiDocument::description() const {
    return stringOr(m_root.value("info", Json::object()), "description").trimmed();
}

QString OpenApiDocument::serverUrl() const {
    const auto servers = m_root.find("servers");
    if (servers == m_root.end() || !servers->is_array() || servers->empty())
        return {};
    const Json& server = servers->front();
    QString url = stringOr(server, "url").trimmed();
    const Json variables = server.value("variables", Json::object());
    if (variables.is_object()) {
        for (const auto& [name, variable] : variables.items())
            url.replace(QLatin1Char('{') + toQString(name) + QLatin1Char('}'), stringOr(variable, "default"));
    }
    return url;
}

const Json* OpenApiDocument::nodeAt(const std::string& pointer) const {
    const Json* node = &m_root;
    for (const std::string& token : tokensOf(pointer)) {
        if (node->is_object()) {
            const auto found = node->find(token);
            if (found == node->end())
                return nullptr;
            node = &*found;
        } else if (node->is_array()) {
            bool ok = false;
            const int index = toQString(token).toInt(&ok);
            if (!ok || index < 0 || std::size_t(index) >= node->size())
                return nullptr;
            node = &(*node)[std::size_t(index)];
        } else {
            return nullptr;
        }
    }
    return node;
}

Result<OpenApiDocument::Resolved> OpenApiDocument::resolve(const std::string& pointer) const {
    Resolved resolved;
    resolved.pointer = pointer;
    resolved.node = nodeAt(pointer);
    QSet<QString> seen;
    while (resolved.node && resolved.node->is_object()) {
        const auto ref = resolved.node->find("$ref");
        if (ref == resolved.node->end() || !ref->is_string())
            break;
        const QString target = toQString(ref->get<std::string>());
        const std::string refPointer = child(resolved.pointer, "$ref");
        if (!target.startsWith(QLatin1String("#/")) && target != QLatin1String("#")) {
            // Another file, a URL or a plain-name anchor: nothing this document can follow.
            resolved.node = nullptr;
            return Result<Resolved>::success(resolved);
        }
        if (seen.contains(target))
            return Result<Resolved>::failure(
                errorAt(refPointer, tr("\"%1\" leads back to itself through other $refs").arg(target)));
        seen.insert(target);
        // The fragment of a URI: "{" and "}" in a path name arrive percent-encoded.
        const std::string targetPointer = QUrl::fromPercentEncoding(target.mid(1).toUtf8()).toStdString();
        const Json* next = nodeAt(targetPointer);
        if (!next)
            return Result<Resolved>::failure(
                errorAt(refPointer, tr("\"%1\" does not resolve: the document has no %2")
                                        .arg(target, displayPath(targetPointer))));
        resolved.node = next;
        resolved.pointer = targetPointer;
    }
    return Result<Resolved>::success(resolved);
}

QString OpenApiDocument::locate(const std::string& pointer) const {
    for (std::string at = pointer;; at = parentOf(at)) {
        if (const auto found = m_positions.find(at); found != m_positions.end())
            return QStringLiteral("%1:%2:%3")
                .arg(m_fileName)
                .arg(found->second.line)
                .arg(found->second.column);
        if (at.empty())
            return m_fileName;
    }
}

QString OpenApiDocument::displayPath(const std::string& pointer) const {
    QString path;
    // Walked along the document, so that a list index reads "[0]" and a key such as "200" (a
    // response code) stays a key; past the last existing node every token is a key.
    const Json* node = &m_root;
    for (const std::string& token : tokensOf(pointer)) {
        const QString text = toQString(token);
        if (node && node->is_array()) {
            path += QLatin1Char('[') + text + QLatin1Char(']');
            bool ok = false;
            const uint index = text.toUInt(&ok);
            node = ok && index < node->size() ? &(*node)[index] : nullptr;
            continue;
        }
        if (!path.isEmpty())
            path += QLatin1Char('.');
        path += text;
        if (node && node->is_object()) {
            const auto found = node->find(token);
            node = found == node->end() ? nullptr : &*found;
        } else {
            node = nullptr;
        }
    }
    return path;
}

QString OpenApiDocument::errorAt(const std::string& pointer, const QString& message) const {
    const QString path = displayPath(pointer);
    return path.isEmpty() ? QStringLiteral("%1: %2").arg(locate(pointer), message)
                          : QStringLiteral("%1: %2: %3").arg(locate(pointer), path, message);
}

QString OpenApiDocument::errorAtKey(const std::string& pointer, const QString& message) const {
    const auto found = m_keyPositions.find(pointer);
    if (found == m_keyPositions.end())
        return errorAt(pointer, message);
    return QStringLiteral("%1:%2:%3: %4: %5")
        .arg(m_fileName)
        .arg(found->second.line)
        .arg(found->second.column)
        .arg(displayPath(pointer), message);
}

QString OpenApiDocument::check() {
    if (m_root.is_null())
        return tr("%1: the document is empty").arg(m_fileName);
    if (!m_root.is_object())
        return errorAt({}, tr("an OpenAPI document must be a mapping of fields such as \"openapi\" and "
                              "\"paths\", not %1")
                               .arg(describeJsonType(m_root)));

    const auto openapi = m_root.find("openapi");
    if (openapi == m_root.end()) {
        if (m_root.contains("swagger"))
            return errorAt("/swagger", tr("Swagger (OpenAPI 2.0) documents are not supported: convert it "
                                          "to OpenAPI 3.0 or 3.1 first"));
        return QStringLiteral("%1: %2").arg(
            locate({}), tr("openapi: is required; an OpenAPI 3 document starts with a line such as "
                           "openapi: 3.0.3"));
    }
    if (!openapi->is_string())
        return errorAt("/openapi", tr("must be a string such as \"3.0.3\", not %1 (quote it in YAML)")
                                       .arg(describeJsonType(*openapi)));
    static const QRegularExpression supported(QStringLiteral("^3\\.[01](\\.[0-9]+)?$"));
    if (!supported.match(openApiVersion()).hasMatch())
        return errorAt("/openapi", tr("version \"%1\" is not supported: Gatehouse reads OpenAPI 3.0.x "
                                      "and 3.1.x")
                                       .arg(openApiVersion()));

    if (const auto info = m_root.find("info"); info != m_root.end()) {
        if (!info->is_object())
            return errorAt("/info", tr("must be an object, not %1").arg(describeJsonType(*info)));
        for (const char* key : {"title", "description"}) {
            if (const auto field = info->find(key); field != info->end() && !field->is_string())
                return errorAt(child("/info", key),
                               tr("must be a string, not %1").arg(describeJsonType(*field)));
        }
        if (const auto field = info->find("version");
            field != info->end() && (field->is_object() || field->is_array() || field->is_null()))
            return errorAt("/info/version", tr("must be a string, not %1").arg(describeJsonType(*field)));
    }
    if (QString error = checkServers(); !error.isEmpty())
        return error;
    if (QString error = checkPaths(); !error.isEmpty())
        return error;
    return checkReferences(m_root, {}, false);
}

QString OpenApiDocument::checkServers() {
    const auto servers = m_root.find("servers");
    if (servers == m_root.end())
        return {};
    if (!servers->is_array())
        return errorAt("/servers", tr("must be a list of servers, not %1").arg(describeJsonType(*servers)));
    if (servers->empty())
        return {};
    const Json& server = servers->front();
    if (!server.is_object())
        return errorAt("/servers/0",
                       tr("a server must be an object with a url, not %1").arg(describeJsonType(server)));
    const auto url = server.find("url");
    if (url == server.end())
        return errorAt("/servers/0", tr("url: is required"));
    if (!url->is_string())
        return errorAt("/servers/0/url", tr("must be a string, not %1").arg(describeJsonType(*url)));
    // Every {variable} of the URL needs a default, or the URL cannot be completed.
    static const QRegularExpression variable(QStringLiteral("\\{([^{}]*)\\}"));
    const Json variables = server.value("variables", Json::object());
    for (const QRegularExpressionMatch& match : variable.globalMatch(toQString(url->get<std::string>()))) {
        const std::string name = match.captured(1).toStdString();
        if (!variables.is_object() || !variables.contains(name) || !variables[name].is_object() ||
            !variables[name].value("default", Json()).is_string())
            return errorAt("/servers/0/url",
                           tr("variable {%1} has no default in servers[0].variables").arg(match.captured(1)));
    }
    return {};
}

QString OpenApiDocument::checkPaths() {
    const auto paths = m_root.find("paths");
    if (paths == m_root.end()) {
        // 3.1 allows a document of only webhooks or components; 3.0 requires paths.
        if (openApiVersion().startsWith(QLatin1String("3.1")))
            return {};
        return QStringLiteral("%1: %2").arg(locate({}), tr("paths: is required in OpenAPI 3.0"));
    }
    if (!paths->is_object())
        return errorAt("/paths", tr("must be an object that maps each path to its operations, not %1")
                                     .arg(describeJsonType(*paths)));
    // A template is literal text with whole {name} parameters: "/models/{model}".
    static const QRegularExpression pathTemplate(QStringLiteral("^/([^{}]|\\{[^{}/]+\\})*$"));
    for (const auto& [key, item] : paths->items()) {
        Q_UNUSED(item);
        const std::string pointer = child("/paths", key);
        const QString path = toQString(key);
        if (path.startsWith(QLatin1String("x-")))
            continue; // an extension, not a path
        if (!path.startsWith(QLatin1Char('/')))
            return errorAtKey(pointer, tr("a path must start with '/'"));
        if (!pathTemplate.match(path).hasMatch())
            return errorAtKey(pointer,
                              tr("'{' and '}' must enclose a parameter name, as in /models/{model}"));
        if (QString error = checkPathItem(pointer, path); !error.isEmpty())
            return error;
    }
    return {};
}

QString OpenApiDocument::checkPathItem(const std::string& pointer, const QString& path) {
    const Result<Resolved> resolved = resolve(pointer);
    if (!resolved)
        return resolved.error();
    const Json* item = resolved->node;
    if (!item)
        return errorAt(pointer, tr("a path item in another document cannot be read; copy it into this one"));
    if (!item->is_object())
        return errorAt(pointer, tr("a path item must be an object that maps methods to operations, not %1")
                                    .arg(describeJsonType(*item)));
    for (const auto& [key, operation] : item->items()) {
        if (!isOperationKey(key))
            continue; // parameters, servers, summary, extensions...
        const std::string operationPointer = child(resolved->pointer, key);
        if (operation.is_null())
            return errorAt(operationPointer, tr("an operation must be an object; this one is empty"));
        if (!operation.is_object())
            return errorAt(operationPointer,
                           tr("an operation must be an object, not %1").arg(describeJsonType(operation)));
        for (const char* field : {"summary", "description", "operationId"}) {
            if (const auto value = operation.find(field); value != operation.end() && !value->is_string())
                return errorAt(child(operationPointer, field),
                               tr("must be a string, not %1").arg(describeJsonType(*value)));
        }
        if (const auto body = operation.find("requestBody"); body != operation.end() && !body->is_object())
            return errorAt(child(operationPointer, "requestBody"),
                           tr("must be an object, not %1").arg(describeJsonType(*body)));
        // TRACE echoes the request back; gateways, WSO2's included, do not expose it.
        if (key == "trace")
            continue;
        Operation entry;
        entry.verb = toQString(key).toUpper();
        entry.path = path;
        entry.pointer = operationPointer;
        // The summary, else the description's first line, else the operation id: a name for lists.
        entry.summary = stringOr(operation, "summary").trimmed();
        if (entry.summary.isEmpty())
            entry.summary =
                stringOr(operation, "description").trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
        if (entry.summary.isEmpty())
            entry.summary = stringOr(operation, "operationId").trimmed();
        m_operations.push_back(std::move(entry));
    }
    return {};
}

QString OpenApiDocument::checkReferences(const Json& node, const std::string& pointer,
                                         bool namesSchemas) const {
    if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            if (QString error = checkReferences(node[i], pointer + '/' + std::to_string(i), false);
                !error.isEmpty())
                return error;
        }
        return {};
    }
    if (!node.is_object())
        return {};
    if (const auto ref = node.find("$ref"); ref != node.end() && ref->is_string()) {
        // Only references into this document are checked; others are followed by nobody here.
        const QString target = toQString(ref->get<std::string>());
        if (target.startsWith(QLatin1String("#/"))) {
            const std::string targetPointer = QUrl::fromPercentEncoding(target.mid(1).toUtf8()).toStdString();
            if (!nodeAt(targetPointer))
                return errorAt(child(pointer, "$ref"), tr("\"%1\" does not resolve: the document has no %2")
                                                           .arg(target, displayPath(targetPointer)));
        }
    }
    // Below these keys is literal data (examples, defaults), where "$ref" is just a field name; under
    // "properties" the same words are names of schemas, which are checked.
    static const QSet<QString> literalKeys = {QStringLiteral("example"), QStringLiteral("default"),
                                              QStringLiteral("const"), QStringLiteral("enum"),
                                              QStringLiteral("value")};
    for (const auto& [key, value] : node.items()) {
        const QString name = toQString(key);
        if (!namesSchemas && (literalKeys.contains(name) || name.startsWith(QLatin1String("x-"))))
            continue;
        const bool childNamesSchemas = !namesSchemas && (name == QLatin1String("properties") ||
                                                         name == QLatin1String("patternProperties"));
        if (QString error = checkReferences(value, child(pointer, key), childNamesSchemas); !error.isEmpty())
            return error;
    }
    return {};
}

} // namespace gatehouse
