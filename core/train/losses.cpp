#include "losses.h"

#include "train/logitsbuffer.h"

namespace recforge {

namespace F = torch::nn::functional;

// The pool keeps kPoolSize buffers; one whose storage only the pool holds is free again.
torch::Tensor logitsBuffer(int64_t rows, int64_t cols, const torch::TensorOptions &options)
{
    if (!options.device().is_cpu())
        return torch::empty({rows, cols}, options);
    constexpr size_t kPoolSize = 3;
    thread_local std::vector<torch::Tensor> pool;
    const int64_t numel = rows * cols;
    for (auto &buffer : pool)
        if (buffer.storage().use_count() == 1 && buffer.numel() >= numel &&
            buffer.scalar_type() == options.dtype().toScalarType())
            return buffer.narrow(0, 0, numel).view({rows, cols});
    torch::Tensor buffer = torch::empty({numel + numel / 4}, options);
    if (pool.size() < kPoolSize)
        pool.push_back(buffer);
    else
        pool[0] = buffer;
    return buffer.narrow(0, 0, numel).view({rows, cols});
}

namespace {

// Softmax cross-entropy with the logits computed, normalised and differentiated in one buffer:
// forward = GEMM into the buffer + an in-place softmax; backward = two GEMMs on those
// probabilities with the one-hot term applied to the small [n, d] / [items, d] products. Autograd's
// mm -> log_softmax -> nll chain makes four [n, items] tensors per step instead of one.
class FusedSoftmaxCrossEntropy : public torch::autograd::Function<FusedSoftmaxCrossEntropy> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &hidden,
                                 const torch::Tensor &items, const torch::Tensor &targets,
                                 const torch::Tensor &biasOrEmpty)
    {
        const int64_t n = hidden.size(0);
        const torch::Tensor bias = biasOrEmpty.numel() > 0 ? biasOrEmpty : torch::Tensor();
        torch::Tensor probs = logitsBuffer(n, items.size(0), hidden.options());
        if (bias.defined())
            torch::addmm_out(probs, bias, hidden, items.t());
        else
            torch::mm_out(probs, hidden, items.t());
        const torch::Tensor column = targets.unsqueeze(1);
        const torch::Tensor targetLogit = probs.gather(1, column).squeeze(1);
        at::_softmax_out(probs, probs, 1, false);
        const torch::Tensor targetProb = probs.gather(1, column).squeeze(1);
        torch::Tensor nll = -targetProb.log();
        // A target probability that underflowed has lost its log: recompute those rows' exact
        // log-sum-exp from their logits (rare: only a badly wrong model gets there).
        const torch::Tensor lost = (targetProb < 1e-30f).nonzero().squeeze(1);
        if (lost.numel() > 0) {
            torch::Tensor logits = torch::mm(hidden.index_select(0, lost), items.t());
            if (bias.defined())
                logits = logits + bias;
            nll.index_copy_(0, lost,
                            torch::logsumexp(logits, 1) - targetLogit.index_select(0, lost));
        }
        ctx->save_for_backward({hidden, items, targets});
        ctx->saved_data["probs"] = probs;
        ctx->saved_data["bias"] = bias.defined();
        return nll.mean();
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &hidden = saved[0], &items = saved[1], &targets = saved[2];
        const torch::Tensor probs = ctx->saved_data["probs"].toTensor();
        // d(mean nll)/d logits = (softmax - onehot) / n, times the incoming gradient.
        const torch::Tensor scale = grads[0] / double(hidden.size(0));
        torch::Tensor gradHidden, gradItems, gradBias;
        if (ctx->needs_input_grad(0))
            gradHidden = (torch::mm(probs, items) - items.index_select(0, targets)).mul_(scale);
        if (ctx->needs_input_grad(1))
            gradItems = torch::mm(probs.t(), hidden).index_add_(0, targets, -hidden).mul_(scale);
        if (ctx->saved_data["bias"].toBool() && ctx->needs_input_grad(3))
            gradBias =
                (probs.sum(0) - torch::bincount(targets, {}, items.size(0)).to(probs.dtype()))
                    .mul_(scale);
        return {gradHidden, gradItems, torch::Tensor(), gradBias};
    }
};

} // namespace

torch::Tensor fullSoftmaxLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                              const torch::Tensor &targets, const torch::Tensor &bias)
{
    if (!torch::GradMode::is_enabled()) {
        torch::Tensor logits =
            bias.defined() ? torch::addmm(bias, hidden, items.t()) : torch::mm(hidden, items.t());
        return torch::cross_entropy_loss(logits, targets);
    }
    // Custom autograd functions take no undefined tensors: an empty bias stands for none.
    return FusedSoftmaxCrossEntropy::apply(
        hidden, items, targets, bias.defined() ? bias : torch::empty({0}, hidden.options()));
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

torch::Tensor uniformSampledSoftmaxLoss(const torch::Tensor &hidden, const torch::Tensor &items,
                                        const torch::Tensor &targets, int64_t negatives)
{
    return sampledSoftmaxLoss(
        hidden, items, targets,
        torch::randint(items.size(0), {hidden.size(0), negatives}, targets.options()));
}

torch::Tensor bprLoss(const torch::Tensor &positive, const torch::Tensor &negative)
{
    return -F::logsigmoid(positive - negative).mean();
}

std::pair<torch::Tensor, torch::Tensor> clozeMask(const torch::Tensor &tokens, double maskProb,
                                                  int64_t maskToken, bool maskLast)
{
    torch::Tensor real = tokens != 0;
    torch::Tensor mask =
        (torch::rand(tokens.sizes(), tokens.options().dtype(torch::kFloat)) < maskProb)
            .logical_and(real);
    if (maskLast) {
        // Left padding: every row's last real token is in the last column.
        mask.select(1, tokens.size(1) - 1).logical_or_(real.select(1, tokens.size(1) - 1));
        return {tokens.masked_fill(mask, maskToken), mask};
    }
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

std::pair<torch::Tensor, torch::Tensor>
rankingDistillationTargets(const torch::Tensor &teacherLogits, int64_t topK, double lambda)
{
    torch::NoGradGuard noGrad;
    const int64_t k = std::min<int64_t>(topK, teacherLogits.size(1));
    torch::Tensor items = std::get<1>(teacherLogits.topk(k, 1, /*largest=*/true, /*sorted=*/true));
    torch::Tensor ranks = torch::arange(1, k + 1, teacherLogits.options().dtype(torch::kFloat));
    torch::Tensor w = torch::exp(-ranks / lambda);
    w = (w / w.sum()).unsqueeze(0).expand({items.size(0), k}).contiguous();
    return {items, w};
}

torch::Tensor rankingDistillationLoss(const torch::Tensor &studentLogits,
                                      const torch::Tensor &items, const torch::Tensor &weights)
{
    torch::Tensor logp = F::log_softmax(studentLogits, 1).gather(1, items);
    return -(weights.to(logp.dtype()) * logp).sum(1).mean();
}

} // namespace recforge
