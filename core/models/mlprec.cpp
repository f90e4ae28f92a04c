#include "mlprec.h"

namespace recforge {

namespace {

class MlpNetImpl final : public NextItemNetImpl {
public:
    MlpNetImpl(int64_t items, int64_t hidden, int64_t window, int64_t ffn, double dropout)
        : m_items(items), m_window(window)
    {
        m_embedding = register_module(
            "item",
            torch::nn::Embedding(torch::nn::EmbeddingOptions(items + 1, hidden).padding_idx(0)));
        m_in = register_module(
            "inner",
            torch::nn::Linear(2 * hidden,
                              ffn)); // not "in": a TorchScript keyword, unreadable in a checkpoint
        m_out = register_module("out", torch::nn::Linear(ffn, hidden));
        m_dropout = register_module("dropout", torch::nn::Dropout(dropout));
        torch::NoGradGuard noGrad;
        torch::nn::init::normal_(m_embedding->weight, 0.0, 0.02);
        m_embedding->weight[0].zero_();
    }

    int64_t itemCount() const override { return m_items; }
    torch::Tensor itemTable() override { return m_embedding->weight.narrow(0, 1, m_items); }

    torch::Tensor positionHidden(const torch::Tensor &tokens) override
    {
        // Sliding-window mean by prefix sums: padding embeds to zero and counts nothing, so a
        // column never depends on the padding before it.
        const int64_t b = tokens.size(0), w = tokens.size(1);
        torch::Tensor e = m_embedding(tokens);                         // [B, W, d]
        torch::Tensor mask = (tokens != 0).to(e.dtype()).unsqueeze(2); // [B, W, 1]
        auto windowSum = [&](const torch::Tensor &x) {
            torch::Tensor cs = x.cumsum(1);
            if (m_window >= w)
                return cs;
            torch::Tensor pad = torch::zeros({b, m_window, x.size(2)}, x.options());
            return cs - torch::cat({pad, cs}, 1).narrow(1, 0, w);
        };
        torch::Tensor mean = windowSum(e) / windowSum(mask).clamp_min(1.0);
        torch::Tensor x = m_dropout(torch::cat({mean, e}, 2));
        torch::Tensor h = m_dropout(torch::gelu(m_in(x)));
        return m_out(h);
    }

private:
    int64_t m_items, m_window;
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::Linear m_in{nullptr}, m_out{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};

} // namespace

MlpRec::MlpRec(const nlohmann::json &resolved)
    : NextItemModel("mlprec", resolved), m_window(resolved.value("window", 10)),
      m_ffnSize(resolved.value("ffnSize", 256))
{
}

std::shared_ptr<NextItemNetImpl> MlpRec::makeNet(int64_t items) const
{
    return std::make_shared<MlpNetImpl>(items, common().hiddenSize, m_window, m_ffnSize,
                                        common().dropout);
}

ModelSchema mlpRecSchema()
{
    ModelSchema s;
    s.id = "mlprec";
    s.displayName = "MLP";
    s.family = "sequential";
    s.description = "Pooled-history MLP: the mean of the last items' embeddings and the newest "
                    "item's embedding pass through a two-layer MLP scored against every item. No "
                    "recurrence or attention: the fastest distillation student.";
    s.params = nextItemParamSpecs();
    s.params.insert(s.params.begin() + 2,
                    {intParam("window", 10, 1, 2048, "Pooling window",
                              "Most recent items averaged into the history vector."),
                     intParam("ffnSize", 256, 8, 16384, "Feed-forward size",
                              "Inner width of the point-wise feed-forward layer (usually 4 x "
                              "hidden).",
                              true)});
    return s;
}

std::unique_ptr<Recommender> makeMlpRec(const nlohmann::json &resolved)
{
    return std::make_unique<MlpRec>(resolved);
}

} // namespace recforge
