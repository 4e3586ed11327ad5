#pragma once

#include "core/Api.h"

#include <QUndoCommand>

namespace gatehouse {

class ApiDraft;

// Every edit of an API in the Publisher is one of these: the whole design state before and after.
// Undo and redo then restore exact states, whatever the edit was (attach, move, edit, remove, an
// endpoint, a lifecycle change), and merge-free commands stay trivially correct.
class ApiSnapshotCommand final : public QUndoCommand {
public:
    ApiSnapshotCommand(ApiDraft* draft, Api before, Api after, const QString& text);

    void undo() override;
    void redo() override;

private:
    ApiDraft* m_draft;
    Api m_before;
    Api m_after;
};

} // namespace gatehouse
