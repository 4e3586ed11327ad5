#pragma once

#include "gateway/JsonFieldScanner.h"

#include <QByteArray>
#include <QString>
#include <string>

namespace gatehouse {

// What model routing and usage accounting need of a request body, read without building a document:
// the requested model (and where its string sits), whether the client asked for a stream and whether
// it asked for the stream's usage (OpenAI's stream_options.include_usage). withModel() rewrites the
// model by replacing that one value (a string, or whatever the client put there), so every other
// byte of the client's body reaches the upstream as sent; only a nested location that is not present
// takes the slower path through a parsed document. withStreamUsage() asks for the usage the same way.
class RequestBodyModel {
public:
    // modelLocation: the provider's JSONPath for the model ("$.model").
    explicit RequestBodyModel(const QString& modelLocation);

    JsonFieldScanner::Outcome scan(const QByteArray& body);
    QString requestedModel() const;
    bool streamRequested() const { return m_stream; }
    bool streamUsageRequested() const { return m_includeUsage; }
    QByteArray withModel(const QByteArray& body, const QString& model) const;
    // `body` (this one, or it after withModel()) with stream_options.include_usage set to true.
    QByteArray withStreamUsage(const QByteArray& body) const;

private:
    QString m_location;
    std::vector<std::string> m_steps;
    JsonFieldScanner::Field m_model;
    bool m_stream = false;
    bool m_streamOptionsPresent = false;
    bool m_includeUsage = false;
};

} // namespace gatehouse
