#pragma once

#include <QString>
#include <QWidget>
#include <map>

namespace gatehouse {

// Where the load went: one horizontal bar per model with its request count and share, and a marker
// at the share its configured weight asks for, so "10 / 10 at 50 %" reads at a glance. Painted with
// QPainter from the palette, so it is crisp and readable in light and dark themes.
class ModelShareChart : public QWidget {
    Q_OBJECT
public:
    explicit ModelShareChart(QWidget* parent = nullptr);

    void setData(const std::map<QString, int>& countsByModel,
                 const std::map<QString, double>& configuredShares);
    const std::map<QString, int>& counts() const { return m_counts; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::map<QString, int> m_counts;
    std::map<QString, double> m_configured; // 0..1
};

} // namespace gatehouse
