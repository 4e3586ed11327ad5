#include "gui/SchemaForm.h"

#include "core/PolicyDefinition.h"
#include "gui/PromptPreview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <climits>

namespace gatehouse {

using Type = PolicyAttribute::Type;

SchemaForm::SchemaForm(const PolicyDefinition& definition, QWidget* parent) : QWidget(parent) {
    auto* layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const PolicyAttribute& attribute : definition.attributes) {
        Field field;
        field.name = attribute.name;
        field.type = int(attribute.type);
        switch (attribute.type) {
        case Type::String: {
            field.multiline = attribute.format == QLatin1String("jsonSchema") ||
                              attribute.format == QLatin1String("piiEntities") ||
                              attribute.format == QLatin1String("promptTemplates") ||
                              attribute.format == QLatin1String("promptDecoration");
            if (field.multiline) {
                auto* text = new QPlainTextEdit(this);
                text->setPlaceholderText(attribute.description);
                text->setTabChangesFocus(true);
                connect(text, &QPlainTextEdit::textChanged, this, &SchemaForm::changed);
                field.editor = text;
                break;
            }
            auto* edit = new QLineEdit(this);
            edit->setPlaceholderText(attribute.description);
            connect(edit, &QLineEdit::textChanged, this, &SchemaForm::changed);
            field.editor = edit;
            break;
        }
        case Type::Integer: {
            auto* spin = new QSpinBox(this);
            spin->setRange(attribute.minimum ? int(*attribute.minimum) : INT_MIN,
                           attribute.maximum ? int(*attribute.maximum) : INT_MAX);
            connect(spin, &QSpinBox::valueChanged, this, &SchemaForm::changed);
            field.editor = spin;
            break;
        }
        case Type::Number: {
            auto* spin = new QDoubleSpinBox(this);
            spin->setRange(attribute.minimum.value_or(-1e12), attribute.maximum.value_or(1e12));
            connect(spin, &QDoubleSpinBox::valueChanged, this, &SchemaForm::changed);
            field.editor = spin;
            break;
        }
        case Type::Boolean: {
            auto* check = new QCheckBox(this);
            connect(check, &QCheckBox::toggled, this, &SchemaForm::changed);
            field.editor = check;
            break;
        }
        case Type::Enum: {
            auto* combo = new QComboBox(this);
            combo->addItems(attribute.allowedValues);
            connect(combo, &QComboBox::currentIndexChanged, this, &SchemaForm::changed);
            field.editor = combo;
            break;
        }
        case Type::Object:
        case Type::Array: {
            auto* text = new QPlainTextEdit(this);
            text->setPlaceholderText(tr("JSON"));
            connect(text, &QPlainTextEdit::textChanged, this, &SchemaForm::changed);
            field.editor = text;
            break;
        }
        }
        field.editor->setObjectName(attribute.name);
        field.editor->setToolTip(attribute.description);
        field.error = new QLabel(this);
        field.error->setObjectName(attribute.name + QStringLiteral("Error"));
        field.error->setStyleSheet(QStringLiteral("color: #c62828;"));
        field.error->setWordWrap(true);
        field.error->hide();
        const QString label =
            attribute.required ? attribute.displayName + QStringLiteral(" *") : attribute.displayName;
        layout->addRow(label + QLatin1Char(':'), field.editor);
        if (attribute.format == QLatin1String("piiEntities"))
            layout->addRow(QString(), piiPresets(static_cast<QPlainTextEdit*>(field.editor)));
        layout->addRow(QString(), field.error);
        m_fields.push_back(field);
    }
    if (definition.name == QLatin1String("PromptTemplate") ||
        definition.name == QLatin1String("PromptDecorator")) {
        m_preview = new PromptPreview(definition.name, this);
        layout->addRow(m_preview);
        connect(this, &SchemaForm::changed, m_preview, [this] { m_preview->setParameters(parameters()); });
        m_preview->setParameters(parameters());
    }
}

void SchemaForm::setParameters(const Json& parameters) {
    const QSignalBlocker block(this);
    for (const Field& field : m_fields) {
        const Json value =
            parameters.is_object() ? parameters.value(field.name.toStdString(), Json()) : Json();
        switch (Type(field.type)) {
        case Type::String: {
            const QString text = value.is_string() ? toQString(value.get<std::string>()) : QString();
            if (field.multiline)
                static_cast<QPlainTextEdit*>(field.editor)->setPlainText(text);
            else
                static_cast<QLineEdit*>(field.editor)->setText(text);
            break;
        }
        case Type::Integer:
            static_cast<QSpinBox*>(field.editor)->setValue(value.is_number() ? value.get<int>() : 0);
            break;
        case Type::Number:
            static_cast<QDoubleSpinBox*>(field.editor)->setValue(value.is_number() ? value.get<double>() : 0);
            break;
        case Type::Boolean:
            static_cast<QCheckBox*>(field.editor)->setChecked(value.is_boolean() && value.get<bool>());
            break;
        case Type::Enum: {
            auto* combo = static_cast<QComboBox*>(field.editor);
            combo->setCurrentIndex(
                value.is_string() ? qMax(0, combo->findText(toQString(value.get<std::string>()))) : 0);
            break;
        }
        case Type::Object:
        case Type::Array:
            static_cast<QPlainTextEdit*>(field.editor)
                ->setPlainText(value.is_null() ? QString() : toQString(dumpPretty(value)));
            break;
        }
    }
    if (m_preview)
        m_preview->setParameters(this->parameters());
}

