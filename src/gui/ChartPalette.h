#pragma once

#include <QColor>

namespace gatehouse {

// The colours the charts give their series, in order: distinct on light and dark backgrounds and for
// the common colour-vision deficiencies (no red next to green). Index 0 is the first series; the
// colours repeat after eight.
QColor chartSeriesColor(int index);
// The colour of "Other", the series that gathers what a chart has no room to name.
QColor chartOtherColor();

} // namespace gatehouse
