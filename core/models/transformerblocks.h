#pragma once
// Transformer encoder pieces for the sequential models, written against LibTorch 1.13 APIs (no
// scaled_dot_product_attention): one fused QKV projection, attention as baddbmm + softmax with a
// precomputed additive mask, post-LN blocks as in SASRec / BERT4Rec (RecBole's layout).

#include <cstdint>

#include <torch/torch.h>

namespace recforge {

struct TransformerConfig {
    int64_t hidden = 64;
    int64_t heads = 2;
    int64_t ffn = 256; // inner size of the point-wise feed-forward layer
    int64_t layers = 2;
    double dropout = 0.3;          // hidden (residual, FFN, embedding) dropout
    double attentionDropout = 0.3; // on the attention weights
    bool gelu = true;              // GELU, else ReLU
};

class SelfAttentionImpl : public torch::nn::Module {
public:
    explicit SelfAttentionImpl(const TransformerConfig &config);
    // x [B, L, d]; bias [B * heads, L, L] additive (0 or a large negative) -> [B, L, d].
    // lastOnly: only the last position queries (keys and values still cover every position)
    // -> [B, 1, d]; what scoring needs from the final layer.
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &bias, bool lastOnly = false);

private:
    int64_t m_heads, m_headDim;
    torch::nn::Linear m_qkv{nullptr}, m_out{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(SelfAttention);

class TransformerLayerImpl : public torch::nn::Module {
public:
    explicit TransformerLayerImpl(const TransformerConfig &config);
    // x [B, L, d] -> [B, L, d], or [B, 1, d] for the last position when lastOnly.
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &bias, bool lastOnly = false);

private:
    bool m_gelu;
    SelfAttention m_attention{nullptr};
    torch::nn::LayerNorm m_norm1{nullptr}, m_norm2{nullptr};
    torch::nn::Linear m_ffn1{nullptr}, m_ffn2{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(TransformerLayer);

class TransformerEncoderImpl : public torch::nn::Module {
public:
    explicit TransformerEncoderImpl(const TransformerConfig &config);
    // x [B, L, d] embedded input; tokens [B, L] int64 (0 = padding, masked as keys). causal: a
    // position attends to itself and earlier positions only. -> [B, L, d]; lastOnly: the final
    // layer computes the last position only -> [B, 1, d] (same values as the full pass).
    torch::Tensor forward(torch::Tensor x, const torch::Tensor &tokens, bool causal,
                          bool lastOnly = false);
    size_t layerCount() const { return m_layers->size(); }

private:
    int64_t m_heads;
    torch::nn::ModuleList m_layers;
};
TORCH_MODULE(TransformerEncoder);

// Additive attention bias [B * heads, L, L]: large negative where the key is padding or (causal)
// in the future. Fully masked rows (padding queries) get a uniform distribution, never NaN.
torch::Tensor attentionBias(const torch::Tensor &tokens, int64_t heads, bool causal);

// BERT-style initialisation: normal(0, 0.02) weights, zero biases, unit layer norms.
void initTransformerWeights(torch::nn::Module &module);

} // namespace recforge
