#include "bprmf.h"

#include <algorithm>
#include <numeric>
#include <random>

#include "train/losses.h"
#include "train/trainer.h"

namespace recforge {

struct BprMf::Net : torch::nn::Module {
    Net(int64_t users, int64_t items, int64_t dim, bool withBias)
    {
        user = register_parameter("user", torch::randn({users, dim}) * 0.1);
        item = register_parameter("item", torch::randn({items, dim}) * 0.1);
        if (withBias)
            bias = register_parameter("bias", torch::zeros({items}));
    }
    torch::Tensor user, item, bias;
};

namespace {

// (user, item) fit rows as training triples; negatives drawn per batch.
class BprObjective final : public Objective {
public:
    BprObjective(BprMf::Net &net, const TrainingData &data, const FitContext &ctx,
                 const BprMfParams &p)
        : m_net(net), m_ctx(ctx), m_model(nullptr), m_p(p), m_items(data.itemCount())
    {
        m_seenOffsets.push_back(0);
        for (int32_t u = 0; u < data.userCount(); ++u) {
            const auto items = data.fitSequence(u).items;
            for (int32_t i : items) {
                m_users.push_back(u);
                m_pos.push_back(i);
            }
            const auto first = m_seen.end() - m_seen.begin();
            m_seen.insert(m_seen.end(), items.begin(), items.end());
            std::sort(m_seen.begin() + first, m_seen.end());
            m_seen.erase(std::unique(m_seen.begin() + first, m_seen.end()), m_seen.end());
            m_seenOffsets.push_back(int64_t(m_seen.size()));
        }
    }
    void setModel(Recommender *model) { m_model = model; }
    torch::nn::Module &module() override { return m_net; }
    void setDevice(const torch::Device &device) override { m_device = device; }

    int64_t beginEpoch(int, int64_t batchSize, std::mt19937_64 &rng) override
    {
        m_order.resize(m_users.size());
        std::iota(m_order.begin(), m_order.end(), int64_t(0));
        std::shuffle(m_order.begin(), m_order.end(), rng);
        m_batch = batchSize;
        return (int64_t(m_order.size()) + batchSize - 1) / batchSize;
    }

    BatchLoss loss(int64_t b) override
    {
        const int64_t begin = b * m_batch;
        const int64_t n = std::min<int64_t>(m_batch, int64_t(m_order.size()) - begin);
        std::vector<int64_t> u(static_cast<size_t>(n)), i(static_cast<size_t>(n));
        for (int64_t k = 0; k < n; ++k) {
            u[size_t(k)] = m_users[size_t(m_order[size_t(begin + k)])];
            i[size_t(k)] = m_pos[size_t(m_order[size_t(begin + k)])];
        }
        auto opts = torch::TensorOptions().dtype(torch::kLong);
        // clone: autograd keeps the indices for backward, after u / i are gone.
        torch::Tensor ut = torch::from_blob(u.data(), {n}, opts).clone().to(m_device);
        torch::Tensor it = torch::from_blob(i.data(), {n}, opts).clone().to(m_device);
        torch::Tensor jt = negatives(u).to(m_device);
        torch::Tensor pu = m_net.user.index_select(0, ut);
        torch::Tensor qi = m_net.item.index_select(0, it);
        torch::Tensor qj = m_net.item.index_select(0, jt);
        torch::Tensor si = (pu * qi).sum(1), sj = (pu * qj).sum(1);
        if (m_net.bias.defined()) {
            si = si + m_net.bias.index_select(0, it);
            sj = sj + m_net.bias.index_select(0, jt);
        }
        torch::Tensor l = bprLoss(si, sj);
        if (m_p.regularization > 0)
            l = l + m_p.regularization * (pu.pow(2).sum() + qi.pow(2).sum() + qj.pow(2).sum()) /
                        double(n);
        return {l, n};
    }

