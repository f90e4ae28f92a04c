#include "pipeline.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "experiment/pretrainrun.h"
#include "experiment/trainrunhooks.h"
#include "io/atomicfile.h"
#include "store/runstore.h"

namespace recforge {

namespace {

namespace fs = std::filesystem;

constexpr const char *kStageNames[kPipelineStages] = {"pretrain", "finetune", "distil"};

tl::unexpected<Error> badKey(const std::string &key, const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument, message, Location{"", 0, 0, key});
}

Expected<std::string> pipelinesDir(const std::string &projectPath)
{
    auto runs = RunStore::open(projectPath);
    if (!runs)
        return tl::unexpected(runs.error());
    return (fs::path((*runs)->artifactsDir()) / "pipelines").string();
}

Expected<std::string> pipelineFile(const std::string &projectPath, const std::string &name)
{
    auto dir = pipelinesDir(projectPath);
    if (!dir)
        return tl::unexpected(dir.error());
    return (fs::path(*dir) / (name + ".json")).string();
}

Status save(const PipelineState &state)
{
    std::error_code ec;
    fs::create_directories(fs::path(state.path).parent_path(), ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot create " +
                                            fs::path(state.path).parent_path().string() + ": " +
                                            ec.message());
    return writeFileAtomically(state.path, toJson(state).dump(2) + "\n");
}

Expected<PipelineState> readFile(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        return makeError(ErrorCode::NotFound, "no pipeline file " + path,
                         Location{path, 0, 0, "name"});
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error &e) {
        return makeError(ErrorCode::Parse, std::string("cannot parse: ") + e.what(),
                         Location{path, 0, 0, ""});
    }
    auto state = pipelineStateFromJson(j);
    if (!state) {
        Error e = state.error();
        e.location.file = path;
        return tl::unexpected(e);
    }
    state->path = path;
    return state;
}

// The stored status of a stage's run; nullopt when the stage has no run (or it was deleted).
std::optional<RunStatus> stageStatus(const std::string &projectPath, int64_t runId)
{
    if (runId <= 0)
        return std::nullopt;
    auto runs = RunStore::open(projectPath);
    if (!runs)
        return std::nullopt;
    auto detail = (*runs)->run(runId);
    if (!detail)
        return std::nullopt;
    return detail->summary.status;
}

class StageRunner {
public:
    StageRunner(const std::string &projectPath, PipelineState &state, Observer &observer,
                StopToken stop, const PipelineHooks &hooks)
        : m_project(projectPath), m_state(state), m_observer(observer), m_stop(stop), m_hooks(hooks)
    {
    }

    // Runs the stages from `first` on; `resumeFirst`: continue the first stage's stored run.
    Status runFrom(PipelineStage first, bool resumeFirst)
    {
        for (int s = static_cast<int>(first); s < kPipelineStages; ++s) {
            const auto stage = static_cast<PipelineStage>(s);
            if (stage == PipelineStage::Distil && !m_state.params.distil)
                break;
            const bool resume = resumeFirst && s == static_cast<int>(first);
            m_observer.onMessage(std::string("pipeline '") + m_state.params.name +
                                 "': " + pipelineStageName(stage) + (resume ? " (resumed)" : ""));
            Status outcome = runStage(stage, resume);
            if (m_hooks.stageFinished)
                m_hooks.stageFinished(stage, m_state.runId(stage), outcome);
            if (auto saved = save(m_state); !saved && outcome)
                outcome = saved;
            if (!outcome)
                return outcome;
        }
        return {};
    }

private:
    void created(PipelineStage stage, int64_t runId)
    {
        m_state.runIds[static_cast<int>(stage)] = runId;
        if (auto saved = save(m_state); !saved)
            m_observer.onMessage("pipeline file: " + saved.error().toString());
        if (m_hooks.stageStarted)
            m_hooks.stageStarted(stage, runId);
    }

    Status runStage(PipelineStage stage, bool resume)
    {
        const int64_t stored = m_state.runId(stage);
        switch (stage) {
        case PipelineStage::Pretrain:
            return pretrain(resume && stored > 0 ? stored : 0);
        case PipelineStage::Finetune:
            return finetune(resume && stored > 0 ? stored : 0);
        case PipelineStage::Distil:
            return distil(resume && stored > 0 ? stored : 0);
        }
        return {};
    }

