#include "core/ValidationReport.h"

namespace gatehouse {

QString ValidationIssue::toString() const {
    const QString text = path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    //: A validation finding that does not stop saving; %1 is "<path>: <message>".
    return isError() ? text : tr("warning: %1").arg(text);
}

void ValidationReport::addError(const QString& path, const QString& message) {
    m_issues.push_back({ValidationIssue::Severity::Error, path, message});
}

void ValidationReport::addWarning(const QString& path, const QString& message) {
    m_issues.push_back({ValidationIssue::Severity::Warning, path, message});
}

void ValidationReport::append(const ValidationReport& other) {
    m_issues.insert(m_issues.end(), other.m_issues.begin(), other.m_issues.end());
}

void ValidationReport::append(const ValidationReport& other, const QString& pathPrefix) {
    for (ValidationIssue issue : other.m_issues) {
        if (!pathPrefix.isEmpty())
            issue.path = issue.path.isEmpty() ? pathPrefix : pathPrefix + QLatin1Char('.') + issue.path;
        m_issues.push_back(std::move(issue));
    }
}

bool ValidationReport::hasErrors() const {
    for (const ValidationIssue& issue : m_issues) {
        if (issue.isError())
            return true;
    }
    return false;
}

std::vector<ValidationIssue> ValidationReport::errors() const {
    std::vector<ValidationIssue> result;
    for (const ValidationIssue& issue : m_issues) {
        if (issue.isError())
            result.push_back(issue);
    }
    return result;
}

std::vector<ValidationIssue> ValidationReport::warnings() const {
    std::vector<ValidationIssue> result;
    for (const ValidationIssue& issue : m_issues) {
        if (!issue.isError())
            result.push_back(issue);
    }
    return result;
}

std::vector<ValidationIssue> ValidationReport::issuesUnder(const QString& path) const {
    std::vector<ValidationIssue> result;
    for (const ValidationIssue& issue : m_issues) {
        const bool below = issue.path.startsWith(path) && (issue.path.size() == path.size() ||
                                                           issue.path.at(path.size()) == QLatin1Char('.') ||
                                                           issue.path.at(path.size()) == QLatin1Char('['));
        if (below)
            result.push_back(issue);
    }
    return result;
}

QStringList ValidationReport::toStrings() const {
    QStringList list;
    for (const ValidationIssue& issue : m_issues)
        list.append(issue.toString());
    return list;
}

} // namespace gatehouse
