#pragma once

#include "core/Json.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

namespace gatehouse {

// WSO2's PromptTemplate configuration (`promptTemplateConfig`): named prompts with [[variable]]
// placeholders, which a client uses by writing template://name?variable=value&... in a message
// (values percent-encoded, as in a URI's query). Where WSO2 leaves a reference to an unknown template
// in the prompt and fills what it can, Gatehouse refuses the request with the reason: a prompt with
// holes in it costs tokens and answers something else.
class PromptTemplates {
    Q_DECLARE_TR_FUNCTIONS(PromptTemplates)

public:
    struct Template {
        QString name;          // letters, digits, '_' and '-', as WSO2's reference pattern reads them
        QString prompt;        // with [[variable]] placeholders
        QStringList variables; // in the order they first appear
    };

    // A JSON list of {"name","prompt"}, or WSO2's string of that JSON. Problems name the entry.
    static Result<PromptTemplates> parse(const Json& value);

    const std::vector<Template>& templates() const { return m_templates; }
    const Template* find(const QString& name) const;

    // `text` with every template reference replaced by its filled prompt; `changed` tells whether
    // there was one. A reference to an unknown template, or one that leaves a variable of its
    // template without a value, is an error naming both (in English: it goes back over the wire).
    Result<QString> expand(const QString& text, bool* changed = nullptr) const;

    // Expands the references in every string of `document` (keys stay as they are); the first error
    // stops it. What the gateway does to a request, and the editor's preview shows.
    Status expandAll(Json& document, bool* changed) const;

    // Cheap test on a raw body before any parsing: only bodies holding this can refer to a template.
    static bool mayHoldReference(const QByteArray& body) { return body.contains("template://"); }

private:
    std::vector<Template> m_templates;
};

} // namespace gatehouse