    Status pretrain(int64_t resumeRun)
    {
        Expected<PretrainRunResult> r = makeError(ErrorCode::Internal, "not run");
        if (resumeRun > 0) {
            created(PipelineStage::Pretrain, resumeRun);
            r = resumePretraining(m_project, resumeRun, m_observer, m_stop);
            if (!r && r.error().code == ErrorCode::NotFound)
                resumeRun = 0; // cancelled before its first checkpoint: start again
        }
        if (resumeRun == 0) {
            PretrainRunConfig c;
            c.run = m_state.params.finetune;
            c.run.runName = "pretrain (pipeline " + m_state.params.name + ")";
            c.run.pretrained.clear();
            c.run.parentRunId = 0;
            c.params = m_state.params.pretrain;
            c.textPretrain = m_state.params.textPretrain;
            c.text = m_state.params.text;
            r = runPretraining(m_project, c, m_observer, m_stop,
                               [this](int64_t id) { created(PipelineStage::Pretrain, id); });
        }
        if (!r)
            return tl::unexpected(r.error());
        m_state.encoderPath = r->encoderPath;
        m_state.textEncoderDir = r->textEncoderDir;
        return {};
    }

    Status finetune(int64_t resumeRun)
    {
        if (resumeRun > 0) {
            created(PipelineStage::Finetune, resumeRun);
            auto r = resumeTraining(m_project, resumeRun, m_observer, m_stop);
            if (r || r.error().code != ErrorCode::NotFound)
                return r ? Status{} : Status(tl::unexpected(r.error()));
        }
        TrainRunConfig c = m_state.params.finetune;
        c.pretrained = m_state.encoderPath;
        c.textEncoder = m_state.textEncoderDir;
        c.parentRunId = m_state.runId(PipelineStage::Pretrain);
        if (c.runName.empty())
            c.runName = "finetune (pipeline " + m_state.params.name + ")";
        TrainRunHooks hooks;
        hooks.runCreated = [this](int64_t id) { created(PipelineStage::Finetune, id); };
        auto r = runTrainingWith(m_project, c, hooks, m_observer, m_stop);
        return r ? Status{} : Status(tl::unexpected(r.error()));
    }

    // A stopped distillation continues in place from its last epoch; one stopped before its
    // first trainer checkpoint is replaced by a new run.
    Status distil(int64_t resumeRun)
    {
        if (resumeRun > 0) {
            created(PipelineStage::Distil, resumeRun);
            auto r = resumeDistillation(m_project, resumeRun, m_observer, m_stop);
            if (r || r.error().code != ErrorCode::NotFound)
                return r ? Status{} : Status(tl::unexpected(r.error()));
        }
        DistillParams d = m_state.params.student;
        d.teacherRunId = m_state.runId(PipelineStage::Finetune);
        // A student reads at most the teacher's history length: the fine-tune's by default.
        const auto &teacherParams = m_state.params.finetune.params;
        if (!d.studentParams.contains("maxLength") && teacherParams.contains("maxLength"))
            d.studentParams["maxLength"] = teacherParams["maxLength"];
        if (d.runName.empty())
            d.runName = "distil " + d.studentModel + " (pipeline " + m_state.params.name + ")";
        if (d.baseline && d.baselineRunId == 0 && m_state.baselineRunId > 0) {
            auto baseline = finishBaseline(m_state.baselineRunId);
            if (!baseline)
                return tl::unexpected(baseline.error());
            d.baselineRunId = *baseline;
        }
        DistillCallbacks callbacks;
        callbacks.runCreated = [this](int64_t id) { created(PipelineStage::Distil, id); };
        callbacks.baselineCreated = [this](int64_t id) { baselineCreated(id); };
        auto r = distill(m_project, d, m_observer, m_stop, callbacks);
        return r ? Status{} : Status(tl::unexpected(r.error()));
    }

    void baselineCreated(int64_t runId)
    {
        m_state.baselineRunId = runId;
        if (auto saved = save(m_state); !saved)
            m_observer.onMessage("pipeline file: " + saved.error().toString());
        if (m_hooks.baselineStarted)
            m_hooks.baselineStarted(runId);
    }

    // The stored baseline of a stopped distil stage: kept when it finished, continued in place
    // when it has a checkpoint. 0 when it must be trained again (deleted, or stopped before its
    // first checkpoint).
    Expected<int64_t> finishBaseline(int64_t runId)
    {
        const std::optional<RunStatus> status = stageStatus(m_project, runId);
        if (!status)
            return int64_t(0);
        if (*status == RunStatus::Finished)
            return runId;
        m_observer.onMessage("continuing the baseline run " + std::to_string(runId) +
                             " (the student without the teacher)");
        if (m_hooks.baselineStarted)
            m_hooks.baselineStarted(runId);
        auto r = resumeTraining(m_project, runId, m_observer, m_stop);
        if (r)
            return runId;
        if (r.error().code == ErrorCode::NotFound)
            return int64_t(0);
        return tl::unexpected(r.error());
    }

    const std::string &m_project;
    PipelineState &m_state;
    Observer &m_observer;
    StopToken m_stop;
    const PipelineHooks &m_hooks;
};

