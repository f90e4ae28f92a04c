// Pretrain + fine-tune on Amazon Beauty (leave-one-out): behaviour pretraining of the
// bidirectional transformer (cloze + S3-Rec-style attribute prediction from the catalogue's
// category / brand attributes), then next-item fine-tuning of the causal transformer from that
// encoder, with early stopping on validation NDCG@10 (full ranking); test under full ranking and
// 99 uniform negatives against S3-Rec's published numbers. --scratch trains the same fine-tune
// model without the pretrained encoder (the from-scratch comparison).
//
//   bench_pretrain_beauty [--pretrain-epochs 20] [--epochs 200] [--patience 5] [--scratch]
//                         [--pretrained FILE (reuse, skip pretraining)] [--out FILE]
//                         [--pretrain '{json PretrainParams}'] [--params '{json sasrec}']
//                         [--finetune '{json FinetuneOptions}'] [--seed 42] [--threads N]
//                         [--monitor full|uni99 (early stopping on validation NDCG@10 under full
//                          ranking or 99 uniform negatives, S3-Rec's model selection)]
//
// A long run (tens of minutes on 2 cores): start it with nohup and a log file.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "beautydata.h"
#include "eval/evaluator.h"
#include "models/itemfeatures.h"
#include "models/modelfactory.h"
#include "models/seqtransformer.h"
#include "runtime/runtime.h"
#include "train/seqpretrain.h"
#include "train/trainevents.h"

using namespace recforge;

namespace {

class Log final : public TrainObserver {
public:
    void onEpoch(const EpochEvent &e) override
    {
        std::printf("epoch %3d  loss %.4f  %.1f s (%.0f seq/s)  lr %.2g", e.epoch, e.trainLoss,
                    e.seconds, e.samplesPerSecond, e.learningRate);
        for (const auto &[k, v] : e.metrics)
            std::printf("  %s %.4f", k.c_str(), v);
        std::printf("\n");
        std::fflush(stdout);
    }
    void onMessage(const std::string &m) override
    {
        std::printf("%s\n", m.c_str());
        std::fflush(stdout);
    }
};

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

} // namespace

