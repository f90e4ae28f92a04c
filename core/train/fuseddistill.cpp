#include "fuseddistill.h"

#include <algorithm>

#include "train/logitsbuffer.h"

namespace recforge {

namespace {

// Elements per block of rows in the forward pass (~1 MB of floats per [block, items] tensor).
constexpr int64_t kBlockElements = int64_t(1) << 18;

// Per row i, with s = student logits, p = softmax(teacher / T), q = softmax(s / T), r =
// softmax(s):
//   loss_i = alpha T^2 sum_j p_j (log p_j - log q_j) - (1 - alpha) log r_target
//   d loss_i / d s = alpha T (q - p) + (1 - alpha) (r - onehot(target))
// Forward leaves that gradient (without the one-hot term) in the logits buffer; backward turns
// it into the [n, d] and [numItems, d] gradients with two GEMMs and applies the one-hot term to
// those small products, as the fused cross-entropy of losses.cpp does.
class FusedDistillation : public torch::autograd::Function<FusedDistillation> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &hidden,
                                 const torch::Tensor &items, const torch::Tensor &targets,
                                 torch::Tensor teacher, double temperature, double alpha)
    {
        const int64_t n = hidden.size(0), numItems = items.size(0);
        torch::Tensor logits = logitsBuffer(n, numItems, hidden.options());
        torch::mm_out(logits, hidden, items.t());
        const torch::Tensor column = targets.unsqueeze(1);
        const torch::Tensor targetLogit = logits.gather(1, column).squeeze(1);
        torch::Tensor kl = torch::empty({n}, hidden.options());
        torch::Tensor targetProb = torch::empty({n}, hidden.options());
        // A block of rows at a time, so that the ~15 passes below over a row run in cache: over
        // the whole [n, items] tensors each pass would stream them through memory again.
        const int64_t block = std::max<int64_t>(1, kBlockElements / numItems);
        torch::Tensor scratch = torch::empty({std::min(block, n), numItems}, hidden.options());
        for (int64_t row = 0; row < n; row += block) {
            const int64_t m = std::min(block, n - row);
            torch::Tensor t = teacher.narrow(0, row, m), s = logits.narrow(0, row, m);
            torch::Tensor w = scratch.narrow(0, 0, m);
            // log p in t, log q in w; KL_i = -sum_j p_j (log q_j - log p_j).
            t.div_(temperature);
            at::_log_softmax_out(t, t, 1, false);
            torch::div_out(w, s, temperature);
            at::_log_softmax_out(w, w, 1, false);
            w.sub_(t);
            t.exp_();
            kl.narrow(0, row, m)
                .copy_(torch::bmm(t.view({m, 1, numItems}), w.view({m, numItems, 1})).view({m}))
                .neg_();
            // w = alpha T (q - p), then s = (1 - alpha) r + w (r = softmax(s)).
            torch::div_out(w, s, temperature);
            at::_softmax_out(w, w, 1, false);
            w.sub_(t).mul_(alpha * temperature);
            if (alpha < 1.0) {
                at::_softmax_out(s, s, 1, false);
                targetProb.narrow(0, row, m).copy_(
                    s.gather(1, column.narrow(0, row, m)).squeeze(1));
                s.mul_(1.0 - alpha).add_(w);
            } else {
                s.copy_(w);
            }
        }
        torch::Tensor loss = kl.mean() * (alpha * temperature * temperature);
        if (alpha < 1.0) {
            torch::Tensor nll = -targetProb.log();
            const torch::Tensor lost = (targetProb < 1e-30f).nonzero().squeeze(1);
            if (lost.numel() > 0) // underflowed target probabilities: exact log-sum-exp
                nll.index_copy_(
                    0, lost,
                    torch::logsumexp(torch::mm(hidden.index_select(0, lost), items.t()), 1) -
                        targetLogit.index_select(0, lost));
            loss = loss + nll.mean() * (1.0 - alpha);
        }
        ctx->save_for_backward({hidden, items, targets});
        ctx->saved_data["gradient"] = logits;
        ctx->saved_data["hard"] = 1.0 - alpha;
        return loss;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &hidden = saved[0], &items = saved[1], &targets = saved[2];
        const torch::Tensor gradient = ctx->saved_data["gradient"].toTensor();
        const double hard = ctx->saved_data["hard"].toDouble();
        const torch::Tensor scale = grads[0] / double(hidden.size(0));
        torch::Tensor gradHidden, gradItems;
        if (ctx->needs_input_grad(0)) {
            gradHidden = torch::mm(gradient, items);
            if (hard > 0.0)
                gradHidden.sub_(items.index_select(0, targets), hard);
            gradHidden.mul_(scale);
        }
        if (ctx->needs_input_grad(1)) {
            gradItems = torch::mm(gradient.t(), hidden);
            if (hard > 0.0)
                gradItems.index_add_(0, targets, hidden, -hard);
            gradItems.mul_(scale);
        }
        return {gradHidden,      gradItems,       torch::Tensor(),
                torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor fusedDistillationLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                                    const torch::Tensor &targets, torch::Tensor teacherLogits,
                                    double temperature, double alpha)
{
    return FusedDistillation::apply(hidden, items, targets, teacherLogits.detach(), temperature,
                                    alpha);
}

} // namespace recforge
