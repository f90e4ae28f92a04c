#include "mlmobjective.h"

#include <algorithm>
#include <numeric>

#include "models/textembedding.h"

namespace recforge {

namespace {

constexpr int64_t kEvalBatch = 64;

// A uniform double in [0, 1) from the generator's 53 high bits (portable, unlike
// std::uniform_real_distribution).
double unit(std::mt19937_64 &rng)
{
    return double(rng() >> 11) * 0x1.0p-53;
}

bool isSpecial(int32_t id, const SpecialIds &s)
{
    return id == s.pad || id == s.cls || id == s.sep || id == s.mask;
}

} // namespace

std::pair<torch::Tensor, torch::Tensor> mlmMask(const torch::Tensor &ids,
                                                const torch::Tensor &candidates, double maskProb,
                                                int64_t maskId, int64_t vocabSize)
{
    const auto floats = ids.options().dtype(torch::kFloat);
    torch::Tensor chosen = (torch::rand(ids.sizes(), floats) < maskProb).logical_and(candidates);
    // Rows that drew nothing predict one random candidate (the highest random score).
    torch::Tensor scores =
        torch::rand(ids.sizes(), floats).masked_fill(candidates.logical_not(), -1);
    torch::Tensor pick = torch::zeros_like(chosen).scatter_(1, scores.argmax(1, true), true);
    torch::Tensor none = chosen.any(1, true).logical_not().logical_and(candidates.any(1, true));
    chosen = chosen.logical_or(pick.logical_and(none).logical_and(candidates));
    const torch::Tensor r = torch::rand(ids.sizes(), floats);
    const torch::Tensor random = torch::randint(vocabSize, ids.sizes(), ids.options());
    torch::Tensor input = ids.masked_fill(chosen.logical_and(r < 0.8), maskId);
    input = torch::where(chosen.logical_and(r >= 0.8).logical_and(r < 0.9), random, input);
    return {input, chosen};
}

MlmObjective::MlmObjective(TextEncoder encoder, std::vector<std::vector<int32_t>> train,
                           std::vector<std::vector<int32_t>> validation, const SpecialIds &special,
                           double maskProb, uint64_t seed)
    : m_encoder(std::move(encoder)), m_train(std::move(train)), m_validation(std::move(validation)),
      m_special(special), m_maskProb(maskProb)
{
    std::mt19937_64 rng(seed ^ 0x6d6c6d76616c6964ull); // "mlmvalid": independent of training
    for (const auto &row : m_validation) {
        std::vector<int32_t> input = row;
        std::vector<size_t> candidates;
        for (size_t i = 0; i < row.size(); ++i)
            if (!isSpecial(row[i], special))
                candidates.push_back(i);
        bool any = false;
        for (size_t i : candidates)
            if (unit(rng) < maskProb) {
                input[i] = special.mask;
                any = true;
            }
        if (!any && !candidates.empty())
            input[candidates[size_t(rng() % candidates.size())]] = special.mask;
        m_validationInput.push_back(std::move(input));
    }
}

std::pair<torch::Tensor, torch::Tensor>
MlmObjective::batchOf(const std::vector<const std::vector<int32_t> *> &rows) const
{
    std::vector<std::vector<int32_t>> copy;
    std::vector<int64_t> lengths;
    for (const auto *r : rows) {
        copy.push_back(*r);
        lengths.push_back(int64_t(r->size()));
    }
    torch::Tensor ids = rightPadded(copy, m_special.pad).to(m_device);
    torch::Tensor real = torch::arange(ids.size(1), ids.options()).unsqueeze(0) <
                         torch::tensor(lengths, torch::kLong).to(m_device).unsqueeze(1);
    return {ids, real};
}

torch::Tensor MlmObjective::candidatesOf(const torch::Tensor &ids, const torch::Tensor &real) const
{
    return real.logical_and(ids != m_special.cls)
        .logical_and(ids != m_special.sep)
        .logical_and(ids != m_special.pad)
        .logical_and(ids != m_special.mask);
}

int64_t MlmObjective::beginEpoch(int, int64_t batchSize, std::mt19937_64 &rng)
{
    std::vector<int64_t> order(m_train.size());
    std::iota(order.begin(), order.end(), int64_t(0));
    std::shuffle(order.begin(), order.end(), rng);
    m_batches.clear();
    for (size_t b = 0; b < order.size(); b += size_t(batchSize))
        m_batches.emplace_back(order.begin() + int64_t(b),
                               order.begin() +
                                   int64_t(std::min(order.size(), b + size_t(batchSize))));
    return int64_t(m_batches.size());
}

BatchLoss MlmObjective::loss(int64_t batch)
{
    const auto &examples = m_batches[size_t(batch)];
    std::vector<const std::vector<int32_t> *> rows;
    for (int64_t e : examples)
        rows.push_back(&m_train[size_t(e)]);
    auto [ids, real] = batchOf(rows);
    const int64_t vocab = m_encoder->config().vocabSize;
    auto [input, chosen] = mlmMask(ids, candidatesOf(ids, real), m_maskProb, m_special.mask, vocab);
    const torch::Tensor hidden = m_encoder->forward(input, real); // [B, L, H]
    const torch::Tensor positions = chosen.reshape(-1).nonzero().squeeze(1);
    torch::Tensor logits =
        m_encoder->mlmLogits(hidden.reshape({-1, hidden.size(2)}).index_select(0, positions));
    torch::Tensor targets = ids.reshape(-1).index_select(0, positions);
    torch::Tensor loss = positions.numel() > 0 ? torch::cross_entropy_loss(logits, targets)
                                               : hidden.sum() * 0.0; // no real token at all
    return {loss, int64_t(examples.size())};
}

MlmEvaluation MlmObjective::evaluate()
{
    const bool wasTraining = m_encoder->is_training();
    m_encoder->eval();
    torch::NoGradGuard noGrad;
    double lossSum = 0;
    int64_t correct = 0, count = 0;
    for (size_t begin = 0; begin < m_validation.size(); begin += size_t(kEvalBatch)) {
        const size_t end = std::min(m_validation.size(), begin + size_t(kEvalBatch));
        std::vector<const std::vector<int32_t> *> originals, inputs;
        for (size_t i = begin; i < end; ++i) {
            originals.push_back(&m_validation[i]);
            inputs.push_back(&m_validationInput[i]);
        }
        auto [ids, real] = batchOf(originals);
        auto [input, unused] = batchOf(inputs);
        (void)unused;
        const torch::Tensor positions =
            (input == m_special.mask).logical_and(real).reshape(-1).nonzero().squeeze(1);
        if (positions.numel() == 0)
            continue;
        const torch::Tensor hidden = m_encoder->forward(input, real);
        const torch::Tensor logits =
            m_encoder->mlmLogits(hidden.reshape({-1, hidden.size(2)}).index_select(0, positions));
        const torch::Tensor targets = ids.reshape(-1).index_select(0, positions);
        lossSum +=
            torch::cross_entropy_loss(logits, targets, {}, at::Reduction::Sum).item<double>();
        correct += (logits.argmax(1) == targets).sum().item<int64_t>();
        count += positions.numel();
    }
    m_encoder->train(wasTraining);
    MlmEvaluation out;
    out.positions = count;
    if (count > 0) {
        out.loss = lossSum / double(count);
        out.accuracy = double(correct) / double(count);
    }
    return out;
}

Expected<std::optional<Validation>> MlmObjective::validate(int)
{
    if (m_validation.empty())
        return std::optional<Validation>{};
    const MlmEvaluation e = evaluate();
    m_history.push_back(e);
    return std::optional<Validation>(
        Validation{e.accuracy, {{"masked accuracy", e.accuracy}, {"masked loss", e.loss}}});
}

} // namespace recforge
