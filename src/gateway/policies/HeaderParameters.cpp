#include "gateway/policies/HeaderParameters.h"

namespace gatehouse {

QByteArray headerParameter(const PolicyAttachment& attachment, const char* name) {
    if (!attachment.parameters.is_object())
        return {};
    const auto it = attachment.parameters.find(name);
    return it != attachment.parameters.end() && it->is_string()
               ? QByteArray::fromStdString(it->get<std::string>())
               : QByteArray();
}

bool breaksHeaderLine(const QByteArray& text) {
    return text.contains('\r') || text.contains('\n');
}

} // namespace gatehouse
