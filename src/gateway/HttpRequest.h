#pragma once

#include "gateway/HttpHeaders.h"

#include <QByteArray>
#include <QHostAddress>

namespace gatehouse {

// One parsed inbound request, body complete.
struct HttpRequest {
    QByteArray method; // "POST"
    QByteArray target; // as sent: "/smartchat/1.0.0/chat/completions?x=1"
    QByteArray path;   // the target without its query, percent-decoding left to the router
    QByteArray query;  // without the '?'
    int versionMajor = 1;
    int versionMinor = 1;
    HttpHeaders headers;
    QByteArray body;
    bool keepAlive = true;
    QHostAddress peer;

    bool isHead() const { return method == "HEAD"; }
    bool isHttp10() const { return versionMajor == 1 && versionMinor == 0; }
};

} // namespace gatehouse
