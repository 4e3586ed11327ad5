#include "gui/KeysPanel.h"

#include "console/TokenManager.h"
#include "core/ApplicationKeys.h"
#include "core/SecretStore.h"
#include "core/Workspace.h"
#include "gateway/Gateway.h"
#include "gui/GatehouseSession.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace gatehouse {

KeysPanel::KeysPanel(GatehouseSession* session, TokenManager* tokens, Stage keyType, QWidget* parent)
    : QWidget(parent), m_session(session), m_tokens(tokens), m_keyType(keyType),
      m_consumerKey(new QLineEdit(this)), m_consumerSecret(new QLineEdit(this)),
      m_showSecret(new QPushButton(tr("Show"), this)), m_copySecret(new QPushButton(tr("Copy"), this)),
      m_generate(new QPushButton(this)), m_token(new QPushButton(tr("Generate access token"), this)),
      m_accessToken(new QLineEdit(this)), m_tokenInfo(new QLabel(this)) {
    const QString prefix = stageName(keyType);
    setObjectName(prefix + QStringLiteral("KeysPanel"));
    m_consumerKey->setObjectName(prefix + QStringLiteral("ConsumerKey"));
    m_consumerKey->setReadOnly(true);
    m_consumerSecret->setObjectName(prefix + QStringLiteral("ConsumerSecret"));
    m_consumerSecret->setReadOnly(true);
    m_consumerSecret->setEchoMode(QLineEdit::Password);
    m_showSecret->setObjectName(prefix + QStringLiteral("ShowSecret"));
    m_copySecret->setObjectName(prefix + QStringLiteral("CopySecret"));
    m_generate->setObjectName(prefix + QStringLiteral("GenerateKeys"));
    m_token->setObjectName(prefix + QStringLiteral("GenerateToken"));
    m_accessToken->setObjectName(prefix + QStringLiteral("AccessToken"));
    m_accessToken->setReadOnly(true);
    m_tokenInfo->setObjectName(prefix + QStringLiteral("TokenInfo"));
    m_tokenInfo->setWordWrap(true);

    auto* secretRow = new QHBoxLayout();
    secretRow->addWidget(m_consumerSecret, 1);
    secretRow->addWidget(m_showSecret);
    secretRow->addWidget(m_copySecret);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Consumer key:"), m_consumerKey);
    form->addRow(tr("Consumer secret:"), secretRow);
    form->addRow(QString(), m_generate);
    form->addRow(QString(), m_token);
    form->addRow(tr("Access token:"), m_accessToken);
    form->addRow(QString(), m_tokenInfo);

    connect(m_generate, &QPushButton::clicked, this, [this] {
        const Application* application = m_session->workspace()->application(m_applicationId);
        if (application && application->keyPair(m_keyType) &&
            QMessageBox::question(
                this, tr("Regenerate keys"),
                tr("New keys revoke every token issued with the current ones. Continue?")) !=
                QMessageBox::Yes)
            return;
        QString error;
        if (!generateKeys(&error))
            QMessageBox::warning(this, tr("Keys not generated"), error);
    });
    connect(m_showSecret, &QPushButton::clicked, this, &KeysPanel::showSecret);
    connect(m_copySecret, &QPushButton::clicked, this, [this] {
        const Result<QString> secret =
            ApplicationKeys::consumerSecret(*m_session->secrets(), m_applicationId, m_keyType);
        if (!secret)
            return Q_EMIT statusMessage(secret.error());
        QApplication::clipboard()->setText(secret.value());
        Q_EMIT statusMessage(tr("Consumer secret copied"));
    });
    connect(m_token, &QPushButton::clicked, this, &KeysPanel::generateToken);
    connect(session->workspace(), &Workspace::applicationSaved, this, [this](const QString& id) {
        if (id == m_applicationId)
            refresh();
    });
    refresh();
}

void KeysPanel::setApplication(const QString& applicationId) {
    m_applicationId = applicationId;
    m_accessToken->clear();
    m_tokenInfo->clear();
    refresh();
}

void KeysPanel::refresh() {
    const Application* application = m_session->workspace()->application(m_applicationId);
    const KeyPair* keys = application ? application->keyPair(m_keyType) : nullptr;
    m_consumerKey->setText(keys ? keys->consumerKey : QString());
    m_consumerSecret->setText(keys ? QStringLiteral("••••••••••••••••") : QString());
    m_consumerSecret->setEchoMode(QLineEdit::Password);
    m_showSecret->setEnabled(keys);
    m_copySecret->setEnabled(keys);
    m_token->setEnabled(keys);
    m_generate->setEnabled(application);
    m_generate->setText(keys ? tr("Regenerate keys") : tr("Generate keys"));
}

bool KeysPanel::generateKeys(QString* error) {
    const Result<KeyPair> keys =
        ApplicationKeys::generate(*m_session->workspace(), *m_session->secrets(), m_applicationId, m_keyType);
    if (!keys) {
        if (error)
            *error = keys.error();
        return false;
    }
    m_tokens->invalidate(m_applicationId, m_keyType);
    if (Gateway* gateway = m_session->gateway())
        gateway->reload(nullptr); // the new keys work at once, not at the next poll
    refresh();
    Q_EMIT statusMessage(tr("%1 keys generated; the secret is in %2")
                             .arg(stageDisplayName(m_keyType), m_session->secrets()->description()));
    return true;
}

void KeysPanel::showSecret() {
    const Result<QString> secret =
        ApplicationKeys::consumerSecret(*m_session->secrets(), m_applicationId, m_keyType);
    if (!secret)
        return Q_EMIT statusMessage(secret.error());
    m_consumerSecret->setText(secret.value());
    m_consumerSecret->setEchoMode(QLineEdit::Normal);
}

void KeysPanel::generateToken() {
    const Application* application = m_session->workspace()->application(m_applicationId);
    const KeyPair* keys = application ? application->keyPair(m_keyType) : nullptr;
    const Result<QString> secret =
        keys ? ApplicationKeys::consumerSecret(*m_session->secrets(), m_applicationId, m_keyType)
             : Result<QString>::failure(tr("generate the keys first"));
    if (!secret)
        return Q_EMIT statusMessage(secret.error());
    if (Gateway* gateway = m_session->gateway())
        m_tokens->setGatewayUrl(QUrl(gateway->baseUrl()));
    m_tokens->fetch(
        {m_applicationId, m_keyType, keys->consumerKey, secret.value()},
        [this](Result<AccessToken> token) {
            if (!token) {
                m_tokenInfo->setText(token.error());
                return;
            }
            m_accessToken->setText(QString::fromLatin1(token->value));
            m_tokenInfo->setText(
                tr("Valid until %1 (scope %2)")
                    .arg(QLocale().toString(token->expiresAt.toLocalTime(), QLocale::ShortFormat),
                         token->scope));
        },
        true);
}

} // namespace gatehouse
