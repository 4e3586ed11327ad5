#pragma once

#include "core/ModelRouterConfig.h"

#include <QStringList>
#include <QWidget>
#include <utility>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace gatehouse {

// Rows of {model, endpoint, weight} as WSO2's router forms have them, with Add / Remove, each row
// showing the share of traffic its weight gives. Object names are "<prefix>Model<N>",
// "<prefix>Endpoint<N>", "<prefix>Weight<N>", "<prefix>Share<N>", "<prefix>Remove<N>",
// "<prefix>Error<N>" and "<prefix>Add", so tests and accessibility tools find every field.
class RouterTargetList : public QWidget {
    Q_OBJECT
public:
    struct Options {
        bool weighted = true;
        bool fixedSingleRow = false; // failover's target model: exactly one row
    };

    RouterTargetList(const QString& prefix, Options options, QWidget* parent = nullptr);

    // Models offered in the model boxes (the user may type others) and endpoints as (id, name).
    void setChoices(const QStringList& models, const std::vector<std::pair<QString, QString>>& endpoints);
    void setTargets(const std::vector<ModelRouterConfig::Target>& targets);
    std::vector<ModelRouterConfig::Target> targets() const;
    int rowCount() const { return int(m_rows.size()); }
    void addRow();
    void removeRow(int row);
    // Shows an error under a row ("" clears it); row -1 is the list as a whole.
    void setRowError(int row, const QString& message);
    void clearErrors();

Q_SIGNALS:
    void changed();

private:
    struct Row {
        QComboBox* model = nullptr;
        QComboBox* endpoint = nullptr;
        QDoubleSpinBox* weight = nullptr;
        QLabel* share = nullptr;
        QPushButton* remove = nullptr;
        QLabel* error = nullptr;
    };
    void clearRows();
    void rebuildNames();
    void updateShares();

    QString m_prefix;
    Options m_options;
    QStringList m_models;
    std::vector<std::pair<QString, QString>> m_endpoints;
    std::vector<Row> m_rows;
    QGridLayout* m_grid;
    QPushButton* m_add;
    QLabel* m_listError;
};

} // namespace gatehouse
