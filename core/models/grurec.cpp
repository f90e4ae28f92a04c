#include "grurec.h"

namespace recforge {

namespace {

class GruNetImpl final : public NextItemNetImpl {
public:
    GruNetImpl(int64_t items, int64_t hidden, int64_t layers, double dropout) : m_items(items)
    {
        m_embedding = register_module(
            "item",
            torch::nn::Embedding(torch::nn::EmbeddingOptions(items + 1, hidden).padding_idx(0)));
        m_gru = register_module("gru", torch::nn::GRU(torch::nn::GRUOptions(hidden, hidden)
                                                          .num_layers(layers)
                                                          .batch_first(true)
                                                          .dropout(layers > 1 ? dropout : 0.0)));
        m_dropout = register_module("dropout", torch::nn::Dropout(dropout));
        torch::NoGradGuard noGrad;
        torch::nn::init::normal_(m_embedding->weight, 0.0, 0.02);
        m_embedding->weight[0].zero_();
    }

    int64_t itemCount() const override { return m_items; }
    torch::Tensor itemTable() override { return m_embedding->weight.narrow(0, 1, m_items); }

    torch::Tensor positionHidden(const torch::Tensor &tokens) override
    {
        // The GRU runs on right-aligned rows (padding after the history), so a position's state
        // never depends on how much padding the batch needed; outputs are moved back to the
        // left-padded columns afterwards.
        const int64_t b = tokens.size(0), w = tokens.size(1);
        const torch::Tensor lengths = (tokens != 0).sum(1);                         // [B]
        const torch::Tensor cols = torch::arange(w, tokens.options()).unsqueeze(0); // [1, W]
        const torch::Tensor shift = (w - lengths).unsqueeze(1);
        const torch::Tensor toRight = (cols + shift).remainder(w); // [B, W]
        torch::Tensor right = tokens.gather(1, toRight);
        torch::Tensor x = m_dropout(m_embedding(right));
        torch::Tensor out = std::get<0>(m_gru(x)); // [B, W, d]
        const torch::Tensor toLeft =
            (cols + lengths.unsqueeze(1)).remainder(w).unsqueeze(2).expand({b, w, out.size(2)});
        return m_dropout(out.gather(1, toLeft));
    }

private:
    int64_t m_items;
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::GRU m_gru{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};

} // namespace

GruRec::GruRec(const nlohmann::json &resolved)
    : NextItemModel("gru4rec", resolved), m_layers(resolved.value("layers", 1))
{
}

std::shared_ptr<NextItemNetImpl> GruRec::makeNet(int64_t items) const
{
    return std::make_shared<GruNetImpl>(items, common().hiddenSize, m_layers, common().dropout);
}

ModelSchema gruRecSchema()
{
    ModelSchema s;
    s.id = "gru4rec";
    s.displayName = "GRU4Rec";
    s.family = "sequential";
    s.description = "Recurrent session model (Hidasi et al. 2016): a GRU reads the history's item "
                    "embeddings and its last state is scored against every item. Small and "
                    "fast: a distillation student.";
    s.params = nextItemParamSpecs();
    s.params.insert(s.params.begin() + 2,
                    intParam("layers", 1, 1, 8, "GRU layers", "Stacked GRU layers."));
    return s;
}

std::unique_ptr<Recommender> makeGruRec(const nlohmann::json &resolved)
{
    return std::make_unique<GruRec>(resolved);
}

} // namespace recforge