Expected<PipelineState> finish(PipelineState &state, Status outcome)
{
    if (!outcome)
        return tl::unexpected(outcome.error());
    return state;
}

} // namespace

const char *pipelineStageName(PipelineStage stage)
{
    return kStageNames[static_cast<int>(stage)];
}

Expected<PipelineStage> parsePipelineStage(const std::string &name)
{
    for (int s = 0; s < kPipelineStages; ++s)
        if (name == kStageNames[s])
            return static_cast<PipelineStage>(s);
    return badKey("stage", "unknown stage '" + name + "' (pretrain, finetune or distil)");
}

Status PipelineParams::validate() const
{
    if (name.empty() || name.size() > 64 || !std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        }))
        return badKey("name", "a pipeline name is 1-64 letters, digits, '-' or '_' ('" + name +
                                  "' is not)");
    if (finetune.model != "sasrec" && finetune.model != "bert4rec")
        return badKey("finetune.model", "the pipeline's model must be sasrec or bert4rec, not '" +
                                            finetune.model + "'");
    if (auto ok = finetune.finetune.validate(); !ok)
        return ok;
    if (auto ok = student.loss.validate(); !ok)
        return ok;
    if (textPretrain)
        if (auto ok = text.validate(); !ok)
            return ok;
    return {};
}

nlohmann::json toJson(const PipelineParams &p)
{
    nlohmann::json j = {{"name", p.name},
                        {"finetune", toJson(p.finetune)},
                        {"pretrain", toJson(p.pretrain)},
                        {"text_pretrain", p.textPretrain},
                        {"distil", p.distil},
                        {"student", toJson(p.student)}};
    if (p.textPretrain)
        j["text"] = toJson(p.text);
    return j;
}

Expected<PipelineParams> pipelineParamsFromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return badKey("", "a pipeline config must be a JSON object");
    static const char *known[] = {"name",   "finetune", "pretrain", "text_pretrain",
                                  "distil", "student",  "text"};
    for (auto it = j.begin(); it != j.end(); ++it)
        if (std::none_of(std::begin(known), std::end(known),
                         [&](const char *k) { return it.key() == k; }))
            return badKey(it.key(), "unknown key '" + it.key() + "' in the pipeline config");
    PipelineParams p;
    p.finetune.model = "sasrec";
    auto prefixed = [](const char *prefix, Error e) {
        e.location.field =
            std::string(prefix) + (e.location.field.empty() ? "" : ".") + e.location.field;
        return tl::unexpected(e);
    };
    if (j.contains("name")) {
        if (!j["name"].is_string())
            return badKey("name", "'name' must be a string");
        p.name = j["name"].get<std::string>();
    }
    if (j.contains("finetune")) {
        nlohmann::json f = j["finetune"];
        if (f.is_object() && !f.contains("model"))
            f["model"] = "sasrec";
        auto c = trainRunConfigFromJson(f);
        if (!c)
            return prefixed("finetune", c.error());
        p.finetune = *c;
    }
    if (j.contains("pretrain")) {
        auto c = pretrainParamsFromJson(j["pretrain"]);
        if (!c)
            return prefixed("pretrain", c.error());
        p.pretrain = *c;
    }
    if (j.contains("text")) {
        auto c = mlmParamsFromJson(j["text"]);
        if (!c)
            return prefixed("text", c.error());
        p.text = *c;
    }
    if (j.contains("student")) {
        auto c = distillParamsFromJson(j["student"]);
        if (!c)
            return prefixed("student", c.error());
        p.student = *c;
    }
    for (auto [key, flag] : {std::pair<const char *, bool *>{"text_pretrain", &p.textPretrain},
                             {"distil", &p.distil}}) {
        if (!j.contains(key))
            continue;
        if (!j[key].is_boolean())
            return badKey(key, std::string("'") + key + "' must be true or false");
        *flag = j[key].get<bool>();
    }
    return p;
}

nlohmann::json toJson(const PipelineState &s)
{
    nlohmann::json runs = nlohmann::json::object();
    for (int i = 0; i < kPipelineStages; ++i)
        runs[kStageNames[i]] = s.runIds[i];
    runs["baseline"] = s.baselineRunId;
    return {{"params", toJson(s.params)},
            {"runs", runs},
            {"encoder", s.encoderPath},
            {"text_encoder", s.textEncoderDir}};
}

