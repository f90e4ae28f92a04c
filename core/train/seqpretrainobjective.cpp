#include "seqpretrainobjective.h"

#include <algorithm>
#include <numeric>

#include "models/itemfeatures.h"
#include "train/losses.h"

namespace recforge {

namespace {

// Multi-label BCE summed over attributes, averaged over rows. logits / targets [n, A].
torch::Tensor attributeLoss(const torch::Tensor &logits, const torch::Tensor &targets)
{
    return torch::binary_cross_entropy_with_logits(logits, targets, {}, {}, at::Reduction::None)
        .sum(1)
        .mean();
}

} // namespace

SeqPretrainModelImpl::SeqPretrainModelImpl(SeqTransformerNet encoder,
                                           const torch::Tensor &attributePrior)
{
    net = register_module("net", std::move(encoder));
    if (attributePrior.defined() && attributePrior.numel() > 0) {
        const int64_t d = net->itemTable().size(1), a = attributePrior.numel();
        itemAttributes = register_module("itemAttributes", torch::nn::Linear(d, a));
        maskedAttributes = register_module("maskedAttributes", torch::nn::Linear(d, a));
        torch::NoGradGuard noGrad;
        const torch::Tensor p = attributePrior.to(torch::kFloat).clamp(1e-4, 1 - 1e-4);
        const torch::Tensor logOdds = (p / (1 - p)).log();
        for (auto *head : {&itemAttributes, &maskedAttributes}) {
            (*head)->weight.normal_(0, 0.02);
            (*head)->bias.copy_(logOdds);
        }
    }
}

torch::Tensor SeqPretrainObjective::attributeTargets(const ItemFeatures &attributes)
{
    torch::Tensor out = torch::zeros({attributes.itemCount, attributes.vocabularySize});
    auto acc = out.accessor<float, 2>();
    for (int32_t i = 0; i < attributes.itemCount; ++i)
        for (int64_t k = attributes.offsets[size_t(i)]; k < attributes.offsets[size_t(i) + 1]; ++k)
            acc[i][attributes.ids[size_t(k)]] = 1.0f;
    return out;
}

SeqPretrainObjective::SeqPretrainObjective(SeqPretrainModel model, const PretrainParams &params,
                                           int64_t maxLength, const TrainingData &data,
                                           const ItemFeatures *attributes)
    : m_model(std::move(model)), m_p(params)
{
    for (int32_t u = 0; u < data.userCount(); ++u) {
        auto items = data.fitSequence(u).items;
        if (items.empty())
            continue;
        const int64_t n = std::min(maxLength, int64_t(items.size()));
        const int64_t begin = int64_t(m_tokens.size());
        for (size_t k = items.size() - size_t(n); k < items.size(); ++k)
            m_tokens.push_back(int64_t(items[k]) + 1);
        if (!m_p.prefixes) {
            m_examples.emplace_back(begin, n);
            continue;
        }
        for (int64_t end = 1; end <= n; ++end)
            m_examples.emplace_back(begin, end);
    }
    if (m_p.attributes && attributes && !attributes->empty() && m_model->itemAttributes)
        m_targets = attributeTargets(*attributes);
}

void SeqPretrainObjective::setDevice(const torch::Device &device)
{
    m_device = device;
    if (m_targets.defined())
        m_targets = m_targets.to(device);
}

int64_t SeqPretrainObjective::beginEpoch(int, int64_t batchSize, std::mt19937_64 &rng)
{
    std::vector<int64_t> order(static_cast<size_t>(exampleCount()));
    std::iota(order.begin(), order.end(), int64_t(0));
    std::shuffle(order.begin(), order.end(), rng);
    // Similar lengths per batch (chunks of 32 batches sorted by length), batch order shuffled.
    const size_t chunk = size_t(batchSize) * 32;
    const auto length = [&](int64_t e) { return m_examples[size_t(e)].second; };
    for (size_t b = 0; b < order.size(); b += chunk) {
        auto end = order.begin() + int64_t(std::min(order.size(), b + chunk));
        std::stable_sort(order.begin() + int64_t(b), end,
                         [&](int64_t x, int64_t y) { return length(x) < length(y); });
    }
    m_batches.clear();
    for (size_t b = 0; b < order.size(); b += size_t(batchSize))
        m_batches.emplace_back(order.begin() + int64_t(b),
                               order.begin() + int64_t(std::min(order.size(), b + batchSize)));
    std::shuffle(m_batches.begin(), m_batches.end(), rng);
    m_epochSums.clear();
    return int64_t(m_batches.size());
}

BatchLoss SeqPretrainObjective::loss(int64_t batch)
{
    const auto &examples = m_batches[size_t(batch)];
    std::vector<std::span<const int64_t>> rows;
    for (int64_t e : examples) {
        const auto [begin, length] = m_examples[size_t(e)];
        rows.emplace_back(m_tokens.data() + begin, size_t(length));
    }
    SeqTransformerNetImpl &net = *m_model->net;
    torch::Tensor tokens = leftPadded(rows).to(m_device); // [B, W]
    torch::Tensor table = net.itemTable();
    const torch::Tensor composed = net.composedItems() ? table : torch::Tensor();
    const bool attributes = m_targets.defined();

    auto [masked, mask] = clozeMask(tokens, m_p.maskProb, net.maskToken(), m_p.prefixes);
    const torch::Tensor positions = mask.reshape(-1).nonzero().squeeze(1);
    torch::Tensor hidden = net.encode(masked, false, composed);
    hidden = hidden.reshape({-1, hidden.size(2)}).index_select(0, positions); // [n, d]
    const torch::Tensor targets = tokens.reshape(-1).index_select(0, positions) - 1;

    torch::Tensor total = torch::zeros({}, table.options());
    const auto add = [&](const std::string &name, double weight, const torch::Tensor &value) {
        total = total + weight * value;
        auto &[sum, count] = m_epochSums[name];
        sum += value.item<double>() * double(examples.size());
        count += int64_t(examples.size());
    };
    if (m_p.cloze) {
        const torch::Tensor out = net.output(hidden);
        add("cloze loss", m_p.clozeWeight,
            m_p.clozeLoss == "sampled"
                ? uniformSampledSoftmaxLoss(out, table, targets, m_p.clozeNegatives)
                : fullSoftmaxLoss(out, table, targets));
    }
    if (attributes && m_p.maskedAttributeWeight > 0)
        add("masked attribute loss", m_p.maskedAttributeWeight,
            attributeLoss(m_model->maskedAttributes(hidden), m_targets.index_select(0, targets)));
    if (attributes && m_p.itemAttributeWeight > 0) {
        // The batch's distinct items, from their id (+ text) vectors: features excluded.
        const torch::Tensor real = tokens.reshape(-1);
        const torch::Tensor items = std::get<0>(at::_unique(real.masked_select(real > 0))) - 1;
        add("item attribute loss", m_p.itemAttributeWeight,
            attributeLoss(m_model->itemAttributes(net.idTable().index_select(0, items)),
                          m_targets.index_select(0, items)));
    }
    return {total, int64_t(examples.size())};
}

Expected<std::optional<Validation>> SeqPretrainObjective::validate(int)
{
    Validation v;
    double total = 0;
    for (const auto &[name, sums] : m_epochSums) {
        const double mean = sums.second > 0 ? sums.first / double(sums.second) : 0.0;
        v.metrics[name] = mean;
        m_history[name].push_back(mean);
        const double weight = name == "cloze loss"              ? m_p.clozeWeight
                              : name == "masked attribute loss" ? m_p.maskedAttributeWeight
                                                                : m_p.itemAttributeWeight;
        total += weight * mean;
    }
    v.value = -total;
    return std::optional<Validation>(v);
}

} // namespace recforge
