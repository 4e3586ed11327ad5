#include "app/WidgetInspector.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMenu>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScreen>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QWidget>

namespace gatehouse {

namespace {

// Questions are a line each; a driver never sends more than a few hundred bytes.
constexpr qint64 MaxQuestionBytes = 64 * 1024;

QString withoutMnemonic(QString text) {
    return text.remove(QLatin1Char('&'));
}

Json failure(const QString& why) {
    return Json{{"ok", false}, {"error", toStdString(why)}};
}

Json rectangle(const QRect& global) {
    return Json{{"ok", true},
                {"x", global.x()},
                {"y", global.y()},
                {"width", global.width()},
                {"height", global.height()},
                {"centerX", global.center().x()},
                {"centerY", global.center().y()}};
}

QRect globalRect(const QWidget* widget, const QRect& local) {
    return QRect(widget->mapToGlobal(local.topLeft()), local.size());
}

// The text a person sees in the widget; never the content of a password field.
std::optional<QString> visibleText(const QWidget* widget) {
    if (const auto* label = qobject_cast<const QLabel*>(widget))
        return label->text();
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
        return withoutMnemonic(button->text());
    if (const auto* line = qobject_cast<const QLineEdit*>(widget))
        return line->echoMode() == QLineEdit::Normal ? std::optional<QString>(line->text()) : std::nullopt;
    if (const auto* combo = qobject_cast<const QComboBox*>(widget))
        return combo->currentText();
    if (const auto* spin = qobject_cast<const QAbstractSpinBox*>(widget))
        return spin->text();
    if (const auto* plain = qobject_cast<const QPlainTextEdit*>(widget))
        return plain->toPlainText();
    return std::nullopt;
}

// The widget with this object name; a shown one before a hidden one (a closed dialog's children may
// linger until deleted).
QWidget* findWidget(const QString& name) {
    QWidget* hidden = nullptr;
    for (QWidget* widget : QApplication::allWidgets()) {
        if (widget->objectName() != name)
            continue;
        if (widget->isVisible())
            return widget;
        hidden = hidden ? hidden : widget;
    }
    return hidden;
}

// The index below `parent` (at any depth) whose text is `text` (or starts with it).
QModelIndex findBelow(const QAbstractItemModel* model, const QModelIndex& parent, const QString& text,
                      bool prefix) {
    const int rows = model->rowCount(parent);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        const QString shown = withoutMnemonic(index.data(Qt::DisplayRole).toString());
        if (prefix ? shown.startsWith(text) : shown == text)
            return index;
    }
    for (int row = 0; row < rows; ++row) {
        const QModelIndex found = findBelow(model, model->index(row, 0, parent), text, prefix);
        if (found.isValid())
            return found;
    }
    return {};
}

} // namespace

WidgetInspector::WidgetInspector(QObject* parent) : QObject(parent), m_server(new QLocalServer(this)) {
    connect(m_server, &QLocalServer::newConnection, this, &WidgetInspector::onConnection);
}

bool WidgetInspector::listen(const QString& socketPath, QString* error) {
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (m_server->listen(socketPath))
        return true;
    *error = m_server->errorString();
    return false;
}

void WidgetInspector::onConnection() {
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            while (socket->canReadLine()) {
                const QByteArray line = socket->readLine(MaxQuestionBytes).trimmed();
                const Json question = Json::parse(line.cbegin(), line.cend(), nullptr, false);
                Json reply = failure(QStringLiteral("one JSON object per line"));
                try {
                    if (question.is_object())
                        reply = answer(question);
                } catch (const Json::exception& wrongType) { // e.g. a number where a name belongs
                    reply = failure(QString::fromUtf8(wrongType.what()));
                }
                socket->write(QByteArray::fromStdString(dumpCompact(reply)) + '\n');
            }
            if (socket->bytesAvailable() > MaxQuestionBytes)
                socket->disconnectFromServer();
        });
    }
}

