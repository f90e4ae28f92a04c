// JSON form of TrainRunConfig (the run.json of `recforge-cli train --config`).
#include "trainrun.h"

namespace recforge {

namespace {

tl::unexpected<Error> badKey(const std::string &key, const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument, message, Location{"", 0, 0, key});
}

Expected<EvalSpec> evalSpecFromJson(const nlohmann::json &j, const std::string &key)
{
    EvalSpec s;
    if (!j.is_object())
        return badKey(key, "an evaluation must be an object {candidates, negatives, ks}");
    if (j.contains("candidates")) {
        if (!j["candidates"].is_string())
            return badKey(key + ".candidates", "expected \"full\", \"uniform\" or \"popularity\"");
        auto c = parseCandidates(j["candidates"].get<std::string>());
        if (!c)
            return badKey(key + ".candidates", c.error().message);
        s.candidates = *c;
    }
    if (j.contains("negatives")) {
        if (!j["negatives"].is_number_integer() || j["negatives"].get<int>() < 1)
            return badKey(key + ".negatives", "expected an integer >= 1");
        s.negatives = j["negatives"].get<int>();
    }
    if (j.contains("ks")) {
        if (!j["ks"].is_array() || j["ks"].empty())
            return badKey(key + ".ks", "expected a non-empty array of cut-offs");
        s.ks.clear();
        for (const auto &k : j["ks"]) {
            if (!k.is_number_integer() || k.get<int>() < 1 || k.get<int>() > 1000)
                return badKey(key + ".ks", "cut-offs must be integers in [1, 1000]");
            s.ks.push_back(k.get<int>());
        }
    }
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "candidates" && it.key() != "negatives" && it.key() != "ks")
            return badKey(key + "." + it.key(), "unknown key '" + it.key() + "'");
    return s;
}

Error withSplitField(Error e)
{
    e.location.field = "split." + e.location.field;
    return e;
}

} // namespace

nlohmann::json toJson(const TrainRunConfig &c)
{
    nlohmann::json evaluations = nlohmann::json::array();
    for (const EvalSpec &s : c.evaluations)
        evaluations.push_back({{"candidates", candidatesName(s.candidates)},
                               {"negatives", s.negatives},
                               {"ks", s.ks}});
    nlohmann::json j = {{"dataset", c.dataset},
                        {"model", c.model},
                        {"params", c.params},
                        {"seed", c.seed},
                        {"device", deviceChoiceName(c.runtime.device)},
                        {"threads", c.runtime.threads},
                        {"fit_scope", fitScopeName(c.fitScope)},
                        {"validate_each_epoch", c.validateEachEpoch},
                        {"validation_users", c.validationUsers},
                        {"evaluations", evaluations},
                        {"name", c.runName}};
    if (!c.pretrained.empty())
        j["pretrained"] = c.pretrained;
    // Also without a pretrained file yet: a pipeline's fine-tune stage gets its encoder when the
    // pretrain stage ends, and its options must survive the pipeline file until then.
    const nlohmann::json finetune = toJson(c.finetune);
    if (!c.pretrained.empty() || finetune != toJson(FinetuneOptions{}))
        j["finetune"] = finetune;
    if (!c.textEncoder.empty())
        j["text_encoder"] = c.textEncoder;
    if (c.parentRunId > 0)
        j["parent_run"] = c.parentRunId;
    if (!c.splitName.empty())
        j["split"] = c.splitName;
    else
        j["split"] = toJson(c.split);
    return j;
}

