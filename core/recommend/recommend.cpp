#include "recommend.h"

#include <algorithm>
#include <chrono>

#include "models/recommender.h"

namespace recforge {

bool passesCatalogueFilters(const ItemInfo &info, const RecommendFilters &filters)
{
    if (!filters.category.empty()) {
        if (info.categoryPath.size() < filters.category.size() ||
            !std::equal(filters.category.begin(), filters.category.end(),
                        info.categoryPath.begin()))
            return false;
    }
    if (filters.hasPriceBound()) {
        if (!info.hasPrice())
            return false;
        if (!std::isnan(filters.minPrice) && info.price < filters.minPrice)
            return false;
        if (!std::isnan(filters.maxPrice) && info.price > filters.maxPrice)
            return false;
    }
    return true;
}

std::vector<Contribution> explain(const ItemSimilarity &similarity, const UserHistory &history,
                                  int32_t item, int explainTop)
{
    std::vector<Contribution> out;
    if (explainTop <= 0)
        return out;
    std::vector<int32_t> seen;
    for (int32_t h : history.items) {
        if (h == item || std::find(seen.begin(), seen.end(), h) != seen.end())
            continue;
        seen.push_back(h);
        const float s = similarity.similarity(item, h);
        if (s > 0)
            out.push_back({h, s});
    }
    // Stable: equal similarities keep the history order.
    std::stable_sort(out.begin(), out.end(), [](const Contribution &a, const Contribution &b) {
        return a.similarity > b.similarity;
    });
    if (int(out.size()) > explainTop)
        out.resize(size_t(explainTop));
    return out;
}

Expected<RecommendResult> recommend(Recommender &model, const Dataset &dataset,
                                    const UserHistory &history, const RecommendParams &params,
                                    const ItemSimilarity *explainer)
{
    if (params.k < 1)
        return makeError(ErrorCode::InvalidArgument, "k must be at least 1",
                         Location{"", 0, 0, "k"});
    if (!model.isFitted())
        return makeError(ErrorCode::InvalidArgument, "model '" + model.id() + "' is not fitted");
    const int32_t items = model.itemCount();
    if (items != dataset.itemCount())
        return makeError(ErrorCode::InvalidArgument,
                         "model '" + model.id() + "' scores " + std::to_string(items) +
                             " items but the dataset has " + std::to_string(dataset.itemCount()));

    // Only rows the model knows go in (what-if edits may add anything).
    UserHistory known;
    known.user = history.user;
    for (size_t k = 0; k < history.size(); ++k)
        if (history.items[k] >= 0 && history.items[k] < items)
            known.add(history.items[k], history.timestamps[k], history.events[k],
                      history.values[k]);

    RecommendResult result;
    torch::Tensor scores;
    try {
        torch::NoGradGuard noGrad;
        ScoreRequest request;
        request.add(history.user < 0 ? dataset.userCount() : history.user, known.view());
        const auto start = std::chrono::steady_clock::now();
        scores = model.scoreItems(request).to(torch::kCPU, torch::kFloat32).contiguous();
        result.scoreMilliseconds =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal,
                         "model '" + model.id() + "' failed to score: " + e.what());
    }
    if (scores.dim() != 2 || scores.size(0) != 1 || scores.size(1) != items)
        return makeError(ErrorCode::Internal, "model '" + model.id() +
                                                  "' returned scores of the "
                                                  "wrong shape");
    const float *s = scores.data_ptr<float>();

    std::vector<bool> excluded(size_t(items), false);
    if (params.filters.exclude != ExcludeHistory::None) {
        const auto drop = params.filters.exclude == ExcludeHistory::Seen
                              ? known.distinctItems()
                              : known.itemsWithEvent(uint16_t(EventType::Purchase));
        for (int32_t i : drop)
            excluded[size_t(i)] = true;
    }
    std::vector<std::pair<float, int32_t>> candidates;
    for (int32_t i = 0; i < items; ++i) {
        if (excluded[size_t(i)] || std::isnan(s[i]))
            continue;
        if (size_t(i) < dataset.itemInfo.size() &&
            !passesCatalogueFilters(dataset.itemInfo[size_t(i)], params.filters))
            continue;
        candidates.emplace_back(s[i], i);
    }
    result.candidates = int64_t(candidates.size());
    keepTopK(candidates, params.k);
    for (const auto &[score, item] : candidates) {
        RecommendedItem r;
        r.item = item;
        r.score = score;
        if (explainer)
            r.because = explain(*explainer, known, item, params.explainTop);
        result.items.push_back(std::move(r));
    }
    return result;
}

} // namespace recforge
