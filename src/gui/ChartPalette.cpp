#include "gui/ChartPalette.h"

#include <array>

namespace gatehouse {

QColor chartSeriesColor(int index) {
    static const std::array<QColor, 8> colors = {QColor(0x5e, 0x35, 0xb1), QColor(0x00, 0x89, 0x7b),
                                                 QColor(0xef, 0x6c, 0x00), QColor(0x1e, 0x88, 0xe5),
                                                 QColor(0xc2, 0x18, 0x5b), QColor(0x7c, 0xb3, 0x42),
                                                 QColor(0x8d, 0x6e, 0x63), QColor(0xfd, 0xd8, 0x35)};
    return colors[std::size_t(index < 0 ? 0 : index) % colors.size()];
}

QColor chartOtherColor() {
    return QColor(0x9e, 0x9e, 0x9e);
}

} // namespace gatehouse
