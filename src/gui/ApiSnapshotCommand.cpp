#include "gui/ApiSnapshotCommand.h"

#include "gui/ApiDraft.h"

namespace gatehouse {

ApiSnapshotCommand::ApiSnapshotCommand(ApiDraft* draft, Api before, Api after, const QString& text)
    : QUndoCommand(text), m_draft(draft), m_before(std::move(before)), m_after(std::move(after)) {
}

void ApiSnapshotCommand::undo() {
    m_draft->replace(m_before);
}

void ApiSnapshotCommand::redo() {
    m_draft->replace(m_after);
}

} // namespace gatehouse
