// Top-K for every user of a large generated shop (default 1M users x 100k items, 64-dim
// embeddings + item bias, 20 history items masked per user), streamed in batches:
//   exact:  one score GEMM per batch + one heap pass per row (recommend/mipsindex.h exactTopK),
//   approx: HNSW index over the items (MipsIndex) and one graph search per user,
// with time, users/s, peak resident memory per phase (VmHWM, reset between phases) and recall@K
// of the index against exact top-K on a sample of users. References measured in the same run: a
// plain GEMM of the same shape (the exact phase's achieved rate against it) and the memory one
// unbatched score matrix would take.
//
//   bench_topk_scale [--users 1000000] [--items 100000] [--dim 64] [--k 10] [--history 20]
//                    [--batch-mb 256] [--m 16] [--ef-construction 200] [--ef 100]
//                    [--recall-users 2000] [--threads N] [--seed 42]
//
// Users and items are planted around 1000 cluster centres (item norms spread over [0.5, 2] so
// inner product and cosine disagree); each user is generated from its index, so both phases see
// the same users without keeping them in memory.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>

#include <torch/torch.h>

#include "recommend/mipsindex.h"
#include "runtime/runtime.h"

using namespace recforge;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// "VmHWM" / "VmRSS" of this process in MiB.
double procMiB(const char *field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0)
            return std::stod(line.substr(std::strlen(field) + 1)) / 1024.0;
    return -1;
}

// Resets the peak (VmHWM) to the current resident size (Linux >= 4.0).
void resetPeak()
{
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
}

struct Shop {
    int32_t items = 0, dim = 0, clusters = 1000, history = 20;
    uint64_t seed = 42;
    std::vector<float> centres;
    std::vector<std::vector<int32_t>> itemsOfCluster;
    EmbeddingMatrix itemVectors;
    std::vector<float> bias;

    void generate()
    {
        std::mt19937_64 rng(seed);
        std::normal_distribution<float> gauss(0.f, 1.f);
        std::uniform_real_distribution<float> norm(0.5f, 2.f);
        centres.resize(size_t(clusters) * size_t(dim));
        for (float &c : centres)
            c = gauss(rng);
        itemsOfCluster.assign(size_t(clusters), {});
        itemVectors.rows = items;
        itemVectors.dim = dim;
        itemVectors.values.resize(size_t(items) * size_t(dim));
        bias.resize(size_t(items));
        for (int32_t i = 0; i < items; ++i) {
            const auto c = int32_t(rng() % uint64_t(clusters));
            itemsOfCluster[size_t(c)].push_back(i);
            const float scale = norm(rng);
            for (int32_t d = 0; d < dim; ++d)
                itemVectors.values[size_t(i) * size_t(dim) + size_t(d)] =
                    scale * (centres[size_t(c) * size_t(dim) + size_t(d)] + 0.3f * gauss(rng));
            bias[size_t(i)] = 0.1f * gauss(rng);
        }
    }

    // Users [first, first + count): embeddings (row-major) and histories, from the user index.
    void users(int64_t first, int64_t count, std::vector<float> &vectors,
               std::vector<std::vector<int32_t>> &histories) const
    {
        vectors.resize(size_t(count) * size_t(dim));
        histories.resize(size_t(count));
        for (int64_t r = 0; r < count; ++r) {
            std::mt19937_64 rng(seed * 1000003u + uint64_t(first + r));
            std::normal_distribution<float> gauss(0.f, 1.f);
            const auto c = size_t(rng() % uint64_t(clusters));
            for (int32_t d = 0; d < dim; ++d)
                vectors[size_t(r) * size_t(dim) + size_t(d)] =
                    centres[c * size_t(dim) + size_t(d)] + 0.5f * gauss(rng);
            auto &h = histories[size_t(r)];
            h.clear();
            const auto &pool = itemsOfCluster[c].empty() ? itemsOfCluster[0] : itemsOfCluster[c];
            for (int j = 0; j < history && !pool.empty(); ++j)
                h.push_back(pool[rng() % pool.size()]);
        }
    }
};

double gemmGflops(int64_t rows, int64_t items, int64_t d)
{
    torch::Tensor a = torch::randn({rows, d}), b = torch::randn({items, d});
    torch::mm(a, b.t()); // warm-up
    const auto t = Clock::now();
    int reps = 0;
    while (since(t) < 2.0) {
        torch::mm(a, b.t());
        ++reps;
    }
    return 2.0 * double(rows) * double(items) * double(d) * reps / since(t) / 1e9;
}

struct Phase {
    const char *name;
    double seconds = 0;
    int64_t users = 0;
    double peakMiB = 0;
};

} // namespace

