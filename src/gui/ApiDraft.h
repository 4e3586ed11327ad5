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
    ApiDraft(Workspace* workspace, const Api& saved, QObject* parent = nullptr);

    const Api& api() const { return m_api; }
    const Api& saved() const { return m_saved; }
    // Timestamps are bookkeeping, not design: undoing back to the saved design is "unmodified".
    bool isModified() const { return !sameDesign(m_api, m_saved); }
    static bool sameDesign(const Api& a, const Api& b);
    QUndoStack* undoStack() const { return m_undoStack; }
    Workspace* workspace() const { return m_workspace; }

    // Records `changed` as an undoable edit called `text`; nothing happens when it equals the current state.
    void edit(const Api& changed, const QString& text);
    // Validation of the current state against the catalogue, the provider and the other APIs.
    ValidationReport validate() const;
    Status save();
    // Drops the edits and the undo history.
    void revert();

Q_SIGNALS:
    void changed();
    void savedChanged();

private:
    friend class ApiSnapshotCommand;
    void replace(const Api& api);

    Workspace* m_workspace;
    Api m_saved;
    Api m_api;
    QUndoStack* m_undoStack;
};

} // namespace gatehouse
