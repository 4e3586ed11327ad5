#include "gui/ModelRouterForm.h"

#include "core/Api.h"
#include "core/Wso2AttributeCodec.h"
#include "core/Wso2ParameterShapes.h"
#include "gui/RouterTargetList.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

namespace gatehouse {

ModelRouterForm::ModelRouterForm(const PolicyDefinition& definition, const Api& api,
                                 const QStringList& models, QWidget* parent)
    : QWidget(parent), m_definition(definition),
      m_strategy(ModelRouterConfig::strategyNamed(definition.router)
                     .value_or(ModelRouterConfig::Strategy::RoundRobin)),
      m_failover(m_strategy == ModelRouterConfig::Strategy::Failover),
      m_weighted(m_strategy == ModelRouterConfig::Strategy::WeightedRoundRobin),
      m_suspend(new QSpinBox(this)), m_pasteError(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pasteError->setObjectName(QStringLiteral("pasteRouterConfigError"));
    m_pasteError->setWordWrap(true);
    m_pasteError->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_pasteError->hide();

    m_production = buildStage(QStringLiteral("production"), api, models, false);
    m_sandbox = buildStage(QStringLiteral("sandbox"), api, models, true);
    layout->addWidget(m_production.box);
    layout->addWidget(m_sandbox.box);

    auto* options = new QFormLayout();
    m_suspend->setObjectName(QStringLiteral("suspendDuration"));
    m_suspend->setRange(0, 86400);
    m_suspend->setSuffix(tr(" s"));
    m_suspend->setToolTip(tr("How long a failing (endpoint, model) pair is left out before one trial request "
                             "readmits it"));
    options->addRow(tr("Suspend duration:"), m_suspend);
    connect(m_suspend, &QSpinBox::valueChanged, this, &ModelRouterForm::changed);
    if (m_failover) {
        m_requestTimeout = new QSpinBox(this);
        m_requestTimeout->setObjectName(QStringLiteral("requestTimeout"));
        m_requestTimeout->setRange(0, 3600);
        m_requestTimeout->setValue(60);
        m_requestTimeout->setSuffix(tr(" s"));
        options->addRow(tr("Request timeout:"), m_requestTimeout);
        connect(m_requestTimeout, &QSpinBox::valueChanged, this, &ModelRouterForm::changed);
    } else {
        m_retry = new QCheckBox(tr("Retry once on another model"), this);
        m_retry->setObjectName(QStringLiteral("retryOnFailure"));
        m_retry->setChecked(true);
        m_retry->setToolTip(
            tr("When a model fails before any byte reached the client, send the same request to "
               "another active model. Off gives WSO2's behaviour: the failure goes back to the "
               "client."));
        options->addRow(QString(), m_retry);
        connect(m_retry, &QCheckBox::toggled, this, &ModelRouterForm::changed);
    }
    layout->addLayout(options);
    layout->addWidget(m_pasteError);
}

ModelRouterForm::StageWidgets ModelRouterForm::buildStage(const QString& stage, const Api& api,
                                                          const QStringList& models, bool optional) {
    StageWidgets widgets;
    const Stage stageValue = stage == QLatin1String("production") ? Stage::Production : Stage::Sandbox;
    widgets.box = new QGroupBox(stageDisplayName(stageValue), this);
    widgets.box->setObjectName(stage + QStringLiteral("Section"));
    auto* layout = new QVBoxLayout(widgets.box);
    std::vector<std::pair<QString, QString>> endpoints;
    for (const Endpoint* endpoint : api.endpointsOf(stageValue))
        endpoints.emplace_back(endpoint->id, endpoint->name);
    if (optional) {
        widgets.enabled = new QCheckBox(tr("Enable sandbox routing"), widgets.box);
        widgets.enabled->setObjectName(QStringLiteral("sandboxEnabled"));
        layout->addWidget(widgets.enabled);
        if (endpoints.empty()) {
            widgets.enabled->setEnabled(false);
            widgets.enabled->setToolTip(tr("This API has no sandbox endpoint"));
        }
    }
    if (m_failover) {
        layout->addWidget(new QLabel(tr("Target model (used when the client asks for it)"), widgets.box));
        widgets.targets = new RouterTargetList(stage + QStringLiteral("Target"), {false, true}, widgets.box);
        layout->addWidget(widgets.targets);
        layout->addWidget(new QLabel(tr("Fallback models, tried in order"), widgets.box));
        widgets.fallbacks =
            new RouterTargetList(stage + QStringLiteral("Fallback"), {false, false}, widgets.box);
        widgets.fallbacks->setChoices(models, endpoints);
        layout->addWidget(widgets.fallbacks);
        connect(widgets.fallbacks, &RouterTargetList::changed, this, &ModelRouterForm::changed);
    } else {
        widgets.targets = new RouterTargetList(stage, {m_weighted, false}, widgets.box);
        layout->addWidget(widgets.targets);
    }
    widgets.targets->setChoices(models, endpoints);
    connect(widgets.targets, &RouterTargetList::changed, this, &ModelRouterForm::changed);
    if (widgets.enabled) {
        const auto sync = [widgets] {
            widgets.targets->setEnabled(widgets.enabled->isChecked());
            if (widgets.fallbacks)
                widgets.fallbacks->setEnabled(widgets.enabled->isChecked());
        };
        connect(widgets.enabled, &QCheckBox::toggled, this, [this, sync] {
            sync();
            Q_EMIT changed();
        });
        sync();
    }
    return widgets;
}

void ModelRouterForm::setConfig(const Json& config) {
    const ModelRouterConfig parsed = ModelRouterConfig::parse(m_strategy, config);
    const QSignalBlocker block(this);
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        StageWidgets& widgets = stage == Stage::Production ? m_production : m_sandbox;
        bool enabled = false;
        if (m_failover) {
            const std::optional<ModelRouterConfig::Target>& target = parsed.failoverTarget(stage);
            widgets.targets->setTargets(target ? std::vector<ModelRouterConfig::Target>{*target}
                                               : std::vector<ModelRouterConfig::Target>{});
            widgets.fallbacks->setTargets(parsed.fallbacks(stage));
            enabled = target.has_value();
        } else {
            widgets.targets->setTargets(parsed.balanced(stage));
            enabled = !parsed.balanced(stage).empty();
        }
        if (widgets.enabled)
            widgets.enabled->setChecked(enabled);
    }
    // WSO2 writes an empty production list when nothing is configured yet: start with one row.
    if (!m_failover && m_production.targets->rowCount() == 0)
        m_production.targets->addRow();
    // The spin boxes clamp; this keeps a huge value from wrapping to a negative int first.
    const auto seconds = [](qint64 ms) {
        return int(std::clamp<qint64>(ms / 1000, 0, INT_MAX));
    };
    m_suspend->setValue(seconds(parsed.suspendMs()));
    if (m_requestTimeout)
        m_requestTimeout->setValue(seconds(parsed.requestTimeoutMs()));
    if (m_retry)
        m_retry->setChecked(parsed.retryOnFailure());
}

