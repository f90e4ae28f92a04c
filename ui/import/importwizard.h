#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QWizard>

class QMimeData;

#include "data/import/importer.h"
#include "jobs/importjob.h"

namespace recforge {
class Project;
}

namespace recforge::ui {

class JobManager;

// Import wizard: file -> preview (delimiter / encoding / header) -> column mapping -> event
// mapping -> filters, split and name -> run. The pages edit one ImportRequest held here; the last
// page runs it as an ImportJob (import + filter + split + save) with progress and Cancel.
// Files can be dropped onto the wizard.
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { FilePage, PreviewPage, MappingPage, EventsPage, FiltersPage, RunPage };

    ImportWizard(std::shared_ptr<recforge::Project> project, JobManager *jobs,
                 QWidget *parent = nullptr);

    ImportRequest &request() { return m_request; }
    recforge::ImportOptions &options() { return m_request.options; }
    const std::optional<recforge::ImportPreview> &preview() const { return m_preview; }
    void setPreview(std::optional<recforge::ImportPreview> preview);
    // Distinct raw values of the mapped event column (filled by the mapping page).
    std::vector<std::string> &distinctEvents() { return m_distinctEvents; }

    std::shared_ptr<recforge::Project> project() const { return m_project; }
    JobManager *jobs() const { return m_jobs; }

    // Puts `path` into the file page (drag and drop, "Import data..." with a path, tests).
    void setFilePath(const QString &path);
    // The local file a drag carries, or empty.
    static QString droppedFile(const QMimeData *mime);

Q_SIGNALS:
    void datasetImported(qint64 datasetId);
    void issueReported(const QString &text);

public:
    void reject() override;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    std::shared_ptr<recforge::Project> m_project;
    JobManager *m_jobs;
    ImportRequest m_request;
    std::optional<recforge::ImportPreview> m_preview;
    std::vector<std::string> m_distinctEvents;
};

} // namespace recforge::ui
