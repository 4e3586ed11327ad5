#include "gui/ApiDraft.h"

#include "core/ApiValidator.h"
#include "core/PolicyCatalogue.h"
#include "core/Workspace.h"
#include "gui/ApiSnapshotCommand.h"

#include <QUndoStack>
#include <algorithm>

namespace gatehouse {

ApiDraft::ApiDraft(Workspace* workspace, const Api& saved, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_saved(saved), m_api(saved),
      m_undoStack(new QUndoStack(this)) {
}

bool ApiDraft::sameDesign(const Api& a, const Api& b) {
    Api left = a;
    Api right = b;
    left.createdAt = right.createdAt = QDateTime();
    left.updatedAt = right.updatedAt = QDateTime();
    return left == right;
}

ApiDraft::Parts ApiDraft::difference(const Api& before, const Api& after) {
    Parts parts;
    if (before.name != after.name || before.context != after.context || before.version != after.version ||
        before.description != after.description || before.type != after.type ||
        before.providerId != after.providerId || before.lifecycle != after.lifecycle ||
        before.isDefaultVersion != after.isDefaultVersion)
        parts |= Part::Metadata;
    if (before.endpoints != after.endpoints || before.primaryEndpointIds != after.primaryEndpointIds)
        parts |= Part::Endpoints;
    const bool sameResources =
        before.operations.size() == after.operations.size() &&
        std::equal(before.operations.begin(), before.operations.end(), after.operations.begin(),
                   [](const Operation& a, const Operation& b) {
                       return a.verb == b.verb && a.path == b.path && a.summary == b.summary &&
                              a.sampleBody == b.sampleBody;
                   });
    if (!sameResources)
        parts |= Part::Resources;
    const bool samePolicies =
        before.apiPolicies == after.apiPolicies && before.operations.size() == after.operations.size() &&
        std::equal(before.operations.begin(), before.operations.end(), after.operations.begin(),
                   [](const Operation& a, const Operation& b) { return a.policies == b.policies; });
    if (!samePolicies)
        parts |= Part::Policies;
    return parts;
}

void ApiDraft::edit(const Api& changed, const QString& text, const QString& mergeKey) {
    if (sameDesign(changed, m_api))
        return;
    m_undoStack->push(new ApiSnapshotCommand(this, m_api, changed, text, mergeKey));
}

void ApiDraft::replace(const Api& api, Parts parts) {
    m_api = api;
    Q_EMIT changed(parts);
}

ValidationReport ApiDraft::validate() const {
    return ApiValidator(PolicyCatalogue::builtin(), m_workspace->provider(m_api.providerId))
        .validate(m_api, m_workspace->apis());
}

Status ApiDraft::save() {
    if (Status saved = m_workspace->saveApi(m_api); !saved)
        return saved;
    // The workspace stamps updatedAt: adopt what it stored so the draft is clean again.
    if (const Api* stored = m_workspace->api(m_api.id)) {
        m_saved = *stored;
        m_api.createdAt = stored->createdAt;
        m_api.updatedAt = stored->updatedAt;
    }
    m_undoStack->setClean();
    Q_EMIT savedChanged();
    Q_EMIT changed(Part::Metadata | Part::Endpoints | Part::Resources | Part::Policies);
    return Status::success();
}

void ApiDraft::revert() {
    m_undoStack->clear();
    replace(m_saved, difference(m_api, m_saved));
    Q_EMIT savedChanged();
}

} // namespace gatehouse
