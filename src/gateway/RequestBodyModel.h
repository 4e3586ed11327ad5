#pragma once

#include "gateway/JsonFieldScanner.h"

#include <QByteArray>
#include <QString>
#include <string>

namespace gatehouse {

// What model routing needs of a request body, read without building a document: the requested model
// (and where its string sits), and whether the client asked for a stream. withModel() rewrites the
// model by replacing that one value (a string, or whatever the client put there), so every other
// byte of the client's body reaches the upstream as sent; only a nested location that is not present
// takes the slower path through a parsed document.
class RequestBodyModel {
public:
    // modelLocation: the provider's JSONPath for the model ("$.model").
    explicit RequestBodyModel(const QString& modelLocation);

    JsonFieldScanner::Outcome scan(const QByteArray& body);
    QString requestedModel() const;
    bool streamRequested() const { return m_stream; }
    QByteArray withModel(const QByteArray& body, const QString& model) const;

private:
    QString m_location;
    std::vector<std::string> m_steps;
    JsonFieldScanner::Field m_model;
    bool m_stream = false;
};

} // namespace gatehouse