Expected<TrainRunConfig> trainRunConfigFromJson(const nlohmann::json &j)
{
    TrainRunConfig c;
    if (!j.is_object())
        return badKey("", "the run config must be a JSON object");
    static const char *known[] = {"dataset",          "split",       "model",
                                  "params",           "seed",        "device",
                                  "threads",          "fit_scope",   "validate_each_epoch",
                                  "validation_users", "evaluations", "name",
                                  "pretrained",       "finetune",    "text_encoder",
                                  "parent_run"};
    for (auto it = j.begin(); it != j.end(); ++it) {
        bool ok = false;
        for (const char *k : known)
            ok = ok || it.key() == k;
        if (!ok)
            return badKey(it.key(), "unknown key '" + it.key() + "' in the run config");
    }
    auto str = [&](const char *key, std::string &out) -> Status {
        if (!j.contains(key))
            return {};
        if (!j[key].is_string())
            return badKey(key, std::string("'") + key + "' must be a string");
        out = j[key].get<std::string>();
        return {};
    };
    if (auto ok = str("dataset", c.dataset); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = str("model", c.model); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = str("name", c.runName); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = str("pretrained", c.pretrained); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = str("text_encoder", c.textEncoder); !ok)
        return tl::unexpected(ok.error());
    if (j.contains("finetune")) {
        auto f = finetuneOptionsFromJson(j["finetune"]);
        if (!f)
            return tl::unexpected(f.error());
        c.finetune = *f;
    }
    if (j.contains("parent_run")) {
        if (!j["parent_run"].is_number_integer() || j["parent_run"].get<int64_t>() < 0)
            return badKey("parent_run", "'parent_run' must be a run id (integer >= 0)");
        c.parentRunId = j["parent_run"].get<int64_t>();
    }
    if (j.contains("split")) {
        if (j["split"].is_string()) {
            c.splitName = j["split"].get<std::string>();
        } else {
            auto p = splitParamsFromJson(j["split"]);
            if (!p)
                return tl::unexpected(withSplitField(p.error()));
            c.split = *p;
        }
    }
    if (j.contains("params")) {
        if (!j["params"].is_object())
            return badKey("params", "'params' must be an object");
        c.params = j["params"];
    }
    if (j.contains("seed")) {
        if (!j["seed"].is_number_unsigned() && !j["seed"].is_number_integer())
            return badKey("seed", "'seed' must be a non-negative integer");
        c.seed = j["seed"].get<uint64_t>();
    }
    if (j.contains("device")) {
        if (!j["device"].is_string())
            return badKey("device", "'device' must be \"auto\", \"cpu\" or \"cuda\"");
        auto d = parseDeviceChoice(j["device"].get<std::string>());
        if (!d)
            return tl::unexpected(d.error());
        c.runtime.device = *d;
    }
    if (j.contains("threads")) {
        if (!j["threads"].is_number_integer() || j["threads"].get<int>() < 0)
            return badKey("threads", "'threads' must be an integer >= 0 (0 = all cores)");
        c.runtime.threads = j["threads"].get<int>();
    }
    if (j.contains("fit_scope")) {
        const std::string s = j["fit_scope"].is_string() ? j["fit_scope"].get<std::string>() : "";
        if (s == "train")
            c.fitScope = FitScope::Train;
        else if (s == "train+validation")
            c.fitScope = FitScope::TrainAndValidation;
        else
            return badKey("fit_scope", "'fit_scope' must be \"train\" or \"train+validation\"");
    }
    if (j.contains("validate_each_epoch")) {
        if (!j["validate_each_epoch"].is_boolean())
            return badKey("validate_each_epoch", "'validate_each_epoch' must be true or false");
        c.validateEachEpoch = j["validate_each_epoch"].get<bool>();
    }
    if (j.contains("validation_users")) {
        if (!j["validation_users"].is_number_integer() || j["validation_users"].get<int64_t>() < 0)
            return badKey("validation_users", "'validation_users' must be an integer >= 0");
        c.validationUsers = j["validation_users"].get<int64_t>();
    }
    if (j.contains("evaluations")) {
        if (!j["evaluations"].is_array())
            return badKey("evaluations", "'evaluations' must be an array");
        c.evaluations.clear();
        for (size_t i = 0; i < j["evaluations"].size(); ++i) {
            auto s =
                evalSpecFromJson(j["evaluations"][i], "evaluations[" + std::to_string(i) + "]");
            if (!s)
                return tl::unexpected(s.error());
            c.evaluations.push_back(*s);
        }
    }
    return c;
}

} // namespace recforge
