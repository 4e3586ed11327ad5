#include "core/PolicyCatalogue.h"

#include "core/JsonFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QtDebug>
#include <memory>

namespace gatehouse {

namespace {

// The built-in definitions' texts in the user's language. lupdate finds them in
// translations/catalogue_strings.cpp, generated from the same JSON files. Names and categories are
// not translated: code and colours key on them.
QString catalogueText(const QString& text) {
    return text.isEmpty() ? text : QCoreApplication::translate("PolicyCatalogue", text.toUtf8().constData());
}

void translateTexts(PolicyAttribute& attribute) {
    attribute.displayName = catalogueText(attribute.displayName);
    attribute.description = catalogueText(attribute.description);
    attribute.patternMessage = catalogueText(attribute.patternMessage);
    for (PolicyAttribute& field : attribute.fields)
        translateTexts(field);
    if (attribute.items) {
        auto items = std::make_shared<PolicyAttribute>(*attribute.items);
        translateTexts(*items);
        attribute.items = std::move(items);
    }
}

void translateTexts(PolicyDefinition& definition) {
    definition.displayName = catalogueText(definition.displayName);
    definition.description = catalogueText(definition.description);
    for (PolicyAttribute& attribute : definition.attributes)
        translateTexts(attribute);
}

} // namespace

const PolicyCatalogue& PolicyCatalogue::builtin() {
    static const PolicyCatalogue catalogue = [] {
        std::vector<PolicyDefinition> definitions;
        const QDir folder(QStringLiteral(":/policies"));
        for (const QString& fileName :
             folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const Result<Json> json = JsonFile::read(folder.filePath(fileName));
            Result<PolicyDefinition> definition = json ? PolicyDefinition::fromJson(json.value())
                                                       : Result<PolicyDefinition>::failure(json.error());
            if (!definition) {
                qCritical("Built-in policy %s is broken: %s", qPrintable(fileName),
                          qPrintable(definition.error()));
                Q_ASSERT_X(false, "PolicyCatalogue", "broken built-in policy definition");
                continue;
            }
            PolicyDefinition loaded = definition.take();
            translateTexts(loaded);
            definitions.push_back(std::move(loaded));
        }
        return fromDefinitions(std::move(definitions));
    }();
    return catalogue;
}

PolicyCatalogue PolicyCatalogue::fromDefinitions(std::vector<PolicyDefinition> definitions) {
    PolicyCatalogue catalogue;
    catalogue.m_definitions = std::move(definitions);
    return catalogue;
}

const PolicyDefinition* PolicyCatalogue::find(const QString& name) const {
    for (const PolicyDefinition& definition : m_definitions) {
        if (definition.name == name)
            return &definition;
    }
    return nullptr;
}

QStringList PolicyCatalogue::names() const {
    QStringList list;
    for (const PolicyDefinition& definition : m_definitions)
        list.append(definition.name);
    return list;
}

} // namespace gatehouse