    Expected<std::optional<Validation>> validate(int epoch) override
    {
        if (!m_ctx.validate || !m_model)
            return std::optional<Validation>{};
        auto v = m_ctx.validate(*m_model, epoch);
        if (!v)
            return tl::unexpected(v.error());
        return std::optional<Validation>(Validation{*v, {{"validation", *v}}});
    }

private:
    // One negative per row: the first of kTries uniform draws (torch's generator, so seeded runs
    // repeat) that the user has not interacted with - BPR's j is an item outside I_u+.
    torch::Tensor negatives(const std::vector<int64_t> &users)
    {
        constexpr int64_t kTries = 8;
        const auto n = int64_t(users.size());
        torch::Tensor draws = torch::randint(m_items, {n, kTries}, torch::kLong);
        const int64_t *d = draws.data_ptr<int64_t>();
        torch::Tensor out = torch::empty({n}, torch::kLong);
        int64_t *o = out.data_ptr<int64_t>();
        for (int64_t r = 0; r < n; ++r) {
            const auto u = size_t(users[size_t(r)]);
            const auto begin = m_seen.begin() + m_seenOffsets[u];
            const auto end = m_seen.begin() + m_seenOffsets[u + 1];
            int64_t pick = d[r * kTries + kTries - 1];
            for (int64_t t = 0; t < kTries; ++t)
                if (!std::binary_search(begin, end, int32_t(d[r * kTries + t]))) {
                    pick = d[r * kTries + t];
                    break;
                }
            o[r] = pick;
        }
        return out;
    }