Expected<PipelineState> pipelineStateFromJson(const nlohmann::json &j)
{
    if (!j.is_object() || !j.contains("params"))
        return badKey("params", "a pipeline file needs 'params'");
    auto params = pipelineParamsFromJson(j["params"]);
    if (!params)
        return tl::unexpected(params.error());
    PipelineState s;
    s.params = *params;
    try {
        const auto runs = j.value("runs", nlohmann::json::object());
        for (int i = 0; i < kPipelineStages; ++i)
            s.runIds[i] = runs.value(kStageNames[i], int64_t(0));
        s.baselineRunId = runs.value("baseline", int64_t(0));
        s.encoderPath = j.value("encoder", "");
        s.textEncoderDir = j.value("text_encoder", "");
    } catch (const nlohmann::json::exception &e) {
        return badKey("runs", e.what());
    }
    return s;
}

Expected<PipelineState> runPipeline(const std::string &projectPath, const PipelineParams &params,
                                    Observer &observer, StopToken stop, const PipelineHooks &hooks)
{
    if (auto ok = params.validate(); !ok)
        return tl::unexpected(ok.error());
    auto path = pipelineFile(projectPath, params.name);
    if (!path)
        return tl::unexpected(path.error());
    if (fs::exists(*path))
        return badKey("name", "a pipeline named '" + params.name +
                                  "' exists already (resume it or re-run a stage)");
    PipelineState state;
    state.params = params;
    state.path = *path;
    if (auto ok = save(state); !ok)
        return tl::unexpected(ok.error());
    return finish(state, StageRunner(projectPath, state, observer, stop, hooks)
                             .runFrom(PipelineStage::Pretrain, false));
}

Expected<PipelineState> resumePipeline(const std::string &projectPath, const std::string &name,
                                       Observer &observer, StopToken stop,
                                       const PipelineHooks &hooks)
{
    auto state = readPipeline(projectPath, name);
    if (!state)
        return tl::unexpected(state.error());
    int first = 0;
    while (first < kPipelineStages &&
           stageStatus(projectPath, state->runIds[first]) == RunStatus::Finished)
        ++first;
    if (first == kPipelineStages ||
        (first == static_cast<int>(PipelineStage::Distil) && !state->params.distil)) {
        observer.onMessage("pipeline '" + name + "' has finished every stage");
        return state;
    }
    // Stages after the first unfinished one start anew.
    for (int s = first + 1; s < kPipelineStages; ++s)
        state->runIds[s] = 0;
    if (first < static_cast<int>(PipelineStage::Distil))
        state->baselineRunId = 0; // a new teacher: its student is compared with a new baseline
    return finish(*state, StageRunner(projectPath, *state, observer, stop, hooks)
                              .runFrom(static_cast<PipelineStage>(first), true));
}

Expected<PipelineState> rerunPipelineStage(const std::string &projectPath, const std::string &name,
                                           PipelineStage stage, Observer &observer, StopToken stop,
                                           const PipelineHooks &hooks,
                                           const std::optional<PipelineParams> &params)
{
    auto state = readPipeline(projectPath, name);
    if (!state)
        return tl::unexpected(state.error());
    if (params) {
        if (auto ok = params->validate(); !ok)
            return tl::unexpected(ok.error());
        state->params = *params;
        state->params.name = name;
    }
    const int s = static_cast<int>(stage);
    if (s > 0 && stageStatus(projectPath, state->runIds[s - 1]) != RunStatus::Finished)
        return badKey("stage", std::string("the ") + kStageNames[s - 1] + " stage of pipeline '" +
                                   name + "' has not finished: re-run or resume it first");
    if (stage == PipelineStage::Finetune && !fs::exists(state->encoderPath))
        return makeError(ErrorCode::NotFound,
                         "the pretrained encoder " + state->encoderPath + " is gone",
                         Location{state->encoderPath, 0, 0, "encoder"});
    for (int i = s; i < kPipelineStages; ++i)
        state->runIds[i] = 0;
    state->baselineRunId = 0;
    if (auto ok = save(*state); !ok)
        return tl::unexpected(ok.error());
    return finish(*state,
                  StageRunner(projectPath, *state, observer, stop, hooks).runFrom(stage, false));
}

Expected<std::vector<PipelineState>> listPipelines(const std::string &projectPath)
{
    auto dir = pipelinesDir(projectPath);
    if (!dir)
        return tl::unexpected(dir.error());
    std::vector<PipelineState> out;
    std::error_code ec;
    if (!fs::is_directory(*dir, ec))
        return out;
    std::vector<fs::path> files;
    for (const auto &entry : fs::directory_iterator(*dir, ec))
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path &f : files) {
        auto state = readFile(f.string());
        if (!state)
            return tl::unexpected(state.error());
        out.push_back(std::move(*state));
    }
    return out;
}

Expected<PipelineState> readPipeline(const std::string &projectPath, const std::string &name)
{
    auto path = pipelineFile(projectPath, name);
    if (!path)
        return tl::unexpected(path.error());
    return readFile(*path);
}

} // namespace recforge
