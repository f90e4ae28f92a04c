#pragma once
// A BERT-style text encoder whose parameter names are Hugging Face BERT's, so importing a
// pretrained checkpoint is a name mapping (textencoderio.h) and our own pretrained encoder is
// written in the same layout:
//   embeddings.{word,position,token_type}_embeddings.weight, embeddings.LayerNorm.{weight,bias}
//   encoder.layer.<i>.attention.self.{query,key,value}.{weight,bias}
//   encoder.layer.<i>.attention.output.dense.*, .attention.output.LayerNorm.*
//   encoder.layer.<i>.intermediate.dense.*, .output.dense.*, .output.LayerNorm.*
//   pooler.dense.*                                   (optional)
//   cls.predictions.transform.{dense,LayerNorm}.*, cls.predictions.bias  (optional MLM head; the
//   decoder is tied to the word embeddings, as in BERT)
// Post-LN layers, learned absolute positions, attention over non-padding keys only. Written
// against LibTorch 1.13 (no scaled_dot_product_attention).

#include <cstdint>

#include <torch/torch.h>

#include "models/textencoderconfig.h"

namespace recforge {

struct TextEncoderHeads {
    bool pooler = false;  // BERT's pooler: tanh(dense(hidden of [CLS]))
    bool mlmHead = false; // the masked-language-model head
};

class TextEncoderLayerImpl : public torch::nn::Module {
public:
    explicit TextEncoderLayerImpl(const TextEncoderConfig &config);
    // x [B, L, H]; bias [B, 1, 1, L] additive key mask (0 or a large negative) -> [B, L, H].
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &bias);

private:
    int64_t m_heads, m_headDim;
    std::string m_activation;
    torch::nn::Linear m_query{nullptr}, m_key{nullptr}, m_value{nullptr}, m_attentionOut{nullptr},
        m_intermediate{nullptr}, m_output{nullptr};
    torch::nn::LayerNorm m_attentionNorm{nullptr}, m_outputNorm{nullptr};
    torch::nn::Dropout m_attentionDropout{nullptr}, m_hiddenDropout{nullptr};
};
TORCH_MODULE(TextEncoderLayer);

class TextEncoderImpl : public torch::nn::Module {
public:
    // Weights start with BERT's initialisation (normal(0, 0.02), zero biases, unit LayerNorms)
    // drawn from torch's default generator. config must be valid (TextEncoderConfig::validate).
    TextEncoderImpl(const TextEncoderConfig &config, TextEncoderHeads heads = {});

    const TextEncoderConfig &config() const { return m_config; }
    const TextEncoderHeads &heads() const { return m_heads; }

    // inputIds [B, L] int64 token ids, L <= maxPositions; attentionMask [B, L] (1 / true = real
    // token, 0 = padding; undefined = every position is real); tokenTypeIds [B, L] int64
    // (undefined = all 0). -> hidden states of the last layer [B, L, H]. Padding positions get
    // values too (they attend to the real tokens) but no real token attends to them.
    torch::Tensor forward(const torch::Tensor &inputIds, const torch::Tensor &attentionMask = {},
                          const torch::Tensor &tokenTypeIds = {});

    // MLM logits of hidden states [..., H] -> [..., vocab]. Needs heads().mlmHead.
    torch::Tensor mlmLogits(const torch::Tensor &hidden);
    // BERT's pooled output tanh(dense(hidden[:, 0])) [B, H]. Needs heads().pooler.
    torch::Tensor pooled(const torch::Tensor &hidden);

    torch::Tensor wordEmbeddings() const { return m_wordEmbeddings->weight; }

private:
    TextEncoderConfig m_config;
    TextEncoderHeads m_heads;
    torch::nn::Embedding m_wordEmbeddings{nullptr}, m_positionEmbeddings{nullptr},
        m_tokenTypeEmbeddings{nullptr};
    torch::nn::LayerNorm m_embeddingNorm{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::ModuleList m_layers{nullptr};
    torch::nn::Linear m_pooler{nullptr}, m_transform{nullptr};
    torch::nn::LayerNorm m_transformNorm{nullptr};
    torch::Tensor m_mlmBias; // [vocab]
};
TORCH_MODULE(TextEncoder);

// The configured activation ("gelu" = erf GELU, "gelu_new" / "gelu_pytorch_tanh" = tanh
// approximation, "relu").
torch::Tensor textEncoderActivation(const torch::Tensor &x, const std::string &name);

// [B, L] attention mask: ids != padId.
torch::Tensor paddingMask(const torch::Tensor &inputIds, int64_t padId);

// hidden [B, L, H] -> [B, H]: the first position ([CLS]).
torch::Tensor clsPooling(const torch::Tensor &hidden);
// hidden [B, L, H], attentionMask [B, L] (1 = real) -> [B, H]: the mean over real positions (a
// row without any real position gives zeros).
torch::Tensor meanPooling(const torch::Tensor &hidden, const torch::Tensor &attentionMask);

} // namespace recforge
