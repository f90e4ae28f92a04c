#include "importwizard.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

#include "import/importeventspage.h"
#include "import/importfilepage.h"
#include "import/importfilterspage.h"
#include "import/importmappingpage.h"
#include "import/importpreviewpage.h"
#include "import/importrunpage.h"

namespace recforge::ui {

ImportWizard::ImportWizard(std::shared_ptr<recforge::Project> project, JobManager *jobs,
                           QWidget *parent)
    : QWizard(parent), m_project(std::move(project)), m_jobs(jobs)
{
    setObjectName(QStringLiteral("importWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    setAcceptDrops(true);
    setPage(FilePage, new ImportFilePage(this));
    setPage(PreviewPage, new ImportPreviewPage(this));
    setPage(MappingPage, new ImportMappingPage(this));
    setPage(EventsPage, new ImportEventsPage(this));
    setPage(FiltersPage, new ImportFiltersPage(this));
    setPage(RunPage, new ImportRunPage(this));
    setStartId(FilePage);
    resize(860, 640);
    retranslateUi();
}

void ImportWizard::setPreview(std::optional<recforge::ImportPreview> preview)
{
    m_preview = std::move(preview);
}

void ImportWizard::setFilePath(const QString &path)
{
    if (auto *page = qobject_cast<ImportFilePage *>(this->page(FilePage)))
        page->setPath(path);
}

QString ImportWizard::droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile())
        return {};
    const QString path = urls.front().toLocalFile();
    return QFileInfo(path).isFile() ? path : QString();
}

void ImportWizard::dragEnterEvent(QDragEnterEvent *event)
{
    if (currentId() == FilePage && !droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ImportWizard::dropEvent(QDropEvent *event)
{
    const QString path = droppedFile(event->mimeData());
    if (currentId() != FilePage || path.isEmpty())
        return;
    setFilePath(path);
    event->acceptProposedAction();
}

void ImportWizard::reject()
{
    // A running import is stopped; it saves nothing once stopped before its save step.
    if (auto *run = qobject_cast<ImportRunPage *>(page(RunPage)))
        run->stop();
    QWizard::reject();
}

void ImportWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

void ImportWizard::retranslateUi()
{
    setWindowTitle(tr("Import data"));
}

} // namespace recforge::ui
