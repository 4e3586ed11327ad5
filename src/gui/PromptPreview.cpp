#include "gui/PromptPreview.h"

#include "core/JsonPath.h"
#include "core/PromptDecoration.h"
#include "core/PromptTemplates.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QUrl>

namespace gatehouse {

PromptPreview::PromptPreview(const QString& policyName, QWidget* parent)
    : QWidget(parent), m_policyName(policyName), m_request(new QPlainTextEdit(this)),
      m_result(new QPlainTextEdit(this)), m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("promptPreview"));
    m_request->setObjectName(QStringLiteral("promptPreviewRequest"));
    m_result->setObjectName(QStringLiteral("promptPreviewResult"));
    m_error->setObjectName(QStringLiteral("promptPreviewError"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_request->setFont(fixed);
    m_result->setFont(fixed);
    m_request->setTabChangesFocus(true);
    m_result->setReadOnly(true);
    m_result->setTabChangesFocus(true);
    m_request->setMaximumHeight(110);
    m_result->setMaximumHeight(160);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Example request:"), m_request);
    layout->addRow(tr("The model receives:"), m_result);
    layout->addRow(QString(), m_error);
    connect(m_request, &QPlainTextEdit::textChanged, this, [this] {
        m_requestEdited = true;
        update();
    });
    update();
}

void PromptPreview::setParameters(const Json& parameters) {
    m_parameters = parameters.is_object() ? parameters : Json::object();
    if (!m_requestEdited) {
        // Until the user writes an example of their own, it follows the first template.
        const QSignalBlocker block(m_request);
        m_request->setPlainText(exampleRequest());
    }
    update();
}

QString PromptPreview::exampleRequest() const {
    std::string content = "What is a cat?";
    if (m_policyName == QLatin1String("PromptTemplate")) {
        const Result<PromptTemplates> templates =
            PromptTemplates::parse(m_parameters.value("promptTemplateConfig", Json()));
        if (templates && !templates->templates().empty()) {
            const PromptTemplates::Template& first = templates->templates().front();
            QStringList values;
            for (const QString& variable : first.variables)
                values.append(
                    variable + QStringLiteral("=") +
                    QString::fromLatin1(QUrl::toPercentEncoding(variable + QStringLiteral(" value"))));
            const QString reference =
                QStringLiteral("template://") + first.name + QLatin1Char('?') + values.join(QLatin1Char('&'));
            content = reference.toStdString();
        }
    }
    const Json request = {{"model", "gpt-4o"},
                          {"messages", Json::array({{{"role", "user"}, {"content", content}}})}};
    return toQString(dumpPretty(request));
}

void PromptPreview::update() {
    m_error->clear();
    m_result->clear();
    const QByteArray text = m_request->toPlainText().toUtf8();
    Json document = Json::parse(text.cbegin(), text.cend(), nullptr, false);
    if (document.is_discarded()) {
        m_error->setText(tr("The example request is not JSON."));
        return;
    }
    QString problem;
    if (m_policyName == QLatin1String("PromptTemplate")) {
        const Result<PromptTemplates> templates =
            PromptTemplates::parse(m_parameters.value("promptTemplateConfig", Json()));
        bool changed = false;
        if (!templates)
            problem = tr("The templates: %1").arg(templates.error());
        else if (const Status status = templates->expandAll(document, &changed); !status)
            problem = tr("The client gets 400: %1").arg(status.error());
    } else {
        const Result<PromptDecoration> decoration =
            PromptDecoration::parse(m_parameters.value("promptDecoratorConfig", Json()));
        const Result<JsonPath> path = JsonPath::compile(jsonStringMember(m_parameters, "jsonPath"));
        const auto append = m_parameters.find("append");
        const bool appends = append != m_parameters.end() && *append == Json(true);
        if (!decoration)
            problem = tr("The decoration: %1").arg(decoration.error());
        else if (!path)
            problem = tr("The JSON path: %1").arg(path.error());
        else if (const Status status = decoration->apply(document, path.value(), appends); !status)
            problem = tr("The client gets 500 (900967): %1").arg(status.error());
    }
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        return;
    }
    m_result->setPlainText(toQString(dumpPretty(document)));
}

QString PromptPreview::result() const {
    return m_result->toPlainText();
}

QString PromptPreview::errorText() const {
    return m_error->text();
}

} // namespace gatehouse
