#include "textencoderconfig.h"

#include <fstream>
#include <sstream>

namespace recforge {

namespace {

tl::unexpected<Error> invalid(const std::string &file, const char *key, const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument, file + ": " + key + ": " + message,
                     Location{file, 0, 0, key});
}

// Reads json[key] into out. Required keys must be present (and not null).
template <typename T>
Status readKey(const nlohmann::json &json, const std::string &file, const char *key, T &out,
               bool required)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null()) {
        if (!required)
            return {};
        return makeError(ErrorCode::Schema, file + ": missing required key '" + key + "'",
                         Location{file, 0, 0, key});
    }
    if constexpr (std::is_same_v<T, std::string>) {
        if (!it->is_string())
            return invalid(file, key, "expected a string, found " + it->dump());
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!it->is_number())
            return invalid(file, key, "expected a number, found " + it->dump());
    } else {
        if (!it->is_number_integer())
            return invalid(file, key, "expected an integer, found " + it->dump());
    }
    out = it->get<T>();
    return {};
}

bool knownActivation(const std::string &name)
{
    return name == "gelu" || name == "gelu_new" || name == "gelu_pytorch_tanh" || name == "relu";
}

Status validateIn(const TextEncoderConfig &c, const std::string &file)
{
    if (c.vocabSize < 1)
        return invalid(file, "vocab_size", "must be >= 1, found " + std::to_string(c.vocabSize));
    if (c.hidden < 1)
        return invalid(file, "hidden_size", "must be >= 1, found " + std::to_string(c.hidden));
    if (c.layers < 0)
        return invalid(file, "num_hidden_layers",
                       "must be >= 0, found " + std::to_string(c.layers));
    if (c.heads < 1 || c.hidden % c.heads != 0)
        return invalid(file, "num_attention_heads",
                       "must be >= 1 and divide hidden_size " + std::to_string(c.hidden) +
                           ", found " + std::to_string(c.heads));
    if (c.intermediate < 1)
        return invalid(file, "intermediate_size",
                       "must be >= 1, found " + std::to_string(c.intermediate));
    if (c.maxPositions < 2)
        return invalid(file, "max_position_embeddings",
                       "must be >= 2, found " + std::to_string(c.maxPositions));
    if (c.typeVocab < 1)
        return invalid(file, "type_vocab_size",
                       "must be >= 1, found " + std::to_string(c.typeVocab));
    if (!(c.hiddenDropout >= 0 && c.hiddenDropout < 1))
        return invalid(file, "hidden_dropout_prob", "must be in [0, 1)");
    if (!(c.attentionDropout >= 0 && c.attentionDropout < 1))
        return invalid(file, "attention_probs_dropout_prob", "must be in [0, 1)");
    if (!(c.layerNormEps > 0))
        return invalid(file, "layer_norm_eps", "must be > 0");
    if (!knownActivation(c.activation))
        return invalid(file, "hidden_act",
                       "unsupported activation '" + c.activation +
                           "' (expected gelu, gelu_new, gelu_pytorch_tanh or relu)");
    return {};
}

} // namespace

Status TextEncoderConfig::validate() const
{
    return validateIn(*this, "config.json");
}

nlohmann::json toJson(const TextEncoderConfig &c)
{
    return {{"architectures", {"BertForMaskedLM"}},
            {"model_type", "bert"},
            {"vocab_size", c.vocabSize},
            {"hidden_size", c.hidden},
            {"num_hidden_layers", c.layers},
            {"num_attention_heads", c.heads},
            {"intermediate_size", c.intermediate},
            {"max_position_embeddings", c.maxPositions},
            {"type_vocab_size", c.typeVocab},
            {"hidden_dropout_prob", c.hiddenDropout},
            {"attention_probs_dropout_prob", c.attentionDropout},
            {"layer_norm_eps", c.layerNormEps},
            {"hidden_act", c.activation},
            {"pad_token_id", c.padTokenId},
            {"position_embedding_type", "absolute"}};
}

Expected<TextEncoderConfig> textEncoderConfigFromJson(const nlohmann::json &json,
                                                      const std::string &file)
{
    if (!json.is_object())
        return makeError(ErrorCode::Parse, file + ": expected a JSON object",
                         Location{file, 0, 0, {}});
    TextEncoderConfig c;
    std::string modelType = "bert", positions = "absolute";
    for (Status s : {readKey(json, file, "vocab_size", c.vocabSize, true),
                     readKey(json, file, "hidden_size", c.hidden, true),
                     readKey(json, file, "num_hidden_layers", c.layers, true),
                     readKey(json, file, "num_attention_heads", c.heads, true),
                     readKey(json, file, "intermediate_size", c.intermediate, true),
                     readKey(json, file, "max_position_embeddings", c.maxPositions, true),
                     readKey(json, file, "type_vocab_size", c.typeVocab, false),
                     readKey(json, file, "hidden_dropout_prob", c.hiddenDropout, false),
                     readKey(json, file, "attention_probs_dropout_prob", c.attentionDropout, false),
                     readKey(json, file, "layer_norm_eps", c.layerNormEps, false),
                     readKey(json, file, "hidden_act", c.activation, false),
                     readKey(json, file, "pad_token_id", c.padTokenId, false),
                     readKey(json, file, "model_type", modelType, false),
                     readKey(json, file, "position_embedding_type", positions, false)})
        if (!s)
            return tl::unexpected(s.error());
    if (modelType != "bert")
        return invalid(file, "model_type",
                       "model type '" + modelType + "' is not supported (expected bert)");
    if (positions != "absolute")
        return invalid(file, "position_embedding_type",
                       "'" + positions + "' is not supported (expected absolute)");
    if (auto s = validateIn(c, file); !s)
        return tl::unexpected(s.error());
    return c;
}

Expected<TextEncoderConfig> readTextEncoderConfig(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, path + ": cannot open the encoder configuration",
                         Location{path, 0, 0, {}});
    std::stringstream buffer;
    buffer << in.rdbuf();
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(buffer.str());
    } catch (const nlohmann::json::parse_error &e) {
        return makeError(ErrorCode::Parse, path + ": not valid JSON: " + e.what(),
                         Location{path, 0, 0, {}});
    }
    return textEncoderConfigFromJson(json, path);
}

} // namespace recforge