Json WidgetInspector::answer(const Json& question) const {
    const std::string op = question.value("op", std::string());
    const QString name = toQString(question.value("name", std::string()));
    const QString text = toQString(question.value("text", std::string()));

    if (op == "widget") {
        QWidget* widget = findWidget(name);
        if (!widget)
            return failure(QStringLiteral("no widget named ") + name);
        Json reply = rectangle(globalRect(widget, widget->rect()));
        reply["visible"] = widget->isVisible();
        reply["enabled"] = widget->isEnabled();
        reply["focus"] = widget->hasFocus();
        reply["class"] = widget->metaObject()->className();
        if (const std::optional<QString> shown = visibleText(widget))
            reply["text"] = toStdString(*shown);
        return reply;
    }
    if (op == "button") { // a shown button with this text, in the open dialog if there is one
        QWidget* scope = QApplication::activeModalWidget();
        const QList<QAbstractButton*> buttons =
            scope ? scope->findChildren<QAbstractButton*>() : QList<QAbstractButton*>();
        for (QAbstractButton* button : buttons) {
            if (button->isVisible() && withoutMnemonic(button->text()) == text)
                return rectangle(globalRect(button, button->rect()));
        }
        for (QWidget* widget : QApplication::allWidgets()) {
            auto* button = qobject_cast<QAbstractButton*>(widget);
            if (button && button->isVisible() && withoutMnemonic(button->text()) == text)
                return rectangle(globalRect(button, button->rect()));
        }
        return failure(QStringLiteral("no button ") + text);
    }
    if (op == "item") { // {"op":"item","name":VIEW,"path":["POST /chat/completions","Request"]}
        auto* view = qobject_cast<QAbstractItemView*>(findWidget(name));
        if (!view || !view->model())
            return failure(QStringLiteral("no item view named ") + name);
        QModelIndex index;
        for (const Json& step : question.value("path", Json::array())) {
            index = findBelow(view->model(), index, toQString(step.get<std::string>()),
                              question.value("match", std::string()) == "prefix");
            if (!index.isValid())
                return failure(
                    QStringLiteral("no row \"%1\" in %2").arg(toQString(step.get<std::string>()), name));
        }
        view->scrollTo(index);
        return rectangle(globalRect(view->viewport(), view->visualRect(index)));
    }
    if (op == "tab") { // {"op":"tab","name":TABWIDGET,"text":"Policies"}
        QWidget* widget = findWidget(name);
        auto* tabs = qobject_cast<QTabWidget*>(widget);
        QTabBar* bar = tabs ? tabs->tabBar() : qobject_cast<QTabBar*>(widget);
        if (!bar)
            return failure(QStringLiteral("no tab widget named ") + name);
        for (int i = 0; i < bar->count(); ++i) {
            if (withoutMnemonic(bar->tabText(i)) == text)
                return rectangle(globalRect(bar, bar->tabRect(i)));
        }
        return failure(QStringLiteral("no tab \"%1\" in %2").arg(text, name));
    }
    if (op == "toolAction") { // a tool bar's button for the action with this text
        for (QWidget* top : QApplication::topLevelWidgets()) {
            for (QToolBar* bar : top->findChildren<QToolBar*>()) {
                for (QAction* action : bar->actions()) {
                    QWidget* button = bar->widgetForAction(action);
                    if (button && withoutMnemonic(action->text()) == text && button->isVisible())
                        return rectangle(globalRect(button, button->rect()));
                }
            }
        }
        return failure(QStringLiteral("no tool bar button ") + text);
    }
    if (op == "menu") { // an entry of the open pop-up menu
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return failure(QStringLiteral("no menu is open"));
        for (QAction* action : menu->actions()) {
            if (withoutMnemonic(action->text()) == text)
                return rectangle(globalRect(menu, menu->actionGeometry(action)));
        }
        return failure(QStringLiteral("no menu entry ") + text);
    }
    if (op == "rows" || op == "column") { // what an item view's model holds
        auto* view = qobject_cast<QAbstractItemView*>(findWidget(name));
        if (!view || !view->model())
            return failure(QStringLiteral("no item view named ") + name);
        const QAbstractItemModel* model = view->model();
        if (op == "rows")
            return Json{{"ok", true}, {"rows", model->rowCount()}};
        const int column = question.value("column", 0);
        Json values = Json::array();
        for (int row = 0; row < model->rowCount(); ++row)
            values.push_back(toStdString(model->index(row, column).data().toString()));
        return Json{{"ok", true}, {"values", values}};
    }
    if (op == "state") { // where the keyboard is, and what is open on top
        Json reply{{"ok", true}};
        if (QWidget* focus = QApplication::focusWidget()) {
            reply["focus"] = toStdString(focus->objectName());
            reply["focusClass"] = focus->metaObject()->className();
        }
        if (QWidget* modal = QApplication::activeModalWidget()) {
            reply["modal"] = toStdString(modal->objectName());
            reply["modalTitle"] = toStdString(modal->windowTitle());
        }
        if (QWidget* popup = QApplication::activePopupWidget())
            reply["popup"] = popup->metaObject()->className();
        if (QWidget* active = QApplication::activeWindow())
            reply["activeWindow"] = toStdString(active->windowTitle());
        Json windows = Json::array();
        for (QWidget* top : QApplication::topLevelWidgets()) {
            if (top->isVisible() && top->isWindow())
                windows.push_back(Json{{"title", toStdString(top->windowTitle())},
                                       {"name", toStdString(top->objectName())},
                                       {"width", top->width()},
                                       {"height", top->height()}});
        }
        reply["windows"] = windows;
        return reply;
    }
    if (op == "screenshot") { // the X screen where the main window is, as the person sees it
        const QString file = toQString(question.value("file", std::string()));
        QScreen* screen = QGuiApplication::primaryScreen();
        QRect area;
        for (QWidget* top : QApplication::topLevelWidgets()) {
            if (top->isVisible() && top->inherits("QMainWindow"))
                area = top->frameGeometry();
        }
        // Pixels from the X server (what is really on the screen, open menus included), not a render.
        const QPixmap shot = !screen ? QPixmap()
                             : area.isValid()
                                 ? screen->grabWindow(0, area.x(), area.y(), area.width(), area.height())
                                 : screen->grabWindow(0);
        if (file.isEmpty() || shot.isNull() || !shot.save(file, "PNG"))
            return failure(QStringLiteral("cannot save a screenshot to ") + file);
        return Json{{"ok", true}};
    }
    return failure(QStringLiteral("unknown op ") + toQString(op));
}

} // namespace gatehouse
