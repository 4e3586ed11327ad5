#pragma once

#include "guardrails/Guardrail.h"

#include <QByteArray>
#include <array>

namespace gatehouse {

// WSO2's AzureContentSafetyContentModeration: Azure AI Content Safety's text:analyze rates the text
// 0-7 in four categories; each category with a maximum (hateCategory, sexualCategory,
// selfHarmCategory, violenceCategory: 0-7, absent or -1 = not checked) passes when its severity is at
// most that. Building the request and reading the answer are here; the gateway's policy sends it.
class AzureContentSafetyGuardrail final : public Guardrail {
public:
    struct Category {
        const char* parameter; // "hateCategory"
        const char* azureName; // "Hate"
    };
    static constexpr std::array<Category, 4> categories{{{"hateCategory", "Hate"},
                                                         {"sexualCategory", "Sexual"},
                                                         {"selfHarmCategory", "SelfHarm"},
                                                         {"violenceCategory", "Violence"}}};
    // Azure's limit on one text:analyze call.
    static constexpr int maxCharacters = 10000;
    static inline const QString apiVersion = QStringLiteral("2024-09-01");

    static Result<std::shared_ptr<const Guardrail>> build(const Json& parameters);

    AzureContentSafetyGuardrail(GuardrailSettings settings, std::array<int, 4> maxima,
                                bool passthroughOnError);

    QString kind() const override { return QStringLiteral("AzureContentSafetyContentModeration"); }
    QString type() const override { return QStringLiteral("AZURE_CONTENT_SAFETY_CONTENT_MODERATION"); }
    QString actionReason() const override;
    // The test bench: the service is only called by the gateway.
    Judgement judge(const QString& text) const override;

    bool passthroughOnError() const { return m_passthroughOnError; }
    // The body of the text:analyze request for `text`, or why it cannot be sent (too long).
    Result<QByteArray> requestBody(const QString& text) const;
    // The judgement of Azure's answer; error when it is not the documented shape.
    Judgement judgeAnswer(const QByteArray& answer) const;

private:
    std::array<int, 4> m_maxima; // -1: not checked
    bool m_passthroughOnError;
};

} // namespace gatehouse
