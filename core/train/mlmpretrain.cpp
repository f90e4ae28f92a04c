#include "mlmpretrain.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "models/textencoderio.h"
#include "runtime/runtime.h"
#include "text/sentencepiecetokenizer.h"
#include "train/mlmobjective.h"
#include "train/trainer.h"

namespace recforge {

namespace {

struct Corpus {
    std::vector<std::vector<int32_t>> train, validation;
    int64_t tokens = 0;
};

// Tokenizes `texts` and splits off the validation rows (see MlmParams::validationShare).
Corpus tokenize(const std::vector<std::string> &texts, const Tokenizer &tokenizer,
                const MlmParams &params, int32_t maxLength)
{
    std::vector<std::vector<int32_t>> rows;
    for (const std::string &t : texts) {
        if (t.empty())
            continue;
        auto row = tokenizer.modelInput(t, maxLength);
        if (row.size() > 2)
            rows.push_back(std::move(row));
    }
    Corpus c;
    const size_t every = params.validationShare > 0
                             ? size_t(std::max<long>(2, std::lround(1.0 / params.validationShare)))
                             : 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        const bool held = every > 0 && i % every == every - 1 &&
                          int64_t(c.validation.size()) < params.validationTexts;
        (held ? c.validation : c.train).push_back(std::move(rows[i]));
    }
    if (every == 0 && !c.train.empty()) {
        // Measure on an evenly spread sample of the training texts.
        const size_t stride =
            std::max<size_t>(1, (c.train.size() + size_t(params.validationTexts) - 1) /
                                    size_t(params.validationTexts));
        for (size_t i = 0; i < c.train.size(); i += stride)
            c.validation.push_back(c.train[i]);
    }
    for (const auto &r : c.train)
        c.tokens += int64_t(r.size()) - 2;
    return c;
}

// A copy of `source` with an MLM head (initialised from torch's generator) when it has none.
TextEncoder withMlmHead(TextEncoder source)
{
    if (source->heads().mlmHead)
        return source;
    TextEncoder out(source->config(), TextEncoderHeads{source->heads().pooler, true});
    torch::NoGradGuard noGrad;
    auto targets = out->named_parameters(true);
    for (const auto &item : source->named_parameters(true))
        if (auto *t = targets.find(item.key()))
            t->copy_(item.value());
    return out;
}

} // namespace

Expected<MlmTrained> pretrainMlm(const MlmParams &params, const std::vector<std::string> &texts,
                                 Observer &observer, StopToken stop,
                                 std::shared_ptr<const Tokenizer> tokenizer)
{
    if (auto s = params.validate(); !s)
        return tl::unexpected(s.error());
    const auto start = std::chrono::steady_clock::now();
    MlmTrained out;
    MlmResult &result = out.result;
    try {
        TextEncoder encoder{nullptr};
        if (!params.initFrom.empty()) {
            auto loaded = loadTextEncoder(params.initFrom);
            if (!loaded)
                return tl::unexpected(loaded.error());
            result.warnings = loaded->warnings;
            tokenizer = loaded->tokenizer;
            torch::manual_seed(params.train.seed);
            encoder = withMlmHead(loaded->encoder);
        } else {
            if (!tokenizer) {
                observer.onMessage("training the SentencePiece tokenizer");
                auto trained = SentencePieceTokenizer::train(texts, params.tokenizer, stop);
                if (!trained)
                    return tl::unexpected(trained.error());
                tokenizer = std::make_shared<SentencePieceTokenizer>(std::move(*trained));
            }
            TextEncoderConfig config = params.encoder;
            config.vocabSize = tokenizer->vocabSize();
            config.padTokenId = tokenizer->padId();
            torch::manual_seed(params.train.seed);
            encoder = TextEncoder(config, TextEncoderHeads{false, true});
        }
        const TextEncoderConfig &config = encoder->config();
        if (tokenizer->vocabSize() > config.vocabSize)
            return makeError(ErrorCode::InvalidArgument,
                             "pretraining: the tokenizer has " +
                                 std::to_string(tokenizer->vocabSize()) +
                                 " tokens, more than the encoder's vocab_size " +
                                 std::to_string(config.vocabSize),
                             Location{"", 0, 0, "encoder.vocab_size"});

        const int32_t maxLength = int32_t(std::min<int64_t>(params.maxLength, config.maxPositions));
        Corpus corpus = tokenize(texts, *tokenizer, params, maxLength);
        if (corpus.train.empty())
            return makeError(ErrorCode::Empty,
                             "pretraining: no item text with a token to train on");
        result.trainTexts = int64_t(corpus.train.size());
        result.validationTexts = int64_t(corpus.validation.size());
        result.tokens = corpus.tokens;
        result.vocabSize = tokenizer->vocabSize();
        result.tokenizerKind = std::string(tokenizer->kind());
        for (const auto &p : encoder->parameters())
            result.parameterCount += p.numel();

        auto choice = parseDeviceChoice(params.train.device);
        if (!choice)
            return tl::unexpected(choice.error());
        auto device = applyRuntime(RuntimeOptions{*choice, params.train.threads});
        if (!device)
            return tl::unexpected(device.error());
        const torch::Device torchDevice(*device == "cuda" ? torch::kCUDA : torch::kCPU);
        encoder->to(torchDevice);

        MlmObjective objective(encoder, std::move(corpus.train), std::move(corpus.validation),
                               tokenizer->specialIds(), params.maskProb, params.train.seed);
        objective.setDevice(torchDevice);
        const MlmEvaluation before = objective.evaluate();
        result.initialAccuracy = before.accuracy;
        result.initialLoss = before.loss;
        observer.onMessage("pretraining on " + std::to_string(result.trainTexts) + " texts (" +
                           std::to_string(result.tokens) + " tokens), vocabulary " +
                           std::to_string(result.vocabSize));

        auto trained = Trainer().run(params.train, objective, observer, stop);
        if (!trained)
            return tl::unexpected(trained.error());
        result.epochsRun = trained->epochsRun;
        result.steps = trained->steps;
        result.epochLosses = trained->epochLosses;
        result.device = trained->device;
        for (const MlmEvaluation &e : objective.history())
            result.epochAccuracies.push_back(e.accuracy);
        result.finalLoss =
            objective.history().empty() ? before.loss : objective.history().back().loss;

        encoder->eval();
        if (!params.outputDir.empty()) {
            const std::map<std::string, std::string> metadata = {
                {"format", "recforge-text-encoder"}, {"pretraining", toJson(params).dump()}};
            if (auto s = saveTextEncoder(params.outputDir, encoder, *tokenizer, metadata); !s)
                return tl::unexpected(s.error());
            result.outputDir = params.outputDir;
        }
        out.encoder = encoder;
        out.tokenizer = tokenizer;
        result.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, std::string("pretraining failed: ") + e.what());
    }
    return out;
}

Expected<MlmResult> runMlmPretraining(const MlmParams &params, const Dataset &dataset,
                                      Observer &observer, StopToken stop)
{
    auto trained = pretrainMlm(params, itemTexts(dataset), observer, stop);
    if (!trained)
        return tl::unexpected(trained.error());
    return std::move(trained->result);
}

} // namespace recforge
