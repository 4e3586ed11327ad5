#pragma once

#include "core/Json.h"

#include <QObject>

class QLocalServer;
class QWidget;

namespace gatehouse {

// A test hook for driving the app with real X pointer and keyboard events (tests/gui/seed-pointer.py).
// The driver asks here where a widget, a tab, a menu entry or an item view's row is on the screen, so
// that it points from the widgets' geometry rather than from hard-coded coordinates, and reads what
// a model holds (the console's results) rather than guessing from pixels.
//
// It listens only when `gatehouse` is started with GATEHOUSE_INSPECT_SOCKET set to a socket path, and
// only answers about what is on the screen: no password fields, nothing from the secret store.
// One JSON object per line in, one per line out; see answer() for the questions.
class WidgetInspector : public QObject {
    Q_OBJECT
public:
    explicit WidgetInspector(QObject* parent = nullptr);

    bool listen(const QString& socketPath, QString* error);
    // The answer to one question, e.g. {"op":"widget","name":"consoleExecute"} ->
    // {"ok":true,"x":..,"y":..,"width":..,"height":..,"visible":true,"enabled":true,"text":"Execute"}.
    Json answer(const Json& question) const;

private:
    void onConnection();

    QLocalServer* m_server;
};

} // namespace gatehouse
