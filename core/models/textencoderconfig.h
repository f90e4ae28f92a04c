#pragma once
// Shape and regularisation of the BERT-style text encoder, read from and written to a Hugging Face
// config.json (same key names: hidden_size, num_hidden_layers, ...), so a downloaded BERT folder
// and one pretrained here describe themselves the same way. Torch-free: the GUI and the CLI build
// it.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace recforge {

struct TextEncoderConfig {
    int64_t vocabSize = 8000;        // vocab_size (pretraining sets it from the tokenizer)
    int64_t hidden = 256;            // hidden_size
    int64_t layers = 4;              // num_hidden_layers
    int64_t heads = 4;               // num_attention_heads; must divide hidden
    int64_t intermediate = 1024;     // intermediate_size (feed-forward inner width)
    int64_t maxPositions = 128;      // max_position_embeddings (longest input incl. [CLS]/[SEP])
    int64_t typeVocab = 2;           // type_vocab_size (segment ids)
    double hiddenDropout = 0.1;      // hidden_dropout_prob (embeddings, residual branches)
    double attentionDropout = 0.1;   // attention_probs_dropout_prob
    double layerNormEps = 1e-12;     // layer_norm_eps
    std::string activation = "gelu"; // hidden_act: gelu (erf), gelu_new / gelu_pytorch_tanh, relu
    int64_t padTokenId = 0;          // pad_token_id (informational; masks come from the tokenizer)

    // Errors: InvalidArgument naming the config.json key at fault.
    Status validate() const;
};

// The config.json object: the keys above plus "model_type": "bert" and
// "architectures": ["BertForMaskedLM"], as Hugging Face writes them.
nlohmann::json toJson(const TextEncoderConfig &config);

// Reads a config.json object. vocab_size, hidden_size, num_hidden_layers, num_attention_heads,
// intermediate_size and max_position_embeddings are required; the rest default to BERT's values
// (type_vocab_size 2, dropouts 0.1, layer_norm_eps 1e-12, hidden_act gelu). model_type, when
// present, must be "bert", and position_embedding_type "absolute". Unknown keys are ignored.
// Errors: Schema (a required key is missing) or InvalidArgument (wrong type or value), both with
// Location{file, field = key}; `file` only labels the error.
Expected<TextEncoderConfig> textEncoderConfigFromJson(const nlohmann::json &json,
                                                      const std::string &file = "config.json");

// Reads and parses a config.json file. Errors: Io naming the file, Parse naming the file (not
// JSON, or not an object), and those of textEncoderConfigFromJson.
Expected<TextEncoderConfig> readTextEncoderConfig(const std::string &path);

} // namespace recforge
