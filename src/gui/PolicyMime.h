#pragma once

#include "core/FlowKind.h"

#include <QMimeData>
#include <QString>
#include <memory>
#include <optional>

namespace gatehouse {

// The drag-and-drop payloads of the policy editor, declared once: a catalogue entry dragged from
// the palette, or an attached policy dragged within its lane.
class PolicyMime {
public:
    static const QString definitionType; // "application/x-gatehouse-policy-definition"
    static const QString attachmentType; // "application/x-gatehouse-policy-attachment"

    struct AttachmentRef {
        QString scope; // "" for the API level, else an operation key ("POST /chat/completions")
        FlowKind flow = FlowKind::Request;
        int index = 0;
    };

    static std::unique_ptr<QMimeData> forDefinition(const QString& policyName);
    static std::unique_ptr<QMimeData> forAttachment(const AttachmentRef& ref);
    static std::optional<QString> definition(const QMimeData* data);
    static std::optional<AttachmentRef> attachment(const QMimeData* data);
};

} // namespace gatehouse
