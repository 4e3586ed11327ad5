#pragma once

#include "core/Stage.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace gatehouse {

class GatehouseSession;
class TokenManager;

// One key type of an application, as WSO2's Production Keys / Sandbox Keys tabs: the consumer key,
// the consumer secret (read from the keychain only when asked for), generate / regenerate (which
// revokes earlier tokens), and an access token from the gateway's token endpoint.
class KeysPanel : public QWidget {
    Q_OBJECT
public:
    KeysPanel(GatehouseSession* session, TokenManager* tokens, Stage keyType, QWidget* parent = nullptr);

    void setApplication(const QString& applicationId);
    bool generateKeys(QString* error);
    void showSecret();
    void generateToken();

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void refresh();

    GatehouseSession* m_session;
    TokenManager* m_tokens;
    Stage m_keyType;
    QString m_applicationId;
    QLineEdit* m_consumerKey;
    QLineEdit* m_consumerSecret;
    QPushButton* m_showSecret;
    QPushButton* m_copySecret;
    QPushButton* m_generate;
    QPushButton* m_token;
    QLineEdit* m_accessToken;
    QLabel* m_tokenInfo;
};

} // namespace gatehouse
