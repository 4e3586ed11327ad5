#include "ctl/PriceCommands.h"

#include "core/JsonFile.h"
#include "core/PriceCatalogue.h"
#include "ctl/CommandArguments.h"
#include "ctl/CtlContext.h"
#include "ctl/CtlError.h"
#include "ctl/TextTable.h"

#include <QDate>
#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace gatehouse {

namespace {

const QString modelOption = QStringLiteral("model");
const QString inputOption = QStringLiteral("input");
const QString outputOption = QStringLiteral("output");
const QString cachedInputOption = QStringLiteral("cached-input");
const QString reasoningOutputOption = QStringLiteral("reasoning-output");
const QString providerOption = QStringLiteral("provider");
const QString sourceOption = QStringLiteral("source");
const QString replaceOption = QStringLiteral("replace");

// A price per token as the price pages show it, per 1M tokens. Rounded to 1e-9 USD, so that 2.5e-06
// shows as 2.5 and not as the 2.4999999999999996 the multiplication gives.
double perMillion(double perToken) {
    return double(std::round(static_cast<long double>(perToken) * 1e15L) / 1e9L);
}

// "2.50", "0.075", "18.75": at least two decimals, as money is written, and no trailing zeros beyond.
QString money(double perToken) {
    QString text = QString::number(perMillion(perToken), 'f', 9);
    const qsizetype point = text.indexOf(QLatin1Char('.'));
    while (text.endsWith(QLatin1Char('0')) && text.size() - point > 3)
        text.chop(1);
    return text;
}

QString money(const std::optional<double>& perToken) {
    return perToken ? money(*perToken) : QStringLiteral("-");
}

Json perMillionJson(const std::optional<double>& perToken) {
    return perToken ? Json(perMillion(*perToken)) : Json();
}

Json textJson(const QString& text) {
    return text.isEmpty() ? Json() : Json(toStdString(text));
}

QString orDash(const QString& text) {
    return text.isEmpty() ? QStringLiteral("-") : text;
}

// --json names the origin in English whatever the language; the table in the user's.
const char* originName(bool fromWorkspace) {
    return fromWorkspace ? "workspace" : "shipped";
}

QString originText(bool fromWorkspace) {
    //: The ORIGIN column of "prices list": the price comes from the workspace's prices.json...
    return fromWorkspace ? PriceCommands::tr("workspace")
                         //: ...or is one shipped with Gatehouse.
                         : PriceCommands::tr("shipped");
}

Json priceJson(const QString& key, const ModelPrice& price, bool fromWorkspace) {
    Json json = Json::object();
    json["model"] = toStdString(key);
    json["provider"] = textJson(price.litellmProvider);
    json["mode"] = textJson(price.mode);
    json["inputPerMillion"] = perMillion(price.inputCostPerToken);
    json["cachedInputPerMillion"] = perMillionJson(price.cacheReadInputTokenCost);
    json["outputPerMillion"] = perMillion(price.outputCostPerToken);
    json["origin"] = originName(fromWorkspace);
    json["source"] = textJson(price.source);
    json["sourceDate"] = textJson(price.sourceDate);
    json["entry"] = price.toJson(); // per token, as LiteLLM writes it
    return json;
}

// The first problem of a multi-line error, and how many more there are: one line to act on.
QString firstProblem(const QString& error) {
    const QStringList lines = error.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return error;
    QString message = lines.first();
    // The wording of every other command that reports the first of several errors. The count is a
    // variable: Qt 6.4's lupdate loops forever on a cast among translate()'s arguments.
    const int more = int(lines.size() - 1);
    if (more == 1)
        message += QLatin1Char(' ') + QCoreApplication::translate("CtlContext", "(and 1 more error)");
    else if (more > 1)
        message += QLatin1Char(' ') +
                   QCoreApplication::translate("CtlContext", "(and %n more errors)", nullptr, more);
    return message;
}

// A price as typed after --input: USD per 1M tokens, a plain decimal number. Returned per token,
// converted in decimal ("0.075" becomes 7.5e-08, the double nearest to it, as LiteLLM writes it).
std::optional<double> perTokenPrice(const CommandArguments& arguments, const QString& name) {
    if (!arguments.isSet(name))
        return std::nullopt;
    const QString text = arguments.value(name).trimmed();
    static const QRegularExpression decimal(QStringLiteral("^(\\d+(\\.\\d*)?|\\.\\d+)$"));
    bool ok = decimal.match(text).hasMatch();
    const double perToken = ok ? QLocale::c().toDouble(text + QStringLiteral("e-6"), &ok) : 0;
    if (!ok || !std::isfinite(perToken))
        throw CtlError::usage(
            //: %1 is an option such as --input, %2 what was typed. Keep "2.50" as it is: a number to type.
            PriceCommands::tr("%1 must be a price in USD per 1M tokens, such as 2.50 (got \"%2\")")
                .arg(CommandArguments::dashed(name), text));
    return perToken;
}

QCommandLineOption modelSelector(const QString& description) {
    return Command::valueOption(modelOption, QStringLiteral("MODEL"), description);
}

} // namespace

