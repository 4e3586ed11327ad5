#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace gatehouse {

// Loads Gatehouse's and Qt's own translations into an application. The .qm files are compiled into
// every executable (resource prefix :/i18n), so a program copied anywhere still speaks German.
class Translations {
public:
    // The languages Gatehouse ships, as BCP 47 codes ("de", "en"), English first.
    static QStringList available();

    // The language the user chose in Preferences (QSettings key "language"); empty means "follow the
    // system locale" (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, in that order).
    static QString preferredLanguage();
    static void setPreferredLanguage(const QString& language);

    // The name of a language in that language ("Deutsch"), for the Preferences list.
    static QString nativeName(const QString& language);

    // Installs translators for `language` (or the system's languages when empty) on `app`, which owns
    // them. Returns the language actually used ("en" when nothing better matched).
    static QString install(QCoreApplication& app, const QString& language = QString());
};

} // namespace gatehouse
