#include "itemmap.h"

#include <algorithm>
#include <map>

#include <torch/torch.h>

#include "recommend/userprofile.h"

namespace recforge {

Expected<ItemMap> buildItemMap(const EmbeddingMatrix &embeddings, const Dataset &dataset)
{
    if (embeddings.rows < 2 || embeddings.dim < 2)
        return makeError(ErrorCode::InvalidArgument,
                         "an item map needs at least 2 items with at least 2 dimensions");
    ItemMap map;
    try {
        torch::NoGradGuard noGrad;
        // [items, dim] float64: the covariance of small embeddings is better conditioned in double.
        const torch::Tensor x = torch::from_blob(const_cast<float *>(embeddings.values.data()),
                                                 {embeddings.rows, embeddings.dim}, torch::kFloat32)
                                    .to(torch::kFloat64);
        const torch::Tensor centred = x - x.mean(0, true);
        const torch::Tensor cov = centred.t().mm(centred) / double(embeddings.rows - 1);
        // Eigenvalues ascending: the last two columns are the principal directions.
        auto [values, vectors] = torch::linalg::eigh(cov, "L");
        const int64_t d = embeddings.dim;
        torch::Tensor directions =
            torch::stack({vectors.select(1, d - 1), vectors.select(1, d - 2)},
                         1); // [dim, 2]
        for (int64_t c = 0; c < 2; ++c) {
            torch::Tensor column = directions.select(1, c);
            const int64_t at = column.abs().argmax().item<int64_t>();
            if (column[at].item<double>() < 0)
                column.mul_(-1);
        }
        const torch::Tensor projected = centred.mm(directions).to(torch::kFloat32).contiguous();
        const float *p = projected.data_ptr<float>();
        map.x.resize(size_t(embeddings.rows));
        map.y.resize(size_t(embeddings.rows));
        for (int32_t i = 0; i < embeddings.rows; ++i) {
            map.x[size_t(i)] = p[2 * size_t(i)];
            map.y[size_t(i)] = p[2 * size_t(i) + 1];
        }
        const double total = values.clamp_min(0).sum().item<double>();
        if (total > 0) {
            map.explained[0] = std::max(0.0, values[d - 1].item<double>()) / total;
            map.explained[1] = std::max(0.0, values[d - 2].item<double>()) / total;
        }
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("item map: ") + e.what());
    }

    std::vector<std::string> names(size_t(embeddings.rows));
    std::map<std::string, int64_t> counts;
    for (int32_t i = 0; i < embeddings.rows; ++i) {
        names[size_t(i)] = size_t(i) < dataset.itemInfo.size()
                               ? categoryAt(dataset.itemInfo[size_t(i)], 0)
                               : std::string("(none)");
        ++counts[names[size_t(i)]];
    }
    std::vector<std::pair<int64_t, std::string>> order;
    for (const auto &[name, n] : counts)
        order.emplace_back(-n, name);
    std::sort(order.begin(), order.end());
    std::map<std::string, int32_t> index;
    for (const auto &[n, name] : order) {
        index[name] = int32_t(map.categories.size());
        map.categories.push_back(name);
    }
    map.category.reserve(names.size());
    for (const std::string &name : names)
        map.category.push_back(index[name]);
    return map;
}

} // namespace recforge