std::vector<Command> PriceCommands::commands() {
    Command list;
    list.words = QStringList{QStringLiteral("prices"), QStringLiteral("list")};
    list.synopsis = QStringLiteral("[--model MODEL]");
    list.summary = tr("List the model prices the gateway charges requests at.");
    list.description =
        tr("Lists the prices in effect: the list prices shipped with Gatehouse for the built-in providers' "
           "models, each replaced by the workspace's own price for the same model (prices.json). One row "
           "per model: its provider, the input, cached input and output prices in USD per 1M tokens, "
           "where the price comes from (shipped or workspace) and the date it was read from the price "
           "page. --model shows the price a request for MODEL is charged at and the entry it is found "
           "under: the name in lower case, then without a provider prefix (openai/gpt-4o), then with "
           "its -suffixes stripped one by one (gpt-4o-2024-11-20 is charged as gpt-4o); it fails when "
           "none matches.") +
        QLatin1Char('\n') + tr("Example:") + QLatin1Char('\n') +
        QStringLiteral("  gatehouse-ctl --workspace W prices list --model gpt-4o-2024-11-20");
    list.options = {modelSelector(tr("Show the price a request for this model is charged at."))};
    list.run = &PriceCommands::list;

    Command set;
    set.words = QStringList{QStringLiteral("prices"), QStringLiteral("set")};
    set.synopsis = QStringLiteral("--model MODEL --input USD --output USD [--cached-input USD] "
                                  "[--reasoning-output USD] [--provider P] [--source URL]");
    set.summary = tr("Set a model's price in the workspace.");
    set.description =
        tr("Sets the price of MODEL in the workspace's prices.json, in USD per 1M tokens as price pages "
           "show them (the file stores them per token, as LiteLLM does). A price for a model that has "
           "one already (in the workspace, or shipped) keeps that entry's other fields: context window, "
           "cache write price, long-context prices. The other models' prices stay as they are. The date "
           "of the price is today; --source names the page it comes from.") +
        QLatin1Char('\n') + tr("Example:") + QLatin1Char('\n') +
        QStringLiteral("  gatehouse-ctl --workspace W prices set --model gpt-4o --input 2.50 --cached-input "
                       "1.25 --output 10");
    set.options = {
        modelSelector(tr("The model, as requests name it.")),
        Command::valueOption(inputOption, QStringLiteral("USD"), tr("The price of 1M prompt tokens.")),
        Command::valueOption(outputOption, QStringLiteral("USD"), tr("The price of 1M completion tokens.")),
        Command::valueOption(cachedInputOption, QStringLiteral("USD"),
                             tr("The price of 1M prompt tokens read from the provider's cache (default: "
                                "the input price).")),
        Command::valueOption(reasoningOutputOption, QStringLiteral("USD"),
                             tr("The price of 1M reasoning tokens (default: the output price).")),
        Command::valueOption(providerOption, QStringLiteral("P"),
                             tr("The provider, as LiteLLM names it: openai, anthropic, mistral...")),
        Command::valueOption(sourceOption, QStringLiteral("URL"), tr("The page the price comes from.")),
    };
    set.modifiesWorkspace = true;
    set.run = &PriceCommands::set;

    Command importCommand;
    importCommand.words = QStringList{QStringLiteral("prices"), QStringLiteral("import")};
    importCommand.synopsis = QStringLiteral("FILE [--replace]");
    importCommand.summary = tr("Import model prices from a LiteLLM price file.");
    importCommand.description =
        tr("Reads FILE in LiteLLM's model_prices_and_context_window.json format (an object: model name -> "
           "prices per token) and adds its prices to the workspace's prices.json, replacing the prices "
           "of the models it names. --replace replaces the whole file instead. Entries without both "
           "input_cost_per_token and output_cost_per_token (image, audio or search models) are skipped "
           "and counted. LiteLLM's own file imports as it is.") +
        QLatin1Char('\n') + tr("Example:") + QLatin1Char('\n') +
        QStringLiteral("  gatehouse-ctl --workspace W prices import model_prices_and_context_window.json");
    importCommand.options = {
        Command::flagOption(replaceOption, tr("Replace the workspace's prices instead of adding to them.")),
    };
    importCommand.acceptsPositional = true;
    importCommand.modifiesWorkspace = true;
    importCommand.run = &PriceCommands::importFile;

    Command remove;
    remove.words = QStringList{QStringLiteral("prices"), QStringLiteral("remove")};
    remove.synopsis = QStringLiteral("--model MODEL");
    remove.summary = tr("Remove a model's price from the workspace.");
    remove.description = tr("Removes the workspace's price of MODEL (its exact name, in any case), so that "
                            "the shipped price applies again, if there is one. Shipped prices cannot be "
                            "removed: set a price to override one.");
    remove.options = {modelSelector(tr("The model whose workspace price to remove."))};
    remove.modifiesWorkspace = true;
    remove.run = &PriceCommands::remove;

    return {list, set, importCommand, remove};
}