Json ModelRouterForm::config() const {
    ModelRouterConfig config(m_strategy);
    for (Stage stage : {Stage::Production, Stage::Sandbox}) {
        const StageWidgets& widgets = stage == Stage::Production ? m_production : m_sandbox;
        if (widgets.enabled && !widgets.enabled->isChecked())
            continue; // a disabled sandbox is written as WSO2 writes it: [] (failover: {})
        if (m_failover) {
            const std::vector<ModelRouterConfig::Target> target = widgets.targets->targets();
            config.setFailover(stage, target.empty() ? std::nullopt : std::make_optional(target.front()),
                               widgets.fallbacks->targets());
        } else {
            config.setBalanced(stage, widgets.targets->targets());
        }
    }
    if (m_requestTimeout)
        config.setRequestTimeoutMs(qint64(m_requestTimeout->value()) * 1000);
    config.setSuspendMs(qint64(m_suspend->value()) * 1000);
    config.setRetryOnFailure(!m_retry || m_retry->isChecked());
    return config.toJson();
}

bool ModelRouterForm::pasteConfiguration(const QString& text, QString* error) {
    const auto refuse = [&](const QString& reason) {
        m_pasteError->setText(reason);
        m_pasteError->show();
        if (error)
            *error = reason;
        return false;
    };
    if (m_definition.attributes.empty())
        return false;
    const PolicyAttribute& attribute = m_definition.attributes.front();
    Result<Json> decoded = Wso2AttributeCodec::decode(text.trimmed());
    if (!decoded)
        return refuse(tr("Not a configuration: %1").arg(decoded.error()));
    Json value = decoded.take();
    // {"weightedRoundRobinConfigs": ...} as a policy's parameters hold it, the inner one maybe a string.
    const std::string attributeName = toStdString(attribute.name);
    if (value.is_object() && value.size() == 1 && value.contains(attributeName)) {
        Json inner = value[attributeName];
        if (inner.is_string()) {
            Result<Json> innerDecoded = Wso2AttributeCodec::decode(toQString(inner.get<std::string>()));
            if (!innerDecoded)
                return refuse(tr("Not a configuration: %1").arg(innerDecoded.error()));
            inner = innerDecoded.take();
        }
        value = std::move(inner);
    }
    if (!value.is_object())
        return refuse(tr("Not a configuration: %1 must be a JSON object").arg(attribute.name));
    value = Wso2ParameterShapes::canonicalValue(m_definition, attribute, value);
    // What the form cannot show is refused rather than replaced by a default.
    for (const char* key : {"suspendDuration", "requestTimeout"}) {
        if (const auto it = value.find(key); it != value.end() && !it->is_number() && !it->is_null())
            return refuse(tr("%1: must be a number, not %2")
                              .arg(QLatin1String(key), toQString(dumpCompact(*it)).left(40)));
    }
    if (m_weighted) {
        for (const char* stage : {"production", "sandbox"}) {
            const auto list = value.find(stage);
            if (list == value.end() || !list->is_array())
                continue;
            for (std::size_t i = 0; i < list->size(); ++i) {
                const Json& row = (*list)[i];
                const auto weight = row.is_object() ? row.find("weight") : row.end();
                if (row.is_object() && weight != row.end() && !weight->is_number())
                    return refuse(tr("%1[%2].weight: must be a number, not %3")
                                      .arg(QLatin1String(stage))
                                      .arg(i)
                                      .arg(toQString(dumpCompact(*weight)).left(40)));
            }
        }
    }
    m_pasteError->hide();
    setConfig(value);
    Q_EMIT changed();
    return true;
}

