#include "losses.h"

namespace recforge {

namespace F = torch::nn::functional;

torch::Tensor fullSoftmaxLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                              const torch::Tensor &targets, const torch::Tensor &bias)
{
    torch::Tensor logits =
        bias.defined() ? torch::addmm(bias, hidden, items.t()) : torch::mm(hidden, items.t());
    return torch::cross_entropy_loss(logits, targets);
}

torch::Tensor sampledSoftmaxLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                                 const torch::Tensor &targets, const torch::Tensor &negatives,
                                 const torch::Tensor &bias)
{
    const int64_t n = hidden.size(0);
    torch::Tensor pos = (hidden * items.index_select(0, targets)).sum(1, true); // [n, 1]
    torch::Tensor neg;
    torch::Tensor negIds = negatives;
    if (negatives.dim() == 1) {
        neg = torch::mm(hidden, items.index_select(0, negatives).t()); // [n, k]
        negIds = negatives.unsqueeze(0).expand({n, negatives.size(0)});
    } else {
        torch::Tensor negEmb = items.index_select(0, negatives.reshape(-1))
                                   .view({n, negatives.size(1), items.size(1)});
        neg = torch::bmm(negEmb, hidden.unsqueeze(2)).squeeze(2); // [n, k]
    }
    if (bias.defined()) {
        pos = pos + bias.index_select(0, targets).unsqueeze(1);
        neg = neg + bias.index_select(0, negIds.reshape(-1)).view(negIds.sizes());
    }
    neg = neg.masked_fill(negIds == targets.unsqueeze(1), -1e9);
    torch::Tensor logits = torch::cat({pos, neg}, 1);
    return torch::cross_entropy_loss(logits,
                                     torch::zeros({n}, targets.options().dtype(torch::kLong)));
}

torch::Tensor bprLoss(const torch::Tensor &positive, const torch::Tensor &negative)
{
    return -F::logsigmoid(positive - negative).mean();
}

std::pair<torch::Tensor, torch::Tensor> clozeMask(const torch::Tensor &tokens, double maskProb,
                                                  int64_t maskToken)
{
    torch::Tensor real = tokens != 0;
    torch::Tensor mask =
        (torch::rand(tokens.sizes(), tokens.options().dtype(torch::kFloat)) < maskProb)
            .logical_and(real);
    // Rows without a drawn mask mask their last real token (left padding: the last column).
    torch::Tensor none = mask.any(1).logical_not().logical_and(real.any(1));
    if (none.any().item<bool>()) {
        torch::Tensor last = torch::zeros_like(mask);
        last.select(1, tokens.size(1) - 1).copy_(none);
        mask = mask.logical_or(last.logical_and(real));
    }
    return {tokens.masked_fill(mask, maskToken), mask};
}

torch::Tensor distillationLoss(const torch::Tensor &studentLogits,
                               const torch::Tensor &teacherLogits, const torch::Tensor &targets,
                               double temperature, double alpha)
{
    torch::Tensor soft =
        F::kl_div(F::log_softmax(studentLogits / temperature, 1),
                  F::log_softmax(teacherLogits.detach() / temperature, 1),
                  F::KLDivFuncOptions().reduction(torch::kBatchMean).log_target(true)) *
        (temperature * temperature);
    if (alpha >= 1.0)
        return soft;
    return alpha * soft + (1.0 - alpha) * torch::cross_entropy_loss(studentLogits, targets);
}

} // namespace recforge
