#include "core/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <memory>

namespace gatehouse {

namespace {

const QString resourceFolder = QStringLiteral(":/i18n");
const QString settingsKey = QStringLiteral("language");

} // namespace

QStringList Translations::available() {
    QStringList languages{QStringLiteral("en")};
    const QStringList files =
        QDir(resourceFolder).entryList({QStringLiteral("gatehouse_*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString code = file.mid(int(qstrlen("gatehouse_"))).chopped(int(qstrlen(".qm")));
        if (!languages.contains(code))
            languages.append(code);
    }
    return languages;
}

QString Translations::preferredLanguage() {
    return QSettings().value(settingsKey).toString();
}

void Translations::setPreferredLanguage(const QString& language) {
    QSettings settings;
    if (language.isEmpty())
        settings.remove(settingsKey);
    else
        settings.setValue(settingsKey, language);
}

QString Translations::nativeName(const QString& language) {
    const QLocale locale(language);
    // Qt names "en" after its default territory ("American English"); Gatehouse's English is plain.
    if (locale.language() == QLocale::English)
        return QStringLiteral("English");
    const QString name = locale.nativeLanguageName();
    // "deutsch" would look odd at the start of a list entry: capitalise as the language's own users do.
    return name.isEmpty() ? language : locale.toUpper(name.left(1)) + name.mid(1);
}

QString Translations::install(QCoreApplication& app, const QString& language) {
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    // English is the source language; its catalogue holds only the plural forms ("1 request",
    // "2 requests"). It is the fallback for a locale Gatehouse does not speak, so that a French
    // user reads English plurals rather than "2 request(s)".
    auto gatehouseTranslator = std::make_unique<QTranslator>();
    if (!gatehouseTranslator->load(locale, QStringLiteral("gatehouse"), QStringLiteral("_"),
                                   resourceFolder) &&
        !gatehouseTranslator->load(QStringLiteral("gatehouse_en"), resourceFolder))
        return QStringLiteral("en");
    const QString used = gatehouseTranslator->language().section(QLatin1Char('_'), 0, 0);
    QCoreApplication::installTranslator(gatehouseTranslator.get());
    gatehouseTranslator.release()->setParent(&app);

    // Qt's own strings (dialog buttons, context menus) in the same language; none for English, so
    // that a German desktop user who picked English does not get German buttons.
    if (used != QStringLiteral("en")) {
        auto qtTranslator = std::make_unique<QTranslator>();
        if (qtTranslator->load(QLocale(used), QStringLiteral("qtbase"), QStringLiteral("_"),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qtTranslator.get());
            qtTranslator.release()->setParent(&app);
        }
    }
    return used;
}

} // namespace gatehouse
