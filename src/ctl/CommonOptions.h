#pragma once

#include <QByteArray>
#include <QCommandLineOption>
#include <QString>

namespace gatehouse {

// The options several commands share, named and documented once so that they read the same in
// every command's help.
class CommonOptions {
public:
    static inline const QString api = QStringLiteral("api");
    static inline const QString app = QStringLiteral("app");
    static inline const QString keyType = QStringLiteral("type");
    static inline const QString gateway = QStringLiteral("gateway");

    static QCommandLineOption apiSelector();     // --api NAME|ID
    static QCommandLineOption appSelector();     // --app NAME|ID
    static QCommandLineOption keyTypeSelector(); // --type production|sandbox
    static QCommandLineOption gatewayUrl();      // --gateway URL

    // A --body value: the text itself, or "@FILE" and the file's contents (CtlError when unreadable).
    static QByteArray readBody(const QString& text);
};

} // namespace gatehouse
