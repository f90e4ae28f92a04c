#include "distillrun.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "eval/comparemodels.h"
#include "experiment/metricrecord.h"
#include "experiment/runinputs.h"
#include "experiment/trainrunhooks.h"
#include "io/atomicfile.h"
#include "models/modelfactory.h"
#include "models/objectivehost.h"
#include "models/positionscorer.h"
#include "store/project.h"
#include "store/runstore.h"
#include "train/distillobjective.h"

namespace recforge {

namespace {

constexpr const char *kComparisonFile = "comparison.json";

tl::unexpected<Error> badField(const std::string &field, ErrorCode code, const std::string &text)
{
    return makeError(code, text, Location{"", 0, 0, field});
}

// The teacher run: its model file, dataset / split names and fit scope.
struct TeacherRun {
    std::string checkpoint;
    std::string dataset, split;
    FitScope fitScope = FitScope::Train;
};

Expected<TeacherRun> findTeacher(const Project &project, const RunStore &runs,
                                 const DistillParams &p)
{
    const std::string runText = "teacher run " + std::to_string(p.teacherRunId);
    auto detail = runs.run(p.teacherRunId);
    if (!detail)
        return badField("teacher_run", ErrorCode::NotFound, detail.error().message);
    TeacherRun t;
    if (!p.teacherCheckpoint.empty()) {
        t.checkpoint = p.teacherCheckpoint;
    } else {
        const CheckpointInfo *best = nullptr;
        for (const CheckpointInfo &c : detail->checkpoints) {
            if (std::filesystem::path(c.path).filename().string().rfind("trainer-e", 0) == 0)
                continue; // resumable trainer states, not models
            if (!best || c.isBest || (!best->isBest && c.step >= best->step))
                best = &c;
        }
        if (!best)
            return badField("teacher_run", ErrorCode::NotFound,
                            runText + " has no model checkpoint");
        t.checkpoint = runs.artifactsDir() + "/" + best->path;
    }
    const RunSummary &s = detail->summary;
    if (s.datasetId == 0 || s.splitId == 0)
        return badField("teacher_run", ErrorCode::NotFound,
                        runText + " has no dataset or split (deleted?)");
    auto datasets = project.listDatasets();
    if (!datasets)
        return tl::unexpected(datasets.error());
    for (const DatasetSummary &d : *datasets)
        if (d.id == s.datasetId)
            t.dataset = d.name;
    auto splits = project.listSplits(s.datasetId);
    if (!splits)
        return tl::unexpected(splits.error());
    for (const SplitSummary &sp : *splits)
        if (sp.id == s.splitId)
            t.split = sp.name;
    if (t.dataset.empty() || t.split.empty())
        return badField("teacher_run", ErrorCode::NotFound, runText + ": dataset or split is gone");
    const auto stored = nlohmann::json::parse(detail->paramsJson, nullptr, false);
    if (!stored.is_discarded() && stored.contains("run"))
        if (auto config = trainRunConfigFromJson(stored["run"]))
            t.fitScope = config->fitScope;
    return t;
}

MetricRecord machineRecord(const ModelComparison &c, const std::string &name, double value)
{
    MetricRecord r;
    r.name = name;
    r.value = value;
    r.stage = evalStageName(c.protocol.stage);
    r.users = c.latencyUsers;
    r.protocolJson = nlohmann::json{{"machine",
                                     {{"device", c.device},
                                      {"threads", c.threads},
                                      {"latency_users", c.latencyUsers},
                                      {"batch_size", c.batchSize}}}}
                         .dump();
    r.protocolLabel =
        "this machine: " + c.device + ", " + std::to_string(c.threads) +
        " threads; latency = one user per request, throughput = " + std::to_string(c.batchSize) +
        " per request";
    return r;
}

// The comparison's figures as metrics of the student run.
std::vector<MetricRecord> comparisonRecords(const ModelComparison &c)
{
    std::vector<MetricRecord> out;
    MetricValue j;
    j.name = "Jaccard@" + std::to_string(c.jaccard.k);
    j.value = c.jaccard.mean;
    j.protocol = c.protocol;
    j.protocol.ks = {c.jaccard.k};
    j.k = c.jaccard.k;
    j.users = c.jaccard.users;
    out.push_back(toMetricRecord(j));
    for (const ModelFigures *f : {&c.teacher, &c.student}) {
        const std::string prefix = f->role == "teacher" ? "teacher/" : "";
        out.push_back(machineRecord(c, prefix + "Parameters", double(f->parameters)));
        out.push_back(machineRecord(c, prefix + "BytesOnDisk", double(f->bytesOnDisk)));
        out.push_back(machineRecord(c, prefix + "LatencyP50ms", f->latencyP50Ms));
        out.push_back(machineRecord(c, prefix + "LatencyP99ms", f->latencyP99Ms));
        out.push_back(machineRecord(c, prefix + "UsersPerSecond", f->usersPerSecond));
    }
    for (const MetricValue &v : c.teacher.metrics) {
        MetricRecord r = toMetricRecord(v);
        r.name = "teacher/" + r.name;
        out.push_back(r);
    }
    return out;
}

// The loaded teacher of a distillation (new or resumed) and the student's baseline checkpoint.
struct DistillSetup {
    TeacherRun teacherRun;
    std::shared_ptr<Recommender> teacher;
    std::shared_ptr<PositionScorer> scorer;
    std::string baselineCheckpoint; // empty: no baseline to compare
};

Expected<DistillSetup> loadTeacher(const Project &project, const RunStore &runs,
                                   const DistillParams &params)
{
    DistillSetup setup;
    auto teacherRun = findTeacher(project, runs, params);
    if (!teacherRun)
        return tl::unexpected(teacherRun.error());
    setup.teacherRun = std::move(*teacherRun);
    auto loaded = loadModel(setup.teacherRun.checkpoint);
    if (!loaded)
        return badField("teacher_checkpoint", loaded.error().code, loaded.error().message);
    setup.teacher = std::move(*loaded);
    auto scorer = positionScorerFor(*setup.teacher);
    if (!scorer)
        return badField("teacher_run", ErrorCode::InvalidArgument,
                        "teacher: " + scorer.error().message);
    setup.scorer = std::move(*scorer);
    return setup;
}

// The model file of a stored baseline run (the student trained alone).
Expected<std::string> baselineCheckpointOf(const Project &project, const RunStore &runs,
                                           int64_t baselineRunId)
{
    DistillParams lookup;
    lookup.teacherRunId = baselineRunId;
    auto found = findTeacher(project, runs, lookup);
    if (!found)
        return badField("baseline_run", found.error().code, found.error().message);
    return found->checkpoint;
}

// The student's training run: the teacher's objective wrapped around the student's own before
// fit, the comparison with the teacher (and the baseline) after it, written into `out`.
TrainRunHooks distillHooks(const DistillParams &params, const DistillSetup &setup,
                           DistillResult &out, Observer &observer, StopToken stop)
{
    TrainRunHooks hooks;
    hooks.kind = "distil";
    hooks.parentRunId = params.teacherRunId;
    hooks.extraParams = {{"distill", toJson(params)}, {"baseline_run", out.baselineRunId}};
    hooks.beforeFit = [&setup, params](Recommender &student, const TrainingData &data) -> Status {
        if (setup.teacher->itemCount() != data.itemCount())
            return badField("teacher_run", ErrorCode::InvalidArgument,
                            "the teacher scores " + std::to_string(setup.teacher->itemCount()) +
                                " items, the data has " + std::to_string(data.itemCount()));
        auto *host = dynamic_cast<ObjectiveHost *>(&student);
        if (!host)
            return badField("student.model", ErrorCode::InvalidArgument,
                            "model '" + student.id() +
                                "' cannot be distilled into (use sasrec, gru4rec or mlprec)");
        const DistillLossOptions loss = params.loss;
        host->setObjectiveWrapper([teacherScorer = setup.scorer,
                                   loss](Objective &own) -> Expected<std::unique_ptr<Objective>> {
            auto wrapped = DistillObjective::create(own, teacherScorer, loss);
            if (!wrapped)
                return tl::unexpected(wrapped.error());
            return std::unique_ptr<Objective>(std::move(*wrapped));
        });
        return {};
    };
    hooks.afterFit = [&setup, &out, &observer, params,
                      stop](RunStore &store, int64_t runId, Recommender &student,
                            const TrainingData &data, const TrainRunResult &result) -> Status {
        CompareOptions co;
        co.jaccardK = params.compareK;
        co.ks = {10, 20};
        if (params.compareK != 10 && params.compareK != 20)
            co.ks.push_back(params.compareK);
        co.seed = params.seed;
        co.latencyUsers = params.latencyUsers;
        co.teacherCheckpoint = setup.teacherRun.checkpoint;
        co.studentCheckpoint = result.checkpointPath;
        auto c = compareModels(*setup.teacher, student, data, co, observer, stop);
        if (!c)
            return tl::unexpected(c.error());
        c->teacher.runId = params.teacherRunId;
        c->student.runId = runId;
        if (!setup.baselineCheckpoint.empty()) {
            auto baseline = loadModel(setup.baselineCheckpoint);
            if (!baseline)
                return badField("baseline_run", baseline.error().code, baseline.error().message);
            co.studentCheckpoint = setup.baselineCheckpoint;
            auto b = compareModels(*setup.teacher, **baseline, data, co, observer, stop);
            if (!b)
                return tl::unexpected(b.error());
            c->hasBaseline = true;
            c->baseline = b->student;
            c->baseline.role = "baseline";
            c->baseline.runId = out.baselineRunId;
            c->baselineJaccard = b->jaccard;
        }
        auto dir = store.runArtifactsDir(runId);
        if (!dir)
            return tl::unexpected(dir.error());
        out.comparisonPath = (std::filesystem::path(*dir) / kComparisonFile).string();
        if (auto ok = writeFileAtomically(out.comparisonPath, toJson(*c).dump(2) + "\n"); !ok)
            return ok;
        store.recordMetrics(runId, comparisonRecords(*c));
        out.comparison = std::move(*c);
        return {};
    };
    return hooks;
}

} // namespace

Expected<DistillResult> distill(const std::string &projectPath, const DistillParams &params,
                                Observer &observer, StopToken stop,
                                const DistillCallbacks &callbacks)
{
    if (auto ok = params.loss.validate(); !ok)
        return tl::unexpected(ok.error());
    if (params.teacherRunId <= 0)
        return badField("teacher_run", ErrorCode::InvalidArgument,
                        "a teacher run id is required (teacher_run / --teacher-run)");
    if (auto device = applyRuntime(params.runtime); !device)
        return tl::unexpected(device.error());
    auto opened = openProjectStore(projectPath);
    if (!opened)
        return tl::unexpected(opened.error());
    const Project &project = *opened->project;
    const RunStore &runs = *opened->runs;
    auto setup = loadTeacher(project, runs, params);
    if (!setup)
        return tl::unexpected(setup.error());

    auto probe = createModel(params.studentModel, params.studentParams);
    if (!probe)
        return badField("student.params", probe.error().code, probe.error().message);
    const int64_t studentLength = (*probe)->params().value("maxLength", int64_t(0));
    if (studentLength > setup->scorer->maxLength())
        return badField("student.params.maxLength", ErrorCode::InvalidArgument,
                        "the student reads " + std::to_string(studentLength) +
                            " items per history, the teacher only " +
                            std::to_string(setup->scorer->maxLength()));

    TrainRunConfig config;
    config.dataset = setup->teacherRun.dataset;
    config.splitName = setup->teacherRun.split;
    config.model = params.studentModel;
    config.params = params.studentParams;
    config.seed = params.seed;
    config.runtime = params.runtime;
    config.fitScope = setup->teacherRun.fitScope;
    config.validateEachEpoch = params.validateEachEpoch;
    config.validationUsers = params.validationUsers;
    config.evaluations = params.evaluations;
    config.runName = !params.runName.empty() ? params.runName
                                             : "distil " + params.studentModel + " from run " +
                                                   std::to_string(params.teacherRunId);

    DistillResult out;
    // The baseline first: the same student without the teacher, as a plain training run.
    if (params.baselineRunId > 0) {
        auto checkpoint = baselineCheckpointOf(project, runs, params.baselineRunId);
        if (!checkpoint)
            return tl::unexpected(checkpoint.error());
        setup->baselineCheckpoint = *checkpoint;
        out.baselineRunId = params.baselineRunId;
    } else if (params.baseline) {
        TrainRunConfig alone = config;
        alone.runName = params.studentModel + " alone (baseline of the distillation from run " +
                        std::to_string(params.teacherRunId) + ")";
        observer.onMessage("training the student without the teacher (baseline)");
        TrainRunHooks aloneHooks;
        aloneHooks.runCreated = callbacks.baselineCreated;
        auto trained = runTrainingWith(projectPath, alone, aloneHooks, observer, stop);
        if (!trained)
            return tl::unexpected(trained.error());
        setup->baselineCheckpoint = trained->checkpointPath;
        out.baselineRunId = trained->runId;
    }
    TrainRunHooks hooks = distillHooks(params, *setup, out, observer, stop);
    hooks.runCreated = callbacks.runCreated;
    auto trained = runTrainingWith(projectPath, config, hooks, observer, stop);
    if (!trained)
        return tl::unexpected(trained.error());
    out.student = std::move(*trained);
    return out;
}

Expected<DistillResult> resumeDistillation(const std::string &projectPath, int64_t runId,
                                           Observer &observer, StopToken stop)
{
    auto opened = openStoredRun(projectPath, runId);
    if (!opened)
        return tl::unexpected(opened.error());
    const nlohmann::json &stored = opened->params;
    if (opened->detail.summary.kind != "distil" || stored.is_discarded() ||
        !stored.contains("distill"))
        return makeError(ErrorCode::InvalidArgument,
                         "run " + std::to_string(runId) + " is not a stored distillation run");
    auto params = distillParamsFromJson(stored["distill"]);
    if (!params)
        return tl::unexpected(params.error());
    auto setup = loadTeacher(*opened->project, *opened->runs, *params);
    if (!setup)
        return tl::unexpected(setup.error());
    DistillResult out;
    out.baselineRunId = stored.value("baseline_run", int64_t(0));
    if (out.baselineRunId > 0) {
        auto checkpoint = baselineCheckpointOf(*opened->project, *opened->runs, out.baselineRunId);
        if (!checkpoint)
            return tl::unexpected(checkpoint.error());
        setup->baselineCheckpoint = *checkpoint;
    }
    opened->runs.reset(); // resumeTrainingWith opens the store itself
    TrainRunHooks hooks = distillHooks(*params, *setup, out, observer, stop);
    auto trained = resumeTrainingWith(projectPath, runId, hooks, observer, stop);
    if (!trained)
        return tl::unexpected(trained.error());
    out.student = std::move(*trained);
    return out;
}

Expected<ModelComparison> readComparison(const std::string &projectPath, int64_t runId)
{
    auto runs = RunStore::open(projectPath);
    if (!runs)
        return tl::unexpected(runs.error());
    if (auto detail = (*runs)->run(runId); !detail)
        return tl::unexpected(detail.error());
    const auto path = std::filesystem::path((*runs)->artifactsDir()) / "runs" /
                      std::to_string(runId) / kComparisonFile;
    std::ifstream in(path);
    if (!in)
        return makeError(ErrorCode::NotFound, "run " + std::to_string(runId) +
                                                  " has no comparison (" + path.string() + ")");
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded())
        return makeError(ErrorCode::Parse, "cannot parse " + path.string());
    return modelComparisonFromJson(j);
}

} // namespace recforge
