#pragma once

#include "core/Api.h"
#include "gui/ApiDraft.h"

#include <QUndoCommand>

namespace gatehouse {

// Every edit of an API in the Publisher is one of these: the whole design state before and after,
// and which parts of it differ. Undo and redo then restore exact states, whatever the edit was
// (attach, move, edit, remove, an endpoint, a lifecycle change). Consecutive edits of one field
// (the same merge key: typing a description) merge into one step, the first "before" kept.
class ApiSnapshotCommand final : public QUndoCommand {
public:
    ApiSnapshotCommand(ApiDraft* draft, Api before, Api after, const QString& text,
                       const QString& mergeKey = {});

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    ApiDraft* m_draft;
    Api m_before;
    Api m_after;
    ApiDraft::Parts m_parts;
    QString m_mergeKey;
};

} // namespace gatehouse
