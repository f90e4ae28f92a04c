// SASRec (RecForge's causal SeqTransformer, full-softmax CE) on Amazon Beauty, leave-one-out, to
// convergence with early stopping on validation NDCG@10 (full ranking), then the test metrics
// under full ranking and 99 uniform negatives against the published S3-Rec table.
//
//   bench_sasrec_beauty [--epochs 200] [--patience 10] [--dropout 0.5] [--params '{json}']
//                       [--variant sasrec|bert4rec] [--features] [--seed 42]
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
#include "train/trainevents.h"

using namespace recforge;

namespace {

class Log final : public TrainObserver {
public:
    void onEpoch(const EpochEvent &e) override
    {
        std::printf("epoch %3d  loss %.4f  train %.1f s (%.0f seq/s)  epoch+val %.1f s  lr %.2g\n",
                    e.epoch, e.trainLoss, e.seconds - validationSeconds, e.samplesPerSecond,
                    e.seconds, e.learningRate);
        std::fflush(stdout);
    }
    void onMessage(const std::string &m) override
    {
        std::printf("%s\n", m.c_str());
        std::fflush(stdout);
    }
    double validationSeconds = 0;
};

} // namespace

int main(int argc, char **argv)
{
    int epochs = 200, patience = 10;
    double dropout = 0.5;
    uint64_t seed = 42;
    bool features = false;
    std::string variant = "sasrec";
    nlohmann::json extra = nlohmann::json::object();
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--patience") && i + 1 < argc)
            patience = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--dropout") && i + 1 < argc)
            dropout = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--variant") && i + 1 < argc)
            variant = argv[++i];
        else if (!std::strcmp(argv[i], "--features"))
            features = true;
        else if (!std::strcmp(argv[i], "--params") && i + 1 < argc)
            extra = nlohmann::json::parse(argv[++i]);
    }
    applyRuntime(RuntimeOptions{DeviceChoice::Cpu, 0});
    std::printf("threads: %d\n", torch::get_num_threads());

    bench::BeautyData beauty = bench::loadBeauty(features);
    const TrainingData &data = *beauty.data;
    std::printf("Beauty: %d users, %d items, %lld fit rows\n", data.userCount(), data.itemCount(),
                (long long)data.fitRowCount());

    nlohmann::json params = {{"preset", "small"},  {"maxLength", 50},
                             {"dropout", dropout}, {"attentionDropout", dropout},
                             {"epochs", epochs},   {"patience", patience},
                             {"batchSize", 256},   {"learningRate", 1e-3},
                             {"loss", "ce"},       {"itemFeatures", features}};
    for (const auto &[k, v] : extra.items())
        params[k] = v;
    auto created = createModel(variant, params);
    if (!created) {
        std::fprintf(stderr, "%s\n", created.error().toString().c_str());
        return 1;
    }
    auto model = std::move(*created);
    if (features)
        static_cast<SeqTransformer &>(*model).setItemFeatures(
            std::make_shared<ItemFeatures>(ItemFeatures::build(beauty.dataset)));
    std::printf("model %s params %s\n", variant.c_str(), model->params().dump().c_str());

    Log log;
    FitContext ctx(log);
    ctx.seed = seed;
    ctx.device = "cpu";
    ctx.validate = [&](Recommender &m, int epoch) -> Expected<double> {
        EvalOptions eo;
        eo.stage = EvalStage::Validation;
        eo.ks = {10};
        eo.breakdown = false;
        NullObserver nobs;
        auto r = evaluate(m, data, eo, nobs);
        if (!r)
            return tl::unexpected(r.error());
        log.validationSeconds = r->seconds;
        std::printf("epoch %3d  validation NDCG@10 %.4f  HR@10 %.4f  (%.1f s)\n", epoch,
                    r->value("NDCG@10"), r->value("HR@10"), r->seconds);
        std::fflush(stdout);
        return r->value("NDCG@10");
    };
    const auto start = std::chrono::steady_clock::now();
    if (auto s = model->fit(data, ctx); !s) {
        std::fprintf(stderr, "fit: %s\n", s.error().toString().c_str());
        return 1;
    }
    const double fitSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("fit: %.0f s\n", fitSeconds);

    NullObserver nobs;
    EvalOptions full;
    full.stage = EvalStage::Test;
    full.ks = {1, 5, 10, 20};
    full.breakdown = false;
    auto rf = evaluate(*model, data, full, nobs);
    EvalOptions uni = full;
    uni.candidates = Candidates::UniformSampled;
    uni.negatives = 99;
    auto ru = evaluate(*model, data, uni, nobs);
    if (!rf || !ru) {
        std::fprintf(stderr, "evaluate failed\n");
        return 1;
    }
    std::printf("\n== %s on Amazon Beauty (%s) ==\n", variant.c_str(),
                rf->protocol.label().c_str());
    std::printf("Full ranking      HR@5   NDCG@5  HR@10  NDCG@10 HR@20  NDCG@20\n");
    std::printf("published SASRec  0.0387 0.0249  0.0605 0.0318  0.0902 0.0394\n");
    std::printf("RecForge          %.4f %.4f  %.4f %.4f  %.4f %.4f\n", rf->value("HR@5"),
                rf->value("NDCG@5"), rf->value("HR@10"), rf->value("NDCG@10"), rf->value("HR@20"),
                rf->value("NDCG@20"));
    std::printf("\nUniform 99 neg.   HR@1   HR@5   NDCG@5  HR@10  NDCG@10 MRR\n");
    std::printf("published SASRec  0.1870 0.3741 0.2848  0.4696 0.3156  0.2852\n");
    std::printf("RecForge          %.4f %.4f %.4f  %.4f %.4f  %.4f (MRR@20)\n", ru->value("HR@1"),
                ru->value("HR@5"), ru->value("NDCG@5"), ru->value("HR@10"), ru->value("NDCG@10"),
                ru->value("MRR@20"));
    const bool ok = rf->value("NDCG@10") >= 0.0318 && rf->value("HR@10") >= 0.0605 &&
                    ru->value("NDCG@10") >= 0.3156 && ru->value("HR@10") >= 0.4696;
    std::printf("\nquality gate (full NDCG@10 >= 0.0318, HR@10 >= 0.0605; uni-99 NDCG@10 >= "
                "0.3156, HR@10 >= 0.4696): %s\n",
                ok ? "met" : "NOT met");
    std::printf("full evaluation %.2f s, uni-99 evaluation %.2f s\n", rf->seconds, ru->seconds);
    return ok ? 0 : 2;
}
