#include "core/ModelPrice.h"

#include <QDate>

namespace gatehouse {

namespace {

// The keys read, as LiteLLM spells them.
constexpr const char* inputKey = "input_cost_per_token";
constexpr const char* outputKey = "output_cost_per_token";
constexpr const char* cacheReadKey = "cache_read_input_token_cost";
constexpr const char* cacheCreationKey = "cache_creation_input_token_cost";
constexpr const char* reasoningKey = "output_cost_per_reasoning_token";
constexpr const char* input128kKey = "input_cost_per_token_above_128k_tokens";
constexpr const char* output128kKey = "output_cost_per_token_above_128k_tokens";
constexpr const char* input200kKey = "input_cost_per_token_above_200k_tokens";
constexpr const char* output200kKey = "output_cost_per_token_above_200k_tokens";
constexpr const char* cacheRead200kKey = "cache_read_input_token_cost_above_200k_tokens";
constexpr const char* cacheCreation200kKey = "cache_creation_input_token_cost_above_200k_tokens";
constexpr const char* maxInputKey = "max_input_tokens";
constexpr const char* maxOutputKey = "max_output_tokens";
constexpr const char* providerKey = "litellm_provider";
constexpr const char* modeKey = "mode";
constexpr const char* sourceKey = "source";
constexpr const char* sourceDateKey = "source_date";

// Reads the fields of one entry, each problem as "<path>.<key>: <reason>" in the user's language (a
// person repairs these files).
class EntryReader {
public:
    EntryReader(const Json& entry, const QString& path, QStringList* errors)
        : m_entry(entry), m_path(path), m_errors(errors) {}

    bool failed() const { return m_failed; }

    std::optional<double> cost(const char* key, bool required) {
        const Json* value = find(key);
        if (!value) {
            if (required)
                fail(key, QCoreApplication::translate("JsonFieldReader", "is required"));
            return std::nullopt;
        }
        if (!value->is_number()) {
            wrongType(key, QT_TRANSLATE_NOOP("Json", "a number"), *value);
            return std::nullopt;
        }
        const double number = value->get<double>();
        if (number < 0) {
            //: A price in a price file is below zero; %1 is the number as written.
            fail(key, ModelPrice::tr("must not be negative (got %1)").arg(number));
            return std::nullopt;
        }
        return number;
    }

    std::optional<qint64> count(const char* key) {
        const Json* value = find(key);
        if (!value)
            return std::nullopt;
        const std::optional<qint64> number = jsonInteger(*value);
        // jsonInteger rounds 7.5 down: a token count must be written whole.
        const bool whole = number && (!value->is_number_float() || double(*number) == value->get<double>());
        if (!value->is_number() || !whole) {
            wrongType(key, QT_TRANSLATE_NOOP("Json", "an integer"), *value);
            return std::nullopt;
        }
        if (*number < 0) {
            fail(key, QCoreApplication::translate("JsonFieldReader", "must be at least %1 (got %2)")
                          .arg(0)
                          .arg(*number));
            return std::nullopt;
        }
        return number;
    }

    QString text(const char* key) {
        const Json* value = find(key);
        if (!value)
            return {};
        if (!value->is_string()) {
            wrongType(key, QT_TRANSLATE_NOOP("Json", "a string"), *value);
            return {};
        }
        return toQString(value->get_ref<const std::string&>());
    }

    void fail(const char* key, const QString& reason) {
        m_failed = true;
        if (m_errors)
            m_errors->append(m_path + QLatin1Char('.') + QLatin1String(key) + QStringLiteral(": ") + reason);
    }

private:
    const Json* find(const char* key) const {
        const auto it = m_entry.find(key);
        // null is LiteLLM's "no such price" in a few entries, as good as an absent key.
        return it == m_entry.end() || it->is_null() ? nullptr : &*it;
    }

    void wrongType(const char* key, const char* expected, const Json& value) {
        fail(key, QCoreApplication::translate("JsonFieldReader", "expected %1, found %2")
                      .arg(QCoreApplication::translate("Json", expected), describeJsonType(value)));
    }

