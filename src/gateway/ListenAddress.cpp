#include "gateway/ListenAddress.h"

namespace gatehouse {

QString ListenAddress::toString() const {
    const QString hostText = host.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QLatin1Char('[') + host.toString() + QLatin1Char(']')
                                 : host.toString();
    return hostText + QLatin1Char(':') + QString::number(port);
}

std::optional<ListenAddress> ListenAddress::parse(const QString& text, QString* error) {
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0) {
        if (error)
            *error = QStringLiteral("\"%1\" is not HOST:PORT (for example 127.0.0.1:8280)").arg(text);
        return std::nullopt;
    }
    QString hostText = text.left(colon).trimmed();
    const QString portText = text.mid(colon + 1).trimmed();
    bool portOk = false;
    const uint port = portText.toUInt(&portOk);
    if (!portOk || port > 65535) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a port number from 0 to 65535").arg(portText);
        return std::nullopt;
    }
    if (hostText.startsWith(QLatin1Char('[')) && hostText.endsWith(QLatin1Char(']')))
        hostText = hostText.mid(1, hostText.size() - 2);
    ListenAddress address;
    address.port = quint16(port);
    if (hostText.isEmpty() || hostText == QLatin1String("localhost"))
        address.host = QHostAddress(QHostAddress::LocalHost);
    else if (hostText == QLatin1String("*") || hostText == QLatin1String("0.0.0.0"))
        address.host = QHostAddress(QHostAddress::AnyIPv4);
    else if (!address.host.setAddress(hostText)) {
        if (error)
            *error = QStringLiteral("\"%1\" is not an IP address (use 127.0.0.1, ::1, 0.0.0.0 or localhost)")
                         .arg(hostText);
        return std::nullopt;
    }
    return address;
}

} // namespace gatehouse
