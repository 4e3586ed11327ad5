#pragma once

#include <QString>
#include <exception>

namespace gatehouse {

// Why a gatehouse-ctl command stops: thrown anywhere below CtlApplication, which prints it as the one
// line "gatehouse-ctl: <message>" on stderr and exits with exitCode().
class CtlError : public std::exception {
public:
    static constexpr int FailureExit = 1;
    static constexpr int UsageExit = 2;

    CtlError(int exitCode, QString message);

    // The command line itself is wrong (unknown command or option, missing or malformed value).
    static CtlError usage(const QString& message);
    // The command line is fine but the request cannot be carried out.
    static CtlError failure(const QString& message);

    int exitCode() const { return m_exitCode; }
    // Always a single line: embedded line breaks are joined with "; ".
    const QString& message() const { return m_message; }
    const char* what() const noexcept override { return m_utf8.constData(); }

private:
    int m_exitCode;
    QString m_message;
    QByteArray m_utf8;
};

} // namespace gatehouse
