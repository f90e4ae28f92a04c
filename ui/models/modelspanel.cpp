#include "modelspanel.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "models/paramform.h"
#include "models/registry.h"
#include "models/runoptionswidget.h"
#include "models/schematext.h"

namespace recforge::ui {

ModelsPanel::ModelsPanel(QWidget *parent)
    : QWidget(parent), m_listTitle(new QLabel(this)), m_tree(new QTreeWidget(this)),
      m_title(new QLabel(this)), m_description(new QLabel(this)), m_paramsTitle(new QLabel(this)),
      m_form(new ParamForm(this)), m_optionsTitle(new QLabel(this)),
      m_options(new RunOptionsWidget(this)), m_jsonToggle(new QToolButton(this)),
      m_copy(new QPushButton(this)), m_json(new QPlainTextEdit(this)), m_error(new QLabel(this)),
      m_train(new QPushButton(this))
{
    m_tree->setObjectName(QStringLiteral("modelTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_train->setObjectName(QStringLiteral("trainButton"));
    m_json->setObjectName(QStringLiteral("configJson"));
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setMinimumHeight(220);
    m_json->hide();
    m_jsonToggle->setObjectName(QStringLiteral("configJsonToggle"));
    m_jsonToggle->setCheckable(true);
    m_jsonToggle->setAutoRaise(true);
    m_jsonToggle->setArrowType(Qt::RightArrow);
    m_jsonToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copy->hide();
    m_error->setObjectName(QStringLiteral("trainError"));
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->setWordWrap(true);
    m_description->setWordWrap(true);
    QFont bold = m_listTitle->font();
    bold.setBold(true);
    m_listTitle->setFont(bold);
    m_paramsTitle->setFont(bold);
    m_optionsTitle->setFont(bold);
    QFont big = bold;
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_title->setFont(big);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ModelsPanel::onModelChanged);
    connect(m_form, &ParamForm::valuesChanged, this, &ModelsPanel::updateConfig);
    connect(m_options, &RunOptionsWidget::changed, this, &ModelsPanel::updateConfig);
    connect(m_train, &QPushButton::clicked, this, &ModelsPanel::train);
    connect(m_jsonToggle, &QToolButton::toggled, this, [this](bool on) {
        m_jsonToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_json->setVisible(on);
        m_copy->setVisible(on);
    });
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_json->toPlainText()); });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_listTitle);
    leftLayout->addWidget(m_tree, 1);

    auto *content = new QWidget;
    content->setMaximumWidth(960); // keep spin boxes a readable width on wide windows
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_description);
    contentLayout->addSpacing(6);
    contentLayout->addWidget(m_paramsTitle);
    contentLayout->addWidget(m_form);
    contentLayout->addSpacing(6);
    contentLayout->addWidget(m_optionsTitle);
    contentLayout->addWidget(m_options);
    auto *jsonRow = new QHBoxLayout;
    jsonRow->addWidget(m_jsonToggle);
    jsonRow->addStretch(1);
    jsonRow->addWidget(m_copy);
    contentLayout->addLayout(jsonRow);
    contentLayout->addWidget(m_json);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(scroll, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_error, 1);
    bottom->addWidget(m_train);
    rightLayout->addLayout(bottom);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 900});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    retranslateUi();
    populateTree();
}

void ModelsPanel::setProject(std::shared_ptr<recforge::Project> project)
{
    m_project = std::move(project);
    m_options->setProject(m_project);
    updateConfig();
}

QString ModelsPanel::familyName(const QString &family)
{
    if (family == QLatin1String("baseline"))
        return tr("Baselines");
    if (family == QLatin1String("neighbourhood"))
        return tr("Neighbourhood");
    if (family == QLatin1String("factorisation"))
        return tr("Matrix factorisation");
    if (family == QLatin1String("sequential"))
        return tr("Sequential (transformers)");
    return family;
}

