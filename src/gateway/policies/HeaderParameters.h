#pragma once

#include "core/PolicyAttachment.h"

#include <QByteArray>

namespace gatehouse {

// A string parameter of a header policy as bytes ("" when absent or not a string).
QByteArray headerParameter(const PolicyAttachment& attachment, const char* name);

// Whether a header name or value could split the message it goes into: the validator refuses these,
// and the gateway never lets one through to the wire whatever the workspace holds.
bool breaksHeaderLine(const QByteArray& text);

} // namespace gatehouse
