#pragma once

#include "console/ConsoleTypes.h"

#include <QByteArray>
#include <QString>

namespace gatehouse {

// "Copy as cURL": the console's request as a command line for a POSIX shell.
class CurlCommand {
public:
    // One argument per line (joined with " \" continuations), every argument single-quoted. The
    // access token is masked (its first characters and "…") unless `revealToken`; without a token the
    // header reads "Bearer ${TOKEN}", double-quoted so that the shell fills it in.
    static QString build(const InvokeRequest& request, const QByteArray& accessToken, bool revealToken);

    // 'text' for a POSIX shell: a ' inside becomes '\''; everything else, newlines and any
    // Unicode included, stands literally between single quotes.
    static QString quote(const QString& text);
    // What build() shows of a token that is not revealed.
    static QString maskToken(const QByteArray& accessToken);
};

} // namespace gatehouse
