#include "gui/PolicyFlowModel.h"

#include "core/ModelRouterConfig.h"
#include "core/PolicyCatalogue.h"
#include "core/PolicyValidator.h"
#include "core/Workspace.h"
#include "gui/ApiDraft.h"
#include "gui/PolicyIcon.h"

#include <algorithm>
#include <cmath>

namespace gatehouse {

namespace {

// internalId layout: bits 20+ scope row + 1, bits 16-19 lane + 1, bits 0-15 attachment + 1.
quintptr makeId(int scope, int lane = -1, int attachment = -1) {
    return (quintptr(scope + 1) << 20) | (quintptr(lane + 1) << 16) | quintptr(attachment + 1);
}
int scopeOf(quintptr id) {
    return int(id >> 20) - 1;
}
int laneOf(quintptr id) {
    return int((id >> 16) & 0xF) - 1;
}
int attachmentOf(quintptr id) {
    return int(id & 0xFFFF) - 1;
}
FlowKind laneFlow(int lane) {
    return allFlowKinds[std::size_t(lane)];
}
int flowLane(FlowKind flow) {
    return flow == FlowKind::Request ? 0 : flow == FlowKind::Response ? 1 : 2;
}

QString formatShare(double share) {
    return QString::number(std::round(share * 1000) / 10, 'g', 4) + QLatin1Char('%');
}

} // namespace

PolicyFlowModel::PolicyFlowModel(ApiDraft* draft, const PolicyCatalogue& catalogue, QObject* parent)
    : QAbstractItemModel(parent), m_draft(draft), m_catalogue(catalogue) {
    // An edit of the policies, resources or endpoints (what chips and their findings depend on)
    // rebuilds the tree from the draft (snapshot undo); a metadata edit (the name, the description)
    // leaves it alone, and with it the view's selection and collapsed scopes.
    connect(draft, &ApiDraft::changed, this, [this](ApiDraft::Parts parts) {
        if (parts == ApiDraft::Parts(ApiDraft::Part::Metadata))
            return;
        beginResetModel();
        endResetModel();
    });
}

int PolicyFlowModel::scopeCount() const {
    return m_draft ? int(m_draft->api().operations.size()) + 1 : 0;
}

QString PolicyFlowModel::scopeKey(int scopeRow) const {
    if (scopeRow <= 0)
        return apiLevelScope();
    return m_draft->api().operations[std::size_t(scopeRow - 1)].key();
}

int PolicyFlowModel::scopeRow(const QString& scope) const {
    if (scope.isEmpty())
        return 0;
    const auto& operations = m_draft->api().operations;
    for (std::size_t i = 0; i < operations.size(); ++i) {
        if (operations[i].key() == scope)
            return int(i) + 1;
    }
    return -1;
}

const PolicyFlows* PolicyFlowModel::flowsOf(const Api& api, const QString& scope) const {
    if (scope.isEmpty())
        return &api.apiPolicies;
    const Operation* operation = api.operationByKey(scope);
    return operation ? &operation->policies : nullptr;
}

PolicyFlows* PolicyFlowModel::flowsOf(Api& api, const QString& scope) const {
    if (scope.isEmpty())
        return &api.apiPolicies;
    Operation* operation = api.operationByKey(scope);
    return operation ? &operation->policies : nullptr;
}

QModelIndex PolicyFlowModel::scopeIndex(const QString& scope) const {
    const int row = scopeRow(scope);
    return row < 0 ? QModelIndex() : createIndex(row, 0, makeId(row));
}

QModelIndex PolicyFlowModel::laneIndex(const QString& scope, FlowKind flow) const {
    const int row = scopeRow(scope);
    return row < 0 ? QModelIndex() : createIndex(flowLane(flow), 0, makeId(row, flowLane(flow)));
}

QModelIndex PolicyFlowModel::attachmentIndex(const QString& scope, FlowKind flow, int position) const {
    const QModelIndex lane = laneIndex(scope, flow);
    return lane.isValid() ? index(position, 0, lane) : QModelIndex();
}

QModelIndex PolicyFlowModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, makeId(row));
    const quintptr id = parent.internalId();
    if (laneOf(id) < 0)
        return createIndex(row, column, makeId(scopeOf(id), row));
    return createIndex(row, column, makeId(scopeOf(id), laneOf(id), row));
}

