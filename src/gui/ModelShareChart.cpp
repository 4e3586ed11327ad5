#include "gui/ModelShareChart.h"

#include "gui/ChartPalette.h"

#include <QPainter>
#include <set>

namespace gatehouse {

ModelShareChart::ModelShareChart(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("modelShareChart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

void ModelShareChart::setData(const std::map<QString, int>& countsByModel,
                              const std::map<QString, double>& configuredShares) {
    m_counts = countsByModel;
    m_configured = configuredShares;
    updateGeometry();
    update();
}

QSize ModelShareChart::sizeHint() const {
    const int rows = qMax<int>(1, int(m_counts.size() + m_configured.size()));
    return {420, fontMetrics().height() * 2 * qMin(rows, 8) + 16};
}

QSize ModelShareChart::minimumSizeHint() const {
    return {240, fontMetrics().height() * 2 + 16};
}

void ModelShareChart::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    std::set<QString> models;
    for (const auto& [model, count] : m_counts)
        models.insert(model);
    for (const auto& [model, share] : m_configured)
        models.insert(model);
    if (models.empty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
                         tr("No requests yet: Execute or Repeat to see where the load goes"));
        return;
    }
    int total = 0;
    for (const auto& [model, count] : m_counts)
        total += count;
    const QFontMetrics metrics = fontMetrics();
    int labelWidth = 0;
    for (const QString& model : models)
        labelWidth = qMax(labelWidth, metrics.horizontalAdvance(model));
    labelWidth += 12;
    const auto valueText = [&](const QString& model) {
        const int count = m_counts.count(model) ? m_counts.at(model) : 0;
        QString value =
            QStringLiteral("%1 · %2%").arg(count).arg(total > 0 ? 100.0 * count / total : 0.0, 0, 'f', 1);
        if (m_configured.count(model))
            value += tr(" (weight %1%)").arg(m_configured.at(model) * 100, 0, 'f', 0);
        return value;
    };
    int valueWidth = 0;
    for (const QString& model : models)
        valueWidth = qMax(valueWidth, metrics.horizontalAdvance(valueText(model)) + 12);
    const int rowHeight = qMax(metrics.height() * 2, (height() - 8) / int(models.size()));
    const int barLeft = labelWidth + 4;
    const int barWidth = qMax(20, width() - barLeft - valueWidth - 8);
    int row = 0;
    for (const QString& model : models) {
        const int top = 4 + row * rowHeight;
        const int count = m_counts.count(model) ? m_counts.at(model) : 0;
        const double share = total > 0 ? double(count) / total : 0;
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QRect(0, top, labelWidth, rowHeight), Qt::AlignVCenter | Qt::AlignRight, model);
        const QRectF track(barLeft, top + rowHeight * 0.25, barWidth, rowHeight * 0.5);
        painter.setPen(Qt::NoPen);
        QColor trackColor = pal.color(QPalette::Mid);
        trackColor.setAlpha(60);
        painter.setBrush(trackColor);
        painter.drawRoundedRect(track, 3, 3);
        painter.setBrush(chartSeriesColor(row));
        painter.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * share, track.height()), 3,
                                3);
        if (m_configured.count(model)) {
            const double x = track.left() + track.width() * m_configured.at(model);
            painter.setPen(QPen(pal.color(QPalette::WindowText), 2, Qt::DashLine));
            painter.drawLine(QPointF(x, track.top() - 3), QPointF(x, track.bottom() + 3));
        }
        painter.setPen(pal.color(QPalette::WindowText));
        const QString value = valueText(model);
        painter.drawText(QRect(barLeft + barWidth + 8, top, width() - barLeft - barWidth - 8, rowHeight),
                         Qt::AlignVCenter | Qt::AlignLeft, value);
        ++row;
    }
}

} // namespace gatehouse
