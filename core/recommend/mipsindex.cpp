#include "recommend/mipsindex.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <thread>

#include <hnswlib/hnswlib.h>

#include <ATen/Parallel.h>
#include <torch/torch.h>

namespace recforge {
namespace {

// hnswlib's fastest distance kernel needs a dimension divisible by 16: the augmented vectors
// (embedding, bias slot, norm slot) are zero-padded up to it.
int32_t paddedDimension(int32_t dimension)
{
    return (dimension + 2 + 15) / 16 * 16;
}

float score(const EmbeddingMatrix &items, std::span<const float> bias, const float *user,
            int32_t item)
{
    const auto row = items.row(item);
    float s = bias.empty() ? 0.f : bias[size_t(item)];
    for (int32_t d = 0; d < items.dim; ++d)
        s += user[d] * row[size_t(d)];
    return s;
}

} // namespace

struct MipsIndex::Impl {
    EmbeddingMatrix items;
    std::vector<float> bias;
    int32_t padded = 0;
    int searchThreads = 0;
    std::unique_ptr<hnswlib::InnerProductSpace> space;
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> graph;
};

MipsIndex::MipsIndex(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
MipsIndex::MipsIndex(MipsIndex &&) noexcept = default;
MipsIndex &MipsIndex::operator=(MipsIndex &&) noexcept = default;
MipsIndex::~MipsIndex() = default;

int32_t MipsIndex::size() const
{
    return m_impl->items.rows;
}
int32_t MipsIndex::dimension() const
{
    return m_impl->items.dim;
}

Expected<MipsIndex> MipsIndex::build(const EmbeddingMatrix &items, std::span<const float> bias,
                                     const MipsIndexParams &params, ProgressReporter *progress)
{
    if (items.empty())
        return makeError(ErrorCode::InvalidArgument, "the index needs at least one item embedding");
    if (!bias.empty() && int64_t(bias.size()) != items.rows)
        return makeError(ErrorCode::InvalidArgument,
                         "item bias has " + std::to_string(bias.size()) + " values for " +
                             std::to_string(items.rows) + " items");
    if (params.m < 2 || params.efConstruction < 1 || params.ef < 1)
        return makeError(ErrorCode::InvalidArgument, "index parameters m >= 2, efConstruction >= 1 "
                                                     "and ef >= 1 are required");
    auto impl = std::make_unique<Impl>();
    impl->items = items;
    impl->bias.assign(bias.begin(), bias.end());
    impl->padded = paddedDimension(items.dim);
    impl->searchThreads = params.searchThreads;

    // Augmented rows [embedding, bias, 0...]; queries are [user, 1, 0...].
    const size_t padded = size_t(impl->padded);
    std::vector<float> rows(size_t(items.rows) * padded, 0.f);
    for (int32_t i = 0; i < items.rows; ++i) {
        const auto row = items.row(i);
        float *out = rows.data() + size_t(i) * padded;
        for (int32_t d = 0; d < items.dim; ++d) {
            if (!std::isfinite(row[size_t(d)]))
                return makeError(ErrorCode::InvalidArgument,
                                 "item " + std::to_string(i) + " has a non-finite embedding value");
            out[d] = row[size_t(d)];
        }
        out[items.dim] = bias.empty() ? 0.f : bias[size_t(i)];
        if (!std::isfinite(out[items.dim]))
            return makeError(ErrorCode::InvalidArgument,
                             "item " + std::to_string(i) + " has a non-finite bias");
    }
    impl->space = std::make_unique<hnswlib::InnerProductSpace>(padded);
    impl->graph = std::make_unique<hnswlib::HierarchicalNSW<float>>(
        impl->space.get(), size_t(items.rows), size_t(params.m), size_t(params.efConstruction),
        size_t(params.seed));
    impl->graph->setEf(size_t(params.ef));

    const int threads = std::max(1, params.buildThreads);
    std::atomic<int32_t> next{0};
    std::atomic<bool> stop{false};
    std::atomic<int64_t> added{0};
    auto worker = [&] {
        for (int32_t i = next++; i < items.rows && !stop; i = next++) {
            impl->graph->addPoint(rows.data() + size_t(i) * padded, hnswlib::labeltype(i));
            ++added;
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    // The calling thread inserts too and reports progress (ProgressReporter is not thread-safe).
    for (int32_t i = next++; i < items.rows && !stop; i = next++) {
        impl->graph->addPoint(rows.data() + size_t(i) * padded, hnswlib::labeltype(i));
        ++added;
        if (progress && !progress->tick(added))
            stop = true;
    }
    for (auto &t : pool)
        t.join();
    if (stop)
        return makeError(ErrorCode::Cancelled, "index build cancelled");
    return MipsIndex(std::move(impl));
}

std::vector<std::vector<RankedItem>>
MipsIndex::search(std::span<const float> users, int64_t rows, int k,
                  std::span<const std::vector<int32_t>> exclude, int ef) const
{
    const Impl &impl = *m_impl;
    const int32_t dim = impl.items.dim;
    std::vector<std::vector<RankedItem>> out(static_cast<size_t>(rows));
    if (k < 1 || rows <= 0)
        return out;
    auto answer = [&](int64_t r, std::vector<float> &query) {
        const float *user = users.data() + r * dim;
        std::copy(user, user + dim, query.begin());
        query[size_t(dim)] = 1.f; // multiplies the bias slot
        const std::vector<int32_t> *excluded = exclude.empty() ? nullptr : &exclude[size_t(r)];
        const size_t excludedCount = excluded ? excluded->size() : 0;
        const size_t want = std::min<size_t>(size_t(impl.items.rows),
                                             std::max<size_t>(size_t(ef), k + excludedCount));
        auto found = impl.graph->searchKnn(query.data(), want);
        std::vector<RankedItem> list;
        list.reserve(found.size());
        for (; !found.empty(); found.pop()) {
            const auto item = int32_t(found.top().second);
            if (excluded && std::find(excluded->begin(), excluded->end(), item) != excluded->end())
                continue;
            list.push_back({item, score(impl.items, impl.bias, user, item)});
        }
        std::sort(list.begin(), list.end(), rankedBefore);
        if (int(list.size()) > k)
            list.resize(size_t(k));
        out[size_t(r)] = std::move(list);
    };
    const int threads = impl.searchThreads > 0 ? impl.searchThreads : at::get_num_threads();
    std::atomic<int64_t> next{0};
    auto worker = [&] {
        std::vector<float> query(size_t(impl.padded), 0.f);
        for (int64_t r = next++; r < rows; r = next++)
            answer(r, query);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::min<int64_t>(threads, rows); ++t)
        pool.emplace_back(worker);
    worker();
    for (auto &t : pool)
        t.join();
    return out;
}

std::vector<std::vector<RankedItem>> exactTopK(const EmbeddingMatrix &items,
                                               std::span<const float> bias,
                                               std::span<const float> users, int64_t rows, int k,
                                               std::span<const std::vector<int32_t>> exclude)
{
    std::vector<std::vector<RankedItem>> out(static_cast<size_t>(rows));
    if (k < 1 || rows <= 0 || items.empty())
        return out;
    torch::NoGradGuard noGrad;
    const auto opts = torch::TensorOptions().dtype(torch::kFloat);
    const torch::Tensor u =
        torch::from_blob(const_cast<float *>(users.data()), {rows, items.dim}, opts);
    const torch::Tensor v =
        torch::from_blob(const_cast<float *>(items.values.data()), {items.rows, items.dim}, opts);
    torch::Tensor scores = u.mm(v.t());
    if (!bias.empty())
        scores.add_(torch::from_blob(const_cast<float *>(bias.data()), {items.rows}, opts));
    float *s = scores.data_ptr<float>();
    const int32_t n = items.rows;
    at::parallel_for(0, rows, 1, [&](int64_t begin, int64_t end) {
        for (int64_t r = begin; r < end; ++r) {
            float *row = s + r * n;
            if (!exclude.empty())
                for (int32_t item : exclude[size_t(r)])
                    if (item >= 0 && item < n)
                        row[item] = std::numeric_limits<float>::quiet_NaN();
            out[size_t(r)] = bestOfRow(row, n, k);
        }
    });
    return out;
}

void RecallAtK::add(const std::vector<std::vector<RankedItem>> &approximate,
                    const std::vector<std::vector<RankedItem>> &exact)
{
    for (size_t r = 0; r < exact.size(); ++r) {
        wanted += int64_t(exact[r].size());
        if (r >= approximate.size())
            continue;
        for (const RankedItem &e : exact[r])
            for (const RankedItem &a : approximate[r])
                if (a.item == e.item) {
                    ++found;
                    break;
                }
    }
}

} // namespace recforge
