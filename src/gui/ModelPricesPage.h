#pragma once

#include "core/PriceCatalogue.h"

#include <QWidget>
#include <functional>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace gatehouse {

class GatehouseSession;

// Settings > Model Prices: the prices the gateway charges calls at, in USD per 1M tokens as price pages
// show them. The shipped list prices (with their source and date) and the workspace's prices.json,
// which overrides them by model; a price set here is a workspace price, removing it brings the shipped
// one back. A LiteLLM price file imports as it is. The same files as `gatehouse-ctl prices`.
class ModelPricesPage : public QWidget {
    Q_OBJECT
public:
    explicit ModelPricesPage(GatehouseSession* session, QWidget* parent = nullptr);

    // Reads prices.json again (another process may have changed it).
    void refresh();
    // Fills the form with a model's price (the effective one); false when no entry has that key.
    bool selectModel(const QString& model);
    // Saves the form as the workspace price of its model; false with the reason, also shown inline.
    bool savePrice(QString* error);
    // Removes the workspace price of the form's model.
    bool removeWorkspacePrice(QString* error);
    // Adds a LiteLLM model_prices_and_context_window.json's per-token prices to the workspace's.
    bool importFile(const QString& path, QString* error);

    QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void fillTable();
    void showProblem(const QString& problem);
    // Reads, changes and writes prices.json under the workspace lock; false with the reason.
    bool changeWorkspace(const std::function<bool(PriceCatalogue&, QString*)>& change, QString* error);

    GatehouseSession* m_session;
    QLineEdit* m_filter;
    QTableWidget* m_table;
    QLineEdit* m_model;
    QLineEdit* m_provider;
    QDoubleSpinBox* m_input;
    QDoubleSpinBox* m_cachedInput;
    QDoubleSpinBox* m_output;
    QLineEdit* m_source;
    QLabel* m_origin;
    QLabel* m_problem;
    QPushButton* m_save;
    QPushButton* m_remove;
    QPushButton* m_import;
    PriceCatalogue m_workspace;
    QString m_readProblem; // prices.json could not be read: shown, and nothing is written over it
};

} // namespace gatehouse
