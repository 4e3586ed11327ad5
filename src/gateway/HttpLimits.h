#pragma once

#include <QtGlobal>

namespace gatehouse {

// What one inbound connection may do before it gets a precise 4xx answer or is closed.
struct HttpLimits {
    qint64 maxBodyBytes = 10 * 1024 * 1024;   // 413 beyond
    qint64 maxHeaderBytes = 16 * 1024;        // 431 beyond (request line + header fields)
    int headerTimeoutMs = 10000;              // 408 when a request's headers take longer
    int idleTimeoutMs = 60000;                // an idle keep-alive connection is closed after this
    int maxPipelinedRequests = 64;            // reading pauses while this many await their answers
    qint64 outputHighWaterBytes = 256 * 1024; // streaming handlers pause their upstream above this;
                                              // the next pipelined request waits until it drains
    qint64 readBufferBytes = 64 * 1024;       // input read ahead of the parser per connection
    // Connections served at once across all workers. Beyond it a connection is still accepted (a
    // refused connect looks like a dead server) but its request is answered 503 with Connection: close.
    int maxConnections = 10000;
};

} // namespace gatehouse
