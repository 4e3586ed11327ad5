#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace gatehouse {

// Edit > Preferences: the interface language ("System default" follows the locale). The choice is
// stored in QSettings and used from the next start: Gatehouse does not rebuild every open view and
// unsaved editor in a new language behind the user's back.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    // The language code picked in the list; empty for "System default".
    QString selectedLanguage() const;

    void accept() override;

private:
    void updateRestartHint();

    QComboBox* m_language;
    QLabel* m_restartHint;
    QString m_initialLanguage;
};

} // namespace gatehouse
