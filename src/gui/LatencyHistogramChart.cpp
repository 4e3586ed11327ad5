#include "gui/LatencyHistogramChart.h"

#include <QPainter>
#include <algorithm>

namespace gatehouse {

LatencyHistogramChart::LatencyHistogramChart(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("latencyHistogram"));
    setMinimumHeight(fontMetrics().height() * 6);
}

void LatencyHistogramChart::setData(const std::vector<int>& buckets, double minMs, double maxMs, double p50,
                                    double p90, double p99) {
    m_buckets = buckets;
    m_min = minMs;
    m_max = maxMs;
    m_p50 = p50;
    m_p90 = p90;
    m_p99 = p99;
    update();
}

QSize LatencyHistogramChart::sizeHint() const {
    return {420, fontMetrics().height() * 8};
}

void LatencyHistogramChart::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const int peak = m_buckets.empty() ? 0 : *std::max_element(m_buckets.begin(), m_buckets.end());
    if (peak == 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Latency histogram"));
        return;
    }
    const int line = fontMetrics().height();
    const QRectF plot(8, line + 4, width() - 16, height() - 2 * line - 12);
    const double barWidth = plot.width() / double(m_buckets.size());
    QColor bar = pal.color(QPalette::Highlight);
    painter.setPen(Qt::NoPen);
    painter.setBrush(bar);
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        const double h = plot.height() * m_buckets[i] / peak;
        painter.drawRect(QRectF(plot.left() + i * barWidth + 1, plot.bottom() - h, barWidth - 2, h));
    }
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width() / 2, line), Qt::AlignLeft,
                     tr("%1 ms").arg(m_min, 0, 'f', 1));
    painter.drawText(QRectF(plot.center().x(), plot.bottom() + 2, plot.width() / 2, line), Qt::AlignRight,
                     tr("%1 ms").arg(m_max, 0, 'f', 1));
    const auto marker = [&](double value, const QString& label, const QColor& color) {
        if (m_max <= m_min)
            return;
        const double x = plot.left() + plot.width() * (value - m_min) / (m_max - m_min);
        painter.setPen(QPen(color, 1.5, Qt::DashLine));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(color);
        painter.drawText(QPointF(qMin(x + 2, plot.right() - 40), plot.top() - 2), label);
    };
    marker(m_p50, QStringLiteral("p50"), QColor(0x2e, 0x7d, 0x32));
    marker(m_p90, QStringLiteral("p90"), QColor(0xef, 0x6c, 0x00));
    marker(m_p99, QStringLiteral("p99"), QColor(0xc6, 0x28, 0x28));
}

} // namespace gatehouse
