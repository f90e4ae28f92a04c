#include "textencoder.h"

#include <cmath>

#include "models/transformerblocks.h"

namespace recforge {

namespace {

constexpr float kMasked = -1e9f;

// A parameterless module that only gives its children Hugging Face's name prefix.
std::shared_ptr<torch::nn::Module> scope(torch::nn::Module &parent, const std::string &name)
{
    return parent.register_module(name, std::make_shared<torch::nn::Module>());
}

torch::nn::LayerNorm layerNorm(const TextEncoderConfig &c)
{
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden}).eps(c.layerNormEps));
}

} // namespace

torch::Tensor textEncoderActivation(const torch::Tensor &x, const std::string &name)
{
    if (name == "relu")
        return torch::relu(x);
    if (name == "gelu_new" || name == "gelu_pytorch_tanh")
        return torch::gelu(x, "tanh");
    return torch::gelu(x);
}

TextEncoderLayerImpl::TextEncoderLayerImpl(const TextEncoderConfig &c)
    : m_heads(c.heads), m_headDim(c.hidden / c.heads), m_activation(c.activation)
{
    auto attention = scope(*this, "attention");
    auto self = scope(*attention, "self");
    m_query = self->register_module("query", torch::nn::Linear(c.hidden, c.hidden));
    m_key = self->register_module("key", torch::nn::Linear(c.hidden, c.hidden));
    m_value = self->register_module("value", torch::nn::Linear(c.hidden, c.hidden));
    auto attentionOutput = scope(*attention, "output");
    m_attentionOut =
        attentionOutput->register_module("dense", torch::nn::Linear(c.hidden, c.hidden));
    m_attentionNorm = attentionOutput->register_module("LayerNorm", layerNorm(c));
    auto intermediate = scope(*this, "intermediate");
    m_intermediate =
        intermediate->register_module("dense", torch::nn::Linear(c.hidden, c.intermediate));
    auto output = scope(*this, "output");
    m_output = output->register_module("dense", torch::nn::Linear(c.intermediate, c.hidden));
    m_outputNorm = output->register_module("LayerNorm", layerNorm(c));
    m_attentionDropout =
        register_module("attention_dropout", torch::nn::Dropout(c.attentionDropout));
    m_hiddenDropout = register_module("hidden_dropout", torch::nn::Dropout(c.hiddenDropout));
}

torch::Tensor TextEncoderLayerImpl::forward(const torch::Tensor &x, const torch::Tensor &bias)
{
    const int64_t b = x.size(0), l = x.size(1), d = x.size(2);
    // [B, L, H] -> [B, heads, L, headDim]
    const auto split = [&](const torch::Tensor &t) {
        return t.view({b, l, m_heads, m_headDim}).transpose(1, 2);
    };
    const torch::Tensor q = split(m_query(x)), k = split(m_key(x)), v = split(m_value(x));
    torch::Tensor scores =
        torch::matmul(q, k.transpose(-1, -2)) * (1.0 / std::sqrt(double(m_headDim))) + bias;
    torch::Tensor attention = m_attentionDropout(torch::softmax(scores, -1));
    torch::Tensor context = torch::matmul(attention, v).transpose(1, 2).reshape({b, l, d});
    torch::Tensor h = m_attentionNorm(x + m_hiddenDropout(m_attentionOut(context)));
    torch::Tensor f = textEncoderActivation(m_intermediate(h), m_activation);
    return m_outputNorm(h + m_hiddenDropout(m_output(f)));
}

TextEncoderImpl::TextEncoderImpl(const TextEncoderConfig &c, TextEncoderHeads heads)
    : m_config(c), m_heads(heads)
{
    auto embeddings = scope(*this, "embeddings");
    m_wordEmbeddings =
        embeddings->register_module("word_embeddings", torch::nn::Embedding(c.vocabSize, c.hidden));
    m_positionEmbeddings = embeddings->register_module(
        "position_embeddings", torch::nn::Embedding(c.maxPositions, c.hidden));
    m_tokenTypeEmbeddings = embeddings->register_module(
        "token_type_embeddings", torch::nn::Embedding(c.typeVocab, c.hidden));
    m_embeddingNorm = embeddings->register_module("LayerNorm", layerNorm(c));
    m_dropout = register_module("dropout", torch::nn::Dropout(c.hiddenDropout));
    auto encoder = scope(*this, "encoder");
    m_layers = encoder->register_module("layer", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.layers; ++i)
        m_layers->push_back(TextEncoderLayer(c));
    if (heads.pooler) {
        auto pooler = scope(*this, "pooler");
        m_pooler = pooler->register_module("dense", torch::nn::Linear(c.hidden, c.hidden));
    }
    if (heads.mlmHead) {
        auto predictions = scope(*scope(*this, "cls"), "predictions");
        auto transform = scope(*predictions, "transform");
        m_transform = transform->register_module("dense", torch::nn::Linear(c.hidden, c.hidden));
        m_transformNorm = transform->register_module("LayerNorm", layerNorm(c));
        m_mlmBias = predictions->register_parameter("bias", torch::zeros({c.vocabSize}));
    }
    initTransformerWeights(*this);
}

torch::Tensor TextEncoderImpl::forward(const torch::Tensor &inputIds,
                                       const torch::Tensor &attentionMask,
                                       const torch::Tensor &tokenTypeIds)
{
    TORCH_CHECK(inputIds.dim() == 2, "text encoder: inputIds must be [batch, length]");
    const int64_t b = inputIds.size(0), l = inputIds.size(1);
    TORCH_CHECK(l <= m_config.maxPositions, "text encoder: input length ", l,
                " exceeds max_position_embeddings ", m_config.maxPositions);
    const torch::Tensor positions = torch::arange(l, inputIds.options()).unsqueeze(0);
    const torch::Tensor types = tokenTypeIds.defined() ? tokenTypeIds : torch::zeros_like(inputIds);
    torch::Tensor x =
        m_wordEmbeddings(inputIds) + m_positionEmbeddings(positions) + m_tokenTypeEmbeddings(types);
    x = m_dropout(m_embeddingNorm(x));
    torch::Tensor bias = torch::zeros({b, 1, 1, l}, x.options());
    if (attentionMask.defined())
        bias = bias.masked_fill(attentionMask.view({b, 1, 1, l}) == 0, kMasked);
    for (const auto &layer : *m_layers)
        x = layer->as<TextEncoderLayer>()->forward(x, bias);
    return x;
}

torch::Tensor TextEncoderImpl::mlmLogits(const torch::Tensor &hidden)
{
    TORCH_CHECK(m_heads.mlmHead, "text encoder: built without an MLM head");
    torch::Tensor t =
        m_transformNorm(textEncoderActivation(m_transform(hidden), m_config.activation));
    return torch::matmul(t, m_wordEmbeddings->weight.t()) + m_mlmBias;
}

torch::Tensor TextEncoderImpl::pooled(const torch::Tensor &hidden)
{
    TORCH_CHECK(m_heads.pooler, "text encoder: built without a pooler");
    return torch::tanh(m_pooler(clsPooling(hidden)));
}

torch::Tensor paddingMask(const torch::Tensor &inputIds, int64_t padId)
{
    return inputIds != padId;
}

torch::Tensor clsPooling(const torch::Tensor &hidden)
{
    return hidden.select(1, 0);
}

torch::Tensor meanPooling(const torch::Tensor &hidden, const torch::Tensor &attentionMask)
{
    const torch::Tensor m = attentionMask.to(hidden.dtype()).unsqueeze(-1); // [B, L, 1]
    return (hidden * m).sum(1) / m.sum(1).clamp_min(1.0);
}

} // namespace recforge
