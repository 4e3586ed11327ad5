#pragma once

#include "core/Json.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace gatehouse {

// Under a PromptTemplate or PromptDecorator form: an example request (editable) and what the model
// would receive from it with the parameters as they are typed, or the error the client would get.
// It runs the same core code as the gateway (PromptTemplates::expandAll, PromptDecoration::apply).
class PromptPreview : public QWidget {
    Q_OBJECT
public:
    // `policyName`: "PromptTemplate" or "PromptDecorator".
    PromptPreview(const QString& policyName, QWidget* parent = nullptr);

    void setParameters(const Json& parameters);
    QString result() const;    // what the model would receive, pretty-printed; empty on an error
    QString errorText() const; // why the request would be refused; empty when it goes through

private:
    void update();
    QString exampleRequest() const;

    QString m_policyName;
    Json m_parameters = Json::object();
    QPlainTextEdit* m_request;
    QPlainTextEdit* m_result;
    QLabel* m_error;
    bool m_requestEdited = false;
};

} // namespace gatehouse
