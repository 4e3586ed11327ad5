#pragma once

#include "core/Json.h"
#include "core/ModelRouterConfig.h"
#include "core/PolicyDefinition.h"
#include "core/ValidationReport.h"

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace gatehouse {

struct Api;
class RouterTargetList;

// The dedicated form of the three model routers, laid out as WSO2's: Production rows, a Sandbox
// section behind an enable switch, the suspend duration, plus Gatehouse's retry-on-failure switch
// (and, for failover, a target model with fallbacks and a request timeout). It also takes a pasted
// configuration as WSO2's Publisher or REST API writes it (the drawer's "Paste from WSO2").
class ModelRouterForm : public QWidget {
    Q_OBJECT
public:
    // `models`: what each row's model box offers (ProviderModels::offered: the provider's list first);
    // any other name can still be typed.
    ModelRouterForm(const PolicyDefinition& definition, const Api& api, const QStringList& models,
                    QWidget* parent = nullptr);

    void setConfig(const Json& config);
    // The configuration in WSO2's key order; Gatehouse-only settings only when not at their default.
    Json config() const;
    // Fills the form from a pasted configuration in any shape WSO2 writes (single quotes, numbers as
    // text, unused stages, with or without the attribute's name around it). On a refusal the form keeps
    // what it had and `error` says why (also shown under the button).
    bool pasteConfiguration(const QString& text, QString* error = nullptr);
    // Shows the issues whose path starts with `attributePath` next to their fields.
    void showIssues(const std::vector<ValidationIssue>& issues, const QString& attributePath);

Q_SIGNALS:
    void changed();

private:
    struct StageWidgets {
        QGroupBox* box = nullptr;
        QCheckBox* enabled = nullptr;          // sandbox only
        RouterTargetList* targets = nullptr;   // RR/WRR rows, or failover's target
        RouterTargetList* fallbacks = nullptr; // failover only
    };
    StageWidgets buildStage(const QString& stage, const Api& api, const QStringList& models, bool optional);

    PolicyDefinition m_definition;
    ModelRouterConfig::Strategy m_strategy;
    bool m_failover;
    bool m_weighted;
    StageWidgets m_production;
    StageWidgets m_sandbox;
    QSpinBox* m_suspend;
    QSpinBox* m_requestTimeout = nullptr;
    QCheckBox* m_retry = nullptr;
    QLabel* m_pasteError;
};

} // namespace gatehouse