int main(int argc, char **argv)
{
    int pretrainEpochs = 20, epochs = 200, patience = 5, threads = 0;
    uint64_t seed = 42;
    bool scratch = false;
    std::string pretrained, out = "build-pretrain/beauty-pretrained.pt";
    std::string monitor = "full"; // early stopping on validation NDCG@10: "full" | "uni99"
    nlohmann::json pretrainJson = nlohmann::json::object(), extra = nlohmann::json::object(),
                   finetuneJson = nlohmann::json::object();
    for (int i = 1; i < argc; ++i) {
        const auto next = [&] { return std::string(argv[++i]); };
        if (!std::strcmp(argv[i], "--pretrain-epochs") && i + 1 < argc)
            pretrainEpochs = std::stoi(next());
        else if (!std::strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = std::stoi(next());
        else if (!std::strcmp(argv[i], "--patience") && i + 1 < argc)
            patience = std::stoi(next());
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = std::stoi(next());
        else if (!std::strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = std::stoull(next());
        else if (!std::strcmp(argv[i], "--monitor") && i + 1 < argc)
            monitor = next();
        else if (!std::strcmp(argv[i], "--scratch"))
            scratch = true;
        else if (!std::strcmp(argv[i], "--pretrained") && i + 1 < argc)
            pretrained = next();
        else if (!std::strcmp(argv[i], "--out") && i + 1 < argc)
            out = next();
        else if (!std::strcmp(argv[i], "--pretrain") && i + 1 < argc)
            pretrainJson = nlohmann::json::parse(next());
        else if (!std::strcmp(argv[i], "--params") && i + 1 < argc)
            extra = nlohmann::json::parse(next());
        else if (!std::strcmp(argv[i], "--finetune") && i + 1 < argc)
            finetuneJson = nlohmann::json::parse(next());
    }
    if (monitor != "full" && monitor != "uni99") {
        std::fprintf(stderr, "--monitor must be full or uni99, not %s\n", monitor.c_str());
        return 1;
    }
    applyRuntime(RuntimeOptions{DeviceChoice::Cpu, threads});
    std::printf("threads: %d\n", torch::get_num_threads());
    bench::BeautyData beauty = bench::loadBeauty(true);
    const TrainingData &data = *beauty.data;
    std::printf("Beauty: %d users, %d items, %lld fit rows\n", data.userCount(), data.itemCount(),
                (long long)data.fitRowCount());

    // The encoder shape shared by pretraining and fine-tuning (bench_sasrec_beauty's best).
    nlohmann::json shape = {{"preset", "small"},
                            {"maxLength", 50},
                            {"dropout", 0.5},
                            {"attentionDropout", 0.5},
                            {"itemFeatures", true}};
    for (const auto &[k, v] : extra.items())
        if (k == "hiddenSize" || k == "layers" || k == "heads" || k == "ffnSize" ||
            k == "dropout" || k == "attentionDropout" || k == "maxLength" || k == "itemFeatures")
            shape[k] = v;
    auto features = std::make_shared<ItemFeatures>(ItemFeatures::build(beauty.dataset));
    Log log;
    const auto start = std::chrono::steady_clock::now();

    if (!scratch && pretrained.empty()) {
        nlohmann::json pj = {{"model", shape},
                             {"train",
                              {{"epochs", pretrainEpochs},
                               {"batchSize", 256},
                               {"learningRate", 1e-3},
                               {"seed", seed},
                               {"device", "cpu"},
                               {"threads", threads}}},
                             {"outputPath", out}};
        for (const auto &[k, v] : pretrainJson.items())
            pj[k] = v;
        auto params = pretrainParamsFromJson(pj);
        if (!params) {
            std::fprintf(stderr, "%s\n", params.error().toString().c_str());
            return 1;
        }
        std::printf("pretraining: %s\n", toJson(*params).dump().c_str());
        SeqPretrainInputs inputs;
        inputs.features = features;
        ItemFeatureOptions targets;
        targets.priceBuckets = 0;
        inputs.attributes =
            std::make_shared<ItemFeatures>(ItemFeatures::build(beauty.dataset, targets));
        auto done = pretrainSequences(*params, data, inputs, log);
        if (!done) {
            std::fprintf(stderr, "pretraining: %s\n", done.error().toString().c_str());
            return 1;
        }
        std::printf("pretraining: %d epochs, %.0f s -> %s\n", done->result.epochsRun,
                    done->result.seconds, out.c_str());
        pretrained = out;
    }

    nlohmann::json params = shape;
    params.update({{"epochs", epochs},
                   {"patience", patience},
                   {"batchSize", 256},
                   {"learningRate", 1e-3},
                   {"loss", "ce"},
                   {"weightDecay", 0.1}});
    for (const auto &[k, v] : extra.items())
        params[k] = v;
    auto created = createModel("sasrec", params);
    if (!created) {
        std::fprintf(stderr, "%s\n", created.error().toString().c_str());
        return 1;
    }
    auto &model = static_cast<SeqTransformer &>(**created);
    model.setItemFeatures(features);
    FinetuneOptions finetune;
    if (!scratch) {
        auto options = finetuneOptionsFromJson(finetuneJson);
        if (!options) {
            std::fprintf(stderr, "%s\n", options.error().toString().c_str());
            return 1;
        }
        finetune = *options;
        model.setPretrained(pretrained, finetune);
    }
    std::printf("%s: %s finetune %s\n", scratch ? "from scratch" : "fine-tuning",
                model.params().dump().c_str(), toJson(finetune).dump().c_str());

    FitContext ctx(log);
    ctx.seed = seed;
    ctx.device = "cpu";
    ctx.threads = threads; // the trainer applies it (0 = all cores)
    ctx.validate = [&](Recommender &m, int epoch) -> Expected<double> {
        EvalOptions eo;
        eo.stage = EvalStage::Validation;
        eo.ks = {10};
        eo.breakdown = false;
        NullObserver nobs;
        auto r = evaluate(m, data, eo, nobs);
        if (!r)
            return tl::unexpected(r.error());
        eo.candidates = Candidates::UniformSampled;
        eo.negatives = 99;
        auto u = evaluate(m, data, eo, nobs);
        if (!u)
            return tl::unexpected(u.error());
        std::printf("epoch %3d  validation NDCG@10 %.4f  HR@10 %.4f  uni-99 NDCG@10 %.4f  HR@10 "
                    "%.4f\n",
                    epoch, r->value("NDCG@10"), r->value("HR@10"), u->value("NDCG@10"),
                    u->value("HR@10"));
        std::fflush(stdout);
        return monitor == "uni99" ? u->value("NDCG@10") : r->value("NDCG@10");
    };
    if (auto s = model.fit(data, ctx); !s) {
        std::fprintf(stderr, "fit: %s\n", s.error().toString().c_str());
        return 1;
    }
    std::printf("total: %.0f s\n", seconds(start));

    NullObserver nobs;
    EvalOptions full;
    full.stage = EvalStage::Test;
    full.ks = {1, 5, 10, 20};
    full.breakdown = false;
    auto rf = evaluate(model, data, full, nobs);
    EvalOptions uni = full;
    uni.candidates = Candidates::UniformSampled;
    uni.negatives = 99;
    auto ru = evaluate(model, data, uni, nobs);
    if (!rf || !ru) {
        std::fprintf(stderr, "evaluate failed\n");
        return 1;
    }
    const char *name = scratch ? "SASRec from scratch" : "pretrain + fine-tune";
    std::printf("\n== %s on Amazon Beauty (%s) ==\n", name, rf->protocol.label().c_str());
    std::printf("Full ranking      HR@5   NDCG@5  HR@10  NDCG@10 HR@20  NDCG@20\n");
    std::printf("published S3-Rec  0.0387 0.0244  0.0647 0.0327  0.0994 0.0414\n");
    std::printf("RecForge          %.4f %.4f  %.4f %.4f  %.4f %.4f\n", rf->value("HR@5"),
                rf->value("NDCG@5"), rf->value("HR@10"), rf->value("NDCG@10"), rf->value("HR@20"),
                rf->value("NDCG@20"));
    std::printf("\nUniform 99 neg.   HR@1   HR@5   NDCG@5  HR@10  NDCG@10 MRR\n");
    std::printf("published S3-Rec  0.2192 0.4502 0.3407  0.5506 0.3732  0.3340\n");
    std::printf("RecForge          %.4f %.4f %.4f  %.4f %.4f  %.4f (MRR@20)\n", ru->value("HR@1"),
                ru->value("HR@5"), ru->value("NDCG@5"), ru->value("HR@10"), ru->value("NDCG@10"),
                ru->value("MRR@20"));
    const bool ok = ru->value("NDCG@10") >= 0.3732 && ru->value("HR@10") >= 0.5506 &&
                    rf->value("NDCG@10") >= 0.0327;
    std::printf("\nS3-Rec gate (uni-99 NDCG@10 >= 0.3732, HR@10 >= 0.5506; full NDCG@10 >= "
                "0.0327): %s\n",
                ok ? "met" : "NOT met");
    return ok ? 0 : 2;
}
