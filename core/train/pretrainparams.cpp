#include "pretrainparams.h"

#include <cmath>
#include <limits>

namespace recforge {

namespace {

Status invalid(const std::string &field, const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument, message, Location{"", 0, 0, field});
}

// Reads json[key] into out when present; InvalidArgument naming the key on a type mismatch.
template <typename T> Status read(const nlohmann::json &json, const char *key, T &out)
{
    auto it = json.find(key);
    if (it == json.end() || it->is_null())
        return {};
    try {
        out = it->get<T>();
    } catch (const std::exception &) {
        return invalid(key, std::string("'") + key + "' has the wrong type");
    }
    return {};
}

nlohmann::json number(double v)
{
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
}

#define RF_READ(json, key, target)                                                                 \
    if (auto s = read(json, key, target); !s)                                                      \
        return tl::unexpected(s.error());

} // namespace

Status FinetuneOptions::validate() const
{
    if (freezeLayers < 0)
        return invalid("freezeLayers", "freezeLayers must be >= 0");
    if (!(layerDecay > 0 && layerDecay <= 1))
        return invalid("layerDecay", "layerDecay must be in (0, 1]");
    if (dropHead && reinitHead)
        return invalid("dropHead", "dropHead and reinitHead exclude each other");
    return {};
}

TrainParams PretrainParams::defaultTrain()
{
    TrainParams t;
    t.epochs = 50;
    t.batchSize = 256;
    t.learningRate = 1e-3;
    t.clipNorm = 5.0;
    t.restoreBest = false;
    return t;
}

Status PretrainParams::validate() const
{
    if (!model.is_object())
        return invalid("model", "model must be a JSON object of transformer params");
    if (!cloze && !attributes)
        return invalid("cloze", "choose at least one pretraining objective (cloze, attributes)");
    if (!(maskProb > 0 && maskProb < 1))
        return invalid("maskProb", "maskProb must be in (0, 1)");
    if (clozeLoss != "softmax" && clozeLoss != "sampled")
        return invalid("clozeLoss", "clozeLoss must be \"softmax\" or \"sampled\"");
    if (clozeNegatives < 1)
        return invalid("clozeNegatives", "clozeNegatives must be >= 1");
    if (clozeWeight < 0 || itemAttributeWeight < 0 || maskedAttributeWeight < 0)
        return invalid("clozeWeight", "objective weights must be >= 0");
    if (attributes && itemAttributeWeight == 0 && maskedAttributeWeight == 0)
        return invalid("itemAttributeWeight", "attribute prediction needs a positive weight");
    return train.validate();
}

TrainParams PairFinetuneParams::defaultTrain()
{
    TrainParams t;
    t.epochs = 10;
    t.batchSize = 256;
    t.learningRate = 5e-4;
    t.clipNorm = 5.0;
    t.restoreBest = false;
    return t;
}

Status PairFinetuneParams::validate() const
{
    if (pretrained.empty())
        return invalid("pretrained", "a pretrained encoder file is required");
    if (!model.is_object())
        return invalid("model", "model must be a JSON object of transformer params");
    if (task == PairTask::Classification && positiveEvent != "purchase" &&
        positiveEvent != "click" && positiveEvent != "cart" && positiveEvent != "view")
        return invalid("positiveEvent", "positiveEvent must be purchase, click, cart or view");
    if (auto s = finetune.validate(); !s)
        return s;
    return train.validate();
}

nlohmann::json toJson(const FinetuneOptions &o)
{
    return {{"freezeLayers", o.freezeLayers},
            {"freezeEmbeddings", o.freezeEmbeddings},
            {"layerDecay", o.layerDecay},
            {"reinitHead", o.reinitHead},
            {"dropHead", o.dropHead}};
}

Expected<FinetuneOptions> finetuneOptionsFromJson(const nlohmann::json &json)
{
    FinetuneOptions o;
    if (!json.is_object())
        return tl::unexpected(
            invalid("finetune", "finetune options must be a JSON object").error());
    RF_READ(json, "freezeLayers", o.freezeLayers);
    RF_READ(json, "freezeEmbeddings", o.freezeEmbeddings);
    RF_READ(json, "layerDecay", o.layerDecay);
    RF_READ(json, "reinitHead", o.reinitHead);
    RF_READ(json, "dropHead", o.dropHead);
    if (auto s = o.validate(); !s)
        return tl::unexpected(s.error());
    return o;
}

nlohmann::json toJson(const PretrainParams &p)
{
    return {{"model", p.model},
            {"cloze", p.cloze},
            {"clozeWeight", p.clozeWeight},
            {"maskProb", p.maskProb},
            {"prefixes", p.prefixes},
            {"clozeLoss", p.clozeLoss},
            {"clozeNegatives", p.clozeNegatives},
            {"attributes", p.attributes},
            {"itemAttributeWeight", p.itemAttributeWeight},
            {"maskedAttributeWeight", p.maskedAttributeWeight},
            {"train", toJson(p.train)},
            {"outputPath", p.outputPath},
            {"textEncoder", p.textEncoder}};
}