PriceCatalogue PriceCommands::readWorkspace(const CtlContext& context) {
    Result<PriceCatalogue> prices = PriceCatalogue::readWorkspace(context.workspace().directory());
    if (!prices)
        throw CtlError::failure(firstProblem(prices.error()));
    return prices.take();
}

void PriceCommands::writeWorkspace(const CtlContext& context, const PriceCatalogue& workspace) {
    QString error;
    if (!workspace.writeWorkspace(context.workspace().directory()).ok(&error))
        throw CtlError::failure(error);
}

void PriceCommands::list(CtlContext& context, const CommandArguments& arguments) {
    const PriceCatalogue workspace = readWorkspace(context);
    if (arguments.isSet(modelOption)) {
        show(context, arguments.required(modelOption), workspace);
        return;
    }
    const PriceCatalogue effective = PriceCatalogue::shipped().overlaid(workspace);
    if (context.json()) {
        Json list = Json::array();
        for (const PriceCatalogue::Entry& entry : effective.entries())
            list.push_back(priceJson(entry.key, entry.price, workspace.find(entry.key) != nullptr));
        context.printJson(list);
        return;
    }
    //: Column headers of "prices list", in capitals; the prices are in USD per 1M tokens.
    TextTable table({tr("MODEL"), tr("PROVIDER"), tr("INPUT USD/1M"), tr("CACHED USD/1M"),
                     tr("OUTPUT USD/1M"), tr("ORIGIN"), tr("SOURCE DATE")});
    for (const PriceCatalogue::Entry& entry : effective.entries()) {
        const ModelPrice& price = entry.price;
        table.addRow({entry.key, orDash(price.litellmProvider), money(price.inputCostPerToken),
                      money(price.cacheReadInputTokenCost), money(price.outputCostPerToken),
                      originText(workspace.find(entry.key) != nullptr), orDash(price.sourceDate)});
    }
    context.print(table.toString());
}