int main(int argc, char **argv)
{
    int64_t users = 1000000;
    Shop shop;
    shop.items = 100000;
    shop.dim = 64;
    int k = 10, batchMiB = 256, recallUsers = 2000, threads = 0;
    MipsIndexParams index;
    for (int i = 1; i < argc; ++i) {
        auto is = [&](const char *flag) { return !std::strcmp(argv[i], flag) && i + 1 < argc; };
        if (is("--users"))
            users = std::atoll(argv[++i]);
        else if (is("--items"))
            shop.items = std::atoi(argv[++i]);
        else if (is("--dim"))
            shop.dim = std::atoi(argv[++i]);
        else if (is("--k"))
            k = std::atoi(argv[++i]);
        else if (is("--history"))
            shop.history = std::atoi(argv[++i]);
        else if (is("--batch-mb"))
            batchMiB = std::atoi(argv[++i]);
        else if (is("--m"))
            index.m = std::atoi(argv[++i]);
        else if (is("--ef-construction"))
            index.efConstruction = std::atoi(argv[++i]);
        else if (is("--ef"))
            index.ef = std::atoi(argv[++i]);
        else if (is("--recall-users"))
            recallUsers = std::atoi(argv[++i]);
        else if (is("--threads"))
            threads = std::atoi(argv[++i]);
        else if (is("--seed"))
            shop.seed = std::strtoull(argv[++i], nullptr, 10);
        else {
            std::fprintf(stderr, "unknown argument %s\n", argv[i]);
            return 2;
        }
    }
    RuntimeOptions rt;
    rt.threads = threads;
    applyRuntime(rt);
    threads = torch::get_num_threads();
    index.buildThreads = threads;
    index.searchThreads = threads;
    torch::NoGradGuard noGrad;

    std::printf("top-K at scale: %lld users x %d items, dim %d (+ bias), k %d, %d history items "
                "masked per user, %d threads\n",
                static_cast<long long>(users), shop.items, shop.dim, k, shop.history, threads);
    shop.generate();
    const int64_t batch =
        std::max<int64_t>(1, int64_t(batchMiB) * 1024 * 1024 / (int64_t(shop.items) * 4));
    const int64_t stride = std::max<int64_t>(1, users / std::max(1, recallUsers));
    std::printf("batch %lld users (score block %.0f MiB); recall sample every %lld-th user\n",
                static_cast<long long>(batch), double(batch) * shop.items * 4 / 1048576.0,
                static_cast<long long>(stride));
    const double gemm = gemmGflops(batch, shop.items, shop.dim);
    std::printf("plain GEMM [%lld x %d] x [%d x %d]: %.1f GFLOP/s\n", static_cast<long long>(batch),
                shop.dim, shop.dim, shop.items, gemm);

    std::vector<float> vectors;
    std::vector<std::vector<int32_t>> histories;
    std::vector<std::vector<RankedItem>> exactSample; // lists of the recall sample users
    int64_t checksum = 0;

    // Exact: every user, streamed.
    Phase exact{"exact (GEMM + heap)"};
    resetPeak();
    auto t = Clock::now();
    for (int64_t first = 0; first < users; first += batch) {
        const int64_t n = std::min(batch, users - first);
        shop.users(first, n, vectors, histories);
        const auto lists = exactTopK(shop.itemVectors, shop.bias, vectors, n, k, histories);
        for (int64_t r = 0; r < n; ++r) {
            checksum += lists[size_t(r)].empty() ? 0 : lists[size_t(r)][0].item;
            if ((first + r) % stride == 0)
                exactSample.push_back(lists[size_t(r)]);
        }
        if ((first / batch) % 200 == 0)
            std::fprintf(stderr, "exact %lld / %lld users, %.0f s\n",
                         static_cast<long long>(first + n), static_cast<long long>(users),
                         since(t));
    }
    exact.seconds = since(t);
    exact.users = users;
    exact.peakMiB = procMiB("VmHWM:");

    // Approximate: build the index, then search every user, streamed.
    Phase build{"HNSW index build"};
    resetPeak();
    t = Clock::now();
    auto built = MipsIndex::build(shop.itemVectors, shop.bias, index);
    if (!built) {
        std::fprintf(stderr, "index: %s\n", built.error().toString().c_str());
        return 1;
    }
    build.seconds = since(t);
    build.peakMiB = procMiB("VmHWM:");

    Phase approx{"approx (HNSW search)"};
    RecallAtK recall;
    size_t sampleAt = 0;
    resetPeak();
    t = Clock::now();
    for (int64_t first = 0; first < users; first += batch) {
        const int64_t n = std::min(batch, users - first);
        shop.users(first, n, vectors, histories);
        const auto lists = built->search(vectors, n, k, histories, index.ef);
        for (int64_t r = 0; r < n; ++r) {
            checksum += lists[size_t(r)].empty() ? 0 : lists[size_t(r)][0].item;
            if ((first + r) % stride == 0 && sampleAt < exactSample.size())
                recall.add({lists[size_t(r)]}, {exactSample[sampleAt++]});
        }
        if ((first / batch) % 200 == 0)
            std::fprintf(stderr, "approx %lld / %lld users, %.0f s\n",
                         static_cast<long long>(first + n), static_cast<long long>(users),
                         since(t));
    }
    approx.seconds = since(t);
    approx.users = users;
    approx.peakMiB = procMiB("VmHWM:");

    const double flops = 2.0 * double(users) * shop.items * shop.dim;
    std::printf("\n| phase | users | seconds | users/s | peak RSS MiB |\n|---|---|---|---|---|\n");
    for (const Phase *p : {&exact, &build, &approx})
        std::printf("| %s | %lld | %.1f | %s | %.0f |\n", p->name, static_cast<long long>(p->users),
                    p->seconds,
                    p->users ? std::to_string(int64_t(double(p->users) / p->seconds)).c_str() : "-",
                    p->peakMiB);
    std::printf("\nexact: %.1f GFLOP of scores at %.1f GFLOP/s = %.2fx the plain GEMM rate "
                "(selection and masking included)\n",
                flops / 1e9, flops / 1e9 / exact.seconds, flops / 1e9 / exact.seconds / gemm);
    std::printf("unbatched score matrix would need %.0f GiB; the stream kept %.0f MiB per batch\n",
                double(users) * shop.items * 4 / 1073741824.0,
                double(batch) * shop.items * 4 / 1048576.0);
    std::printf("approx vs exact: %.2fx faster search (%.2fx including the index build); "
                "recall@%d %.4f on %lld sampled users (M %d, efConstruction %d, ef %d)\n",
                exact.seconds / approx.seconds, exact.seconds / (approx.seconds + build.seconds), k,
                recall.value(), static_cast<long long>(exactSample.size()), index.m,
                index.efConstruction, index.ef);
    std::printf("checksum %lld\n", static_cast<long long>(checksum));
    return 0;
}
