#include "gateway/JsonPointer.h"

#include <QHash>

namespace gatehouse {

JsonPointer::JsonPointer(const QString& path) {
    if (!path.startsWith(QLatin1String("$.")))
        return;
    for (const QString& step : path.mid(2).split(QLatin1Char('.'))) {
        if (step.isEmpty() || step.contains(QLatin1Char('[')) || step.contains(QLatin1Char('*')))
            return;
        m_steps.push_back(step.toStdString());
    }
    m_valid = !m_steps.empty();
}

const std::vector<std::string>& JsonPointer::stepsOf(const QString& path) {
    thread_local QHash<QString, std::vector<std::string>> known;
    auto it = known.find(path);
    if (it == known.end()) {
        if (known.size() > 256)
            known.clear(); // bounded: locations come from provider definitions, not from requests
        it = known.insert(path, JsonPointer(path).steps());
    }
    return it.value();
}

const Json* JsonPointer::find(const Json& document) const {
    if (!m_valid)
        return nullptr;
    const Json* current = &document;
    for (const std::string& step : m_steps) {
        if (!current->is_object())
            return nullptr;
        const auto it = current->find(step);
        if (it == current->end())
            return nullptr;
        current = &*it;
    }
    return current;
}

std::optional<qint64> JsonPointer::integer(const Json& document) const {
    const Json* value = find(document);
    if (!value || !value->is_number())
        return std::nullopt;
    return value->get<qint64>();
}

std::optional<QString> JsonPointer::string(const Json& document) const {
    const Json* value = find(document);
    if (!value || !value->is_string())
        return std::nullopt;
    return toQString(value->get_ref<const std::string&>());
}

bool JsonPointer::set(Json& document, const Json& value) const {
    if (!m_valid || !document.is_object())
        return false;
    Json* current = &document;
    for (std::size_t i = 0; i + 1 < m_steps.size(); ++i) {
        Json& next = (*current)[m_steps[i]];
        if (next.is_null())
            next = Json::object();
        if (!next.is_object())
            return false;
        current = &next;
    }
    (*current)[m_steps.back()] = value;
    return true;
}

} // namespace gatehouse