    const Json& m_entry;
    const QString& m_path;
    QStringList* m_errors;
    bool m_failed = false;
};

bool sameValue(const Json& a, const Json& b) {
    if (a.is_number() && b.is_number())
        return a.get<double>() == b.get<double>();
    return a == b;
}

// Writes a field over the entry as read, leaving a value that did not change as it was written (0
// stays 0, not 0.0; a null stays), so that reading and writing a file changes nothing in it.
void put(Json& entry, const char* key, const Json& value) {
    const auto it = entry.find(key);
    if (value.is_null()) {
        if (it != entry.end() && !it->is_null())
            entry.erase(key);
        return;
    }
    if (it != entry.end() && sameValue(*it, value))
        return;
    entry[key] = value;
}

template <typename Number> Json optionalJson(const std::optional<Number>& value) {
    return value ? Json(*value) : Json();
}

Json textJson(const QString& text) {
    return text.isEmpty() ? Json() : Json(toStdString(text));
}

} // namespace

bool ModelPrice::hasTokenPrices(const Json& entry) {
    if (!entry.is_object())
        return false;
    const auto input = entry.find(inputKey);
    const auto output = entry.find(outputKey);
    return input != entry.end() && !input->is_null() && output != entry.end() && !output->is_null();
}

ModelPrice ModelPrice::fromJson(const Json& entry, const QString& path, QStringList* errors) {
    ModelPrice price;
    if (!entry.is_object()) {
        if (errors)
            errors->append(
                path + QStringLiteral(": ") +
                QCoreApplication::translate("JsonFieldReader", "expected %1, found %2")
                    .arg(QCoreApplication::translate("Json", "an object"), describeJsonType(entry)));
        return price;
    }
    price.m_read = entry;
    EntryReader reader(entry, path, errors);
    price.inputCostPerToken = reader.cost(inputKey, true).value_or(0);
    price.outputCostPerToken = reader.cost(outputKey, true).value_or(0);
    price.cacheReadInputTokenCost = reader.cost(cacheReadKey, false);
    price.cacheCreationInputTokenCost = reader.cost(cacheCreationKey, false);
    price.outputCostPerReasoningToken = reader.cost(reasoningKey, false);
    price.inputCostPerTokenAbove128k = reader.cost(input128kKey, false);
    price.outputCostPerTokenAbove128k = reader.cost(output128kKey, false);
    price.inputCostPerTokenAbove200k = reader.cost(input200kKey, false);
    price.outputCostPerTokenAbove200k = reader.cost(output200kKey, false);
    price.cacheReadInputTokenCostAbove200k = reader.cost(cacheRead200kKey, false);
    price.cacheCreationInputTokenCostAbove200k = reader.cost(cacheCreation200kKey, false);
    price.maxInputTokens = reader.count(maxInputKey);
    price.maxOutputTokens = reader.count(maxOutputKey);
    price.litellmProvider = reader.text(providerKey);
    price.mode = reader.text(modeKey);
    price.source = reader.text(sourceKey);
    price.sourceDate = reader.text(sourceDateKey);
    // A date a program can compare ("prices older than a year"), not "last spring".
    if (!price.sourceDate.isEmpty() && !QDate::fromString(price.sourceDate, Qt::ISODate).isValid())
        reader.fail(sourceDateKey,
                    //: YYYY-MM-DD is the date format expected: keep it as it is.
                    tr("expected a date as YYYY-MM-DD (got \"%1\")").arg(price.sourceDate));
    return price;
}

Json ModelPrice::toJson() const {
    Json entry = m_read;
    put(entry, inputKey, inputCostPerToken);
    put(entry, outputKey, outputCostPerToken);
    put(entry, cacheReadKey, optionalJson(cacheReadInputTokenCost));
    put(entry, cacheCreationKey, optionalJson(cacheCreationInputTokenCost));
    put(entry, reasoningKey, optionalJson(outputCostPerReasoningToken));
    put(entry, input128kKey, optionalJson(inputCostPerTokenAbove128k));
    put(entry, output128kKey, optionalJson(outputCostPerTokenAbove128k));
    put(entry, input200kKey, optionalJson(inputCostPerTokenAbove200k));
    put(entry, output200kKey, optionalJson(outputCostPerTokenAbove200k));
    put(entry, cacheRead200kKey, optionalJson(cacheReadInputTokenCostAbove200k));
    put(entry, cacheCreation200kKey, optionalJson(cacheCreationInputTokenCostAbove200k));
    put(entry, maxInputKey, optionalJson(maxInputTokens));
    put(entry, maxOutputKey, optionalJson(maxOutputTokens));
    put(entry, providerKey, textJson(litellmProvider));
    put(entry, modeKey, textJson(mode));
    put(entry, sourceKey, textJson(source));
    put(entry, sourceDateKey, textJson(sourceDate));
    return entry;
}

} // namespace gatehouse