Expected<PretrainParams> pretrainParamsFromJson(const nlohmann::json &json)
{
    PretrainParams p;
    if (!json.is_object())
        return tl::unexpected(invalid("", "pretraining params must be a JSON object").error());
    if (auto it = json.find("model"); it != json.end())
        p.model = *it;
    RF_READ(json, "cloze", p.cloze);
    RF_READ(json, "clozeWeight", p.clozeWeight);
    RF_READ(json, "maskProb", p.maskProb);
    RF_READ(json, "prefixes", p.prefixes);
    RF_READ(json, "clozeLoss", p.clozeLoss);
    RF_READ(json, "clozeNegatives", p.clozeNegatives);
    RF_READ(json, "attributes", p.attributes);
    RF_READ(json, "itemAttributeWeight", p.itemAttributeWeight);
    RF_READ(json, "maskedAttributeWeight", p.maskedAttributeWeight);
    RF_READ(json, "outputPath", p.outputPath);
    RF_READ(json, "textEncoder", p.textEncoder);
    if (auto it = json.find("train"); it != json.end()) {
        nlohmann::json merged = toJson(PretrainParams::defaultTrain());
        merged.update(*it);
        auto t = trainParamsFromJson(merged);
        if (!t)
            return tl::unexpected(t.error());
        p.train = *t;
    }
    if (auto s = p.validate(); !s)
        return tl::unexpected(s.error());
    return p;
}

nlohmann::json toJson(const PretrainResult &r)
{
    nlohmann::json objectives = nlohmann::json::object();
    for (const auto &[name, losses] : r.objectiveLosses) {
        nlohmann::json values = nlohmann::json::array();
        for (double v : losses)
            values.push_back(number(v));
        objectives[name] = values;
    }
    nlohmann::json losses = nlohmann::json::array();
    for (double v : r.epochLosses)
        losses.push_back(number(v));
    return {{"epochsRun", r.epochsRun},
            {"steps", r.steps},
            {"resumedFromEpoch", r.resumedFromEpoch},
            {"epochLosses", losses},
            {"objectiveLosses", objectives},
            {"sequences", r.sequences},
            {"attributeVocabulary", r.attributeVocabulary},
            {"parameterCount", r.parameterCount},
            {"outputPath", r.outputPath},
            {"device", r.device},
            {"seconds", r.seconds}};
}

Expected<PretrainResult> pretrainResultFromJson(const nlohmann::json &json)
{
    PretrainResult r;
    if (!json.is_object())
        return tl::unexpected(invalid("", "pretraining result must be a JSON object").error());
    RF_READ(json, "epochsRun", r.epochsRun);
    RF_READ(json, "steps", r.steps);
    RF_READ(json, "resumedFromEpoch", r.resumedFromEpoch);
    RF_READ(json, "sequences", r.sequences);
    RF_READ(json, "attributeVocabulary", r.attributeVocabulary);
    RF_READ(json, "parameterCount", r.parameterCount);
    RF_READ(json, "outputPath", r.outputPath);
    RF_READ(json, "device", r.device);
    RF_READ(json, "seconds", r.seconds);
    const auto toNumbers = [](const nlohmann::json &a) {
        std::vector<double> out;
        for (const auto &v : a)
            out.push_back(v.is_number() ? v.get<double>()
                                        : std::numeric_limits<double>::quiet_NaN());
        return out;
    };
    if (auto it = json.find("epochLosses"); it != json.end() && it->is_array())
        r.epochLosses = toNumbers(*it);
    if (auto it = json.find("objectiveLosses"); it != json.end() && it->is_object())
        for (const auto &[name, values] : it->items())
            r.objectiveLosses.emplace_back(name, toNumbers(values));
    return r;
}

nlohmann::json toJson(const PairFinetuneParams &p)
{
    return {{"pretrained", p.pretrained},
            {"model", p.model},
            {"task", p.task == PairTask::Classification ? "classification" : "regression"},
            {"positiveEvent", p.positiveEvent},
            {"finetune", toJson(p.finetune)},
            {"train", toJson(p.train)}};
}

Expected<PairFinetuneParams> pairFinetuneParamsFromJson(const nlohmann::json &json)
{
    PairFinetuneParams p;
    if (!json.is_object())
        return tl::unexpected(invalid("", "fine-tuning params must be a JSON object").error());
    RF_READ(json, "pretrained", p.pretrained);
    if (auto it = json.find("model"); it != json.end())
        p.model = *it;
    std::string task = "classification";
    RF_READ(json, "task", task);
    if (task != "classification" && task != "regression")
        return tl::unexpected(invalid("task", "task must be classification or regression").error());
    p.task = task == "classification" ? PairTask::Classification : PairTask::Regression;
    RF_READ(json, "positiveEvent", p.positiveEvent);
    if (auto it = json.find("finetune"); it != json.end()) {
        auto o = finetuneOptionsFromJson(*it);
        if (!o)
            return tl::unexpected(o.error());
        p.finetune = *o;
    }
    if (auto it = json.find("train"); it != json.end()) {
        nlohmann::json merged = toJson(PairFinetuneParams::defaultTrain());
        merged.update(*it);
        auto t = trainParamsFromJson(merged);
        if (!t)
            return tl::unexpected(t.error());
        p.train = *t;
    }
    if (auto s = p.validate(); !s)
        return tl::unexpected(s.error());
    return p;
}

nlohmann::json toJson(const PairFinetuneResult &r)
{
    nlohmann::json losses = nlohmann::json::array();
    for (double v : r.epochLosses)
        losses.push_back(number(v));
    return {{"task", r.task == PairTask::Classification ? "classification" : "regression"},
            {"epochsRun", r.epochsRun},
            {"epochLosses", losses},
            {"trainPairs", r.trainPairs},
            {"heldOutPairs", r.heldOutPairs},
            {"auc", number(r.auc)},
            {"logLoss", number(r.logLoss)},
            {"rmse", number(r.rmse)},
            {"mae", number(r.mae)},
            {"initialAuc", number(r.initialAuc)},
            {"initialLogLoss", number(r.initialLogLoss)},
            {"initialRmse", number(r.initialRmse)},
            {"initialMae", number(r.initialMae)},
            {"seconds", r.seconds}};
}

} // namespace recforge
