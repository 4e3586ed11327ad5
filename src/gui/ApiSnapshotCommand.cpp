#include "gui/ApiSnapshotCommand.h"

namespace gatehouse {

namespace {
// QUndoStack merges only commands with the same id; the merge key then decides.
constexpr int mergeableId = 0x41504900; // "API"
} // namespace

ApiSnapshotCommand::ApiSnapshotCommand(ApiDraft* draft, Api before, Api after, const QString& text,
                                       const QString& mergeKey)
    : QUndoCommand(text), m_draft(draft), m_before(std::move(before)), m_after(std::move(after)),
      m_parts(ApiDraft::difference(m_before, m_after)), m_mergeKey(mergeKey) {
}

void ApiSnapshotCommand::undo() {
    m_draft->replace(m_before, m_parts);
}

void ApiSnapshotCommand::redo() {
    m_draft->replace(m_after, m_parts);
}

int ApiSnapshotCommand::id() const {
    return m_mergeKey.isEmpty() ? -1 : mergeableId;
}

bool ApiSnapshotCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const ApiSnapshotCommand*>(other); // same id: same class
    if (next->m_mergeKey != m_mergeKey || next->m_draft != m_draft)
        return false;
    m_after = next->m_after;
    m_parts = ApiDraft::difference(m_before, m_after) | m_parts | next->m_parts;
    return true;
}

} // namespace gatehouse
