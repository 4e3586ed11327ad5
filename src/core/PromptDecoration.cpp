#include "core/PromptDecoration.h"

#include <QStringList>

namespace gatehouse {

namespace {
constexpr std::size_t maxDecorationBytes = 65536; // copied into every request
}

Result<PromptDecoration> PromptDecoration::parse(const Json& value) {
    using ParseResult = Result<PromptDecoration>;
    Json config = value;
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        config = Json::parse(text, nullptr, false);
        if (config.is_discarded())
            return ParseResult::failure(
                tr("is not JSON (from byte %1)").arg(jsonErrorByte(text.data(), text.data() + text.size())));
    }
    const auto decoration = config.is_object() ? config.find("decoration") : config.end();
    if (!config.is_object() || decoration == config.end() ||
        !(decoration->is_string() || decoration->is_array()))
        return ParseResult::failure(tr(
            "must be {\"decoration\": \"text\"} or {\"decoration\": [{\"role\": ..., \"content\": ...}]}"));
    if (dumpCompact(*decoration).size() > maxDecorationBytes)
        return ParseResult::failure(tr("the decoration is longer than %1 bytes").arg(maxDecorationBytes));
    PromptDecoration result;
    if (decoration->is_string()) {
        result.m_kind = Kind::Text;
        result.m_text = toQString(decoration->get<std::string>());
        if (result.m_text.trimmed().isEmpty())
            return ParseResult::failure(tr("decoration is empty"));
        return ParseResult::success(std::move(result));
    }
    if (decoration->empty())
        return ParseResult::failure(tr("decoration lists no message"));
    QStringList contents;
    for (std::size_t index = 0; index < decoration->size(); ++index) {
        const Json& message = (*decoration)[index];
        const auto content = message.is_object() ? message.find("content") : message.end();
        if (!message.is_object() || content == message.end() || !content->is_string())
            return ParseResult::failure(
                tr("decoration[%1] must be {\"role\": ..., \"content\": ...}").arg(index));
        if (jsonStringMember(message, "role").isEmpty())
            return ParseResult::failure(
                tr("decoration[%1].role is empty: give system, user or assistant").arg(index));
        contents.append(toQString(content->get<std::string>()));
    }
    result.m_kind = Kind::Messages;
    result.m_messages = *decoration;
    result.m_text = contents.join(QLatin1Char('\n'));
    return ParseResult::success(std::move(result));
}

Status PromptDecoration::apply(Json& document, const JsonPath& path, bool append) const {
    const std::vector<Json*> targets = path.selectMutable(document);
    if (targets.empty())
        return Status::failure(ErrorCode::Invalid,
                               QStringLiteral("%1 matches nothing in the request").arg(path.expression()));
    if (targets.size() > 1)
        return Status::failure(ErrorCode::Invalid,
                               QStringLiteral("%1 matches %2 values; a decoration goes into one")
                                   .arg(path.expression())
                                   .arg(targets.size()));
    Json& target = *targets.front();
    if (target.is_string()) {
        const std::string existing = target.get<std::string>();
        const std::string decoration = m_text.toStdString();
        target = append ? existing + ' ' + decoration : decoration + ' ' + existing;
        return Status::success();
    }
    if (target.is_array() && m_kind == Kind::Messages) {
        Json decorated = Json::array();
        const Json& first = append ? target : m_messages;
        const Json& second = append ? m_messages : target;
        for (const Json& message : first)
            decorated.push_back(message);
        for (const Json& message : second)
            decorated.push_back(message);
        target = std::move(decorated);
        return Status::success();
    }
    if (target.is_array())
        return Status::failure(
            ErrorCode::Invalid,
            QStringLiteral(
                "%1 is a list: a text decoration goes into a string, such as $.messages[-1].content")
                .arg(path.expression()));
    return Status::failure(ErrorCode::Invalid,
                           QStringLiteral("%1 is %2, not a string or a list")
                               .arg(path.expression(), QString::fromLatin1(jsonTypeSourceText(target))));
}

} // namespace gatehouse
