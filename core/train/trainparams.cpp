#include "trainparams.h"

namespace recforge {

const char *lrScheduleName(LrSchedule schedule)
{
    switch (schedule) {
    case LrSchedule::Constant:
        return "constant";
    case LrSchedule::Linear:
        return "linear";
    case LrSchedule::Cosine:
        return "cosine";
    }
    return "constant";
}

Expected<LrSchedule> parseLrSchedule(const std::string &name)
{
    for (LrSchedule s : {LrSchedule::Constant, LrSchedule::Linear, LrSchedule::Cosine})
        if (name == lrScheduleName(s))
            return s;
    return makeError(ErrorCode::InvalidArgument,
                     "unknown schedule '" + name + "' (expected constant, linear or cosine)",
                     Location{"", 0, 0, "schedule"});
}

Status TrainParams::validate() const
{
    const auto bad = [](const char *field, const std::string &message) -> Status {
        return makeError(ErrorCode::InvalidArgument, "training: " + message,
                         Location{"", 0, 0, field});
    };
    if (epochs < 1)
        return bad("epochs", "epochs must be >= 1");
    if (batchSize < 1)
        return bad("batchSize", "batchSize must be >= 1");
    if (!(learningRate > 0))
        return bad("learningRate", "learningRate must be > 0");
    if (weightDecay < 0)
        return bad("weightDecay", "weightDecay must be >= 0");
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
        return bad("beta1", "betas must be in [0, 1)");
    if (warmupSteps < 0)
        return bad("warmupSteps", "warmupSteps must be >= 0");
    if (minLrRatio < 0 || minLrRatio > 1)
        return bad("minLrRatio", "minLrRatio must be in [0, 1]");
    if (clipNorm < 0)
        return bad("clipNorm", "clipNorm must be >= 0 (0 = off)");
    if (patience < 0)
        return bad("patience", "patience must be >= 0 (0 = off)");
    if (threads < 0)
        return bad("threads", "threads must be >= 0 (0 = all cores)");
    if (device != "auto" && device != "cpu" && device != "cuda")
        return bad("device", "device must be auto, cpu or cuda");
    if (resume && checkpointDir.empty() && resumeFrom.empty())
        return bad("resume", "resume needs a checkpointDir");
    return {};
}

nlohmann::json toJson(const TrainParams &p)
{
    return {{"epochs", p.epochs},
            {"batchSize", p.batchSize},
            {"learningRate", p.learningRate},
            {"weightDecay", p.weightDecay},
            {"beta1", p.beta1},
            {"beta2", p.beta2},
            {"warmupSteps", p.warmupSteps},
            {"schedule", lrScheduleName(p.schedule)},
            {"minLrRatio", p.minLrRatio},
            {"clipNorm", p.clipNorm},
            {"patience", p.patience},
            {"minDelta", p.minDelta},
            {"restoreBest", p.restoreBest},
            {"monitor", p.monitor},
            {"checkpointDir", p.checkpointDir},
            {"resume", p.resume},
            {"resumeFrom", p.resumeFrom},
            {"seed", p.seed},
            {"device", p.device},
            {"threads", p.threads}};
}

Expected<TrainParams> trainParamsFromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError(ErrorCode::InvalidArgument, "training params must be a JSON object");
    TrainParams p;
    try {
        p.epochs = j.value("epochs", p.epochs);
        p.batchSize = j.value("batchSize", p.batchSize);
        p.learningRate = j.value("learningRate", p.learningRate);
        p.weightDecay = j.value("weightDecay", p.weightDecay);
        p.beta1 = j.value("beta1", p.beta1);
        p.beta2 = j.value("beta2", p.beta2);
        p.warmupSteps = j.value("warmupSteps", p.warmupSteps);
        if (j.contains("schedule")) {
            auto s = parseLrSchedule(j["schedule"].get<std::string>());
            if (!s)
                return tl::unexpected(s.error());
            p.schedule = *s;
        }
        p.minLrRatio = j.value("minLrRatio", p.minLrRatio);
        p.clipNorm = j.value("clipNorm", p.clipNorm);
        p.patience = j.value("patience", p.patience);
        p.minDelta = j.value("minDelta", p.minDelta);
        p.restoreBest = j.value("restoreBest", p.restoreBest);
        p.monitor = j.value("monitor", p.monitor);
        p.checkpointDir = j.value("checkpointDir", p.checkpointDir);
        p.resume = j.value("resume", p.resume);
        p.resumeFrom = j.value("resumeFrom", p.resumeFrom);
        p.seed = j.value("seed", p.seed);
        p.device = j.value("device", p.device);
        p.threads = j.value("threads", p.threads);
    } catch (const nlohmann::json::exception &e) {
        return makeError(ErrorCode::InvalidArgument,
                         std::string("training params: wrong value type: ") + e.what());
    }
    if (auto s = p.validate(); !s)
        return tl::unexpected(s.error());
    return p;
}

} // namespace recforge
