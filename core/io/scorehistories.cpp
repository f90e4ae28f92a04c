#include "scorehistories.h"

#include <torch/torch.h>

#include "models/recommender.h"

namespace recforge {

std::string externalItemId(const ExportedModel &model, int32_t item)
{
    return item >= 0 && item < model.items.size() ? model.items.id(item) : std::to_string(item);
}

Expected<std::vector<UserRecommendations>> recommendForHistories(ExportedModel &model,
                                                                 const HistoryFile &histories,
                                                                 const RecommendOptions &options,
                                                                 Observer &observer, StopToken stop)
{
    if (options.k < 1 || options.batch < 1)
        return makeError(ErrorCode::InvalidArgument, "k and batch must be at least 1",
                         Location{"", 0, 0, options.k < 1 ? "k" : "batch"});
    if (!model.model)
        return makeError(ErrorCode::InvalidArgument, "no model");
    Recommender &rec = *model.model;
    const int64_t items = rec.itemCount();
    const int64_t n = int64_t(histories.users.size());
    ProgressReporter progress(observer, stop, "recommend", n);
    std::vector<UserRecommendations> out;
    out.reserve(size_t(n));
    try {
        torch::NoGradGuard noGrad;
        std::vector<std::vector<int64_t>> times;
        std::vector<std::vector<uint16_t>> events;
        std::vector<std::vector<float>> values;
        for (int64_t begin = 0; begin < n; begin += options.batch) {
            const int64_t end = std::min(n, begin + options.batch);
            ScoreRequest request;
            times.assign(size_t(end - begin), {});
            events.assign(size_t(end - begin), {});
            values.assign(size_t(end - begin), {});
            for (int64_t r = begin; r < end; ++r) {
                const HistoryFileUser &h = histories.users[size_t(r)];
                const size_t k = size_t(r - begin), m = h.items.size();
                times[k].resize(m);
                for (size_t t = 0; t < m; ++t)
                    times[k][t] = int64_t(t);
                events[k].assign(m, 0);
                values[k].assign(m, 1.0f);
                const auto known = model.users.find(h.user);
                request.add(known ? *known : -1,
                            HistoryView{h.items, times[k], events[k], values[k]});
            }
            torch::Tensor scores = rec.scoreItems(request).to(torch::kCPU);
            torch::Tensor mask;
            if (options.maskHistory) {
                mask = torch::zeros({end - begin, items}, torch::kBool);
                bool *m = mask.data_ptr<bool>();
                for (int64_t r = begin; r < end; ++r)
                    for (int32_t item : histories.users[size_t(r)].items)
                        m[(r - begin) * items + item] = true;
            }
            auto lists = topKRows(scores, mask, options.k);
            for (int64_t r = begin; r < end; ++r)
                out.push_back(
                    {histories.users[size_t(r)].user, std::move(lists[size_t(r - begin)])});
            if (!progress.tick(end))
                return makeError(ErrorCode::Cancelled, "recommend cancelled");
        }
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("scoring failed: ") + e.what());
    }
    progress.finish();
    return out;
}

Status writeRecommendationsCsv(const std::string &path, const ExportedModel &model,
                               const std::vector<UserRecommendations> &lists)
{
    auto csv = TopKCsvWriter::create(path, false);
    if (!csv)
        return tl::unexpected(csv.error());
    std::vector<std::string> ids;
    const int32_t items = model.model ? model.model->itemCount() : 0;
    ids.reserve(size_t(items));
    for (int32_t i = 0; i < items; ++i)
        ids.push_back(externalItemId(model, i));
    for (const UserRecommendations &u : lists)
        if (auto ok = csv->append(u.user, u.items, ids, {}); !ok)
            return ok;
    return csv->commit();
}

} // namespace recforge
