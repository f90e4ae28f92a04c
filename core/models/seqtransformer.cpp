#include "seqtransformer.h"

#include <algorithm>

#include "models/itemfeatures.h"
#include "models/seqobjective.h"
#include "train/seqpretrained.h"
#include "train/trainer.h"

namespace recforge {

SeqTransformer::SeqTransformer(SeqVariant variant, const nlohmann::json &resolved)
    : Recommender(variant == SeqVariant::Causal ? "sasrec" : "bert4rec", resolved),
      m_variant(variant), m_p(SeqTransformerParams::fromJson(resolved))
{
}

SeqTransformer::~SeqTransformer() = default;

void SeqTransformer::setItemFeatures(std::shared_ptr<const ItemFeatures> features)
{
    m_features = std::move(features);
}

void SeqTransformer::setTextVectors(torch::Tensor vectors)
{
    m_textVectors = std::move(vectors);
}

void SeqTransformer::setPretrained(std::string path, FinetuneOptions options)
{
    m_pretrained = std::move(path);
    m_finetune = options;
}

int32_t SeqTransformer::itemCount() const
{
    return m_net.is_empty() ? 0 : int32_t(m_net->itemCount());
}

torch::nn::Module *SeqTransformer::module()
{
    return m_net.is_empty() ? nullptr : m_net.get();
}

int64_t SeqTransformer::parameterCount() const
{
    int64_t n = 0;
    if (!m_net.is_empty())
        for (const auto &t : m_net->parameters())
            n += t.numel();
    return n;
}

namespace {

// An item without a fit row was only ever a negative, so its id embedding learned nothing but
// "never the answer". When item vectors also carry content (features, text), such an item is
// represented by its content alone: its id row is zeroed after fit, so new catalogue items are
// ranked by what they are.
void forgetUnseenItemIds(SeqTransformerNetImpl &net, const std::vector<int64_t> &fitCounts)
{
    if (fitCounts.empty())
        return;
    std::vector<int64_t> rows;
    for (size_t i = 0; i < fitCounts.size(); ++i)
        if (fitCounts[i] == 0)
            rows.push_back(int64_t(i) + 1); // row 0 is padding
    if (rows.empty())
        return;
    torch::NoGradGuard noGrad;
    torch::Tensor weight = net.named_parameters()["item.weight"];
    weight.index_fill_(0, torch::tensor(rows, torch::kLong).to(weight.device()), 0.0);
}

} // namespace

Status SeqTransformer::fit(const TrainingData &data, const FitContext &ctx)
{
    if (m_p.hiddenSize % m_p.heads != 0)
        return makeError(ErrorCode::InvalidArgument,
                         "hiddenSize (" + std::to_string(m_p.hiddenSize) +
                             ") must be a multiple of heads (" + std::to_string(m_p.heads) + ")",
                         Location{"", 0, 0, "hiddenSize"});
    auto schedule = parseLrSchedule(m_p.schedule);
    if (!schedule)
        return tl::unexpected(schedule.error());
    torch::manual_seed(ctx.seed);
    const ItemFeatures *features =
        m_p.itemFeatures && m_features && m_features->itemCount == data.itemCount()
            ? m_features.get()
            : nullptr;
    if (m_p.itemFeatures && !features)
        ctx.observer->onMessage("item features requested but none match this data; training "
                                "without them");
    if (auto s = m_finetune.validate(); !s)
        return s;
    SeqNetExtras extras;
    if (m_textVectors.defined() && m_textVectors.dim() == 2 &&
        m_textVectors.size(0) == data.itemCount())
        extras.textVectors = m_textVectors;
    extras.outputHead = !m_pretrained.empty() && !m_finetune.dropHead;
    try {
        m_net = SeqTransformerNet(data.itemCount(), m_p.maxLength, m_p.config(), features, extras);
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("cannot build the network: ") + e.what());
    }
    std::vector<ParameterGroup> groups;
    if (!m_pretrained.empty()) {
        auto loaded = loadPretrainedSeqNet(m_pretrained, *m_net);
        if (!loaded) {
            m_net = nullptr;
            return tl::unexpected(loaded.error());
        }
        if (m_finetune.reinitHead)
            reinitOutputHead(*m_net);
        groups = finetuneParameterGroups(*m_net, m_finetune);
        ctx.observer->onMessage("fine-tuning from " + m_pretrained);
    }
    m_fitted = true; // validate() scores while training
    SeqObjective objective(m_net, m_variant, m_p, data, ctx, *this);
    objective.setParameterGroups(std::move(groups));
    if (objective.exampleCount() == 0) {
        m_fitted = false;
        return makeError(ErrorCode::Empty, "no user has a fit sequence long enough to train on");
    }
    TrainParams tp;
    tp.epochs = m_p.epochs;
    tp.batchSize = m_p.batchSize;
    tp.learningRate = m_p.learningRate;
    tp.weightDecay = m_p.weightDecay;
    tp.warmupSteps = m_p.warmupSteps;
    tp.schedule = *schedule;
    tp.clipNorm = m_p.clipNorm;
    tp.patience = ctx.validate ? m_p.patience : 0;
    tp.checkpointDir = ctx.checkpointDir;
    tp.resume = ctx.resume;
    tp.resumeFrom = ctx.resumeFrom;
    tp.seed = ctx.seed;
    tp.device = ctx.device;
    tp.threads = ctx.threads;
    std::unique_ptr<Objective> wrapped; // distillation wraps the objective (ObjectiveHost)
    auto trained = objectiveToTrain(objective, wrapped);
    if (!trained) {
        m_fitted = false;
        return tl::unexpected(trained.error());
    }
    auto result = train(tp, **trained, *ctx.observer, ctx.stop);
    if (!result) {
        m_fitted = false;
        return tl::unexpected(result.error());
    }
    m_net->eval();
    if (m_net->composedItems())
        forgetUnseenItemIds(*m_net, data.itemCount() == int64_t(data.itemFitCounts().size())
                                        ? data.itemFitCounts()
                                        : std::vector<int64_t>{});
    return {};
}

