#pragma once

#include "core/Json.h"
#include "core/JsonPath.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace gatehouse {

// WSO2's PromptDecorator configuration (`promptDecoratorConfig`): {"decoration": "text"}, put before or
// after the string at the policy's jsonPath (with a space between, as WSO2 does), or {"decoration":
// [{"role": ..., "content": ...}]}, messages put at the start or the end of the list at jsonPath. Messages
// aimed at a string are joined by newlines into text.
class PromptDecoration {
    Q_DECLARE_TR_FUNCTIONS(PromptDecoration)

public:
    enum class Kind { Text, Messages };

    // An object, or WSO2's string of that JSON.
    static Result<PromptDecoration> parse(const Json& value);

    Kind kind() const { return m_kind; }
    const QString& text() const { return m_text; }
    const Json& messages() const { return m_messages; }

    // Decorates what `path` selects in `document` (one string or one list); an error says what the
    // path found instead (in English: it goes back over the wire).
    Status apply(Json& document, const JsonPath& path, bool append) const;

private:
    Kind m_kind = Kind::Text;
    QString m_text;
    Json m_messages = Json::array();
};

} // namespace gatehouse
