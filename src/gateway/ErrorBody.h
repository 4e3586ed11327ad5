#pragma once

#include <QByteArray>
#include <QString>

namespace gatehouse {

// The JSON body of every error the gateway itself answers, in WSO2's shape:
// {"code": "900901", "message": "Invalid Credentials", "description": "..."}.
QByteArray errorBody(const QString& code, const QString& message, const QString& description);

} // namespace gatehouse
