#include "mlmparams.h"

#include "common/jsonfield.h"

namespace recforge {

namespace {

tl::unexpected<Error> bad(const char *field, const std::string &message)
{
    return makeError(ErrorCode::InvalidArgument, "pretraining: " + message,
                     Location{"", 0, 0, field});
}

const char *modelTypeName(SentencePieceModelType t)
{
    return t == SentencePieceModelType::Bpe ? "bpe" : "unigram";
}

const char *normalizationName(SentencePieceNormalization n)
{
    switch (n) {
    case SentencePieceNormalization::Nfkc:
        return "nfkc";
    case SentencePieceNormalization::Identity:
        return "identity";
    case SentencePieceNormalization::NmtNfkc:
        break;
    }
    return "nmt_nfkc";
}

// Prefixes the field of an error with `prefix` ("encoder." + "hidden_size").
template <typename T> Expected<T> nested(Expected<T> value, const std::string &prefix)
{
    if (!value) {
        Error e = value.error();
        e.location.field = prefix + e.location.field;
        return tl::unexpected(e);
    }
    return value;
}

} // namespace

TrainParams MlmParams::defaultTrain()
{
    TrainParams t;
    t.epochs = 3;
    t.batchSize = 32;
    t.learningRate = 5e-4;
    t.warmupSteps = 100;
    t.schedule = LrSchedule::Linear;
    t.weightDecay = 0.01;
    t.clipNorm = 1.0;
    t.patience = 0;
    t.restoreBest = false;
    t.monitor = "masked accuracy";
    return t;
}

Status MlmParams::validate() const
{
    if (!(maskProb > 0 && maskProb <= 1))
        return bad("maskProb", "maskProb must be in (0, 1]");
    if (maxLength < 3)
        return bad("maxLength", "maxLength must be >= 3 ([CLS], one token, [SEP])");
    if (!(validationShare >= 0 && validationShare < 1))
        return bad("validationShare", "validationShare must be in [0, 1)");
    if (validationTexts < 1)
        return bad("validationTexts", "validationTexts must be >= 1");
    if (initFrom.empty()) {
        if (auto s = encoder.validate(); !s) {
            Error e = s.error();
            e.location.field = "encoder." + e.location.field;
            return tl::unexpected(e);
        }
        if (maxLength > encoder.maxPositions)
            return bad("maxLength", "maxLength " + std::to_string(maxLength) +
                                        " exceeds encoder.max_position_embeddings " +
                                        std::to_string(encoder.maxPositions));
        if (tokenizer.vocabSize < 6)
            return bad("tokenizer.vocabSize", "tokenizer.vocabSize must be >= 6");
    }
    if (auto s = train.validate(); !s) {
        Error e = s.error();
        e.location.field = "train." + e.location.field;
        return tl::unexpected(e);
    }
    return {};
}

nlohmann::json toJson(const SentencePieceParams &p)
{
    return {{"vocabSize", p.vocabSize},
            {"modelType", modelTypeName(p.modelType)},
            {"characterCoverage", p.characterCoverage},
            {"maxSentenceLength", p.maxSentenceLength},
            {"seed", p.seed},
            {"numThreads", p.numThreads},
            {"byteFallback", p.byteFallback},
            {"hardVocabLimit", p.hardVocabLimit},
            {"normalization", normalizationName(p.normalization)}};
}

Expected<SentencePieceParams> sentencePieceParamsFromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return bad("tokenizer", "tokenizer params must be a JSON object");
    SentencePieceParams p;
    std::string modelType = modelTypeName(p.modelType);
    std::string normalization = normalizationName(p.normalization);
    for (Status s :
         {readJsonField(j, "vocabSize", p.vocabSize), readJsonField(j, "modelType", modelType),
          readJsonField(j, "characterCoverage", p.characterCoverage),
          readJsonField(j, "maxSentenceLength", p.maxSentenceLength),
          readJsonField(j, "seed", p.seed), readJsonField(j, "numThreads", p.numThreads),
          readJsonField(j, "normalization", normalization)})
        if (!s)
            return tl::unexpected(s.error());
    if (j.contains("byteFallback")) {
        if (!j["byteFallback"].is_boolean())
            return bad("byteFallback", "byteFallback: expected true or false");
        p.byteFallback = j["byteFallback"].get<bool>();
    }
    if (j.contains("hardVocabLimit")) {
        if (!j["hardVocabLimit"].is_boolean())
            return bad("hardVocabLimit", "hardVocabLimit: expected true or false");
        p.hardVocabLimit = j["hardVocabLimit"].get<bool>();
    }
    if (modelType == "bpe")
        p.modelType = SentencePieceModelType::Bpe;
    else if (modelType != "unigram")
        return bad("modelType", "modelType must be unigram or bpe, found '" + modelType + "'");
    if (normalization == "nfkc")
        p.normalization = SentencePieceNormalization::Nfkc;
    else if (normalization == "identity")
        p.normalization = SentencePieceNormalization::Identity;
    else if (normalization != "nmt_nfkc")
        return bad("normalization", "normalization must be nmt_nfkc, nfkc or identity, found '" +
                                        normalization + "'");
    return p;
}

nlohmann::json toJson(const MlmParams &p)
{
    return {{"tokenizer", toJson(p.tokenizer)},
            {"encoder", toJson(p.encoder)},
            {"initFrom", p.initFrom},
            {"maskProb", p.maskProb},
            {"maxLength", p.maxLength},
            {"validationShare", p.validationShare},
            {"validationTexts", p.validationTexts},
            {"train", toJson(p.train)},
            {"outputDir", p.outputDir}};
}

Expected<MlmParams> mlmParamsFromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError(ErrorCode::InvalidArgument, "pretraining params must be a JSON object");
    MlmParams p;
    for (Status s :
         {readJsonField(j, "initFrom", p.initFrom), readJsonField(j, "maskProb", p.maskProb),
          readJsonField(j, "maxLength", p.maxLength),
          readJsonField(j, "validationShare", p.validationShare),
          readJsonField(j, "validationTexts", p.validationTexts),
          readJsonField(j, "outputDir", p.outputDir)})
        if (!s)
            return tl::unexpected(s.error());
    if (j.contains("tokenizer")) {
        auto t = nested(sentencePieceParamsFromJson(j["tokenizer"]), "tokenizer.");
        if (!t)
            return tl::unexpected(t.error());
        p.tokenizer = *t;
    }
    if (j.contains("encoder")) {
        nlohmann::json e = j["encoder"];
        if (e.is_object() && !e.contains("vocab_size"))
            e["vocab_size"] = p.encoder.vocabSize; // set from the tokenizer when training
        auto c = nested(textEncoderConfigFromJson(e, "encoder"), "encoder.");
        if (!c) {
            Error err = c.error();
            err.code = ErrorCode::InvalidArgument;
            return tl::unexpected(err);
        }
        p.encoder = *c;
    }
    if (j.contains("train")) {
        // Keys absent from "train" keep the pretraining defaults, not the Trainer's.
        nlohmann::json t = toJson(MlmParams::defaultTrain());
        if (!j["train"].is_object())
            return bad("train", "train must be a JSON object");
        t.update(j["train"]);
        auto parsed = nested(trainParamsFromJson(t), "train.");
        if (!parsed)
            return tl::unexpected(parsed.error());
        p.train = *parsed;
    }
    if (auto s = p.validate(); !s)
        return tl::unexpected(s.error());
    return p;
}

} // namespace recforge
