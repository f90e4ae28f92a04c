#include "textembedding.h"

#include <algorithm>
#include <numeric>

#include "data/dataset.h"

namespace recforge {

torch::Tensor rightPadded(const std::vector<std::vector<int32_t>> &rows, int64_t padId)
{
    size_t width = 0;
    for (const auto &r : rows)
        width = std::max(width, r.size());
    std::vector<int64_t> flat(rows.size() * width, padId);
    for (size_t i = 0; i < rows.size(); ++i)
        std::copy(rows[i].begin(), rows[i].end(), flat.begin() + int64_t(i * width));
    return torch::tensor(flat, torch::kLong).view({int64_t(rows.size()), int64_t(width)});
}

torch::Tensor encodeTexts(TextEncoder &encoder, const Tokenizer &tokenizer,
                          const std::vector<std::string> &texts,
                          const TextEmbeddingOptions &options)
{
    const TextEncoderConfig &config = encoder->config();
    const int32_t maxLength =
        int32_t(options.maxLength > 0 ? std::min<int64_t>(options.maxLength, config.maxPositions)
                                      : config.maxPositions);
    std::vector<std::vector<int32_t>> inputs;
    inputs.reserve(texts.size());
    for (const std::string &t : texts)
        inputs.push_back(tokenizer.modelInput(t, maxLength));
    // Similar lengths share a batch: little padding.
    std::vector<size_t> order(texts.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return inputs[a].size() < inputs[b].size(); });

    const bool wasTraining = encoder->is_training();
    encoder->eval();
    torch::NoGradGuard noGrad;
    const torch::Device device = encoder->wordEmbeddings().device();
    torch::Tensor out = torch::zeros({int64_t(texts.size()), config.hidden}, torch::kFloat);
    const size_t batch = size_t(std::max<int64_t>(1, options.batchSize));
    for (size_t begin = 0; begin < order.size(); begin += batch) {
        const size_t end = std::min(order.size(), begin + batch);
        std::vector<std::vector<int32_t>> rows;
        std::vector<int64_t> index;
        for (size_t k = begin; k < end; ++k) {
            rows.push_back(inputs[order[k]]);
            index.push_back(int64_t(order[k]));
        }
        const torch::Tensor ids = rightPadded(rows, tokenizer.padId()).to(device);
        // Masked by row length rather than by id: exact whatever the tokenizer's pad id is.
        std::vector<int64_t> lengths;
        for (const auto &r : rows)
            lengths.push_back(int64_t(r.size()));
        const torch::Tensor mask = torch::arange(ids.size(1), ids.options()).unsqueeze(0) <
                                   torch::tensor(lengths, torch::kLong).to(device).unsqueeze(1);
        const torch::Tensor hidden = encoder->forward(ids, mask);
        const torch::Tensor pooled =
            options.pooling == TextPooling::Cls ? clsPooling(hidden) : meanPooling(hidden, mask);
        out.index_copy_(0, torch::tensor(index, torch::kLong),
                        pooled.to(torch::kCPU, torch::kFloat));
    }
    encoder->train(wasTraining);
    return out;
}

torch::Tensor encodeItemTexts(TextEncoder &encoder, const Tokenizer &tokenizer,
                              const Dataset &dataset, const TextEmbeddingOptions &options)
{
    return encodeTexts(encoder, tokenizer, itemTexts(dataset), options);
}

} // namespace recforge
