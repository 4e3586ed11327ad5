#include "gui/PreferencesDialog.h"

#include "core/Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse {

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent), m_language(new QComboBox(this)), m_restartHint(new QLabel(this)),
      m_initialLanguage(Translations::preferredLanguage()) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_language->setObjectName(QStringLiteral("languageChoice"));
    m_language->addItem(tr("System default"), QString());
    for (const QString& code : Translations::available())
        m_language->addItem(Translations::nativeName(code), code);
    const int current = m_language->findData(m_initialLanguage);
    m_language->setCurrentIndex(current >= 0 ? current : 0);

    m_restartHint->setObjectName(QStringLiteral("languageRestartHint"));
    m_restartHint->setWordWrap(true);
    m_restartHint->setText(tr("Gatehouse uses the new language the next time it starts."));

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_restartHint);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateRestartHint);
    updateRestartHint();
}

QString PreferencesDialog::selectedLanguage() const {
    return m_language->currentData().toString();
}

void PreferencesDialog::accept() {
    Translations::setPreferredLanguage(selectedLanguage());
    QDialog::accept();
}

void PreferencesDialog::updateRestartHint() {
    m_restartHint->setVisible(selectedLanguage() != m_initialLanguage);
}

} // namespace gatehouse