QModelIndex PolicyFlowModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    const quintptr id = child.internalId();
    if (laneOf(id) < 0)
        return {};
    if (attachmentOf(id) < 0)
        return createIndex(scopeOf(id), 0, makeId(scopeOf(id)));
    return createIndex(laneOf(id), 0, makeId(scopeOf(id), laneOf(id)));
}

int PolicyFlowModel::rowCount(const QModelIndex& parent) const {
    if (!m_draft)
        return 0;
    if (!parent.isValid())
        return scopeCount();
    if (parent.column() != 0)
        return 0;
    const quintptr id = parent.internalId();
    if (laneOf(id) < 0)
        return 3;
    if (attachmentOf(id) >= 0)
        return 0;
    const PolicyFlows* flows = flowsOf(m_draft->api(), scopeKey(scopeOf(id)));
    return flows ? int(flows->flow(laneFlow(laneOf(id))).size()) : 0;
}

int PolicyFlowModel::columnCount(const QModelIndex&) const {
    return 1;
}

QString PolicyFlowModel::summary(const PolicyAttachment& attachment) const {
    const PolicyDefinition* definition = m_catalogue.find(attachment.policyName);
    if (!definition)
        return {};
    if (definition->isModelRouter()) {
        const Result<ModelRouterConfig> config = ModelRouterConfig::ofAttachment(*definition, attachment);
        if (!config)
            return {};
        if (config->isFailover()) {
            const std::optional<ModelRouterConfig::Target>& target =
                config->failoverTarget(Stage::Production);
            if (!target)
                return tr("not configured");
            return tr("%1 with %n fallback(s)", nullptr, int(config->fallbacks(Stage::Production).size()))
                .arg(target->model);
        }
        const std::vector<ModelRouterConfig::Target>& production = config->balanced(Stage::Production);
        if (production.empty())
            return tr("no production models");
        // One share per model, in the order they are listed: a model on two endpoints gets the sum.
        const bool weighted = config->strategy() == ModelRouterConfig::Strategy::WeightedRoundRobin;
        std::vector<std::pair<QString, double>> shares;
        double total = 0;
        for (const ModelRouterConfig::Target& target : production) {
            const double weight = weighted ? target.weight : 1.0;
            total += weight;
            const auto same = std::find_if(shares.begin(), shares.end(),
                                           [&](const auto& share) { return share.first == target.model; });
            if (same != shares.end())
                same->second += weight;
            else
                shares.emplace_back(target.model, weight);
        }
        QStringList parts;
        for (const auto& [model, weight] : shares)
            parts.append(model + QLatin1Char(' ') +
                         (total > 0 ? formatShare(weight / total) : QStringLiteral("0%")));
        return parts.join(QStringLiteral(" · "));
    }
    const auto name = attachment.parameters.find("headerName");
    if (name != attachment.parameters.end() && name->is_string()) {
        const auto value = attachment.parameters.find("headerValue");
        return toQString(name->get<std::string>()) +
               (value != attachment.parameters.end() && value->is_string()
                    ? QStringLiteral(": ") + toQString(value->get<std::string>())
                    : QString());
    }
    return {};
}

QVariant PolicyFlowModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_draft)
        return {};
    const quintptr id = index.internalId();
    const QString scope = scopeKey(scopeOf(id));
    if (laneOf(id) < 0) {
        switch (role) {
        case Qt::DisplayRole:
            return scope.isEmpty() ? tr("API level (every operation)") : scope;
        case KindRole:
            return int(Kind::Scope);
        case ScopeRole:
            return scope;
        default:
            return {};
        }
    }
    const FlowKind flow = laneFlow(laneOf(id));
    if (attachmentOf(id) < 0) {
        switch (role) {
        case Qt::DisplayRole: {
            const int count = rowCount(index);
            return count == 0 ? tr("%1 (drop policies here)").arg(flowKindDisplayName(flow))
                              : flowKindDisplayName(flow);
        }
        case KindRole:
            return int(Kind::Lane);
        case ScopeRole:
            return scope;
        case FlowRole:
            return int(flow);
        default:
            return {};
        }
    }
    const std::optional<PolicyAttachment> attachment = attachmentAt(scope, flow, attachmentOf(id));
    if (!attachment)
        return {};
    const PolicyDefinition* definition = m_catalogue.find(attachment->policyName);
    switch (role) {
    case Qt::DisplayRole:
        return definition ? definition->displayName : attachment->policyName;
    case Qt::DecorationRole:
        return definition ? QVariant(PolicyIcon::forPolicy(*definition)) : QVariant();
    case Qt::ToolTipRole:
    case SummaryRole:
        return summary(*attachment);
    case KindRole:
        return int(Kind::Attachment);
    case ScopeRole:
        return scope;
    case FlowRole:
        return int(flow);
    case AttachmentIndexRole:
        return attachmentOf(id);
    case PolicyNameRole:
        return attachment->policyName;
    default:
        return {};
    }
}

