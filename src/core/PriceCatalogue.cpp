#include "core/PriceCatalogue.h"

#include "core/JsonFile.h"

#include <QFileInfo>
#include <QtDebug>
#include <algorithm>

namespace gatehouse {

namespace {

// LiteLLM documents its format with this entry, whose values are descriptions, not prices.
constexpr const char* sampleSpecKey = "sample_spec";

// LiteLLM's thresholds: "above_128k_tokens" means more than 128,000 prompt tokens.
constexpr qint64 tier128k = 128000;
constexpr qint64 tier200k = 200000;

// `$["gpt-4o"]`: a path that stays unambiguous whatever the key holds (dots, slashes, quotes).
QString entryPath(const std::string& key) {
    return QStringLiteral("$[") + toQString(dumpCompact(Json(key))) + QLatin1Char(']');
}

} // namespace

const QString PriceCatalogue::workspaceFileName = QStringLiteral("prices.json");

const PriceCatalogue& PriceCatalogue::shipped() {
    static const PriceCatalogue catalogue = [] {
        const QString path = QStringLiteral(":/prices/model_prices.json");
        const Result<Json> json = JsonFile::read(path);
        Result<PriceCatalogue> loaded =
            json ? fromJson(json.value()) : Result<PriceCatalogue>::failure(json.error());
        if (!loaded) {
            qCritical("The shipped model prices are broken: %s", qPrintable(loaded.error()));
            Q_ASSERT_X(false, "PriceCatalogue", "broken shipped model prices");
            return PriceCatalogue();
        }
        return loaded.take();
    }();
    return catalogue;
}

PriceCatalogue PriceCatalogue::overlaid(const PriceCatalogue& workspace) const {
    PriceCatalogue result = *this;
    for (const Entry& entry : workspace.m_entries)
        result.set(entry.key, entry.price);
    return result;
}

Result<PriceCatalogue> PriceCatalogue::fromJson(const Json& document) {
    return read(document, nullptr);
}

Result<PriceCatalogue> PriceCatalogue::fromForeignJson(const Json& document, QStringList* skipped) {
    QStringList ignored;
    return read(document, skipped ? skipped : &ignored);
}

Result<PriceCatalogue> PriceCatalogue::read(const Json& document, QStringList* skipped) {
    if (!document.is_object())
        return Result<PriceCatalogue>::failure(
            //: The top level of a price file; "model name -> price" says what the object maps.
            tr("$: expected an object (model name -> price), found %1").arg(describeJsonType(document)));
    PriceCatalogue catalogue;
    catalogue.m_entries.reserve(document.size());
    QStringList errors;
    for (auto it = document.begin(); it != document.end(); ++it) {
        if (it.key() == sampleSpecKey)
            continue;
        if (skipped && it->is_object() && !ModelPrice::hasTokenPrices(*it)) {
            skipped->append(toQString(it.key()));
            continue;
        }
        const qsizetype errorsBefore = errors.size();
        ModelPrice price = ModelPrice::fromJson(*it, entryPath(it.key()), &errors);
        if (errors.size() == errorsBefore)
            catalogue.m_entries.push_back(Entry{toQString(it.key()), std::move(price)});
    }
    if (!errors.isEmpty())
        return Result<PriceCatalogue>::failure(errors.join(QLatin1Char('\n')));
    catalogue.reindex();
    return Result<PriceCatalogue>::success(std::move(catalogue));
}

Json PriceCatalogue::toJson() const {
    Json document = Json::object();
    // The keys are known to be distinct: appending skips ordered_json's search for each one, which
    // made writing LiteLLM's 2,000 entries quadratic.
    auto& members = document.get_ref<Json::object_t&>();
    members.reserve(m_entries.size());
    for (const Entry& entry : m_entries)
        members.emplace_back(toStdString(entry.key), entry.price.toJson());
    return document;
}

QString PriceCatalogue::workspaceFilePath(const QString& workspaceFolder) {
    return workspaceFolder + QLatin1Char('/') + workspaceFileName;
}

Result<PriceCatalogue> PriceCatalogue::readWorkspace(const QString& workspaceFolder) {
    const QString path = workspaceFilePath(workspaceFolder);
    if (!QFileInfo::exists(path))
        return Result<PriceCatalogue>::success(PriceCatalogue());
    const Result<Json> json = JsonFile::read(path, workspaceFileName);
    if (!json)
        return Result<PriceCatalogue>::failure(ErrorCode::Unreadable, json.error());
    const Result<PriceCatalogue> catalogue = fromJson(json.value());
    if (!catalogue) {
        QStringList lines = catalogue.error().split(QLatin1Char('\n'));
        for (QString& line : lines)
            line.prepend(workspaceFileName + QStringLiteral(": "));
        return Result<PriceCatalogue>::failure(ErrorCode::Unreadable, lines.join(QLatin1Char('\n')));
    }
    return catalogue;
}

Status PriceCatalogue::writeWorkspace(const QString& workspaceFolder) const {
    QString error;
    if (!JsonFile::write(workspaceFilePath(workspaceFolder), toJson(), &error))
        return Status::failure(ErrorCode::Io, error);
    return Status::success();
}

void PriceCatalogue::reindex() {
    m_index.clear();
    m_index.reserve(qsizetype(m_entries.size()));
    // Backwards, so that of two keys that differ only in case the first one is found.
    for (int i = int(m_entries.size()) - 1; i >= 0; --i)
        m_index.insert(m_entries[std::size_t(i)].key.toLower(), i);
}

const ModelPrice* PriceCatalogue::find(const QString& key) const {
    const auto it = m_index.constFind(key.toLower());
    return it == m_index.cend() ? nullptr : &m_entries[std::size_t(*it)].price;
}

QString PriceCatalogue::keyOf(const QString& key) const {
    const auto it = m_index.constFind(key.toLower());
    return it == m_index.cend() ? QString() : m_entries[std::size_t(*it)].key;
}

PriceMatch PriceCatalogue::lookup(const QString& model) const {
    const auto at = [this](const QString& lowerKey) {
        const auto it = m_index.constFind(lowerKey);
        if (it == m_index.cend())
            return PriceMatch();
        const Entry& entry = m_entries[std::size_t(*it)];
        return PriceMatch{&entry.price, entry.key};
    };
    QString name = model.toLower();
    if (name.isEmpty())
        return {};
    if (PriceMatch match = at(name))
        return match;
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    if (slash >= 0) {
        name.remove(0, slash + 1);
        if (name.isEmpty())
            return {};
        if (PriceMatch match = at(name))
            return match;
    }
    // A dash at the start would leave nothing: "-mini" is not stripped to "".
    for (qsizetype dash = name.lastIndexOf(QLatin1Char('-')); dash > 0;
         dash = name.lastIndexOf(QLatin1Char('-'))) {
        name.truncate(dash);
        if (PriceMatch match = at(name))
            return match;
    }
    return {};
}

PriceCatalogue::Entry PriceCatalogue::startingPoint(const QString& model, const PriceCatalogue& workspace) {
    if (const ModelPrice* existing = workspace.find(model))
        return {workspace.keyOf(model), *existing};
    const PriceCatalogue& builtin = shipped();
    if (const ModelPrice* listed = builtin.find(model))
        return {builtin.keyOf(model), *listed};
    Entry entry{model, ModelPrice()};
    entry.price.mode = QStringLiteral("chat");
    return entry;
}

void PriceCatalogue::set(const QString& key, ModelPrice price) {
    const auto it = m_index.constFind(key.toLower());
    if (it != m_index.cend()) {
        m_entries[std::size_t(*it)].price = std::move(price);
        return;
    }
    m_index.insert(key.toLower(), int(m_entries.size()));
    m_entries.push_back(Entry{key, std::move(price)});
}

bool PriceCatalogue::remove(const QString& key) {
    const auto it = m_index.constFind(key.toLower());
    if (it == m_index.cend())
        return false;
    m_entries.erase(m_entries.begin() + *it);
    reindex();
    return true;
}

double PriceCatalogue::cost(const ModelPrice& price, const TokenUsage& usage) {
    // Long double: a request's cost is a sum of products of whole counts and prices like 2.5e-06,
    // shown with 10 decimals and added up into budgets; the extra bits keep the rounding of the
    // products out of the last shown digit.
    using Real = long double;
    const qint64 prompt = std::max<qint64>(usage.promptTokens, 0);
    const qint64 cached = std::clamp<qint64>(usage.cachedPromptTokens, 0, prompt);
    const qint64 written = std::clamp<qint64>(usage.cacheCreationTokens, 0, prompt - cached);
    const qint64 uncached = prompt - cached - written;
    const qint64 completion = std::max<qint64>(usage.completionTokens, 0);
    const qint64 reasoning = std::clamp<qint64>(usage.reasoningTokens, 0, completion);
    const qint64 answer = completion - reasoning;

    // The tier is chosen by the prompt's size and applies to the whole request.
    const bool above200k = prompt > tier200k;
    const bool above128k = prompt > tier128k;
    const auto tiered = [&](double base, const std::optional<double>& at128k,
                            const std::optional<double>& at200k) -> Real {
        if (above200k && at200k)
            return *at200k;
        if (above128k && at128k)
            return *at128k;
        return base;
    };
    const Real input =
        tiered(price.inputCostPerToken, price.inputCostPerTokenAbove128k, price.inputCostPerTokenAbove200k);
    const Real output = tiered(price.outputCostPerToken, price.outputCostPerTokenAbove128k,
                               price.outputCostPerTokenAbove200k);
    Real cacheRead = input;
    if (above200k && price.cacheReadInputTokenCostAbove200k)
        cacheRead = *price.cacheReadInputTokenCostAbove200k;
    else if (price.cacheReadInputTokenCost)
        cacheRead = *price.cacheReadInputTokenCost;
    Real cacheWrite = input;
    if (above200k && price.cacheCreationInputTokenCostAbove200k)
        cacheWrite = *price.cacheCreationInputTokenCostAbove200k;
    else if (price.cacheCreationInputTokenCost)
        cacheWrite = *price.cacheCreationInputTokenCost;
    const Real reasoningPrice =
        price.outputCostPerReasoningToken ? *price.outputCostPerReasoningToken : output;

    const Real total = Real(uncached) * input + Real(cached) * cacheRead + Real(written) * cacheWrite +
                       Real(answer) * output + Real(reasoning) * reasoningPrice;
    return double(total);
}

} // namespace gatehouse
