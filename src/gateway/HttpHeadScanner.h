#pragma once

#include <QtGlobal>

namespace gatehouse {

// Checks the line structure of a request head before http_parser sees it. Debian builds
// http_parser with HTTP_PARSER_STRICT=0, which folds obsolete line folding (a header line that
// starts with a space or tab) into the previous value and lets a CR go without its LF in places.
// A proxy in front that reads the same bytes differently is how requests get smuggled, and
// RFC 9112 (5.2) wants obs-fold in a request refused, so the gateway refuses both with 400.
// Fed the head piece by piece, from its first byte; it stops looking at the empty line that ends
// the head (what follows is a body, for the parser to frame).
class HttpHeadScanner {
public:
    enum class Verdict { Ok, ObsFold, BareCarriageReturn };

    // A new head starts with the next byte fed.
    void reset();
    Verdict scan(const char* data, qsizetype size);
    bool headEnded() const { return m_ended; }

private:
    bool m_preamble = true;   // empty lines before the request line, which RFC 9112 lets a server skip
    bool m_afterCr = false;   // the previous byte was a CR: only an LF may follow
    bool m_lineStart = false; // the previous byte ended a line
    bool m_lineHasContent = false;
    bool m_ended = false;
};

} // namespace gatehouse
