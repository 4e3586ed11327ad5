#include "gateway/UsageEstimate.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace gatehouse {

namespace {

constexpr qint64 tokensPerMessage = 3;
constexpr qint64 tokensOfReplyPriming = 3;

// Adds up the text of a request or an answer in one pass over its JSON, without building a document:
// the body is the client's (or the upstream's), and a document of a million members costs quadratic
// time in an ordered DOM. Text is a string under one of `textMembers` (at any depth) inside one of
// the top-level `sections`; `itemsSection`'s elements are counted too (the chat messages).
class TextCounter final : public nlohmann::json_sax<nlohmann::json> {
public:
    TextCounter(std::vector<std::string> sections, std::vector<std::string> textMembers,
                std::string itemsSection)
        : m_sections(std::move(sections)), m_textMembers(std::move(textMembers)),
          m_itemsSection(std::move(itemsSection)) {}

    qsizetype textBytes() const { return m_bytes; }
    qint64 items() const { return m_items; }
    bool sawSection() const { return m_sawSection; }
    bool sawItemsSection() const { return m_sawItemsSection; }
    bool isObject() const { return m_isObject; }

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool string(string_t& value) override {
        if (!inSection())
            return true;
        // The section's own value ("prompt": "..."), an element of it, or a text member inside it.
        const bool direct = m_frames.size() == 1 || (m_frames.size() == 2 && m_frames.back().isArray);
        if (direct || isTextMember(m_frames.back().key))
            m_bytes += qsizetype(value.size());
        return true;
    }
    bool start_object(std::size_t) override {
        if (m_frames.empty())
            m_isObject = true;
        countItem();
        m_frames.push_back(Frame{false, {}});
        return true;
    }
    bool key(string_t& name) override {
        m_frames.back().key = name;
        if (m_frames.size() == 1 && isSection(name)) {
            m_sawSection = true;
            m_sawItemsSection = m_sawItemsSection || name == m_itemsSection;
        }
        return true;
    }
    bool end_object() override {
        m_frames.pop_back();
        return true;
    }
    bool start_array(std::size_t) override {
        countItem();
        m_frames.push_back(Frame{true, {}});
        return true;
    }
    bool end_array() override {
        m_frames.pop_back();
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

private:
    struct Frame {
        bool isArray;
        std::string key; // an object's current member
    };

    bool isSection(const std::string& name) const {
        return std::find(m_sections.begin(), m_sections.end(), name) != m_sections.end();
    }
    bool isTextMember(const std::string& name) const {
        return std::find(m_textMembers.begin(), m_textMembers.end(), name) != m_textMembers.end();
    }
    bool inSection() const {
        return !m_frames.empty() && !m_frames.front().isArray && isSection(m_frames.front().key);
    }
    void countItem() {
        // An element of the top-level items array: frames are [top object, that array].
        if (m_frames.size() == 2 && m_frames.back().isArray && m_frames.front().key == m_itemsSection)
            ++m_items;
    }

    std::vector<std::string> m_sections;
    std::vector<std::string> m_textMembers;
    std::string m_itemsSection;
    std::vector<Frame> m_frames;
    qsizetype m_bytes = 0;
    qint64 m_items = 0;
    bool m_sawSection = false;
    bool m_sawItemsSection = false;
    bool m_isObject = false;
};

bool count(TextCounter& counter, const QByteArray& json) {
    return nlohmann::json::sax_parse(json.cbegin(), json.cend(), &counter) && counter.isObject();
}

} // namespace

qint64 UsageEstimate::tokensOfText(qsizetype utf8Bytes) {
    return (qint64(utf8Bytes) + 3) / 4;
}

qint64 UsageEstimate::promptTokens(const QByteArray& requestBody) {
    // A body this large is a prompt of about its own size: reading its text would cost more than the
    // estimate is worth (a hostile body of a million members, say).
    constexpr qsizetype readLimit = 1024 * 1024;
    if (requestBody.size() > readLimit)
        return requestBody.trimmed().startsWith('{') ? tokensOfText(requestBody.size()) : -1;
    TextCounter counter({"messages", "system", "prompt", "input"}, {"content", "text"}, "messages");
    if (!count(counter, requestBody) || !counter.sawSection())
        return -1;
    const qint64 framing =
        counter.sawItemsSection() ? tokensOfReplyPriming + tokensPerMessage * counter.items() : 0;
    return framing + tokensOfText(counter.textBytes());
}

qint64 UsageEstimate::completionTokens(const QByteArray& answer) {
    // OpenAI's choices[].message.content or choices[].text; Anthropic's content[].text.
    TextCounter counter({"choices", "content"}, {"content", "text"}, {});
    if (!count(counter, answer))
        return 0;
    return tokensOfText(counter.textBytes());
}

qint64 UsageEstimate::textEvents(const QByteArray& streamBytes) {
    return streamBytes.count("\"content\":\"") - streamBytes.count("\"content\":\"\"");
}

} // namespace gatehouse
