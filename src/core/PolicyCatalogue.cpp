#include "PolicyCatalogue.h"

#include "JsonFile.h"

#include <QDir>
#include <QtDebug>

namespace gatehouse {

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
            definitions.push_back(definition.take());
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