void ModelsPanel::populateTree()
{
    const QString keep = currentModelId();
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    QTreeWidgetItem *select = nullptr;
    // Families in registry order; models in registry order within them.
    for (const recforge::ModelSchema &schema : recforge::modelSchemas()) {
        const QString family = QString::fromStdString(schema.family);
        QTreeWidgetItem *group = nullptr;
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
            if (m_tree->topLevelItem(i)->data(0, Qt::UserRole + 1).toString() == family)
                group = m_tree->topLevelItem(i);
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {familyName(family)});
            group->setData(0, Qt::UserRole + 1, family);
            group->setFlags(Qt::ItemIsEnabled);
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
        }
        auto *item = new QTreeWidgetItem(group, {schemaText(schema.displayName)});
        const QString id = QString::fromStdString(schema.id);
        item->setData(0, Qt::UserRole, id);
        item->setToolTip(0, schemaText(schema.description));
        if (id == keep || (!select && keep.isEmpty()))
            select = item;
    }
    m_tree->expandAll();
    if (select)
        m_tree->setCurrentItem(select);
    onModelChanged();
}

bool ModelsPanel::selectModel(const QString &id)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(0, Qt::UserRole).toString() == id) {
                m_tree->setCurrentItem(group->child(i));
                return true;
            }
        }
    }
    return false;
}

QString ModelsPanel::currentModelId() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void ModelsPanel::onModelChanged()
{
    const QString id = currentModelId();
    const recforge::ModelSchema *schema =
        id.isEmpty() ? nullptr : recforge::findModelSchema(id.toStdString());
    if (schema == m_schema)
        return;
    m_schema = schema;
    m_title->setText(schema ? schemaText(schema->displayName) : QString());
    m_description->setText(schema ? schemaText(schema->description) : QString());
    m_form->setSchema(schema);
    updateConfig();
}

recforge::Expected<recforge::TrainRunConfig> ModelsPanel::buildConfig()
{
    if (!m_schema)
        return recforge::makeError(recforge::ErrorCode::InvalidArgument,
                                   tr("Choose a model").toStdString());
    auto params = m_form->validate();
    if (!params)
        return tl::unexpected(params.error());
    recforge::TrainRunConfig config;
    config.model = m_schema->id;
    config.params = *params;
    const QString error = m_options->fill(config);
    if (!error.isEmpty())
        return recforge::makeError(recforge::ErrorCode::InvalidArgument, error.toStdString());
    return config;
}

void ModelsPanel::updateConfig()
{
    auto config = buildConfig();
    m_train->setEnabled(bool(config));
    if (!config) {
        m_error->setText(QString::fromStdString(config.error().toString()));
        return;
    }
    m_error->clear();
    m_json->setPlainText(QString::fromStdString(recforge::toJson(*config).dump(2)));
}

void ModelsPanel::train()
{
    auto config = buildConfig();
    if (!config) {
        m_error->setText(QString::fromStdString(config.error().toString()));
        return;
    }
    Q_EMIT trainRequested(*config);
}

void ModelsPanel::showEvent(QShowEvent *event)
{
    // Datasets and splits may have changed in the Data workspace meanwhile.
    m_options->refreshDatasets();
    QWidget::showEvent(event);
}

void ModelsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ModelsPanel::retranslateUi()
{
    m_listTitle->setText(tr("Models"));
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        group->setText(0, familyName(group->data(0, Qt::UserRole + 1).toString()));
        for (int c = 0; c < group->childCount(); ++c) {
            QTreeWidgetItem *item = group->child(c);
            if (const recforge::ModelSchema *schema = recforge::findModelSchema(
                    item->data(0, Qt::UserRole).toString().toStdString())) {
                item->setText(0, schemaText(schema->displayName));
                item->setToolTip(0, schemaText(schema->description));
            }
        }
    }
    m_title->setText(m_schema ? schemaText(m_schema->displayName) : QString());
    m_description->setText(m_schema ? schemaText(m_schema->description) : QString());
    m_paramsTitle->setText(tr("Parameters"));
    m_optionsTitle->setText(tr("Run"));
    m_jsonToggle->setText(tr("Run config (JSON for recforge-cli train --config)"));
    m_copy->setText(tr("Copy"));
    m_train->setText(tr("Train"));
    m_train->setToolTip(tr("Queue this run in the Training workspace"));
}

} // namespace recforge::ui