Qt::ItemFlags PolicyFlowModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    const quintptr id = index.internalId();
    if (laneOf(id) < 0)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (attachmentOf(id) < 0)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled |
           Qt::ItemNeverHasChildren;
}

QStringList PolicyFlowModel::mimeTypes() const {
    return {PolicyMime::definitionType, PolicyMime::attachmentType};
}

QMimeData* PolicyFlowModel::mimeData(const QModelIndexList& indexes) const {
    for (const QModelIndex& index : indexes) {
        if (index.data(KindRole).toInt() != int(Kind::Attachment))
            continue;
        PolicyMime::AttachmentRef ref{index.data(ScopeRole).toString(),
                                      FlowKind(index.data(FlowRole).toInt()),
                                      index.data(AttachmentIndexRole).toInt()};
        return PolicyMime::forAttachment(ref).release(); // ownership passes to the drag, as Qt requires
    }
    return nullptr;
}

PolicyFlowModel::Target PolicyFlowModel::dropTarget(const QModelIndex& parent, int row) const {
    Target target;
    if (!parent.isValid() || !m_draft)
        return target;
    const quintptr id = parent.internalId();
    if (laneOf(id) < 0)
        return target; // onto an operation row: which lane is ambiguous
    target.scope = scopeKey(scopeOf(id));
    target.flow = laneFlow(laneOf(id));
    const PolicyFlows* flows = flowsOf(m_draft->api(), target.scope);
    if (!flows)
        return target;
    const int size = int(flows->flow(target.flow).size());
    if (attachmentOf(id) >= 0)
        target.position = attachmentOf(id); // onto a chip: before it
    else
        target.position = row < 0 || row > size ? size : row;
    target.valid = true;
    return target;
}

QString PolicyFlowModel::dropRefusal(const QMimeData* data, const QModelIndex& parent, int row) const {
    const Target target = dropTarget(parent, row);
    if (!target.valid)
        return tr("Drop policies on a Request, Response or Fault lane");
    const Api& api = m_draft->api();
    if (const auto name = PolicyMime::definition(data)) {
        const Operation* operation = target.scope.isEmpty() ? nullptr : api.operationByKey(target.scope);
        const Provider* provider = m_draft->workspace()->provider(api.providerId);
        return PolicyValidator(m_catalogue, provider).placementError(api, operation, target.flow, *name);
    }
    if (const auto ref = PolicyMime::attachment(data)) {
        if (ref->scope != target.scope || ref->flow != target.flow)
            return tr("An attached policy moves only within its own lane; remove it and attach it where you "
                      "want it");
        return {};
    }
    return tr("Only policies can be dropped here");
}

bool PolicyFlowModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int row, int,
                                      const QModelIndex& parent) const {
    return dropRefusal(data, parent, row).isEmpty();
}

bool PolicyFlowModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                   const QModelIndex& parent) {
    if (action == Qt::IgnoreAction)
        return true;
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const Target target = dropTarget(parent, row);
    if (const auto name = PolicyMime::definition(data)) {
        Q_EMIT attachRequested(target.scope, target.flow, target.position, *name);
        return true;
    }
    if (const auto ref = PolicyMime::attachment(data)) {
        int to = target.position;
        if (to > ref->index)
            --to; // the dragged chip leaves its old place first
        // The model moved the chip itself (one undoable step); the source view's removeRows() is a no-op.
        return move(ref->scope, ref->flow, ref->index, to);
    }
    return false;
}

Qt::DropActions PolicyFlowModel::supportedDropActions() const {
    return Qt::CopyAction | Qt::MoveAction;
}

Qt::DropActions PolicyFlowModel::supportedDragActions() const {
    return Qt::MoveAction;
}

