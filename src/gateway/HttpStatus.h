#pragma once

#include <QByteArray>

namespace gatehouse {

// The reason phrase for a status code ("Not Found"), "Unknown" for codes it does not know.
QByteArray httpReasonPhrase(int status);

} // namespace gatehouse