void PriceCommands::show(CtlContext& context, const QString& model, const PriceCatalogue& workspace) {
    const PriceCatalogue effective = PriceCatalogue::shipped().overlaid(workspace);
    const PriceMatch match = effective.lookup(model);
    if (!match)
        throw CtlError::failure(
            tr("no price for model \"%1\", not even without its provider prefix or -suffixes (see "
               "gatehouse-ctl prices list; add one with prices set)")
                .arg(model));
    const ModelPrice& price = *match.price;
    const bool fromWorkspace = workspace.find(match.matchedKey) != nullptr;
    if (context.json()) {
        Json json = Json::object();
        json["query"] = toStdString(model);
        json["matchedKey"] = toStdString(match.matchedKey);
        const Json fields = priceJson(match.matchedKey, price, fromWorkspace);
        for (auto it = fields.begin(); it != fields.end(); ++it)
            json[it.key()] = it.value();
        context.printJson(json);
        return;
    }
    const QString matched = match.matchedKey.compare(model, Qt::CaseInsensitive) == 0
                                ? match.matchedKey
                                : model + QStringLiteral(" -> ") + match.matchedKey;
    TextTable table({tr("FIELD"), tr("VALUE")});
    table.addRow({tr("Model"), matched});
    table.addRow({tr("Provider"), orDash(price.litellmProvider)});
    table.addRow({tr("Mode"), orDash(price.mode)});
    //: Rows of "prices list --model": prices in USD per 1M tokens.
    table.addRow({tr("Input (USD/1M)"), money(price.inputCostPerToken)});
    table.addRow({tr("Cached input (USD/1M)"), money(price.cacheReadInputTokenCost)});
    table.addRow({tr("Cache write (USD/1M)"), money(price.cacheCreationInputTokenCost)});
    table.addRow({tr("Output (USD/1M)"), money(price.outputCostPerToken)});
    table.addRow({tr("Reasoning output (USD/1M)"), money(price.outputCostPerReasoningToken)});
    // Long-context prices only where the entry has them: most models have none.
    const auto tier = [&](const QString& label, const std::optional<double>& perToken) {
        if (perToken)
            table.addRow({label, money(perToken)});
    };
    tier(tr("Input above 128k (USD/1M)"), price.inputCostPerTokenAbove128k);
    tier(tr("Output above 128k (USD/1M)"), price.outputCostPerTokenAbove128k);
    tier(tr("Input above 200k (USD/1M)"), price.inputCostPerTokenAbove200k);
    tier(tr("Output above 200k (USD/1M)"), price.outputCostPerTokenAbove200k);
    tier(tr("Cached input above 200k (USD/1M)"), price.cacheReadInputTokenCostAbove200k);
    tier(tr("Cache write above 200k (USD/1M)"), price.cacheCreationInputTokenCostAbove200k);
    table.addRow({tr("Max input tokens"),
                  price.maxInputTokens ? QString::number(*price.maxInputTokens) : QStringLiteral("-")});
    table.addRow({tr("Max output tokens"),
                  price.maxOutputTokens ? QString::number(*price.maxOutputTokens) : QStringLiteral("-")});
    table.addRow({tr("Origin"), originText(fromWorkspace)});
    table.addRow({tr("Source"), orDash(price.source)});
    table.addRow({tr("Source date"), orDash(price.sourceDate)});
    context.print(table.toString());
}

void PriceCommands::set(CtlContext& context, const CommandArguments& arguments) {
    const QString model = arguments.required(modelOption).trimmed();
    if (model == QLatin1String("sample_spec"))
        //: sample_spec is the name of an entry in LiteLLM's price file: keep it as it is.
        throw CtlError::usage(tr("sample_spec is LiteLLM's description of its format, not a model"));
    arguments.required(inputOption);
    arguments.required(outputOption);
    const double input = *perTokenPrice(arguments, inputOption);
    const double output = *perTokenPrice(arguments, outputOption);
    const std::optional<double> cachedInput = perTokenPrice(arguments, cachedInputOption);
    const std::optional<double> reasoningOutput = perTokenPrice(arguments, reasoningOutputOption);
    const QString provider = arguments.nonEmptyIfSet(providerOption).trimmed();
    const QString source = arguments.nonEmptyIfSet(sourceOption).trimmed();

    PriceCatalogue workspace = readWorkspace(context);
    // The entry it replaces, if any, keeps its other fields (context window, long-context prices).
    auto [key, price] = PriceCatalogue::startingPoint(model, workspace);
    price.inputCostPerToken = input;
    price.outputCostPerToken = output;
    if (cachedInput)
        price.cacheReadInputTokenCost = cachedInput;
    if (reasoningOutput)
        price.outputCostPerReasoningToken = reasoningOutput;
    if (!provider.isEmpty())
        price.litellmProvider = provider;
    // The old source vouched for the old prices, not for these.
    price.source = source;
    price.sourceDate = QDate::currentDate().toString(Qt::ISODate);
    workspace.set(key, price);
    writeWorkspace(context, workspace);

    if (context.json()) {
        context.printJson(priceJson(key, price, true));
        return;
    }
    //: %1 is a model; %2, %3 and %4 are prices in USD per 1M tokens.
    context.print(tr("%1: input %2, cached input %3, output %4 USD per 1M tokens (workspace price)")
                      .arg(key, money(price.inputCostPerToken), money(price.cacheReadInputTokenCost),
                           money(price.outputCostPerToken)));
}

