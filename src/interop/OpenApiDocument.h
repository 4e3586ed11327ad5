#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <string>
#include <unordered_map>
#include <vector>

namespace gatehouse {

// An OpenAPI 3.0 or 3.1 document (JSON or YAML), checked as far as Gatehouse reads it: the version,
// info, servers, paths with their operations and every local $ref. Every error is one line that names
// the place to fix: "vllm.yaml:14:7: paths./v1/chat/completions.post: an operation must be an object".
class OpenApiDocument {
    Q_DECLARE_TR_FUNCTIONS(OpenApiDocument)

public:
    struct Operation {
        QString verb; // upper case
        QString path; // the path template as written: "/v1/models/{model}"
        QString summary;
        std::string pointer; // JSON pointer of the operation object, for locate() and resolve()
    };

    // A node reached through zero or more $refs, and the JSON pointer where it really is.
    struct Resolved {
        const Json* node = nullptr;
        std::string pointer;
    };

    static Result<OpenApiDocument> parse(const QByteArray& text, const QString& fileName);

    const QString& fileName() const { return m_fileName; }
    const Json& root() const { return m_root; }
    QString openApiVersion() const; // "3.0.3"
    QString title() const;          // info.title; empty when the document has none
    QString version() const;        // info.version; empty when the document has none
    QString description() const;    // info.description
    // servers[0].url with its variables' defaults filled in; empty when the document names no server.
    QString serverUrl() const;
    // In document order. TRACE operations are left out: no gateway forwards them.
    const std::vector<Operation>& operations() const { return m_operations; }

    // The node at `pointer` (null when there is none), following $refs until a node without one.
    Result<Resolved> resolve(const std::string& pointer) const;
    // The node at `pointer` without following anything; nullptr when there is none.
    const Json* nodeAt(const std::string& pointer) const;

    // "vllm.yaml:14:7" for the node at `pointer`, or for its nearest ancestor that has a position.
    QString locate(const std::string& pointer) const;
    // "paths./v1/models.get", "servers[0].url": how messages name the node at `pointer`.
    QString displayPath(const std::string& pointer) const;
    // One error line about the node at `pointer`: "<file>:<line>:<column>: <path>: <message>".
    QString errorAt(const std::string& pointer, const QString& message) const;
    // The same, placed at the key of the mapping entry at `pointer` ("  v1/models:" rather than its value).
    QString errorAtKey(const std::string& pointer, const QString& message) const;

private:
    OpenApiDocument() = default;
    QString check();
    QString checkServers();
    QString checkPaths();
    QString checkPathItem(const std::string& pointer, const QString& path);
    QString checkReferences(const Json& node, const std::string& pointer, bool namesSchemas) const;

    QString m_fileName;
    Json m_root;
    std::unordered_map<std::string, TextPosition> m_positions;
    std::unordered_map<std::string, TextPosition> m_keyPositions;
    std::vector<Operation> m_operations;
};

} // namespace gatehouse
