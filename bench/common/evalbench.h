#pragma once
// Helpers shared by the evaluation benchmarks (header-only: bench/CMakeLists.txt builds one
// executable per bench_*.cpp).

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <torch/torch.h>

#include "eval/evaluator.h"

namespace recforge::bench {

template <typename T> T orExit(Expected<T> value, const char *what)
{
    if (!value) {
        std::fprintf(stderr, "%s: %s\n", what, value.error().toString().c_str());
        std::exit(1);
    }
    return std::move(*value);
}

inline void orExit(const Status &status, const char *what)
{
    if (!status) {
        std::fprintf(stderr, "%s: %s\n", what, status.error().toString().c_str());
        std::exit(1);
    }
}

// GFLOP/s of a plain torch::mm of [m, k] x [k, n], best of `repeats` after one warm-up.
inline double plainMatmulGflops(int64_t m, int64_t k, int64_t n, int repeats = 5)
{
    torch::NoGradGuard guard;
    const torch::Tensor a = torch::randn({m, k}), b = torch::randn({k, n});
    torch::Tensor c = torch::mm(a, b);
    double best = 1e30;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        c = torch::mm(a, b);
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return 2.0 * double(m) * double(k) * double(n) / best / 1e9;
}

// A matmul model with random embeddings: measures the evaluator's overhead around the one
// [batch, d] x [d, items] product per batch that every embedding model does.
class EmbeddingProbe final : public Recommender {
public:
    EmbeddingProbe(int32_t users, int32_t items, int64_t dim)
        : Recommender("embedding-probe", nlohmann::json{{"dim", dim}})
    {
        torch::manual_seed(1);
        m_users = torch::randn({users, dim});
        m_itemsT = torch::randn({items, dim}).t().contiguous();
    }
    Status fit(const TrainingData &, const FitContext &) override { return {}; }
    bool isFitted() const override { return true; }
    int32_t itemCount() const override { return int32_t(m_itemsT.size(1)); }
    torch::Tensor scoreItems(const ScoreRequest &request) override
    {
        const torch::Tensor ids = torch::tensor(
            std::vector<int64_t>(request.users.begin(), request.users.end()), torch::kLong);
        return torch::mm(m_users.index_select(0, ids), m_itemsT);
    }
    int64_t parameterCount() const override { return m_users.numel() + m_itemsT.numel(); }

protected:
    void writeState(torch::serialize::OutputArchive &) const override {}
    Status readState(torch::serialize::InputArchive &) override { return {}; }

private:
    torch::Tensor m_users, m_itemsT;
};

// "+1.2%" deviation of a measured value from a reference.
inline std::string deviation(double value, double reference)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f%%", 100.0 * (value - reference) / reference);
    return buf;
}

} // namespace recforge::bench
