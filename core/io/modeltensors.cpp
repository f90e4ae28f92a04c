#include "modeltensors.h"

#include <torch/torch.h>

#include "models/recommender.h"

namespace recforge {

namespace {
constexpr int64_t kRowsPerCall = 256; // one-item histories scored together
}

Expected<at::Tensor> itemItemMatrix(Recommender &model)
{
    if (model.id() != "itemknn" && model.id() != "ease")
        return makeError(ErrorCode::InvalidArgument,
                         "'" + model.id() + "' is not an item-item model (itemknn, ease)");
    if (model.id() == "itemknn" && model.params().value("feedback", "binary") == "values")
        return makeError(ErrorCode::InvalidArgument,
                         "itemknn with feedback \"values\" weighs history items by their values, "
                         "which an item-id input cannot carry; export a binary itemknn",
                         Location{"", 0, 0, "feedback"});
    if (!model.isFitted())
        return makeError(ErrorCode::InvalidArgument, "the model is not fitted");
    const int64_t items = model.itemCount();
    if (items > kMaxDenseItems)
        return makeError(ErrorCode::InvalidArgument,
                         "a dense item-item matrix of " + std::to_string(items) +
                             " items is too large (limit " + std::to_string(kMaxDenseItems) + ")");
    torch::Tensor out = torch::empty({items, items}, torch::kFloat);
    // One-item histories: score row j is exactly row j of the item-item weights.
    std::vector<int32_t> ids(static_cast<size_t>(items));
    std::vector<int64_t> times(static_cast<size_t>(items), 0);
    std::vector<uint16_t> events(static_cast<size_t>(items), 0);
    std::vector<float> values(static_cast<size_t>(items), 1.0f);
    for (int64_t j = 0; j < items; ++j)
        ids[size_t(j)] = int32_t(j);
    for (int64_t begin = 0; begin < items; begin += kRowsPerCall) {
        const int64_t end = std::min(items, begin + kRowsPerCall);
        ScoreRequest request;
        for (int64_t j = begin; j < end; ++j)
            request.add(-1, HistoryView{{ids.data() + j, 1},
                                        {times.data() + j, 1},
                                        {events.data() + j, 1},
                                        {values.data() + j, 1}});
        out.narrow(0, begin, end - begin).copy_(model.scoreItems(request));
    }
    return out;
}

Expected<NamedTensors> modelTensors(Recommender &model)
{
    if (!model.isFitted())
        return makeError(ErrorCode::InvalidArgument,
                         "model '" + model.id() + "' is not fitted: nothing to export");
    torch::NoGradGuard noGrad;
    NamedTensors out;
    if (torch::nn::Module *module = model.module()) {
        for (const auto &p : module->named_parameters(/*recurse=*/true))
            out.emplace_back(p.key(), p.value().detach().to(torch::kCPU));
        for (const auto &b : module->named_buffers(/*recurse=*/true))
            out.emplace_back(b.key(), b.value().detach().to(torch::kCPU));
        return out;
    }
    if (model.id() == "itemknn" || model.id() == "ease") {
        auto w = itemItemMatrix(model);
        if (!w)
            return tl::unexpected(w.error());
        out.emplace_back("item_item", std::move(*w));
        return out;
    }
    if (torch::Tensor e = model.itemEmbeddings(); e.defined())
        out.emplace_back("item_embeddings", e.detach().to(torch::kCPU));
    if (torch::Tensor b = model.itemBias(); b.defined())
        out.emplace_back("item_bias", b.detach().to(torch::kCPU));
    if (out.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "model '" + model.id() +
                             "' has no tensor weights to export (use the native checkpoint)");
    return out;
}

} // namespace recforge
