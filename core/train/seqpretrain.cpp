#include "seqpretrain.h"

#include <chrono>

#include "data/dataset.h"
#include "models/itemfeatures.h"
#include "models/paramschema.h"
#include "models/seqtransformer.h"
#include "models/textembedding.h"
#include "models/textencoderio.h"
#include "models/trainingdata.h"
#include "train/seqpretrained.h"
#include "train/seqpretrainobjective.h"
#include "train/trainer.h"

namespace recforge {

Expected<nlohmann::json> resolveEncoderParams(const nlohmann::json &model)
{
    return resolveParams(bert4recSchema(), model);
}

Expected<SeqPretrained> pretrainSequences(const PretrainParams &params, const TrainingData &data,
                                          const SeqPretrainInputs &inputs, Observer &observer,
                                          StopToken stop)
{
    if (auto s = params.validate(); !s)
        return tl::unexpected(s.error());
    auto resolved = resolveEncoderParams(params.model);
    if (!resolved)
        return tl::unexpected(resolved.error());
    const SeqTransformerParams model = SeqTransformerParams::fromJson(*resolved);
    if (model.hiddenSize % model.heads != 0)
        return makeError(ErrorCode::InvalidArgument, "hiddenSize must be a multiple of heads",
                         Location{"", 0, 0, "model.hiddenSize"});
    const auto start = std::chrono::steady_clock::now();
    SeqPretrained out;
    PretrainResult &result = out.result;
    try {
        const ItemFeatures *features =
            model.itemFeatures && inputs.features && inputs.features->itemCount == data.itemCount()
                ? inputs.features.get()
                : nullptr;
        const ItemFeatures *attributes = params.attributes && inputs.attributes &&
                                                 !inputs.attributes->empty() &&
                                                 inputs.attributes->itemCount == data.itemCount()
                                             ? inputs.attributes.get()
                                             : nullptr;
        if (params.attributes && !attributes)
            observer.onMessage("attribute prediction requested but no item has attributes; "
                               "pretraining without it");
        if (!params.cloze && !attributes)
            return makeError(ErrorCode::InvalidArgument,
                             "nothing to pretrain: cloze is off and no item has attributes",
                             Location{"", 0, 0, "attributes"});
        SeqNetExtras extras;
        extras.outputHead = true;
        if (inputs.textVectors.defined() && inputs.textVectors.size(0) == data.itemCount())
            extras.textVectors = inputs.textVectors;
        torch::manual_seed(params.train.seed);
        SeqTransformerNet net(data.itemCount(), model.maxLength, model.config(), features, extras);
        torch::Tensor prior;
        if (attributes)
            prior = SeqPretrainObjective::attributeTargets(*attributes).mean(0);
        SeqPretrainModel module(net, prior);
        SeqPretrainObjective objective(module, params, model.maxLength, data, attributes);
        if (objective.exampleCount() == 0)
            return makeError(ErrorCode::Empty, "pretraining: no user has a fit sequence");
        result.sequences = objective.exampleCount();
        result.attributeVocabulary = attributes ? attributes->vocabularySize : 0;
        for (const auto &p : net->parameters())
            result.parameterCount += p.numel();

        TrainParams tp = params.train;
        tp.restoreBest = false; // the "validation" is the training loss: keep the last weights
        tp.patience = 0;
        tp.monitor = "pretraining loss";
        observer.onMessage("pretraining on " + std::to_string(result.sequences) + " sequences" +
                           (attributes
                                ? ", " + std::to_string(result.attributeVocabulary) + " attributes"
                                : std::string()));
        auto trained = train(tp, objective, observer, stop);
        if (!trained)
            return tl::unexpected(trained.error());
        result.epochsRun = trained->epochsRun;
        result.steps = trained->steps;
        result.resumedFromEpoch = trained->resumedFromEpoch;
        result.epochLosses = trained->epochLosses;
        result.device = trained->device;
        for (const auto &[name, losses] : objective.history())
            result.objectiveLosses.emplace_back(name, losses);
        module->to(torch::kCPU);
        module->eval();
        if (!params.outputPath.empty()) {
            if (auto s = savePretrainedSeqNet(params.outputPath, *net, *resolved); !s)
                return tl::unexpected(s.error());
            result.outputPath = params.outputPath;
        }
        out.net = net;
        out.model = module.ptr();
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("pretraining failed: ") + e.what());
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

Expected<torch::Tensor> itemTextVectors(const std::string &folder, const Dataset &dataset)
{
    auto loaded = loadTextEncoder(folder);
    if (!loaded)
        return tl::unexpected(loaded.error());
    return encodeItemTexts(loaded->encoder, *loaded->tokenizer, dataset);
}

Expected<PretrainResult> runSequencePretraining(const PretrainParams &params,
                                                const Dataset &dataset, const TrainingData &data,
                                                Observer &observer, StopToken stop)
{
    SeqPretrainInputs inputs;
    inputs.features = std::make_shared<ItemFeatures>(ItemFeatures::build(dataset));
    ItemFeatureOptions targets;
    targets.priceBuckets = 0;
    inputs.attributes = std::make_shared<ItemFeatures>(ItemFeatures::build(dataset, targets));
    if (!params.textEncoder.empty()) {
        auto text = itemTextVectors(params.textEncoder, dataset);
        if (!text)
            return tl::unexpected(text.error());
        inputs.textVectors = *text;
    }
    auto done = pretrainSequences(params, data, inputs, observer, stop);
    if (!done)
        return tl::unexpected(done.error());
    return std::move(done->result);
}

} // namespace recforge
