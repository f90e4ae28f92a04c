// JSON form of DistillParams (the student.json of `recforge-cli distill --config`).
#include "distillrun.h"

namespace recforge {

namespace {

tl::unexpected<Error> badKey(const std::string &key, const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument, message, Location{"", 0, 0, key});
}

// The evaluations array is parsed by trainRunConfigFromJson (one grammar for both configs).
Expected<std::vector<EvalSpec>> evaluationsFromJson(const nlohmann::json &j)
{
    auto c = trainRunConfigFromJson({{"evaluations", j}});
    if (!c)
        return tl::unexpected(c.error());
    return c->evaluations;
}

} // namespace

nlohmann::json toJson(const DistillParams &p)
{
    TrainRunConfig evaluations;
    evaluations.evaluations = p.evaluations;
    const nlohmann::json run = toJson(evaluations);
    return {{"teacher_run", p.teacherRunId},
            {"teacher_checkpoint", p.teacherCheckpoint},
            {"student", {{"model", p.studentModel}, {"params", p.studentParams}}},
            {"temperature", p.loss.temperature},
            {"alpha", p.loss.alpha},
            {"mode", distillModeName(p.loss.mode)},
            {"top_k", p.loss.topK},
            {"rank_decay", p.loss.rankDecay},
            {"seed", p.seed},
            {"device", deviceChoiceName(p.runtime.device)},
            {"threads", p.runtime.threads},
            {"validate_each_epoch", p.validateEachEpoch},
            {"validation_users", p.validationUsers},
            {"evaluations", run["evaluations"]},
            {"compare_k", p.compareK},
            {"latency_users", p.latencyUsers},
            {"baseline", p.baseline},
            {"baseline_run", p.baselineRunId},
            {"name", p.runName}};
}

Expected<DistillParams> distillParamsFromJson(const nlohmann::json &j)
{
    DistillParams p;
    if (!j.is_object())
        return badKey("", "the distillation config must be a JSON object");
    static const char *known[] = {"teacher_run",
                                  "teacher_checkpoint",
                                  "student",
                                  "temperature",
                                  "alpha",
                                  "mode",
                                  "top_k",
                                  "rank_decay",
                                  "seed",
                                  "device",
                                  "threads",
                                  "validate_each_epoch",
                                  "validation_users",
                                  "evaluations",
                                  "compare_k",
                                  "latency_users",
                                  "baseline",
                                  "baseline_run",
                                  "name"};
    for (auto it = j.begin(); it != j.end(); ++it) {
        bool ok = false;
        for (const char *k : known)
            ok = ok || it.key() == k;
        if (!ok)
            return badKey(it.key(), "unknown key '" + it.key() + "' in the distillation config");
    }
    auto integer = [&](const char *key, int64_t min, int64_t &out) -> Status {
        if (!j.contains(key))
            return {};
        if (!j[key].is_number_integer() || j[key].get<int64_t>() < min)
            return badKey(key, std::string("'") + key +
                                   "' must be an integer >= " + std::to_string(min));
        out = j[key].get<int64_t>();
        return {};
    };
    auto real = [&](const char *key, double &out) -> Status {
        if (!j.contains(key))
            return {};
        if (!j[key].is_number())
            return badKey(key, std::string("'") + key + "' must be a number");
        out = j[key].get<double>();
        return {};
    };
    auto text = [&](const char *key, std::string &out) -> Status {
        if (!j.contains(key))
            return {};
        if (!j[key].is_string())
            return badKey(key, std::string("'") + key + "' must be a string");
        out = j[key].get<std::string>();
        return {};
    };
    int64_t topK = p.loss.topK, compareK = p.compareK, threads = p.runtime.threads;
    std::string mode = distillModeName(p.loss.mode), device = "auto";
    for (Status s :
         {integer("teacher_run", 0, p.teacherRunId), integer("top_k", 1, topK),
          integer("validation_users", 0, p.validationUsers), integer("compare_k", 1, compareK),
          integer("latency_users", 1, p.latencyUsers), integer("threads", 0, threads),
          integer("baseline_run", 0, p.baselineRunId), real("temperature", p.loss.temperature),
          real("alpha", p.loss.alpha), real("rank_decay", p.loss.rankDecay),
          text("teacher_checkpoint", p.teacherCheckpoint), text("mode", mode),
          text("device", device), text("name", p.runName)})
        if (!s)
            return tl::unexpected(s.error());
    p.loss.topK = int(topK);
    p.compareK = int(compareK);
    p.runtime.threads = int(threads);
    if (j.contains("seed")) {
        if (!j["seed"].is_number_integer() || j["seed"].get<int64_t>() < 0)
            return badKey("seed", "'seed' must be a non-negative integer");
        p.seed = j["seed"].get<uint64_t>();
    }
    auto m = parseDistillMode(mode);
    if (!m)
        return tl::unexpected(m.error());
    p.loss.mode = *m;
    auto d = parseDeviceChoice(device);
    if (!d)
        return badKey("device", d.error().message);
    p.runtime.device = *d;
    for (auto [key, flag] :
         {std::pair<const char *, bool *>{"validate_each_epoch", &p.validateEachEpoch},
          {"baseline", &p.baseline}}) {
        if (!j.contains(key))
            continue;
        if (!j[key].is_boolean())
            return badKey(key, std::string("'") + key + "' must be true or false");
        *flag = j[key].get<bool>();
    }
    if (j.contains("student")) {
        const auto &s = j["student"];
        if (!s.is_object())
            return badKey("student", "'student' must be an object {\"model\": id, \"params\": {}}");
        for (auto it = s.begin(); it != s.end(); ++it)
            if (it.key() != "model" && it.key() != "params")
                return badKey("student." + it.key(), "unknown key '" + it.key() + "' in student");
        if (s.contains("model")) {
            if (!s["model"].is_string())
                return badKey("student.model", "'student.model' must be a model id");
            p.studentModel = s["model"].get<std::string>();
        }
        if (s.contains("params")) {
            if (!s["params"].is_object())
                return badKey("student.params", "'student.params' must be an object");
            p.studentParams = s["params"];
        }
    }
    if (j.contains("evaluations")) {
        auto e = evaluationsFromJson(j["evaluations"]);
        if (!e)
            return tl::unexpected(e.error());
        p.evaluations = *e;
    }
    if (auto ok = p.loss.validate(); !ok) {
        Error e = ok.error();
        if (e.location.field == "topK")
            e.location.field = "top_k";
        else if (e.location.field == "rankDecay")
            e.location.field = "rank_decay";
        return tl::unexpected(e);
    }
    return p;
}

} // namespace recforge
