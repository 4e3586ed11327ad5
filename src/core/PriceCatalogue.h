#pragma once

#include "core/Json.h"
#include "core/ModelPrice.h"
#include "core/Result.h"
#include "core/TokenUsage.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace gatehouse {

// What PriceCatalogue::lookup found: the price, and the key of the catalogue it was found under
// ("gpt-4o" for "gpt-4o-2024-11-20"), as the catalogue spells it.
struct PriceMatch {
    const ModelPrice* price = nullptr;
    QString matchedKey;

    explicit operator bool() const { return price != nullptr; }
};

// Model prices in LiteLLM's model_prices_and_context_window.json format (an object: model name ->
// entry), the format WSO2's LLM Cost policy reads, so that LiteLLM's own file can be imported as it
// is and a workspace's file used by either. Two layers: the prices shipped with Gatehouse (list prices
// of the built-in providers' models, each with its source and date) and the workspace's
// `prices.json`, whose entries replace shipped ones whole, by key.
//
// The entries keep the order they were read or added in. Pointers returned by lookup() and find()
// stay valid until the catalogue is changed; the const functions may run on several threads at once
// (the gateway's workers share one catalogue per configuration).
class PriceCatalogue {
    Q_DECLARE_TR_FUNCTIONS(PriceCatalogue)

public:
    struct Entry {
        QString key; // the model name as written in the file
        ModelPrice price;
    };

    // The workspace's price file, next to workspace.json.
    static const QString workspaceFileName; // "prices.json"

    // The prices shipped with Gatehouse (resources/prices/model_prices.json).
    static const PriceCatalogue& shipped();
    // The shipped prices with the workspace's entries replacing theirs (or added).
    PriceCatalogue overlaid(const PriceCatalogue& workspace) const;

    // Reads a document in LiteLLM's format. LiteLLM's "sample_spec" entry (its documentation) is
    // skipped. Every entry needs input_cost_per_token and output_cost_per_token; a field of the wrong
    // type or a negative price fails the whole document, with one line per problem
    // ("$["gpt-4o"].input_cost_per_token: expected a number, found a string").
    static Result<PriceCatalogue> fromJson(const Json& document);
    // The same for a file from elsewhere (LiteLLM's own, with image, audio and search models): entries
    // without both per-token prices are left out, their keys appended to `skipped`, instead of failing.
    static Result<PriceCatalogue> fromForeignJson(const Json& document, QStringList* skipped);
    Json toJson() const;

    // <workspaceFolder>/prices.json; a missing file is an empty catalogue. A file that cannot be read
    // or holds a broken entry fails with ErrorCode::Unreadable and "prices.json: <problem>" lines.
    static Result<PriceCatalogue> readWorkspace(const QString& workspaceFolder);
    // Writes <workspaceFolder>/prices.json atomically (QSaveFile, like every workspace file). The caller
    // holds the workspace lock around its read-modify-write, as gatehouse-ctl commands do.
    Status writeWorkspace(const QString& workspaceFolder) const;
    static QString workspaceFilePath(const QString& workspaceFolder);

    // The price of a model named in a request or an answer, as WSO2's LLM Cost policy finds it: the
    // name in lower case; then without a provider prefix ("openai/gpt-4o" -> "gpt-4o"); then with
    // its last "-part" stripped, again and again ("gpt-4o-2024-11-20" -> "gpt-4o-2024-11" ->
    // "gpt-4o-2024" -> "gpt-4o"), never down to nothing. Keys are compared in lower case.
    PriceMatch lookup(const QString& model) const;
    // The entry stored under exactly this key (compared in lower case), without lookup()'s fallbacks.
    const ModelPrice* find(const QString& key) const;
    // The key as the catalogue spells it, or an empty string.
    QString keyOf(const QString& key) const;

    // What a new workspace price for `model` starts from, and the key it is stored under: the
    // workspace's entry, else the shipped one (so the context window and long-context prices stay),
    // else a new chat entry under `model`. gatehouse-ctl prices set and Settings > Model Prices both
    // edit prices this way.
    static Entry startingPoint(const QString& model, const PriceCatalogue& workspace);

    // Adds an entry, or replaces the one with the same key (in lower case) where it stands.
    void set(const QString& key, ModelPrice price);
    // Removes the entry with this key (in lower case); false when there is none.
    bool remove(const QString& key);

    const std::vector<Entry>& entries() const { return m_entries; }
    int size() const { return int(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }

    // What a request with `usage` costs in USD. Uncached prompt tokens at the input price, cached ones
    // at the cache-read price and cache writes at the cache-creation price (each the input price when
    // the entry has none); completion tokens at the output price, reasoning tokens at the reasoning
    // price when the entry has one. A prompt longer than 128k (200k) tokens prices the whole request
    // at the entry's _above_128k_tokens (_above_200k_tokens) prices where it has them, as LiteLLM does;
    // the 200k tier wins when both apply.
    static double cost(const ModelPrice& price, const TokenUsage& usage);

private:
    static Result<PriceCatalogue> read(const Json& document, QStringList* skipped);
    void reindex();

    std::vector<Entry> m_entries;
    QHash<QString, int> m_index; // lower-case key -> position in m_entries (the first of equals)
};

} // namespace gatehouse