    BprMf::Net &m_net;
    const FitContext &m_ctx;
    Recommender *m_model;
    BprMfParams m_p;
    int64_t m_items;
    std::vector<int32_t> m_users, m_pos;
    std::vector<int32_t> m_seen;        // each user's distinct fit items, sorted (CSR)
    std::vector<int64_t> m_seenOffsets; // [users + 1]
    std::vector<int64_t> m_order;
    int64_t m_batch = 1;
    torch::Device m_device = torch::kCPU;
};

} // namespace

BprMfParams BprMfParams::fromJson(const nlohmann::json &j)
{
    BprMfParams p;
    p.dimension = j.value("dimension", p.dimension);
    p.epochs = j.value("epochs", p.epochs);
    p.batchSize = j.value("batchSize", p.batchSize);
    p.learningRate = j.value("learningRate", p.learningRate);
    p.regularization = j.value("regularization", p.regularization);
    p.weightDecay = j.value("weightDecay", p.weightDecay);
    p.itemBias = j.value("itemBias", p.itemBias);
    p.patience = j.value("patience", p.patience);
    return p;
}

ModelSchema bprMfSchema()
{
    ModelSchema s;
    s.id = "bprmf";
    s.displayName = "BPR-MF";
    s.description = "Matrix factorisation trained with Bayesian Personalised Ranking on implicit "
                    "feedback: user and item vectors whose dot product ranks a user's items above "
                    "uniformly drawn items they have not interacted with. Cold users are folded "
                    "in from their history.";
    s.family = "factorisation";
    s.params = {
        intParam("dimension", 64, 1, 4096, "Dimension", "Size of the user and item vectors.", true),
        intParam("epochs", 60, 1, 10000, "Epochs", "Passes over the fit rows (upper bound)."),
        intParam("batchSize", 1024, 1, 1 << 20, "Batch size", "Triples per optimiser step.", true),
        realParam("learningRate", 5e-3, 1e-6, 1.0, "Learning rate", "AdamW step size.", true),
        realParam("regularization", 1e-2, 0, 10, "L2 regularisation",
                  "Penalty on the batch's user and item vectors (classic BPR); 0.01 was best on "
                  "MovieLens-100k.",
                  true),
        realParam("weightDecay", 0, 0, 10, "Weight decay", "AdamW decoupled weight decay."),
        boolParam("itemBias", true, "Item bias", "Learn a per-item bias (a popularity prior)."),
        intParam("patience", 10, 0, 1000, "Patience",
                 "Early stopping: epochs without validation improvement (0 = off)."),
    };
    return s;
}

std::unique_ptr<Recommender> makeBprMf(const nlohmann::json &resolved)
{
    return std::make_unique<BprMf>(resolved);
}

BprMf::BprMf(const nlohmann::json &resolved)
    : Recommender("bprmf", resolved), m_p(BprMfParams::fromJson(resolved))
{
}

BprMf::~BprMf() = default;

bool BprMf::isFitted() const
{
    return m_net != nullptr;
}

int32_t BprMf::itemCount() const
{
    return m_net ? int32_t(m_net->item.size(0)) : 0;
}

torch::nn::Module *BprMf::module()
{
    return m_net.get();
}

int64_t BprMf::parameterCount() const
{
    int64_t n = 0;
    if (m_net)
        for (const auto &t : m_net->parameters())
            n += t.numel();
    return n;
}

Status BprMf::fit(const TrainingData &data, const FitContext &ctx)
{
    torch::manual_seed(ctx.seed);
    auto net =
        std::make_shared<Net>(data.userCount(), data.itemCount(), m_p.dimension, m_p.itemBias);
    BprObjective objective(*net, data, ctx, m_p);
    objective.setModel(this);
    std::vector<uint8_t> warm(size_t(data.userCount()), 0);
    for (int32_t u = 0; u < data.userCount(); ++u)
        warm[size_t(u)] = data.fitSequence(u).empty() ? 0 : 1;
    // validate() scores through this object while training: publish the net first.
    m_net = net;
    m_warmUser = warm;
    TrainParams tp;
    tp.epochs = m_p.epochs;
    tp.batchSize = m_p.batchSize;
    tp.learningRate = m_p.learningRate;
    tp.weightDecay = m_p.weightDecay;
    tp.patience = ctx.validate ? m_p.patience : 0;
    tp.checkpointDir = ctx.checkpointDir;
    tp.resume = ctx.resume;
    tp.resumeFrom = ctx.resumeFrom;
    tp.seed = ctx.seed;
    tp.device = ctx.device;
    tp.threads = ctx.threads;
    auto result = train(tp, objective, *ctx.observer, ctx.stop);
    if (!result) {
        m_net.reset();
        return tl::unexpected(result.error());
    }
    m_net->to(torch::kCPU);
    return {};
}

torch::Tensor BprMf::userEmbeddings(const ScoreRequest &request)
{
    torch::NoGradGuard noGrad;
    const int64_t n = int64_t(request.size());
    const int64_t users = m_net->user.size(0);
    torch::Tensor out = torch::zeros({n, m_net->item.size(1)});
    std::vector<int64_t> warmRows, warmIds;
    for (int64_t r = 0; r < n; ++r) {
        const int32_t u = request.users[size_t(r)];
        if (u >= 0 && u < users && m_warmUser[size_t(u)]) {
            warmRows.push_back(r);
            warmIds.push_back(u);
            continue;
        }
        // Fold-in: mean of the history items' vectors.
        const auto &h = request.histories[size_t(r)].items;
        if (h.empty())
            continue;
        std::vector<int64_t> ids(h.begin(), h.end());
        torch::Tensor idx = torch::tensor(ids, torch::kLong);
        out[r] = m_net->item.index_select(0, idx).mean(0);
    }
    if (!warmRows.empty())
        out.index_copy_(0, torch::tensor(warmRows, torch::kLong),
                        m_net->user.index_select(0, torch::tensor(warmIds, torch::kLong)));
    return out;
}

torch::Tensor BprMf::scoreItems(const ScoreRequest &request)
{
    torch::NoGradGuard noGrad;
    torch::Tensor u = userEmbeddings(request);
    return m_net->bias.defined() ? torch::addmm(m_net->bias, u, m_net->item.t())
                                 : torch::mm(u, m_net->item.t());
}

torch::Tensor BprMf::itemEmbeddings() const
{
    return m_net ? m_net->item.detach() : torch::Tensor();
}

torch::Tensor BprMf::itemBias() const
{
    return m_net && m_net->bias.defined() ? m_net->bias.detach() : torch::Tensor();
}

void BprMf::writeState(torch::serialize::OutputArchive &archive) const
{
    archive.write("user", m_net->user.detach());
    archive.write("item", m_net->item.detach());
    if (m_net->bias.defined())
        archive.write("bias", m_net->bias.detach());
    archive.write("warm", torch::tensor(std::vector<int64_t>(m_warmUser.begin(), m_warmUser.end()),
                                        torch::kLong));
}

Status BprMf::readState(torch::serialize::InputArchive &archive)
{
    m_p = BprMfParams::fromJson(params());
    torch::Tensor user, item, bias, warm;
    archive.read("user", user);
    archive.read("item", item);
    archive.read("warm", warm);
    if (user.dim() != 2 || item.dim() != 2 || user.size(1) != item.size(1) ||
        warm.numel() != user.size(0))
        return makeError(ErrorCode::InvalidArgument, "BPR-MF checkpoint: inconsistent shapes");
    auto net = std::make_shared<Net>(user.size(0), item.size(0), user.size(1), m_p.itemBias);
    torch::NoGradGuard noGrad;
    net->user.copy_(user);
    net->item.copy_(item);
    if (m_p.itemBias) {
        archive.read("bias", bias);
        net->bias.copy_(bias);
    }
    m_net = net;
    m_warmUser.assign(size_t(warm.numel()), 0);
    auto w = warm.to(torch::kLong).contiguous();
    for (int64_t i = 0; i < w.numel(); ++i)
        m_warmUser[size_t(i)] = uint8_t(w.data_ptr<int64_t>()[i] != 0);
    return {};
}

} // namespace recforge
