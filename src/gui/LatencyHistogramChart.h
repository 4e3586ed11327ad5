#pragma once

#include <QWidget>
#include <vector>

namespace gatehouse {

// A latency histogram with labelled axes and the p50 / p90 / p99 lines drawn over it.
class LatencyHistogramChart : public QWidget {
    Q_OBJECT
public:
    explicit LatencyHistogramChart(QWidget* parent = nullptr);

    void setData(const std::vector<int>& buckets, double minMs, double maxMs, double p50, double p90,
                 double p99);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<int> m_buckets;
    double m_min = 0;
    double m_max = 0;
    double m_p50 = 0;
    double m_p90 = 0;
    double m_p99 = 0;
};

} // namespace gatehouse
