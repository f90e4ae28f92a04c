// PipelineView: starting pipeline jobs, following their stages live, statuses and buttons.

#include <algorithm>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

#include "jobs/jobmanager.h"
#include "jobs/jobprogresswidget.h"
#include "pipeline/pipelineform.h"
#include "pipeline/pipelineview.h"
#include "pipeline/stagecurveschart.h"
#include "store/project.h"
#include "store/runstore.h"

namespace recforge::ui {

namespace {

constexpr int kStages = recforge::kPipelineStages;

recforge::PipelineStage stageOf(int s)
{
    return recforge::PipelineStage(s);
}

} // namespace

bool PipelineView::runPipeline()
{
    recforge::PipelineParams params = m_form->params();
    params.name = m_name->text().trimmed().toStdString();
    if (std::any_of(m_listings.begin(), m_listings.end(),
                    [&](const PipelineListing &p) { return p.state.params.name == params.name; })) {
        Q_EMIT issueReported(tr("A pipeline named \"%1\" exists already: pick another name, or "
                                "resume or re-run it.")
                                 .arg(QString::fromStdString(params.name)));
        return false;
    }
    if (auto ok = params.validate(); !ok) {
        Q_EMIT issueReported(tr("The pipeline's parameters are not valid: %1")
                                 .arg(QString::fromStdString(ok.error().toString())));
        return false;
    }
    if (!m_project)
        return false;
    m_runs = {0, 0, 0};
    m_status = {};
    for (int s = 0; s < kStages; ++s)
        m_form->chart(stageOf(s))->clear(tr("waiting"));
    return start(new PipelineJob(QString::fromStdString(m_project->path()), PipelineJob::Mode::Run,
                                 std::move(params)));
}

bool PipelineView::resumePipeline()
{
    const PipelineListing *listing = selectedListing();
    if (!listing || !m_project)
        return false;
    return start(new PipelineJob(QString::fromStdString(m_project->path()),
                                 PipelineJob::Mode::Resume, listing->state.params));
}

bool PipelineView::rerunStage(recforge::PipelineStage stage)
{
    const PipelineListing *listing = selectedListing();
    if (!listing || !m_project)
        return false;
    recforge::PipelineParams params = m_form->params();
    params.name = listing->state.params.name;
    if (auto ok = params.validate(); !ok) {
        Q_EMIT issueReported(tr("The pipeline's parameters are not valid: %1")
                                 .arg(QString::fromStdString(ok.error().toString())));
        return false;
    }
    for (int s = int(stage); s < kStages; ++s) {
        m_runs[size_t(s)] = 0;
        m_status[size_t(s)].reset();
        m_form->chart(stageOf(s))->clear(tr("waiting"));
    }
    return start(new PipelineJob(QString::fromStdString(m_project->path()),
                                 PipelineJob::Mode::Rerun, std::move(params), stage));
}

bool PipelineView::start(PipelineJob *job)
{
    if (m_job && !m_job->isFinished()) {
        Q_EMIT issueReported(tr("A pipeline is running already."));
        delete job;
        return false;
    }
    m_job = job;
    const QString name = job->pipelineName();
    connect(job, &PipelineJob::stageStarted, this, &PipelineView::onStageStarted);
    connect(job, &PipelineJob::stageFinished, this, &PipelineView::onStageFinished);
    connect(job, &PipelineJob::baselineStarted, this, &PipelineView::onBaselineStarted);
    connect(job, &Job::finished, this, [this, job, name] {
        for (int s = 0; s < kStages; ++s)
            if (m_live[size_t(s)]) {
                pollStage(s);
                m_live[size_t(s)] = false;
                if (m_status[size_t(s)] == recforge::RunStatus::Running)
                    m_status[size_t(s)] = job->state() == Job::State::Cancelled
                                              ? recforge::RunStatus::Cancelled
                                              : recforge::RunStatus::Failed;
            }
        m_timer.stop();
        if (m_job == job)
            m_job = nullptr;
        m_form->setEditable(true);
        m_list->setEnabled(true);
        m_wanted = name;
        refresh(); // statuses as stored, and a new pipeline in the list
        showStatuses();
        updateButtons();
        Q_EMIT pipelineEnded(name);
    });
    m_form->setEditable(false);
    m_list->setEnabled(false);
    m_progress->track(job);
    m_progress->show();
    showStatuses();
    updateButtons();
    m_jobs->start(job);
    return true;
}

// The distil stage's chart follows the student trained alone until the taught student starts.
void PipelineView::onBaselineStarted(qint64 runId)
{
    const int distil = int(recforge::PipelineStage::Distil);
    onStageStarted(distil, runId);
    m_form->chart(stageOf(distil))
        ->clear(tr("Training the student without the teacher first (baseline run %1)").arg(runId));
}

void PipelineView::onStageStarted(int stage, qint64 runId)
{
    if (stage < 0 || stage >= kStages)
        return;
    const size_t s = size_t(stage);
    m_runs[s] = runId;
    m_status[s] = recforge::RunStatus::Running;
    m_live[s] = true;
    m_afterId[s] = 0; // a resumed run drops the points after its checkpoint: read them all
    m_form->chart(stageOf(stage))->clear(tr("waiting for the first epoch"));
    showStatuses();
    Q_EMIT stageRunFollowed(stage, runId);
    if (!m_timer.isActive())
        m_timer.start();
    // A new pipeline's file exists from its first stage on: list it.
    if (m_job && selectedName() != m_job->pipelineName()) {
        m_wanted = m_job->pipelineName();
        refresh();
    }
}

void PipelineView::onStageFinished(int stage, qint64 runId, bool ok, const QString &)
{
    if (stage < 0 || stage >= kStages)
        return;
    const size_t s = size_t(stage);
    pollStage(stage);
    m_live[s] = false;
    m_runs[s] = runId;
    m_status[s] = ok                                  ? recforge::RunStatus::Finished
                  : (m_job && m_job->stopRequested()) ? recforge::RunStatus::Cancelled
                                                      : recforge::RunStatus::Failed;
    showStatuses();
    Q_EMIT runEnded(runId);
}

void PipelineView::poll()
{
    bool any = false;
    for (int s = 0; s < kStages; ++s)
        if (m_live[size_t(s)]) {
            pollStage(s);
            any = true;
        }
    if (!any)
        m_timer.stop();
}

void PipelineView::pollStage(int stage)
{
    const size_t s = size_t(stage);
    if (!m_pollStore || m_runs[s] <= 0)
        return;
    // One read on the store's read connection (WAL: never blocked by the writer), only the
    // points appended since the last poll.
    auto series = m_pollStore->curves(m_runs[s], {}, m_afterId[s]);
    if (!series)
        return;
    for (const recforge::CurveSeries &one : *series)
        for (const recforge::CurvePoint &p : one.points)
            m_afterId[s] = std::max(m_afterId[s], qint64(p.id));
    StageCurvesChart *chart = m_form->chart(stageOf(stage));
    if (chart->append(*series))
        chart->replot();
}

QString PipelineView::statusText(int stage) const
{
    const size_t s = size_t(stage);
    const qint64 run = m_runs[s];
    if (run <= 0) {
        const bool distilOff =
            stage == int(recforge::PipelineStage::Distil) && !m_form->distilEnabled()->isChecked();
        return distilOff ? tr("off") : tr("not started");
    }
    QString status = tr("unknown");
    if (m_status[s]) {
        switch (*m_status[s]) {
        case recforge::RunStatus::Running:
            status = tr("running");
            break;
        case recforge::RunStatus::Finished:
            status = tr("finished");
            break;
        case recforge::RunStatus::Failed:
            status = tr("failed");
            break;
        case recforge::RunStatus::Cancelled:
            status = tr("cancelled");
            break;
        case recforge::RunStatus::Interrupted:
            status = tr("interrupted");
            break;
        }
    }
    return tr("%1 — run #%2").arg(status).arg(run);
}

void PipelineView::showStatuses()
{
    for (int s = 0; s < kStages; ++s) {
        QLabel *label = m_form->statusLabel(stageOf(s));
        label->setText(statusText(s));
        QString colour = QStringLiteral("#666");
        if (m_runs[size_t(s)] > 0 && m_status[size_t(s)]) {
            switch (*m_status[size_t(s)]) {
            case recforge::RunStatus::Running:
                colour = QStringLiteral("#2171b5");
                break;
            case recforge::RunStatus::Finished:
                colour = QStringLiteral("#31a354");
                break;
            case recforge::RunStatus::Failed:
                colour = QStringLiteral("#d62728");
                break;
            default:
                colour = QStringLiteral("#e6550d");
                break;
            }
        }
        label->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    }
}

void PipelineView::updateButtons()
{
    const bool running = m_job && !m_job->isFinished();
    const PipelineListing *listing = selectedListing();
    const std::string name = m_name->text().trimmed().toStdString();
    const bool taken = std::any_of(m_listings.begin(), m_listings.end(),
                                   [&](const auto &p) { return p.state.params.name == name; });
    m_run->setEnabled(!running && m_project && !name.empty() && !taken);
    m_new->setEnabled(!running);
    m_refresh->setEnabled(!running);
    m_name->setEnabled(!running && !listing);
    m_runOptions->setEnabled(!running && !listing && m_project);
    bool unfinished = false;
    if (listing) {
        const int needed = listing->state.params.distil ? kStages : kStages - 1;
        for (int s = 0; s < needed; ++s)
            if (listing->status[size_t(s)] != recforge::RunStatus::Finished)
                unfinished = true;
    }
    m_resume->setEnabled(!running && listing && unfinished);
    for (int s = 0; s < kStages; ++s) {
        const bool parentDone =
            s == 0 || (listing && listing->status[size_t(s - 1)] == recforge::RunStatus::Finished);
        const bool wanted =
            s != int(recforge::PipelineStage::Distil) || m_form->distilEnabled()->isChecked();
        m_form->rerunButton(stageOf(s))->setEnabled(!running && listing && parentDone && wanted);
    }
    showStatuses();
}

} // namespace recforge::ui
