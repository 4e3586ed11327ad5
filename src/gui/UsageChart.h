#pragma once

#include <QColor>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

namespace gatehouse {

// Usage over time as stacked bars: one bar per time bucket, one colour per series (a model, an
// application or an API), a legend, a value axis with round ticks and the buckets' times below.
// Hovering a bar shows its bucket's figures. Painted with QPainter from the palette, as the other
// charts are, so it reads in light and dark themes and at any scale factor.
class UsageChart : public QWidget {
    Q_OBJECT
public:
    // What is drawn: bucket starts (epoch ms, UTC), series names and their values per bucket.
    struct Data {
        std::vector<qint64> bucketStartsMs;
        qint64 bucketLengthMs = 60'000;
        QStringList series;                      // in stacking order, bottom first
        bool lastIsOther = false;                // the last series gathers the groups not named
        std::vector<std::vector<double>> values; // [series][bucket]
        QString unit;                            // "USD", "tokens", "requests": the axis's caption
        int decimals = 0;                        // for the values on the axis and in the tooltip
    };

    explicit UsageChart(QWidget* parent = nullptr);

    void setData(Data data);
    const Data& data() const { return m_data; }
    // The sum of every value drawn (what the tests compare with the report's totals).
    double total() const;
    // The colour of series `index`, the same in the legend, the bars and the top-consumers table.
    static QColor seriesColor(int index);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    struct Layout {
        QRectF plot;
        double barStep = 0;
        double axisMax = 0;
        double tickStep = 0;
    };
    Layout layout() const;
    QString valueText(double value) const;
    QString axisText(double value, double tickStep) const;
    QString bucketText(qint64 startMs, bool withDate) const;
    int bucketAt(const QPointF& position) const;

    Data m_data;
};

} // namespace gatehouse
