#include "gui/UsageChart.h"

#include "gui/ChartPalette.h"

#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace gatehouse {

namespace {

// The smallest 1, 2 or 5 times a power of ten that cuts [0, peak] into at most `maxTicks` steps.
double roundStep(double peak, int maxTicks) {
    if (peak <= 0)
        return 1;
    const double raw = peak / maxTicks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * magnitude >= raw)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

UsageChart::UsageChart(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("usageChart"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Usage over time"));
}

void UsageChart::setData(Data data) {
    m_data = std::move(data);
    update();
}

double UsageChart::total() const {
    double sum = 0;
    for (const std::vector<double>& series : m_data.values) {
        for (const double value : series)
            sum += value;
    }
    return sum;
}

QColor UsageChart::seriesColor(int index) {
    return chartSeriesColor(index);
}

QSize UsageChart::sizeHint() const {
    return {720, fontMetrics().height() * 16};
}

QSize UsageChart::minimumSizeHint() const {
    return {320, fontMetrics().height() * 9};
}

QString UsageChart::valueText(double value) const {
    if (m_data.unit == QLatin1String("USD"))
        return QStringLiteral("$") + QString::number(value, 'f', m_data.decimals);
    return QLocale().toString(value, 'f', m_data.decimals);
}

QString UsageChart::axisText(double value, double tickStep) const {
    // As many decimals as the ticks need ($0.25, $0.50), not as many as the tooltips show.
    const int decimals = tickStep >= 1 ? 0 : int(std::ceil(-std::log10(tickStep) - 1e-9));
    if (m_data.unit == QLatin1String("USD"))
        return QStringLiteral("$") + QString::number(value, 'f', std::max(decimals, tickStep >= 1 ? 0 : 2));
    return QLocale().toString(value, 'f', decimals);
}

QString UsageChart::bucketText(qint64 startMs, bool withDate) const {
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    if (m_data.bucketLengthMs >= 86'400'000)
        return start.toString(QStringLiteral("MMM d"));
    return start.toString(withDate ? QStringLiteral("MMM d HH:mm") : QStringLiteral("HH:mm"));
}

UsageChart::Layout UsageChart::layout() const {
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    double peak = 0;
    for (std::size_t bucket = 0; bucket < m_data.bucketStartsMs.size(); ++bucket) {
        double stacked = 0;
        for (const std::vector<double>& series : m_data.values)
            stacked += bucket < series.size() ? series[bucket] : 0;
        peak = std::max(peak, stacked);
    }
    Layout result;
    const int maxTicks = std::max(2, (height() - 4 * line) / (2 * line));
    result.tickStep = roundStep(peak, maxTicks);
    result.axisMax = std::max(result.tickStep, std::ceil(peak / result.tickStep) * result.tickStep);
    const int axisWidth = metrics.horizontalAdvance(axisText(result.axisMax, result.tickStep)) + 10;
    // Legend on top (one line), the unit beside it, the times below.
    result.plot = QRectF(axisWidth, 2.2 * line, std::max(40, width() - axisWidth - 8),
                         std::max(20.0, height() - 5.0 * line));
    result.barStep =
        m_data.bucketStartsMs.empty() ? 0 : result.plot.width() / double(m_data.bucketStartsMs.size());
    return result;
}

void UsageChart::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    if (m_data.bucketStartsMs.empty() || total() <= 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("No calls in this range: the chart fills as the gateway answers requests"));
        return;
    }
    const Layout geometry = layout();
    const QRectF& plot = geometry.plot;

