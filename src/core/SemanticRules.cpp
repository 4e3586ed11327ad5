#include "core/SemanticRules.h"

namespace gatehouse {

namespace {
Result<QStringList> promptList(const Json& rules, const char* key) {
    if (!rules.contains(key) || rules[key].is_null())
        return Result<QStringList>::success({});
    const Json& list = rules[key];
    if (!list.is_array())
        return Result<QStringList>::failure(
            SemanticRules::tr("%1 must be a list of prompts").arg(QLatin1String(key)));
    if (list.size() > std::size_t(SemanticRules::maxPrompts))
        return Result<QStringList>::failure(SemanticRules::tr("%1 lists %2 prompts; at most %3 are allowed")
                                                .arg(QLatin1String(key))
                                                .arg(list.size())
                                                .arg(SemanticRules::maxPrompts));
    QStringList prompts;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const QString prompt =
            list[i].is_string() ? toQString(list[i].get<std::string>()).trimmed() : QString();
        if (prompt.isEmpty())
            return Result<QStringList>::failure(
                SemanticRules::tr("%1[%2] must be a prompt (a non-empty string)")
                    .arg(QLatin1String(key))
                    .arg(i));
        if (prompt.size() > SemanticRules::maxPromptLength)
            return Result<QStringList>::failure(SemanticRules::tr("%1[%2] is longer than %3 characters")
                                                    .arg(QLatin1String(key))
                                                    .arg(i)
                                                    .arg(SemanticRules::maxPromptLength));
        prompts.append(prompt);
    }
    return Result<QStringList>::success(prompts);
}
} // namespace

Result<SemanticRules> SemanticRules::parse(const Json& value) {
    Json rules = value;
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        rules = Json::parse(text, nullptr, false);
        if (rules.is_discarded())
            return Result<SemanticRules>::failure(
                tr("is not JSON (from byte %1)").arg(jsonErrorByte(text.data(), text.data() + text.size())));
    }
    if (!rules.is_object())
        return Result<SemanticRules>::failure(
            tr("must be {\"allowPrompts\": [...], \"denyPrompts\": [...]}"));
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        if (it.key() != "allowPrompts" && it.key() != "denyPrompts")
            return Result<SemanticRules>::failure(
                tr("has an unknown member %1 (allowPrompts and denyPrompts are known)")
                    .arg(toQString(it.key())));
    }
    const Result<QStringList> allow = promptList(rules, "allowPrompts");
    if (!allow)
        return Result<SemanticRules>::failureOf(allow);
    const Result<QStringList> deny = promptList(rules, "denyPrompts");
    if (!deny)
        return Result<SemanticRules>::failureOf(deny);
    if (allow->isEmpty() && deny->isEmpty())
        return Result<SemanticRules>::failure(
            tr("must list at least one prompt in allowPrompts or denyPrompts"));
    SemanticRules parsed;
    parsed.allowPrompts = allow.value();
    parsed.denyPrompts = deny.value();
    return Result<SemanticRules>::success(std::move(parsed));
}

} // namespace gatehouse
