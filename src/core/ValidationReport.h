#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

namespace gatehouse {

// One finding of a validator: where (a path a GUI can map to a field, such as
// "operations[POST /chat/completions].request[0].weightedRoundRobinConfigs.production[1].weight")
// and what is wrong, in words a user understands.
struct ValidationIssue {
    Q_DECLARE_TR_FUNCTIONS(ValidationIssue)

public:
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString path;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    QString toString() const; // "<path>: <message>", prefixed "warning: " for warnings
};

class ValidationReport {
public:
    void addError(const QString& path, const QString& message);
    void addWarning(const QString& path, const QString& message);
    void append(const ValidationReport& other);
    // The other report's issues with their paths placed below `pathPrefix`.
    void append(const ValidationReport& other, const QString& pathPrefix);

    const std::vector<ValidationIssue>& issues() const { return m_issues; }
    bool hasErrors() const;
    bool isClean() const { return m_issues.empty(); }
    std::vector<ValidationIssue> errors() const;
    std::vector<ValidationIssue> warnings() const;
    // Issues at `path` or below it.
    std::vector<ValidationIssue> issuesUnder(const QString& path) const;
    QStringList toStrings() const;

private:
    std::vector<ValidationIssue> m_issues;
};

} // namespace gatehouse
