// Training and evaluation speed of the causal SeqTransformer (SASRec: 2 layers, hidden 64,
// 2 heads, max length 50, batch 256, full softmax) on Amazon Beauty, against the plain PyTorch
// reference bench/reference/sasrec_reference.py run with the same thread count in the same run.
//
//   bench_transformer_speed [--python /usr/bin/python3] [--threads N] [--plain-batches 20]
//                           [--skip-reference]
//
// Prints sequences/s of RecForge (one whole training epoch through the Trainer) and of the
// reference's two variants (plain: every padded position scored; gather: real positions only,
// like RecForge), the ratios, seconds per epoch, the arithmetic floor (real targets x items x
// hidden, forward + backward, at the GEMM rate measured here) and the full-ranking evaluation time
// of every Beauty test user against its floor.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>

#include "beautydata.h"
#include "eval/evaluator.h"
#include "models/modelfactory.h"
#include "runtime/runtime.h"
#include "train/trainevents.h"

using namespace recforge;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// Measured GEMM rate for the output layer's shape: [n, d] x [d, items].
double gemmGflops(int64_t items, int64_t d)
{
    torch::Tensor a = torch::randn({4096, d}), b = torch::randn({items, d});
    torch::mm(a, b.t()); // warm-up
    const auto t = Clock::now();
    int reps = 0;
    while (since(t) < 1.0) {
        torch::mm(a, b.t());
        ++reps;
    }
    return 2.0 * 4096 * double(items) * double(d) * reps / since(t) / 1e9;
}

class EpochTimer final : public TrainObserver {
public:
    void onEpoch(const EpochEvent &e) override { last = e; }
    EpochEvent last;
};

} // namespace