void ModelRouterForm::showIssues(const std::vector<ValidationIssue>& issues, const QString& attributePath) {
    for (StageWidgets* stage : {&m_production, &m_sandbox}) {
        stage->targets->clearErrors();
        if (stage->fallbacks)
            stage->fallbacks->clearErrors();
    }
    static const QRegularExpression rowPattern(QStringLiteral(
        "^\\.(production|sandbox)(?:\\[(\\d+)\\])?(?:\\.(targetModel|fallbackModels)(?:\\[(\\d+)\\])?)?"));
    for (const ValidationIssue& issue : issues) {
        if (!issue.path.startsWith(attributePath))
            continue;
        const QRegularExpressionMatch match = rowPattern.match(issue.path.mid(attributePath.size()));
        if (!match.hasMatch())
            continue;
        StageWidgets& stage = match.captured(1) == QLatin1String("production") ? m_production : m_sandbox;
        const QString text = issue.isError() ? issue.message : tr("Warning: %1").arg(issue.message);
        if (m_failover) {
            RouterTargetList* list =
                match.captured(3) == QLatin1String("fallbackModels") ? stage.fallbacks : stage.targets;
            const int row =
                match.captured(3) == QLatin1String("fallbackModels") && !match.captured(4).isEmpty()
                    ? match.captured(4).toInt()
                    : (match.captured(3) == QLatin1String("targetModel") ? 0 : -1);
            list->setRowError(row, text);
        } else {
            stage.targets->setRowError(match.captured(2).isEmpty() ? -1 : match.captured(2).toInt(), text);
        }
    }
}

} // namespace gatehouse