void PriceCommands::importFile(CtlContext& context, const CommandArguments& arguments) {
    const QStringList files = arguments.positional();
    if (files.isEmpty())
        throw CtlError::usage(tr("prices import needs the file to read (LiteLLM's price format)"));
    if (files.size() > 1)
        throw CtlError::usage(
            QCoreApplication::translate("CtlApplication",
                                        "unexpected argument \"%1\" (see gatehouse-ctl %2 --help)")
                .arg(files.at(1), QStringLiteral("prices import")));
    const QString file = files.first();
    const Result<Json> document = JsonFile::read(file);
    if (!document)
        throw CtlError::failure(document.error());
    QStringList skipped;
    const Result<PriceCatalogue> imported = PriceCatalogue::fromForeignJson(document.value(), &skipped);
    if (!imported)
        throw CtlError::failure(file + QStringLiteral(": ") + firstProblem(imported.error()));

    const bool replace = arguments.isSet(replaceOption);
    // --replace needs nothing from the old file, which may be the broken one it replaces.
    PriceCatalogue workspace = replace ? PriceCatalogue() : readWorkspace(context);
    for (const PriceCatalogue::Entry& entry : imported->entries())
        workspace.set(entry.key, entry.price);
    writeWorkspace(context, workspace);

    if (context.json()) {
        Json json = Json::object();
        json["file"] = toStdString(file);
        json["imported"] = imported->size();
        json["skipped"] = skipped.size();
        Json skippedModels = Json::array();
        for (const QString& model : skipped)
            skippedModels.push_back(toStdString(model));
        json["skippedModels"] = std::move(skippedModels);
        json["replaced"] = replace;
        json["workspacePrices"] = workspace.size();
        context.printJson(json);
        return;
    }
    QStringList lines;
    //: %n is the number of models, %1 the file they were read from.
    lines << tr("Imported %n models from %1.", nullptr, imported->size()).arg(file);
    if (!skipped.isEmpty())
        lines << tr("Skipped %n entries without per-token prices (such as image or audio models).", nullptr,
                    int(skipped.size()));
    context.print(lines.join(QLatin1Char('\n')));
}

void PriceCommands::remove(CtlContext& context, const CommandArguments& arguments) {
    const QString model = arguments.required(modelOption).trimmed();
    PriceCatalogue workspace = readWorkspace(context);
    const QString key = workspace.keyOf(model);
    const bool shipped = PriceCatalogue::shipped().find(model) != nullptr;
    if (key.isEmpty()) {
        if (shipped)
            throw CtlError::failure(tr("%1 has a shipped price, which cannot be removed; set a workspace "
                                       "price to override it")
                                        .arg(model));
        throw CtlError::failure(
            tr("the workspace has no price for %1 (see gatehouse-ctl prices list)").arg(model));
    }
    workspace.remove(key);
    writeWorkspace(context, workspace);
    if (context.json()) {
        Json json = Json::object();
        json["removed"] = toStdString(key);
        json["shippedPriceApplies"] = shipped;
        context.printJson(json);
        return;
    }
    context.print(shipped ? tr("Removed the workspace price of %1; the shipped price applies again.").arg(key)
                          : tr("Removed the workspace price of %1.").arg(key));
}

} // namespace gatehouse
