#include "fuseddistill.h"

#include <algorithm>

#include "train/logitsbuffer.h"
#include "train/losses.h"

namespace recforge {

namespace {

// Elements per block of rows in the forward pass (~1 MB of floats per [block, items] tensor).
constexpr int64_t kBlockElements = int64_t(1) << 18;

// Per row i, with s = student logits, p = softmax(teacher / T), q = softmax(s / T), r =
// softmax(s), the teacher's top-K items k_1..k_K with rank weights w (sum 1), a = alpha:
//   loss_i = a T^2 KL(p || q)                  (kl term: modes kl, both)
//          - a sum_r w_r log r_{k_r}            (ranking term: modes ranking, both)
//          - (1 - a) log r_target               (hard label)
//   d loss_i / d s = a T (q - p) + a (r - W) + (1 - a) (r - onehot(target)),  W = w at k_1..k_K
// Forward leaves that gradient without the W and one-hot terms in the logits buffer; backward
// turns it into the [n, d] and [numItems, d] gradients with two GEMMs and applies the sparse
// terms to those small products, as the fused cross-entropy of losses.cpp does.
class FusedDistillation : public torch::autograd::Function<FusedDistillation> {
public:
    // rankItems [n, K] int64 and rankWeights [n, K]; empty without the ranking term (autograd
    // functions take no undefined tensors).
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &hidden,
                                 const torch::Tensor &items, const torch::Tensor &targets,
                                 torch::Tensor teacher, const torch::Tensor &rankItems,
                                 const torch::Tensor &rankWeights, double temperature, double alpha,
                                 bool klTerm)
    {
        const int64_t n = hidden.size(0), numItems = items.size(0);
        const bool rankTerm = rankItems.numel() > 0;
        const double hard = 1.0 - alpha;
        const double softmaxShare = (hard > 0 ? hard : 0.0) + (rankTerm ? alpha : 0.0);
        torch::Tensor logits = logitsBuffer(n, numItems, hidden.options());
        torch::mm_out(logits, hidden, items.t());
        const torch::Tensor column = targets.unsqueeze(1);
        const torch::Tensor targetLogit = logits.gather(1, column).squeeze(1);
        torch::Tensor kl = torch::zeros({n}, hidden.options());
        torch::Tensor targetProb = torch::ones({n}, hidden.options());
        torch::Tensor rankLoss = torch::zeros({n}, hidden.options());
        const torch::Tensor weights = rankTerm ? rankWeights.to(hidden.dtype()) : torch::Tensor();
        // A block of rows at a time, so that the ~15 passes below over a row run in cache: over
        // the whole [n, items] tensors each pass would stream them through memory again.
        const int64_t block = std::max<int64_t>(1, kBlockElements / numItems);
        torch::Tensor scratch = torch::empty({std::min(block, n), numItems}, hidden.options());
        for (int64_t row = 0; row < n; row += block) {
            const int64_t m = std::min(block, n - row);
            torch::Tensor s = logits.narrow(0, row, m);
            torch::Tensor w = scratch.narrow(0, 0, m);
            if (rankTerm) { // log r at the teacher's list: logits minus the row's log-sum-exp
                const torch::Tensor listed = s.gather(1, rankItems.narrow(0, row, m));
                const torch::Tensor logR = listed - torch::logsumexp(s, 1, true);
                rankLoss.narrow(0, row, m).copy_(-(logR * weights.narrow(0, row, m)).sum(1));
            }
            if (klTerm) {
                torch::Tensor t = teacher.narrow(0, row, m);
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
                // w = alpha T (q - p).
                torch::div_out(w, s, temperature);
                at::_softmax_out(w, w, 1, false);
                w.sub_(t).mul_(alpha * temperature);
            }
            if (softmaxShare > 0) { // s = (hard + ranking share) r [+ w]
                at::_softmax_out(s, s, 1, false);
                if (hard > 0)
                    targetProb.narrow(0, row, m).copy_(
                        s.gather(1, column.narrow(0, row, m)).squeeze(1));
                s.mul_(softmaxShare);
                if (klTerm)
                    s.add_(w);
            } else {
                s.copy_(w);
            }
        }
        torch::Tensor loss = torch::zeros({}, hidden.options());
        if (klTerm)
            loss = loss + kl.mean() * (alpha * temperature * temperature);
        if (rankTerm)
            loss = loss + rankLoss.mean() * alpha;
        if (hard > 0) {
            torch::Tensor nll = -targetProb.log();
            const torch::Tensor lost = (targetProb < 1e-30f).nonzero().squeeze(1);
            if (lost.numel() > 0) // underflowed target probabilities: exact log-sum-exp
                nll.index_copy_(
                    0, lost,
                    torch::logsumexp(torch::mm(hidden.index_select(0, lost), items.t()), 1) -
                        targetLogit.index_select(0, lost));
            loss = loss + nll.mean() * hard;
        }
        // Sparse terms of the gradient: weight per (row, item) pair, applied in backward.
        torch::Tensor sparseItems = targets.unsqueeze(1), sparseWeights;
        if (hard > 0)
            sparseWeights = torch::full({n, 1}, hard, hidden.options());
        if (rankTerm) {
            const torch::Tensor w = weights * alpha;
            sparseItems = hard > 0 ? torch::cat({sparseItems, rankItems}, 1) : rankItems;
            sparseWeights = hard > 0 ? torch::cat({sparseWeights, w}, 1) : w;
        }
        ctx->save_for_backward({hidden, items});
        ctx->saved_data["gradient"] = logits;
        ctx->saved_data["sparse"] = sparseWeights.defined();
        if (sparseWeights.defined()) {
            ctx->saved_data["sparseItems"] = sparseItems;
            ctx->saved_data["sparseWeights"] = sparseWeights;
        }
        return loss;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &hidden = saved[0], &items = saved[1];
        const torch::Tensor gradient = ctx->saved_data["gradient"].toTensor();
        const bool sparse = ctx->saved_data["sparse"].toBool();
        torch::Tensor sparseItems, sparseWeights;
        if (sparse) {
            sparseItems = ctx->saved_data["sparseItems"].toTensor();
            sparseWeights = ctx->saved_data["sparseWeights"].toTensor();
        }
        const int64_t n = hidden.size(0), d = hidden.size(1);
        const torch::Tensor scale = grads[0] / double(n);
        torch::Tensor gradHidden, gradItems;
        if (ctx->needs_input_grad(0)) {
            gradHidden = torch::mm(gradient, items);
            if (sparse) { // minus sum over the row's pairs of weight x item vector
                const int64_t k = sparseItems.size(1);
                const torch::Tensor vectors =
                    items.index_select(0, sparseItems.reshape(-1)).view({n, k, d});
                gradHidden.sub_(torch::bmm(sparseWeights.unsqueeze(1), vectors).squeeze(1));
            }
            gradHidden.mul_(scale);
        }
        if (ctx->needs_input_grad(1)) {
            gradItems = torch::mm(gradient.t(), hidden);
            if (sparse) {
                const int64_t k = sparseItems.size(1);
                const torch::Tensor rows =
                    (sparseWeights.unsqueeze(2) * hidden.unsqueeze(1)).view({n * k, d});
                gradItems.index_add_(0, sparseItems.reshape(-1), rows, -1.0);
            }
            gradItems.mul_(scale);
        }
        return {gradHidden,      gradItems,       torch::Tensor(), torch::Tensor(), torch::Tensor(),
                torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor fusedDistillationLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                                    const torch::Tensor &targets, torch::Tensor teacherLogits,
                                    const DistillLossOptions &options)
{
    torch::Tensor rankItems = torch::empty({0}, targets.options()), rankWeights = rankItems;
    if (options.mode != DistillMode::Kl) // the list first: the KL pass overwrites the logits
        std::tie(rankItems, rankWeights) =
            rankingDistillationTargets(teacherLogits, options.topK, options.rankDecay);
    return FusedDistillation::apply(hidden, items, targets, teacherLogits.detach(), rankItems,
                                    rankWeights, options.temperature, options.alpha,
                                    options.mode != DistillMode::Ranking);
}

} // namespace recforge