torch::Tensor SeqTransformer::userEmbeddings(const ScoreRequest &request)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = m_net->is_training();
    m_net->eval();
    const torch::Tensor table = m_net->itemTable();
    const torch::Tensor featureTable = m_net->composedItems() ? table : torch::Tensor();
    const bool cloze = m_variant == SeqVariant::Cloze;
    // The last maxLength items (one fewer and a [MASK] to predict for cloze).
    const size_t keep = size_t(m_p.maxLength) - (cloze ? 1 : 0);
    torch::Tensor out = encodeHistoriesLast(
        request, keep, cloze ? m_net->maskToken() : 0, table.size(1), table.options(),
        [&](const torch::Tensor &tokens) {
            return m_net->output(m_net->encode(tokens, !cloze, featureTable, /*lastOnly=*/true))
                .select(1, -1);
        });
    if (wasTraining)
        m_net->train();
    return out;
}

torch::Tensor SeqTransformer::scoreItems(const ScoreRequest &request)
{
    torch::NoGradGuard noGrad;
    torch::Tensor users = userEmbeddings(request);
    return torch::mm(users, m_net->itemTable().t());
}

torch::Tensor SeqTransformer::itemEmbeddings() const
{
    if (m_net.is_empty())
        return {};
    torch::NoGradGuard noGrad;
    return m_net.ptr()->itemTable().detach();
}

void SeqTransformer::writeState(torch::serialize::OutputArchive &archive) const
{
    archive.write("itemCount", c10::IValue(m_net->itemCount()));
    const bool features = m_net->hasFeatures() && m_features;
    archive.write("hasFeatures", c10::IValue(features));
    if (features) {
        archive.write("featureVocab", c10::IValue(m_features->vocabularySize));
        archive.write("featureIds", torch::tensor(m_features->ids, torch::kLong));
        archive.write("featureOffsets", torch::tensor(m_features->offsets, torch::kLong));
    }
    torch::serialize::OutputArchive net;
    m_net->save(net);
    archive.write("net", net);
    archive.write("hasHead", c10::IValue(m_net->hasHead()));
    archive.write("textDim", c10::IValue(m_net->textDim()));
}

Status SeqTransformer::readState(torch::serialize::InputArchive &archive)
{
    m_p = SeqTransformerParams::fromJson(params());
    c10::IValue items, hasFeatures;
    if (!archive.try_read("itemCount", items) || !items.isInt() ||
        !archive.try_read("hasFeatures", hasFeatures) || !hasFeatures.isBool())
        return makeError(ErrorCode::InvalidArgument,
                         "sequential transformer checkpoint: no header");
    std::shared_ptr<ItemFeatures> features;
    if (hasFeatures.toBool()) {
        c10::IValue vocab;
        torch::Tensor ids, offsets;
        archive.read("featureVocab", vocab);
        archive.read("featureIds", ids);
        archive.read("featureOffsets", offsets);
        features = std::make_shared<ItemFeatures>();
        features->itemCount = int32_t(items.toInt());
        features->vocabularySize = vocab.toInt();
        ids = ids.to(torch::kLong).contiguous();
        offsets = offsets.to(torch::kLong).contiguous();
        features->ids.assign(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + ids.numel());
        features->offsets.assign(offsets.data_ptr<int64_t>(),
                                 offsets.data_ptr<int64_t>() + offsets.numel());
    }
    SeqNetExtras extras;
    c10::IValue hasHead, textDim;
    if (archive.try_read("hasHead", hasHead) && hasHead.isBool())
        extras.outputHead = hasHead.toBool();
    if (archive.try_read("textDim", textDim) && textDim.isInt() && textDim.toInt() > 0)
        extras.textVectors = torch::zeros({items.toInt(), textDim.toInt()});
    SeqTransformerNet net(items.toInt(), m_p.maxLength, m_p.config(), features.get(), extras);
    torch::serialize::InputArchive netArchive;
    archive.read("net", netArchive);
    net->load(netArchive);
    net->eval();
    m_net = net;
    m_features = features;
    m_fitted = true;
    return {};
}

} // namespace recforge