std::optional<PolicyAttachment> PolicyFlowModel::attachmentAt(const QString& scope, FlowKind flow,
                                                              int position) const {
    if (!m_draft)
        return std::nullopt;
    const PolicyFlows* flows = flowsOf(m_draft->api(), scope);
    if (!flows || position < 0 || position >= int(flows->flow(flow).size()))
        return std::nullopt;
    return flows->flow(flow)[std::size_t(position)];
}

bool PolicyFlowModel::attach(const QString& scope, FlowKind flow, int position,
                             const PolicyAttachment& attachment, QString* error) {
    Api api = m_draft->api();
    const Operation* operation = scope.isEmpty() ? nullptr : api.operationByKey(scope);
    const QString refusal = PolicyValidator(m_catalogue, m_draft->workspace()->provider(api.providerId))
                                .placementError(api, operation, flow, attachment.policyName);
    PolicyFlows* flows = flowsOf(api, scope);
    if (!refusal.isEmpty() || !flows) {
        if (error)
            *error = refusal.isEmpty() ? tr("no operation %1").arg(scope) : refusal;
        return false;
    }
    auto& list = flows->flow(flow);
    const int at = position < 0 || position > int(list.size()) ? int(list.size()) : position;
    list.insert(list.begin() + at, attachment);
    const PolicyDefinition* definition = m_catalogue.find(attachment.policyName);
    m_draft->edit(api, tr("Attach %1").arg(definition ? definition->displayName : attachment.policyName));
    return true;
}

int PolicyFlowModel::attachToAllOperations(FlowKind flow, const PolicyAttachment& attachment,
                                           QString* error) {
    Api api = m_draft->api();
    const PolicyValidator validator(m_catalogue, m_draft->workspace()->provider(api.providerId));
    int attached = 0;
    QStringList refusals;
    for (Operation& operation : api.operations) {
        const QString refusal = validator.placementError(api, &operation, flow, attachment.policyName);
        if (!refusal.isEmpty()) {
            refusals.append(operation.key() + QStringLiteral(": ") + refusal);
            continue;
        }
        operation.policies.flow(flow).push_back(attachment);
        ++attached;
    }
    if (attached > 0) {
        const PolicyDefinition* definition = m_catalogue.find(attachment.policyName);
        m_draft->edit(api, tr("Attach %1 to all resources")
                               .arg(definition ? definition->displayName : attachment.policyName));
    }
    if (error)
        *error = refusals.join(QLatin1Char('\n'));
    return attached;
}

bool PolicyFlowModel::replace(const QString& scope, FlowKind flow, int position,
                              const PolicyAttachment& attachment) {
    Api api = m_draft->api();
    PolicyFlows* flows = flowsOf(api, scope);
    if (!flows || position < 0 || position >= int(flows->flow(flow).size()))
        return false;
    flows->flow(flow)[std::size_t(position)] = attachment;
    const PolicyDefinition* definition = m_catalogue.find(attachment.policyName);
    m_draft->edit(api, tr("Edit %1").arg(definition ? definition->displayName : attachment.policyName));
    return true;
}

bool PolicyFlowModel::remove(const QString& scope, FlowKind flow, int position) {
    Api api = m_draft->api();
    PolicyFlows* flows = flowsOf(api, scope);
    if (!flows || position < 0 || position >= int(flows->flow(flow).size()))
        return false;
    auto& list = flows->flow(flow);
    const QString name = list[std::size_t(position)].policyName;
    list.erase(list.begin() + position);
    const PolicyDefinition* definition = m_catalogue.find(name);
    m_draft->edit(api, tr("Remove %1").arg(definition ? definition->displayName : name));
    return true;
}

bool PolicyFlowModel::move(const QString& scope, FlowKind flow, int from, int to) {
    Api api = m_draft->api();
    PolicyFlows* flows = flowsOf(api, scope);
    if (!flows)
        return false;
    auto& list = flows->flow(flow);
    const int size = int(list.size());
    if (from < 0 || from >= size || to < 0 || to >= size || from == to)
        return false;
    PolicyAttachment moving = list[std::size_t(from)];
    list.erase(list.begin() + from);
    list.insert(list.begin() + to, moving);
    const PolicyDefinition* definition = m_catalogue.find(moving.policyName);
    m_draft->edit(api, tr("Move %1").arg(definition ? definition->displayName : moving.policyName));
    return true;
}

} // namespace gatehouse
