#include "positionscorer.h"

#include "models/seqtransformer.h"
#include "models/seqtransformernet.h"

namespace recforge {

torch::Tensor PositionScorer::positionLogits(const torch::Tensor &tokens,
                                             const torch::Tensor &positions)
{
    torch::Tensor hidden = positionHidden(tokens);
    hidden = hidden.reshape({-1, hidden.size(2)}).index_select(0, positions);
    return torch::mm(hidden, outputTable().t());
}

void PositionScorer::positionLogitsInto(const torch::Tensor &tokens, const torch::Tensor &positions,
                                        torch::Tensor &out)
{
    torch::NoGradGuard noGrad;
    torch::Tensor hidden = positionHidden(tokens);
    hidden = hidden.reshape({-1, hidden.size(2)}).index_select(0, positions);
    const torch::Tensor table = outputTable();
    if (!out.defined() || out.device() != hidden.device() || out.dtype() != hidden.dtype())
        out = torch::empty({0}, hidden.options());
    // resize_ keeps the storage when it is large enough; mm_out then writes in place.
    out.resize_({hidden.size(0), table.size(0)});
    torch::mm_out(out, hidden, table.t());
}

namespace {

// SASRec through its network: the causal encoder at every column, the same tied item table
// scoreItems() uses (and the output head, when a fine-tuned network has one).
class CausalTransformerScorer final : public PositionScorer {
public:
    explicit CausalTransformerScorer(SeqTransformerNetImpl &net) : m_net(net)
    {
        // Looked up by name so this works with and without the optional parts of the network.
        m_composed = net.hasFeatures();
        for (const auto &child : net.named_children()) {
            if (child.key() == "head")
                m_head = std::dynamic_pointer_cast<torch::nn::SequentialImpl>(child.value());
            if (child.key() == "textProjection")
                m_composed = true;
        }
    }
    torch::Tensor positionHidden(const torch::Tensor &tokens) override
    {
        const torch::Tensor table = m_composed ? m_net.itemTable() : torch::Tensor();
        torch::Tensor hidden = m_net.encode(tokens, true, table);
        return m_head ? m_head->forward(hidden) : hidden;
    }
    torch::Tensor outputTable() override { return m_net.itemTable(); }
    int64_t maxLength() const override { return m_net.maxLength(); }
    torch::nn::Module &scorerModule() override { return m_net; }

private:
    SeqTransformerNetImpl &m_net;
    std::shared_ptr<torch::nn::SequentialImpl> m_head;
    bool m_composed = false; // item vectors beyond the id embedding: encode() needs the table
};

// Forwards to a model that is its own PositionScorer (GRU4Rec, MLP), keeping ownership there.
class ForwardingScorer final : public PositionScorer {
public:
    explicit ForwardingScorer(PositionScorer &inner) : m_inner(inner) {}
    torch::Tensor positionHidden(const torch::Tensor &tokens) override
    {
        return m_inner.positionHidden(tokens);
    }
    torch::Tensor outputTable() override { return m_inner.outputTable(); }
    int64_t maxLength() const override { return m_inner.maxLength(); }
    torch::nn::Module &scorerModule() override { return m_inner.scorerModule(); }

private:
    PositionScorer &m_inner;
};

} // namespace

Expected<std::unique_ptr<PositionScorer>> positionScorerFor(Recommender &model)
{
    if (!model.isFitted())
        return makeError(ErrorCode::InvalidArgument, "model '" + model.id() + "' is not fitted");
    if (auto *own = dynamic_cast<PositionScorer *>(&model))
        return std::unique_ptr<PositionScorer>(std::make_unique<ForwardingScorer>(*own));
    auto *seq = dynamic_cast<SeqTransformer *>(&model);
    if (seq && seq->variant() == SeqVariant::Causal)
        if (auto *net = dynamic_cast<SeqTransformerNetImpl *>(model.module()))
            return std::unique_ptr<PositionScorer>(std::make_unique<CausalTransformerScorer>(*net));
    return makeError(ErrorCode::InvalidArgument,
                     "model '" + model.id() +
                         "' cannot score next-item positions (use a causal sequential model: "
                         "sasrec, gru4rec or mlprec)",
                     Location{"", 0, 0, "model"});
}

} // namespace recforge
