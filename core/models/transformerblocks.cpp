#include "transformerblocks.h"

#include <cmath>

namespace recforge {

namespace F = torch::nn::functional;

namespace {
constexpr float kMasked = -1e9f;
}

SelfAttentionImpl::SelfAttentionImpl(const TransformerConfig &c)
    : m_heads(c.heads), m_headDim(c.hidden / c.heads)
{
    m_qkv = register_module("qkv", torch::nn::Linear(c.hidden, 3 * c.hidden));
    m_out = register_module("out", torch::nn::Linear(c.hidden, c.hidden));
    m_dropout = register_module("dropout", torch::nn::Dropout(c.attentionDropout));
}

torch::Tensor SelfAttentionImpl::forward(const torch::Tensor &x, const torch::Tensor &bias,
                                         bool lastOnly)
{
    const int64_t b = x.size(0), l = x.size(1), d = x.size(2);
    const double scale = 1.0 / std::sqrt(double(m_headDim));
    // [B, L, h, dh] -> [B * h, L, dh]
    const auto heads = [&](const torch::Tensor &t) {
        const int64_t len = t.size(1);
        return t.view({b, len, m_heads, m_headDim})
            .transpose(1, 2)
            .reshape({b * m_heads, len, m_headDim});
    };
    torch::Tensor q, k, v, scores;
    if (lastOnly) {
        // Keys and values for every position, the query for the last one only.
        const torch::Tensor &w = m_qkv->weight, &wb = m_qkv->bias;
        torch::Tensor kv = F::linear(x, w.narrow(0, d, 2 * d), wb.narrow(0, d, 2 * d));
        k = heads(kv.narrow(2, 0, d));
        v = heads(kv.narrow(2, d, d));
        q = heads(F::linear(x.narrow(1, l - 1, 1), w.narrow(0, 0, d), wb.narrow(0, 0, d)));
        scores = torch::baddbmm(bias.narrow(1, l - 1, 1), q, k.transpose(1, 2), 1.0, scale);
    } else {
        // [B, L, 3, h, dh] -> [3, B, h, L, dh]
        torch::Tensor qkv = m_qkv(x).view({b, l, 3, m_heads, m_headDim}).permute({2, 0, 3, 1, 4});
        q = qkv[0].reshape({b * m_heads, l, m_headDim});
        k = qkv[1].reshape({b * m_heads, l, m_headDim});
        v = qkv[2].reshape({b * m_heads, l, m_headDim});
        scores = torch::baddbmm(bias, q, k.transpose(1, 2), 1.0, scale);
    }
    const int64_t queries = q.size(1);
    torch::Tensor attn = m_dropout(torch::softmax(scores, -1));
    torch::Tensor ctx = torch::bmm(attn, v) // [B*h, Lq, dh]
                            .view({b, m_heads, queries, m_headDim})
                            .permute({0, 2, 1, 3})
                            .reshape({b, queries, d});
    return m_out(ctx);
}

TransformerLayerImpl::TransformerLayerImpl(const TransformerConfig &c) : m_gelu(c.gelu)
{
    m_attention = register_module("attention", SelfAttention(c));
    m_norm1 = register_module(
        "norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden}).eps(1e-12)));
    m_norm2 = register_module(
        "norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden}).eps(1e-12)));
    m_ffn1 = register_module("ffn1", torch::nn::Linear(c.hidden, c.ffn));
    m_ffn2 = register_module("ffn2", torch::nn::Linear(c.ffn, c.hidden));
    m_dropout = register_module("dropout", torch::nn::Dropout(c.dropout));
}

torch::Tensor TransformerLayerImpl::forward(const torch::Tensor &x, const torch::Tensor &bias,
                                            bool lastOnly)
{
    const torch::Tensor residual = lastOnly ? x.narrow(1, x.size(1) - 1, 1) : x;
    torch::Tensor h = m_norm1(residual + m_dropout(m_attention(x, bias, lastOnly)));
    torch::Tensor f = m_ffn1(h);
    f = m_gelu ? torch::gelu(f) : torch::relu(f);
    return m_norm2(h + m_dropout(m_ffn2(f)));
}

TransformerEncoderImpl::TransformerEncoderImpl(const TransformerConfig &c) : m_heads(c.heads)
{
    m_layers = register_module("layers", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.layers; ++i)
        m_layers->push_back(TransformerLayer(c));
}

torch::Tensor TransformerEncoderImpl::forward(torch::Tensor x, const torch::Tensor &tokens,
                                              bool causal, bool lastOnly)
{
    const torch::Tensor bias = attentionBias(tokens, m_heads, causal).to(x.dtype());
    const size_t count = m_layers->size();
    for (size_t i = 0; i < count; ++i)
        x = m_layers[i]->as<TransformerLayer>()->forward(x, bias, lastOnly && i + 1 == count);
    if (lastOnly && count == 0)
        x = x.narrow(1, x.size(1) - 1, 1);
    return x;
}

torch::Tensor attentionBias(const torch::Tensor &tokens, int64_t heads, bool causal)
{
    const int64_t b = tokens.size(0), l = tokens.size(1);
    auto opts = torch::TensorOptions().dtype(torch::kFloat).device(tokens.device());
    torch::Tensor bias = torch::zeros({b, 1, l}, opts)
                             .masked_fill_((tokens == 0).unsqueeze(1),
                                           kMasked); // [B, 1, L] keys
    if (causal)
        bias = bias + torch::ones({l, l}, opts).triu_(1).mul_(kMasked); // [B, L, L]
    else
        bias = bias.expand({b, l, l});
    return bias.unsqueeze(1).expand({b, heads, l, l}).reshape({b * heads, l, l});
}

void initTransformerWeights(torch::nn::Module &module)
{
    torch::NoGradGuard noGrad;
    for (auto &m : module.modules(/*include_self=*/false)) {
        if (auto *lin = m->as<torch::nn::Linear>()) {
            lin->weight.normal_(0, 0.02);
            if (lin->bias.defined())
                lin->bias.zero_();
        } else if (auto *emb = m->as<torch::nn::Embedding>()) {
            emb->weight.normal_(0, 0.02);
            if (emb->options.padding_idx())
                emb->weight[*emb->options.padding_idx()].zero_();
        } else if (auto *bag = m->as<torch::nn::EmbeddingBag>()) {
            bag->weight.normal_(0, 0.02);
        } else if (auto *ln = m->as<torch::nn::LayerNorm>()) {
            ln->weight.fill_(1);
            ln->bias.zero_();
        }
    }
}

} // namespace recforge