Json SchemaForm::parameters() const {
    Json parameters = Json::object();
    for (const Field& field : m_fields) {
        const std::string key = field.name.toStdString();
        switch (Type(field.type)) {
        case Type::String:
            parameters[key] = (field.multiline ? static_cast<QPlainTextEdit*>(field.editor)->toPlainText()
                                               : static_cast<QLineEdit*>(field.editor)->text())
                                  .toStdString();
            break;
        case Type::Integer:
            parameters[key] = static_cast<QSpinBox*>(field.editor)->value();
            break;
        case Type::Number:
            parameters[key] = static_cast<QDoubleSpinBox*>(field.editor)->value();
            break;
        case Type::Boolean:
            parameters[key] = static_cast<QCheckBox*>(field.editor)->isChecked();
            break;
        case Type::Enum:
            parameters[key] = static_cast<QComboBox*>(field.editor)->currentText().toStdString();
            break;
        case Type::Object:
        case Type::Array: {
            const QByteArray text = static_cast<QPlainTextEdit*>(field.editor)->toPlainText().toUtf8();
            // Unparsable text stays a string, so the validator reports it at this field.
            const Json parsed = Json::parse(text.cbegin(), text.cend(), nullptr, false);
            parameters[key] = parsed.is_discarded() ? Json(text.toStdString()) : parsed;
            break;
        }
        }
    }
    return parameters;
}

QWidget* SchemaForm::piiPresets(QPlainTextEdit* editor) {
    // Common entities, appended to the JSON list in the text box. CREDIT_CARD matches are kept only
    // when their digits pass the Luhn check (see PiiMasker), so order numbers are not masked.
    struct Preset {
        const char* label;
        const char* entity;
        const char* regex;
    };
    static const Preset presets[] = {
        {QT_TR_NOOP("Email address"), "EMAIL", R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"},
        {QT_TR_NOOP("Phone number"), "PHONE", R"(\+?\d{1,3}[ .-]?\(?\d{2,4}\)?[ .-]?\d{3,4}[ .-]?\d{3,4})"},
        {QT_TR_NOOP("Credit card number (Luhn-checked)"), "CREDIT_CARD", R"(\b(?:\d[ -]?){12,18}\d\b)"},
        {QT_TR_NOOP("IBAN"), "IBAN", R"(\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b)"},
        {QT_TR_NOOP("IPv4 address"), "IPV4",
         R"(\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b)"},
    };
    auto* combo = new QComboBox(this);
    combo->setObjectName(QStringLiteral("piiPresets"));
    combo->addItem(tr("Add a common entity..."));
    for (const Preset& preset : presets)
        combo->addItem(tr(preset.label),
                       QStringList{QLatin1String(preset.entity), QLatin1String(preset.regex)});
    connect(combo, &QComboBox::activated, this, [combo, editor](int index) {
        const QStringList preset = combo->itemData(index).toStringList();
        combo->setCurrentIndex(0);
        if (preset.size() != 2)
            return;
        const QByteArray text = editor->toPlainText().toUtf8();
        Json list = Json::parse(text.constBegin(), text.constEnd(), nullptr, false);
        if (!list.is_array())
            list = Json::array();
        for (const Json& entry : list) {
            if (entry.is_object() && entry.value("piiEntity", std::string()) == preset[0].toStdString())
                return; // already there
        }
        list.push_back({{"piiEntity", preset[0].toStdString()}, {"piiRegex", preset[1].toStdString()}});
        editor->setPlainText(toQString(dumpPretty(list)));
    });
    return combo;
}

void SchemaForm::showIssues(const std::vector<ValidationIssue>& issues, const QString& attachmentPath) {
    for (const Field& field : m_fields) {
        const QString path = attachmentPath + QLatin1Char('.') + field.name;
        QStringList messages;
        for (const ValidationIssue& issue : issues) {
            if (issue.path == path || issue.path.startsWith(path + QLatin1Char('.')) ||
                issue.path.startsWith(path + QLatin1Char('[')))
                messages.append(issue.isError() ? issue.message : tr("Warning: %1").arg(issue.message));
        }
        field.error->setText(messages.join(QLatin1Char('\n')));
        field.error->setVisible(!messages.isEmpty());
    }
}

} // namespace gatehouse
