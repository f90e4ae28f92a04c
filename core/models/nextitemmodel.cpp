#include "nextitemmodel.h"

#include <algorithm>

#include "models/nextitemobjective.h"
#include "models/seqtransformernet.h"
#include "train/trainer.h"

namespace recforge {

NextItemParams NextItemParams::fromJson(const nlohmann::json &j)
{
    NextItemParams p;
    p.hiddenSize = j.value("hiddenSize", p.hiddenSize);
    p.maxLength = j.value("maxLength", p.maxLength);
    p.dropout = j.value("dropout", p.dropout);
    p.lengthBuckets = j.value("lengthBuckets", p.lengthBuckets);
    p.epochs = j.value("epochs", p.epochs);
    p.batchSize = j.value("batchSize", p.batchSize);
    p.learningRate = j.value("learningRate", p.learningRate);
    p.weightDecay = j.value("weightDecay", p.weightDecay);
    p.clipNorm = j.value("clipNorm", p.clipNorm);
    p.patience = j.value("patience", p.patience);
    return p;
}

std::vector<ParamSpec> nextItemParamSpecs()
{
    // Texts shared with SASRec's schema where the meaning is the same (one translation each).
    std::vector<ParamSpec> specs = {
        intParam("hiddenSize", 64, 8, 4096, "Hidden size",
                 "Width of the item embeddings and of the hidden state scored against them.", true),
        intParam("maxLength", 50, 2, 2048, "Max length",
                 "Most recent items a user's sequence keeps (50 suits Amazon data; 200 for "
                 "MovieLens-like long histories)."),
        realParam("dropout", 0.3, 0, 0.9, "Dropout",
                  "Hidden dropout; 0.2-0.5 for sparse data such as Amazon Beauty."),
        boolParam("lengthBuckets", true, "Length buckets",
                  "Batch sequences of similar length together: far less padding to compute."),
        intParam("epochs", 200, 1, 10000, "Epochs", "Upper bound; early stopping ends sooner."),
        intParam("batchSize", 256, 1, 65536, "Batch size", "Sequences per step.", true),
        realParam("learningRate", 1e-3, 1e-6, 1, "Learning rate", "AdamW peak rate.", true),
        realParam("weightDecay", 0, 0, 10, "Weight decay", "AdamW decoupled weight decay."),
        realParam("clipNorm", 5.0, 0, 1000, "Gradient clip", "Global norm clip (0 = off)."),
        intParam("patience", 10, 0, 1000, "Patience",
                 "Early stopping on validation NDCG@10 (0 = off)."),
    };
    for (auto &p : specs)
        p.advanced = p.key == "lengthBuckets" || p.key == "clipNorm";
    return specs;
}

NextItemModel::NextItemModel(std::string id, const nlohmann::json &resolved)
    : Recommender(std::move(id), resolved), m_common(NextItemParams::fromJson(resolved))
{
}

NextItemModel::~NextItemModel() = default;

int64_t NextItemModel::parameterCount() const
{
    int64_t n = 0;
    if (m_net)
        for (const auto &t : m_net->parameters())
            n += t.numel();
    return n;
}

Status NextItemModel::fit(const TrainingData &data, const FitContext &ctx)
{
    torch::manual_seed(ctx.seed);
    try {
        m_net = makeNet(data.itemCount());
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("cannot build the network: ") + e.what());
    }
    m_fitted = true; // validate() scores while training
    NextItemObjective own(m_net, m_common.maxLength, m_common.lengthBuckets, data, ctx, *this);
    if (own.exampleCount() == 0) {
        m_fitted = false;
        return makeError(ErrorCode::Empty, "no user has a fit sequence long enough to train on");
    }
    std::unique_ptr<Objective> holder;
    auto objective = objectiveToTrain(own, holder);
    if (!objective) {
        m_fitted = false;
        return tl::unexpected(objective.error());
    }
    TrainParams tp;
    tp.epochs = m_common.epochs;
    tp.batchSize = m_common.batchSize;
    tp.learningRate = m_common.learningRate;
    tp.weightDecay = m_common.weightDecay;
    tp.clipNorm = m_common.clipNorm;
    tp.patience = ctx.validate ? m_common.patience : 0;
    tp.checkpointDir = ctx.checkpointDir;
    tp.resume = ctx.resume;
    tp.resumeFrom = ctx.resumeFrom;
    tp.seed = ctx.seed;
    tp.device = ctx.device;
    tp.threads = ctx.threads;
    auto result = train(tp, **objective, *ctx.observer, ctx.stop);
    if (!result) {
        m_fitted = false;
        return tl::unexpected(result.error());
    }
    m_net->eval();
    return {};
}

torch::Tensor NextItemModel::positionHidden(const torch::Tensor &tokens)
{
    return m_net->positionHidden(tokens);
}

torch::Tensor NextItemModel::userEmbeddings(const ScoreRequest &request)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = m_net->is_training();
    m_net->eval();
    const torch::Tensor table = m_net->itemTable();
    torch::Tensor out = encodeHistoriesLast(request, size_t(m_common.maxLength), 0, table.size(1),
                                            table.options(), [this](const torch::Tensor &tokens) {
                                                return m_net->positionHidden(tokens).select(1, -1);
                                            });
    if (wasTraining)
        m_net->train();
    return out;
}

torch::Tensor NextItemModel::scoreItems(const ScoreRequest &request)
{
    torch::NoGradGuard noGrad;
    torch::Tensor users = userEmbeddings(request);
    return torch::mm(users, m_net->itemTable().t());
}

torch::Tensor NextItemModel::itemEmbeddings() const
{
    if (!m_net)
        return {};
    torch::NoGradGuard noGrad;
    return m_net->itemTable().detach().clone();
}

void NextItemModel::writeState(torch::serialize::OutputArchive &archive) const
{
    archive.write("itemCount", c10::IValue(m_net->itemCount()));
    torch::serialize::OutputArchive net;
    m_net->save(net);
    archive.write("net", net);
}

Status NextItemModel::readState(torch::serialize::InputArchive &archive)
{
    m_common = NextItemParams::fromJson(params());
    c10::IValue items;
    if (!archive.try_read("itemCount", items) || !items.isInt())
        return makeError(ErrorCode::InvalidArgument, id() + " checkpoint: no item count");
    auto net = makeNet(items.toInt());
    torch::serialize::InputArchive netArchive;
    archive.read("net", netArchive);
    net->load(netArchive);
    net->eval();
    m_net = net;
    m_fitted = true;
    return {};
}

} // namespace recforge
