#include "gateway/HttpHeadScanner.h"

namespace gatehouse {

void HttpHeadScanner::reset() {
    *this = HttpHeadScanner();
}

HttpHeadScanner::Verdict HttpHeadScanner::scan(const char* data, qsizetype size) {
    for (qsizetype i = 0; i < size && !m_ended; ++i) {
        const char c = data[i];
        if (m_preamble) {
            if (c == '\r' || c == '\n')
                continue;
            m_preamble = false;
        }
        if (m_afterCr) {
            if (c != '\n')
                return Verdict::BareCarriageReturn;
            m_afterCr = false;
        }
        if (c == '\r') {
            m_afterCr = true;
            continue;
        }
        if (c == '\n') {
            if (!m_lineHasContent) {
                m_ended = true; // the empty line: the head is complete
                break;
            }
            m_lineStart = true;
            m_lineHasContent = false;
            continue;
        }
        if (m_lineStart && (c == ' ' || c == '\t'))
            return Verdict::ObsFold;
        m_lineStart = false;
        m_lineHasContent = true;
    }
    return Verdict::Ok;
}

} // namespace gatehouse
