#include "core/JsonPath.h"

#include <QStringList>

namespace gatehouse {

namespace {

bool isNameCharacter(QChar c) {
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'$' || c == u'@';
}

QString positionError(int offset, const QString& what) {
    return QStringLiteral("not a JSONPath at character %1: %2").arg(offset + 1).arg(what);
}

} // namespace

Result<JsonPath> JsonPath::compile(const QString& expression) {
    JsonPath path;
    path.m_expression = expression;
    const QString text = expression.trimmed();
    if (!text.startsWith(u'$'))
        return Result<JsonPath>::failure(positionError(0, QStringLiteral("it must start with $")));
    int at = 1;
    const int length = int(text.size());
    while (at < length) {
        Step step;
        if (text[at] == u'.') {
            ++at;
            if (at < length && text[at] == u'.')
                return Result<JsonPath>::failure(
                    positionError(at, QStringLiteral("deep scan (..) is not supported")));
            if (at < length && text[at] == u'*') {
                step.kind = Step::Kind::Wildcard;
                ++at;
            } else {
                const int start = at;
                while (at < length && isNameCharacter(text[at]))
                    ++at;
                if (at == start)
                    return Result<JsonPath>::failure(
                        positionError(start, QStringLiteral("a name is missing")));
                step.key = text.mid(start, at - start).toStdString();
            }
        } else if (text[at] == u'[') {
            const int close = int(text.indexOf(u']', at));
            if (close < 0)
                return Result<JsonPath>::failure(positionError(at, QStringLiteral("']' is missing")));
            const QString inside = text.mid(at + 1, close - at - 1).trimmed();
            if (inside == QStringLiteral("*")) {
                step.kind = Step::Kind::Wildcard;
            } else if (inside.size() >= 2 && (inside.front() == u'\'' || inside.front() == u'"') &&
                       inside.back() == inside.front()) {
                step.key = inside.mid(1, inside.size() - 2).toStdString();
            } else {
                bool numeric = false;
                step.index = inside.toLongLong(&numeric);
                if (!numeric)
                    return Result<JsonPath>::failure(positionError(
                        at + 1,
                        QStringLiteral("expected an index, '*' or a quoted name, found '%1'").arg(inside)));
                step.kind = Step::Kind::Index;
            }
            at = close + 1;
        } else {
            return Result<JsonPath>::failure(
                positionError(at, QStringLiteral("expected '.' or '[', found '%1'").arg(text[at])));
        }
        if (step.kind == Step::Kind::Wildcard)
            path.m_definite = false;
        path.m_steps.push_back(std::move(step));
    }
    return Result<JsonPath>::success(std::move(path));
}

template <typename Node> void JsonPath::walk(Node& node, std::size_t step, std::vector<Node*>& out) const {
    if (step == m_steps.size()) {
        out.push_back(&node);
        return;
    }
    const Step& current = m_steps[step];
    switch (current.kind) {
    case Step::Kind::Key:
        if (node.is_object()) {
            const auto it = node.find(current.key);
            if (it != node.end())
                walk(*it, step + 1, out);
        }
        return;
    case Step::Kind::Index:
        if (node.is_array()) {
            const long long size = static_cast<long long>(node.size());
            const long long index = current.index < 0 ? size + current.index : current.index;
            if (index >= 0 && index < size)
                walk(node[static_cast<std::size_t>(index)], step + 1, out);
        }
        return;
    case Step::Kind::Wildcard:
        if (node.is_array() || node.is_object()) {
            for (auto& child : node)
                walk(child, step + 1, out);
        }
        return;
    }
}

std::vector<const Json*> JsonPath::select(const Json& document) const {
    std::vector<const Json*> out;
    walk(document, 0, out);
    return out;
}

std::vector<Json*> JsonPath::selectMutable(Json& document) const {
    std::vector<Json*> out;
    walk(document, 0, out);
    return out;
}

QString JsonPath::textOf(const std::vector<const Json*>& values) {
    QStringList texts;
    for (const Json* value : values) {
        QString text = value->is_string() ? toQString(value->get_ref<const std::string&>())
                                          : toQString(dumpCompact(*value));
        text = text.trimmed();
        if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) && text.endsWith(QLatin1Char('"')))
            text = text.mid(1, text.size() - 2).trimmed();
        texts.append(text);
    }
    return texts.join(QLatin1Char('\n')).trimmed();
}

} // namespace gatehouse