    // Legend: a swatch and the name of each series, as many as fit on one line.
    double x = plot.left();
    for (int index = 0; index < m_data.series.size(); ++index) {
        const QString& name = m_data.series.at(index);
        const double needed = line + 6 + metrics.horizontalAdvance(name) + 14;
        if (x + needed > width() - 4) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(QPointF(x, line), QStringLiteral("…"));
            break;
        }
        const bool other = m_data.lastIsOther && index == m_data.series.size() - 1;
        painter.setPen(Qt::NoPen);
        painter.setBrush(other ? chartOtherColor() : seriesColor(index));
        painter.drawRoundedRect(QRectF(x, line * 0.35, line * 0.8, line * 0.8), 2, 2);
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QPointF(x + line + 2, line), name);
        x += needed;
    }

    // Value axis: gridlines at round values, labelled on the left; the unit above the labels.
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(70);
    for (double value = 0; value <= geometry.axisMax + geometry.tickStep / 2; value += geometry.tickStep) {
        const double y = plot.bottom() - plot.height() * value / geometry.axisMax;
        painter.setPen(QPen(grid, 1));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRectF(0, y - line / 2.0, plot.left() - 6, line), Qt::AlignRight | Qt::AlignVCenter,
                         axisText(value, geometry.tickStep));
    }

    // Bars, stacked bottom up in series order.
    const std::size_t buckets = m_data.bucketStartsMs.size();
    const double gap = geometry.barStep > 6 ? std::min(4.0, geometry.barStep * 0.2) : 0;
    for (std::size_t bucket = 0; bucket < buckets; ++bucket) {
        double base = plot.bottom();
        for (int index = 0; index < int(m_data.values.size()); ++index) {
            const std::vector<double>& series = m_data.values[std::size_t(index)];
            const double value = bucket < series.size() ? series[bucket] : 0;
            if (value <= 0)
                continue;
            const double h = plot.height() * value / geometry.axisMax;
            const bool other = m_data.lastIsOther && index == m_data.series.size() - 1;
            painter.setPen(Qt::NoPen);
            painter.setBrush(other ? chartOtherColor() : seriesColor(index));
            painter.drawRect(QRectF(plot.left() + bucket * geometry.barStep + gap / 2, base - h,
                                    std::max(1.0, geometry.barStep - gap), h));
            base -= h;
        }
    }
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());

    // Time axis: as many labels as fit without overlapping, the first with its date.
    const int labelWidth = metrics.horizontalAdvance(bucketText(m_data.bucketStartsMs.front(), true)) + 16;
    const std::size_t every =
        std::max<std::size_t>(1, std::size_t(std::ceil(labelWidth / std::max(1.0, geometry.barStep))));
    painter.setPen(pal.color(QPalette::PlaceholderText));
    for (std::size_t bucket = 0; bucket < buckets; bucket += every) {
        const double left = plot.left() + bucket * geometry.barStep;
        painter.drawLine(QPointF(left, plot.bottom()), QPointF(left, plot.bottom() + 3));
        painter.drawText(QRectF(left + 2, plot.bottom() + 3, labelWidth, line), Qt::AlignLeft,
                         bucketText(m_data.bucketStartsMs[bucket], bucket == 0));
    }
    //: The time axis of the usage chart is in UTC, as the access logs are.
    painter.drawText(QRectF(plot.left(), plot.bottom() + 3 + line, plot.width(), line), Qt::AlignRight,
                     tr("UTC · %1 per bar").arg(m_data.unit));
}

int UsageChart::bucketAt(const QPointF& position) const {
    const Layout geometry = layout();
    if (geometry.barStep <= 0 || !geometry.plot.contains(position))
        return -1;
    const int bucket = int((position.x() - geometry.plot.left()) / geometry.barStep);
    return bucket >= 0 && bucket < int(m_data.bucketStartsMs.size()) ? bucket : -1;
}

void UsageChart::mouseMoveEvent(QMouseEvent* event) {
    const int bucket = bucketAt(event->position());
    if (bucket < 0) {
        QToolTip::hideText();
        return;
    }
    QStringList lines{
        QStringLiteral("<b>%1</b>").arg(bucketText(m_data.bucketStartsMs[std::size_t(bucket)], true))};
    double sum = 0;
    for (int index = int(m_data.values.size()) - 1; index >= 0; --index) {
        const std::vector<double>& series = m_data.values[std::size_t(index)];
        const double value = std::size_t(bucket) < series.size() ? series[std::size_t(bucket)] : 0;
        sum += value;
        if (value > 0)
            lines.append(
                QStringLiteral("%1: %2").arg(m_data.series.value(index).toHtmlEscaped(), valueText(value)));
    }
    lines.append(tr("Total: %1").arg(valueText(sum)));
    QToolTip::showText(event->globalPosition().toPoint(), lines.join(QStringLiteral("<br>")), this);
}

} // namespace gatehouse
