#pragma once

#include "core/Api.h"
#include "core/Result.h"
#include "core/ValidationReport.h"

#include <QObject>

class QUndoStack;

namespace gatehouse {

class Workspace;

// The Publisher's working copy of one API: edits go here (each through the undo stack), and
// nothing reaches the workspace until save().
class ApiDraft : public QObject {
    Q_OBJECT
public:
    // What an edit changed, so that a view rebuilds only for what it shows (the policy tree keeps its
    // selection and collapsed scopes while the description is typed).
    enum class Part { Metadata = 0x1, Endpoints = 0x2, Resources = 0x4, Policies = 0x8 };
    Q_DECLARE_FLAGS(Parts, Part)
    static Parts difference(const Api& before, const Api& after);

    ApiDraft(Workspace* workspace, const Api& saved, QObject* parent = nullptr);

    const Api& api() const { return m_api; }
    const Api& saved() const { return m_saved; }
    // Timestamps are bookkeeping, not design: undoing back to the saved design is "unmodified".
    bool isModified() const { return !sameDesign(m_api, m_saved); }
    static bool sameDesign(const Api& a, const Api& b);
    QUndoStack* undoStack() const { return m_undoStack; }
    Workspace* workspace() const { return m_workspace; }

    // Records `changed` as an undoable edit called `text`; nothing happens when it equals the current
    // state. Consecutive edits with the same non-empty `mergeKey` (typing in one field) are one undo
    // step, as in Tiled.
    void edit(const Api& changed, const QString& text, const QString& mergeKey = {});
    // Validation of the current state against the catalogue, the provider and the other APIs.
    ValidationReport validate() const;
    Status save();
    // Drops the edits and the undo history.
    void revert();

Q_SIGNALS:
    void changed(gatehouse::ApiDraft::Parts parts);
    void savedChanged();

private:
    friend class ApiSnapshotCommand;
    void replace(const Api& api, Parts parts);

    Workspace* m_workspace;
    Api m_saved;
    Api m_api;
    QUndoStack* m_undoStack;
};

} // namespace gatehouse

Q_DECLARE_OPERATORS_FOR_FLAGS(gatehouse::ApiDraft::Parts)
