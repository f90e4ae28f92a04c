#include "comparemodels.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "eval/evaluator.h"

namespace recforge {

namespace {

using Clock = std::chrono::steady_clock;

// Top-K item lists [rows, k] of a score block with each row's history masked.
torch::Tensor maskedTopK(torch::Tensor scores, std::span<const EvalCase> cases, int k)
{
    const float minusInf = -std::numeric_limits<float>::infinity();
    for (size_t r = 0; r < cases.size(); ++r) {
        const auto &items = cases[r].history.items;
        if (items.empty())
            continue;
        torch::Tensor idx =
            torch::tensor(std::vector<int64_t>(items.begin(), items.end()), torch::kLong)
                .to(scores.device());
        scores[int64_t(r)].index_fill_(0, idx, minusInf);
    }
    return std::get<1>(scores.topk(std::min<int64_t>(k, scores.size(1)), 1)).cpu();
}

ScoreRequest requestOf(std::span<const EvalCase> cases)
{
    ScoreRequest r;
    for (const EvalCase &c : cases)
        r.add(c.user, c.history);
    return r;
}

double percentileMs(std::vector<double> seconds, double q)
{
    if (seconds.empty())
        return 0;
    std::sort(seconds.begin(), seconds.end());
    const size_t i = std::min(seconds.size() - 1, size_t(q * double(seconds.size() - 1) + 0.5));
    return seconds[i] * 1000.0;
}

// Fills the speed and size fields of `f`.
Status measureSpeed(Recommender &model, std::span<const EvalCase> cases, const CompareOptions &o,
                    ModelFigures &f, StopToken stop)
{
    torch::NoGradGuard noGrad;
    const int64_t n = std::min<int64_t>(int64_t(cases.size()), o.warmupUsers + o.latencyUsers);
    std::vector<double> seconds;
    for (int64_t i = 0; i < n; ++i) {
        if (stop.stopRequested())
            return makeError(ErrorCode::Cancelled, "comparison cancelled");
        const auto one = cases.subspan(size_t(i), 1);
        const auto start = Clock::now();
        maskedTopK(model.scoreItems(requestOf(one)), one, o.jaccardK);
        if (i >= o.warmupUsers)
            seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    f.latencyP50Ms = percentileMs(seconds, 0.5);
    f.latencyP99Ms = percentileMs(seconds, 0.99);
    const int64_t m = std::min<int64_t>(int64_t(cases.size()), o.throughputUsers);
    if (m > 0) {
        const auto warm = cases.subspan(0, size_t(std::min<int64_t>(m, o.batchSize)));
        maskedTopK(model.scoreItems(requestOf(warm)), warm, o.jaccardK);
        const auto start = Clock::now();
        for (int64_t b = 0; b < m; b += o.batchSize) {
            const auto part = cases.subspan(size_t(b), size_t(std::min(o.batchSize, m - b)));
            maskedTopK(model.scoreItems(requestOf(part)), part, o.jaccardK);
        }
        const double s = std::chrono::duration<double>(Clock::now() - start).count();
        f.usersPerSecond = s > 0 ? double(m) / s : 0;
    }
    f.parameters = model.parameterCount();
    f.model = model.id();
    return {};
}

int64_t fileBytes(const std::string &path)
{
    std::error_code ec;
    if (path.empty())
        return 0;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : int64_t(size);
}

} // namespace

Expected<ModelComparison> compareModels(Recommender &teacher, Recommender &student,
                                        const TrainingData &data, const CompareOptions &o,
                                        Observer &observer, StopToken stop)
{
    if (!teacher.isFitted() || !student.isFitted())
        return makeError(ErrorCode::InvalidArgument, "compare: both models must be fitted");
    if (teacher.itemCount() != student.itemCount())
        return makeError(ErrorCode::InvalidArgument,
                         "compare: the models score different item counts (" +
                             std::to_string(teacher.itemCount()) + " and " +
                             std::to_string(student.itemCount()) + ")");
    if (!data.hasStage(o.stage))
        return makeError(ErrorCode::InvalidArgument, std::string("compare: the data has no ") +
                                                         evalStageName(o.stage) + " stage");
    if (o.jaccardK < 1 || o.batchSize < 1 || o.latencyUsers < 1)
        return makeError(ErrorCode::InvalidArgument,
                         "compare: jaccardK, batchSize and latencyUsers must be >= 1");
    ModelComparison c;
    c.teacher.role = "teacher";
    c.student.role = "student";
    c.threads = torch::get_num_threads();
    c.latencyUsers = o.latencyUsers;
    c.batchSize = o.batchSize;
    try {
        EvalOptions eo;
        eo.stage = o.stage;
        eo.candidates = o.candidates;
        eo.negatives = o.negatives;
        eo.ks = o.ks;
        eo.seed = o.seed;
        eo.breakdown = false;
        c.protocol = makeProtocol(data, eo);
        for (auto [model, figures] : {std::pair{&teacher, &c.teacher}, {&student, &c.student}}) {
            auto r = evaluate(*model, data, eo, observer, stop);
            if (!r)
                return tl::unexpected(r.error());
            figures->metrics = r->overall.values;
        }
        const auto cases = data.cases(o.stage);
        ProgressReporter progress(observer, stop, "timing", 2);
        if (auto s = measureSpeed(teacher, cases, o, c.teacher, stop); !s)
            return tl::unexpected(s.error());
        progress.tick(1);
        if (auto s = measureSpeed(student, cases, o, c.student, stop); !s)
            return tl::unexpected(s.error());
        progress.finish();
        c.teacher.bytesOnDisk = fileBytes(o.teacherCheckpoint);
        c.student.bytesOnDisk = fileBytes(o.studentCheckpoint);

        torch::NoGradGuard noGrad;
        const int64_t users = o.overlapUsers > 0
                                  ? std::min<int64_t>(o.overlapUsers, int64_t(cases.size()))
                                  : int64_t(cases.size());
        std::vector<double> values;
        values.reserve(size_t(users));
        for (int64_t b = 0; b < users; b += o.batchSize) {
            if (stop.stopRequested())
                return makeError(ErrorCode::Cancelled, "comparison cancelled");
            const auto part = cases.subspan(size_t(b), size_t(std::min(o.batchSize, users - b)));
            const ScoreRequest request = requestOf(part);
            torch::Tensor a = maskedTopK(teacher.scoreItems(request), part, o.jaccardK);
            torch::Tensor s = maskedTopK(student.scoreItems(request), part, o.jaccardK);
            for (int64_t r = 0; r < a.size(0); ++r) {
                const int64_t *pa = a[r].data_ptr<int64_t>(), *ps = s[r].data_ptr<int64_t>();
                values.push_back(jaccard(std::vector<int64_t>(pa, pa + a.size(1)),
                                         std::vector<int64_t>(ps, ps + s.size(1))));
            }
        }
        c.jaccard = overlapStats(o.jaccardK, std::move(values));
        c.device = "cpu";
        if (!cases.empty() && teacher.scoreItems(requestOf(cases.subspan(0, 1))).is_cuda())
            c.device = "cuda";
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("comparison failed: ") + e.what());
    }
    return c;
}

} // namespace recforge