int main(int argc, char **argv)
{
    std::string python = "/usr/bin/python3";
    int threads = 0, plainBatches = 20;
    bool skipReference = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--python") && i + 1 < argc)
            python = argv[++i];
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--plain-batches") && i + 1 < argc)
            plainBatches = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--skip-reference"))
            skipReference = true;
    }
    auto device = applyRuntime(RuntimeOptions{DeviceChoice::Cpu, threads});
    threads = torch::get_num_threads();
    std::printf("threads: %d (intra-op)\n", threads);

    bench::BeautyData beauty = bench::loadBeauty(false);
    const TrainingData &data = *beauty.data;
    int64_t sequences = 0, targets = 0;
    for (int32_t u = 0; u < data.userCount(); ++u) {
        const int64_t n = std::min<int64_t>(int64_t(data.fitSequence(u).size()), 51);
        if (n >= 2) {
            ++sequences;
            targets += n - 1;
        }
    }
    const int64_t items = data.itemCount(), d = 64;
    std::printf("Beauty: %d users, %lld items, %lld training sequences, %lld real targets\n",
                data.userCount(), (long long)items, (long long)sequences, (long long)targets);

    // RecForge: one whole epoch through the Trainer (warm-up: a first short fit of 1 epoch on the
    // same data would double the run; the first few batches' allocation cost is inside the epoch).
    nlohmann::json params = {{"preset", "small"}, {"maxLength", 50}, {"batchSize", 256},
                             {"loss", "ce"},      {"epochs", 1},     {"dropout", 0.3}};
    auto model = std::move(*createModel("sasrec", params));
    EpochTimer timer;
    FitContext ctx(timer);
    ctx.device = "cpu";
    ctx.threads = threads;
    const auto fitStart = Clock::now();
    if (auto s = model->fit(data, ctx); !s) {
        std::fprintf(stderr, "fit: %s\n", s.error().toString().c_str());
        return 1;
    }
    const double ourEpoch = timer.last.seconds > 0 ? timer.last.seconds : since(fitStart);
    const double ours = double(sequences) / ourEpoch;

    // Full-ranking evaluation of every test user.
    EvalOptions eo;
    eo.stage = EvalStage::Test;
    eo.candidates = Candidates::Full;
    eo.ks = {10};
    eo.breakdown = false;
    NullObserver nobs;
    auto ev = evaluate(*model, data, eo, nobs);
    if (!ev) {
        std::fprintf(stderr, "evaluate: %s\n", ev.error().toString().c_str());
        return 1;
    }

    const double gflops = gemmGflops(items, d);
    // Output layer only: logits (2 n items d) forward, then grad wrt hidden and wrt items (2x).
    const double floorEpoch =
        3.0 * 2.0 * double(targets) * double(items) * double(d) / (gflops * 1e9);
    const double floorEval = 2.0 * double(ev->users) * double(items) * double(d) / (gflops * 1e9);

    std::map<std::string, double> ref;
    if (!skipReference) {
        const std::string script =
            (std::filesystem::path(RECFORGE_BENCH_DIR) / "reference/sasrec_reference.py").string();
        const std::string cmd = python + " " + script + " --data " + bench::beautyDir() +
                                "/Beauty.txt --threads " + std::to_string(threads) + " --batches " +
                                std::to_string(plainBatches) + " 2>&1";
        std::printf("reference: %s\n", cmd.c_str());
        std::fflush(stdout);
        if (FILE *p = popen(cmd.c_str(), "r")) {
            char line[512];
            while (std::fgets(line, sizeof line, p)) {
                std::fputs(line, stdout);
                char variant[32];
                double rate = 0;
                if (std::sscanf(line, "REFERENCE %31s seq_per_s=%lf", variant, &rate) == 2)
                    ref[variant] = rate;
            }
            pclose(p);
        }
    }

    std::printf("\n== SASRec training throughput (Beauty, 2 layers, hidden 64, 2 heads, max len "
                "50, batch 256, full softmax, %d threads) ==\n",
                threads);
    std::printf("%-34s %10s %10s %8s\n", "", "seq/s", "s/epoch", "ratio");
    std::printf("%-34s %10.1f %10.2f %8s\n", "RecForge (whole epoch)", ours, ourEpoch, "1.00");
    for (const auto &[name, rate] : ref)
        std::printf("%-34s %10.1f %10.2f %8.2f\n", ("PyTorch reference (" + name + ")").c_str(),
                    rate, double(sequences) / rate, ours / rate);
    std::printf("arithmetic floor (output layer at %.1f GFLOP/s): %.2f s/epoch; RecForge is "
                "%.2fx the floor (%.2f s above it)\n",
                gflops, floorEpoch, ourEpoch / floorEpoch, ourEpoch - floorEpoch);
    std::printf("target: <= 20 s/epoch -> %s\n", ourEpoch <= 20 ? "met" : "NOT met");
    if (ref.count("gather"))
        std::printf("target: >= 1.3x the reference (gather variant, the fair one) -> %.2fx %s\n",
                    ours / ref["gather"], ours / ref["gather"] >= 1.3 ? "met" : "NOT met");
    if (ref.count("plain"))
        std::printf("target: >= 1.3x the reference (plain script) -> %.2fx %s\n",
                    ours / ref["plain"], ours / ref["plain"] >= 1.3 ? "met" : "NOT met");

    std::printf("\n== Full-ranking evaluation (%lld test users x %lld items) ==\n",
                (long long)ev->users, (long long)items);
    std::printf("evaluate(): %.2f s (model scoring %.2f s, ranking + metrics %.2f s); floor %.2f s "
                "(%.1fx); target <= 2 s -> %s\n",
                ev->seconds, ev->scoringSeconds, ev->seconds - ev->scoringSeconds, floorEval,
                ev->seconds / floorEval, ev->seconds <= 2 ? "met" : "NOT met");
    // Useful FLOPs of scoring: the encoder on every real history position (the final layer
    // only needs keys / values there, plus a full pass for the last position) and the score GEMM.
    const double ffn = 256, layers = 2;
    double encoderFlops = 0;
    for (const EvalCase &c : data.cases(EvalStage::Test)) {
        const double len = double(std::min<size_t>(c.history.size(), 50));
        if (len == 0)
            continue;
        const double attention = 4.0 * len * double(d); // scores + context per query position
        const double full = 2.0 * d * 3 * d + 2.0 * d * d + 4.0 * d * ffn + attention;
        encoderFlops += (layers - 1) * len * full + (len - 1) * 2.0 * d * 2 * d + full;
    }
    const double matmulFlops = 2.0 * double(ev->users) * double(items) * double(d);
    const double scoringRate = (encoderFlops + matmulFlops) / ev->scoringSeconds / 1e9;
    const double evalRate = (encoderFlops + matmulFlops) / ev->seconds / 1e9;
    std::printf("users/s: %.0f; useful work %.1f GFLOP (encoder %.1f + scores %.1f)\n",
                ev->usersPerSecond, (encoderFlops + matmulFlops) / 1e9, encoderFlops / 1e9,
                matmulFlops / 1e9);
    std::printf("achieved: scoring %.1f GFLOP/s, whole evaluate() %.1f GFLOP/s; plain GEMM %.1f "
                "GFLOP/s -> %.2fx / %.2fx of it; target >= 0.5x -> %s\n",
                scoringRate, evalRate, gflops, scoringRate / gflops, evalRate / gflops,
                evalRate / gflops >= 0.5 ? "met" : "NOT met");
    std::printf("NDCG@10 after one epoch: %.4f\n", ev->value("NDCG@10"));
    return 0;
}
