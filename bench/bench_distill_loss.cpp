// The distillation loss of one training step on Amazon Beauty's shape: the fused soft-target +
// hard-label loss (train/fuseddistill.h) against the same loss through autograd
// (DistillObjective::combinedLoss on mm logits), forward + backward, same inputs, same run, for
// any mode (kl: the softened softmax; ranking: the teacher's top-K list; both). Prints ms per step,
// the ratio, the arithmetic floor (the three [n, d] x [d, items] GEMMs at the rate measured here)
// and how far each is from it.
//
//   bench_distill_loss [--rows 4000] [--items 12101] [--dim 64] [--steps 5] [--threads 0]
//                      [--temperature 2] [--alpha 0.5] [--mode both|kl|ranking] [--top-k 10]

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>

#include <torch/torch.h>

#include "runtime/runtime.h"
#include "train/distillobjective.h"
#include "train/fuseddistill.h"

using namespace recforge;

namespace {

double millis(const std::function<void()> &step, int steps)
{
    step(); // warm-up: buffers, thread pool
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i)
        step();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
               .count() /
           steps;
}

} // namespace

int main(int argc, char **argv)
{
    int64_t rows = 4000, items = 12101, dim = 64;
    int steps = 5, threads = 0;
    DistillLossOptions options;
    options.temperature = 2.0;
    options.alpha = 0.5;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--rows")
            rows = std::stoll(v);
        else if (a == "--items")
            items = std::stoll(v);
        else if (a == "--dim")
            dim = std::stoll(v);
        else if (a == "--steps")
            steps = std::stoi(v);
        else if (a == "--threads")
            threads = std::stoi(v);
        else if (a == "--temperature")
            options.temperature = std::stod(v);
        else if (a == "--alpha")
            options.alpha = std::stod(v);
        else if (a == "--mode") {
            auto mode = parseDistillMode(v);
            if (!mode) {
                std::fprintf(stderr, "--mode: %s\n", mode.error().message.c_str());
                return 2;
            }
            options.mode = *mode;
        } else if (a == "--top-k")
            options.topK = std::stoi(v);
    }
    applyRuntime(RuntimeOptions{DeviceChoice::Cpu, threads});
    torch::manual_seed(1);
    const torch::Tensor hidden0 = torch::randn({rows, dim}) * 0.3;
    const torch::Tensor items0 = torch::randn({items, dim}) * 0.3;
    const torch::Tensor teacher = torch::randn({rows, items}) * 3.0;
    const torch::Tensor targets = torch::randint(items, {rows}, torch::kLong);
    torch::Tensor hidden = hidden0.clone().requires_grad_(true);
    torch::Tensor table = items0.clone().requires_grad_(true);
    torch::Tensor scratch = torch::empty_like(teacher);

    double fusedLoss = 0, autogradLoss = 0;
    const double fused = millis(
        [&] {
            scratch.copy_(teacher); // the teacher's logits of the step (overwritten)
            torch::Tensor loss = fusedDistillationLoss(hidden, table, targets, scratch, options);
            loss.backward();
            fusedLoss = loss.item<double>();
        },
        steps);
    const double copyOnly = millis([&] { scratch.copy_(teacher); }, steps);
    const double autograd = millis(
        [&] {
            torch::Tensor loss = DistillObjective::combinedLoss(torch::mm(hidden, table.t()),
                                                                teacher, targets, options);
            loss.backward();
            autogradLoss = loss.item<double>();
        },
        steps);
    torch::Tensor a = torch::randn({rows, dim}), b = torch::randn({dim, items});
    torch::Tensor c = torch::empty({rows, items});
    const double gemm = millis([&] { torch::mm_out(c, a, b); }, steps);
    const double floor = 3 * gemm;
    const double gflops = 2.0 * double(rows) * double(items) * double(dim) / gemm / 1e6;

    std::printf("== Distillation loss, one step (forward + backward): %lld rows x %lld items, "
                "hidden %lld, mode %s (top %d), T %.1f, alpha %.2f, %d threads ==\n",
                (long long)rows, (long long)items, (long long)dim, distillModeName(options.mode),
                options.topK, options.temperature, options.alpha, torch::get_num_threads());
    std::printf("| variant | ms / step | x floor | ratio |\n|---|---|---|---|\n");
    std::printf("| autograd (combinedLoss on mm logits) | %.1f | %.2f | 1.00 |\n", autograd,
                autograd / floor);
    std::printf("| fused (fusedDistillationLoss) | %.1f | %.2f | %.2fx faster |\n",
                fused - copyOnly, (fused - copyOnly) / floor, autograd / (fused - copyOnly));
    std::printf("floor: 3 GEMMs of [%lld, %lld] x [%lld, %lld] = %.1f ms at %.1f GFLOP/s "
                "(measured here); the fused time excludes the %.1f ms copy of the teacher's "
                "logits the bench makes each step\n",
                (long long)rows, (long long)dim, (long long)dim, (long long)items, floor, gflops,
                copyOnly);
    std::printf("loss: fused %.6f, autograd %.6f (difference %.2e)\n", fusedLoss, autogradLoss,
                std::abs(fusedLoss - autogradLoss));
    return std::abs(fusedLoss - autogradLoss) < 1e-3 * std::abs(autogradLoss) ? 0 : 1;
}
