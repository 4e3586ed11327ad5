#include "core/Wso2AttributeCodec.h"

#include <vector>

namespace gatehouse {

namespace {

enum class Quote { None, Single, Double };

// Rewrites the single-quoted form into strict JSON, remembering for every output byte the input
// byte it came from so that a parse error can point at the user's text.
std::string toStrictJson(const std::string& input, std::vector<std::size_t>* origin) {
    std::string output;
    output.reserve(input.size() + 16);
    origin->reserve(input.size() + 16);
    const auto emit = [&](char c, std::size_t from) {
        output.push_back(c);
        origin->push_back(from);
    };
    Quote quote = Quote::None;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const char c = input[i];
        switch (quote) {
        case Quote::None:
            if (c == '\'' || c == '"') {
                quote = c == '\'' ? Quote::Single : Quote::Double;
                emit('"', i);
            } else {
                emit(c, i);
            }
            break;
        case Quote::Double:
            emit(c, i);
            if (c == '\\' && i + 1 < input.size()) {
                ++i;
                emit(input[i], i);
            } else if (c == '"') {
                quote = Quote::None;
            }
            break;
        case Quote::Single:
            if (c == '\\' && i + 1 < input.size()) {
                const char next = input[++i];
                emit('\\', i - 1);
                emit(next == '\'' ? '"' : next, i); // "\'" is WSO2's spelling of an escaped '"'
            } else if (c == '"') {
                emit('\\', i);
                emit('"', i);
            } else if (c == '\'') {
                quote = Quote::None;
                emit('"', i);
            } else {
                emit(c, i);
            }
            break;
        }
    }
    return output;
}

} // namespace

Result<Json> Wso2AttributeCodec::decode(const QString& text) {
    const std::string input = text.toStdString();
    std::vector<std::size_t> origin;
    const std::string strict = toStrictJson(input, &origin);
    std::size_t byte = 0;
    QString reason;
    try {
        return Result<Json>::success(Json::parse(strict));
    } catch (const Json::parse_error& error) {
        byte = error.byte;
        reason = QString::fromUtf8(error.what());
    } catch (const Json::out_of_range& error) {
        // A number too large for a double ("1e400"): a refusal like any other, not an exception that
        // would end the policy editor or a gateway compiling the deployment.
        byte = jsonErrorByte(strict.data(), strict.data() + strict.size());
        reason = QString::fromUtf8(error.what());
        reason = reason.mid(reason.indexOf(QLatin1String("] ")) + 2); // after "[json.exception...] "
    }
    std::size_t at = byte > 0 ? byte - 1 : 0;
    at = at < origin.size() ? origin[at] : input.size();
    // Report a character column, not a byte column, for non-ASCII input.
    const int column = int(QString::fromUtf8(input.data(), qsizetype(at)).toUcs4().size()) + 1;
    const qsizetype parseError = reason.indexOf(QLatin1String("parse error"));
    const qsizetype colon = parseError < 0 ? -1 : reason.indexOf(QLatin1String(": "), parseError);
    if (colon >= 0)
        reason = reason.mid(colon + 2);
    return Result<Json>::failure(tr("column %1: %2").arg(column).arg(reason));
}

QString Wso2AttributeCodec::encode(const Json& value) {
    const std::string strict = dumpCompact(value);
    std::string output;
    output.reserve(strict.size() + 8);
    bool inString = false;
    for (std::size_t i = 0; i < strict.size(); ++i) {
        const char c = strict[i];
        if (inString && c == '\\' && i + 1 < strict.size()) {
            const char next = strict[++i];
            output.push_back('\\');
            output.push_back(next == '"' ? '\'' : next);
        } else if (c == '"') {
            inString = !inString;
            output.push_back('\'');
        } else if (inString && c == '\'') {
            output.append("\\u0027");
        } else {
            output.push_back(c);
        }
    }
    return QString::fromStdString(output);
}

} // namespace gatehouse
