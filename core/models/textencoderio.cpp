#include "textencoderio.h"

#include <filesystem>
#include <map>
#include <unistd.h>

#include "io/atomicfile.h"
#include "text/sentencepiecetokenizer.h"
#include "text/wordpiecetokenizer.h"

namespace recforge {

namespace fs = std::filesystem;

namespace {

bool startsWith(const std::string &s, const std::string &prefix)
{
    return s.rfind(prefix, 0) == 0;
}

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The module's name of a checkpoint tensor: no "bert." prefix, LayerNorm weight/bias naming, the
// decoder bias as the prediction bias.
std::string canonicalName(std::string name)
{
    if (startsWith(name, "bert."))
        name = name.substr(5);
    for (auto [from, to] :
         {std::pair<const char *, const char *>{".LayerNorm.gamma", ".LayerNorm.weight"},
          {".LayerNorm.beta", ".LayerNorm.bias"}})
        if (endsWith(name, from))
            name = name.substr(0, name.size() - std::string(from).size()) + to;
    if (name == "cls.predictions.decoder.bias")
        name = "cls.predictions.bias";
    return name;
}

// The Hugging Face BertForMaskedLM name of a module parameter.
std::string fileName(const std::string &moduleName)
{
    return startsWith(moduleName, "cls.") ? moduleName : "bert." + moduleName;
}

std::string shapeText(at::IntArrayRef sizes)
{
    std::string out = "[";
    for (size_t i = 0; i < sizes.size(); ++i)
        out += (i ? ", " : "") + std::to_string(sizes[i]);
    return out + "]";
}

Status writeVocab(const std::string &folder, const Tokenizer &tokenizer)
{
    std::string text;
    for (int32_t id = 0; id < tokenizer.vocabSize(); ++id)
        text += tokenizer.tokenOf(id) + "\n";
    if (auto s = writeFileAtomically(folder + "/vocab.txt", text); !s)
        return s;
    if (const auto *wp = dynamic_cast<const WordPieceTokenizer *>(&tokenizer)) {
        const BasicTokenizerOptions &o = wp->options().basic;
        const nlohmann::json config = {{"do_lower_case", o.lowerCase},
                                       {"strip_accents", o.stripAccents},
                                       {"tokenize_chinese_chars", o.splitCjk},
                                       {"tokenizer_class", "BertTokenizer"}};
        return writeFileAtomically(folder + "/tokenizer_config.json", config.dump(2) + "\n");
    }
    return {};
}

} // namespace

NamedTensors textEncoderTensors(TextEncoder &encoder)
{
    NamedTensors out;
    for (const auto &item : encoder->named_parameters(/*recurse=*/true))
        out.emplace_back(fileName(item.key()), item.value());
    return out;
}

TextEncoderHeads textEncoderHeadsIn(const SafetensorsFile &file)
{
    TextEncoderHeads heads;
    for (const auto &[name, tensor] : file.tensors) {
        const std::string c = canonicalName(name);
        heads.pooler = heads.pooler || startsWith(c, "pooler.");
        heads.mlmHead = heads.mlmHead || startsWith(c, "cls.predictions.transform.");
    }
    return heads;
}

Expected<std::vector<Warning>>
loadTextEncoderTensors(TextEncoder &encoder, const SafetensorsFile &file, const std::string &path)
{
    std::vector<Warning> warnings;
    std::map<std::string, std::pair<std::string, const at::Tensor *>> byName; // canonical -> file
    const at::Tensor *decoderWeight = nullptr;
    for (const auto &[name, tensor] : file.tensors) {
        if (endsWith(name, "position_ids"))
            continue; // a buffer of Hugging Face's embeddings, not a weight
        const std::string c = canonicalName(name);
        if (c == "cls.predictions.decoder.weight") {
            decoderWeight = &tensor;
            continue;
        }
        if (auto [it, inserted] = byName.emplace(c, std::make_pair(name, &tensor)); !inserted) {
            if (!(it->second.second->sizes() == tensor.sizes() && it->second.second->equal(tensor)))
                warnings.push_back({"tensor '" + name + "' duplicates '" + it->second.first +
                                        "' with other values; the first one is used",
                                    Location{path, 0, 0, name}});
        }
    }

    // Check everything before copying anything, so the encoder is unchanged on error.
    std::vector<std::pair<at::Tensor, const at::Tensor *>> copies;
    for (const auto &item : encoder->named_parameters(/*recurse=*/true)) {
        const std::string expectedName = fileName(item.key());
        auto it = byName.find(item.key());
        if (it == byName.end())
            return makeError(ErrorCode::Schema,
                             "missing tensor '" + expectedName + "' in " + path +
                                 (startsWith(expectedName, "bert.")
                                      ? " (looked for it with and without the 'bert.' prefix)"
                                      : ""),
                             Location{path, 0, 0, expectedName});
        const auto &[name, tensor] = it->second;
        if (tensor->sizes() != item.value().sizes())
            return makeError(ErrorCode::Schema,
                             "tensor '" + name + "' in " + path + " has shape " +
                                 shapeText(tensor->sizes()) + ", expected " +
                                 shapeText(item.value().sizes()),
                             Location{path, 0, 0, name});
        if (!tensor->is_floating_point())
            return makeError(ErrorCode::Schema,
                             "tensor '" + name + "' in " + path + " has dtype " +
                                 safetensorsDtypeName(tensor->scalar_type()) +
                                 ", expected a floating-point type",
                             Location{path, 0, 0, name});
        copies.emplace_back(item.value(), tensor);
        byName.erase(it);
    }
    for (const auto &[canonical, entry] : byName)
        warnings.push_back({"tensor '" + entry.first + "' is not used by the text encoder",
                            Location{path, 0, 0, entry.first}});

    torch::NoGradGuard noGrad;
    for (auto &[target, source] : copies)
        target.copy_(*source);
    if (decoderWeight) {
        const torch::Tensor words = encoder->wordEmbeddings();
        if (decoderWeight->sizes() != words.sizes() ||
            !decoderWeight->to(words.dtype()).equal(words.cpu()))
            warnings.push_back({"tensor 'cls.predictions.decoder.weight' differs from the word "
                                "embeddings; the encoder ties them and keeps the word embeddings",
                                Location{path, 0, 0, "cls.predictions.decoder.weight"}});
    }
    return warnings;
}

Expected<LoadedTextEncoder> loadTextEncoder(const std::string &folder)
{
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return makeError(ErrorCode::NotFound, folder + ": no such text encoder folder",
                         Location{folder, 0, 0, {}});
    auto config = readTextEncoderConfig(folder + "/config.json");
    if (!config)
        return tl::unexpected(config.error());

    LoadedTextEncoder out;
    const std::string spPath = folder + "/" + kSentencePieceModelFile;
    if (fs::exists(folder + "/vocab.txt", ec)) {
        auto tok = WordPieceTokenizer::loadBertFolder(folder);
        if (!tok)
            return tl::unexpected(tok.error());
        out.tokenizer = std::make_shared<WordPieceTokenizer>(std::move(*tok));
    } else if (fs::exists(spPath, ec)) {
        auto tok = SentencePieceTokenizer::load(spPath);
        if (!tok)
            return tl::unexpected(tok.error());
        out.tokenizer = std::make_shared<SentencePieceTokenizer>(std::move(*tok));
    } else {
        return makeError(ErrorCode::NotFound,
                         folder + ": no tokenizer (expected vocab.txt or " +
                             kSentencePieceModelFile + ")",
                         Location{folder, 0, 0, {}});
    }
    if (out.tokenizer->vocabSize() > config->vocabSize)
        return makeError(
            ErrorCode::InvalidArgument,
            folder + ": the tokenizer has " + std::to_string(out.tokenizer->vocabSize()) +
                " tokens but config.json's vocab_size is " + std::to_string(config->vocabSize),
            Location{folder + "/config.json", 0, 0, "vocab_size"});
    if (out.tokenizer->vocabSize() < config->vocabSize)
        out.warnings.push_back({"the tokenizer has " + std::to_string(out.tokenizer->vocabSize()) +
                                    " tokens, config.json's vocab_size is " +
                                    std::to_string(config->vocabSize) +
                                    " (the extra embedding rows are never used)",
                                Location{folder + "/config.json", 0, 0, "vocab_size"}});

    const std::string weightsPath = folder + "/model.safetensors";
    auto file = readSafetensors(weightsPath);
    if (!file)
        return tl::unexpected(file.error());
    out.encoder = TextEncoder(*config, textEncoderHeadsIn(*file));
    auto warnings = loadTextEncoderTensors(out.encoder, *file, weightsPath);
    if (!warnings)
        return tl::unexpected(warnings.error());
    out.warnings.insert(out.warnings.end(), warnings->begin(), warnings->end());
    out.encoder->eval();
    return out;
}

Status saveTextEncoder(const std::string &folder, TextEncoder &encoder, const Tokenizer &tokenizer,
                       const std::map<std::string, std::string> &metadata)
{
    const fs::path target = fs::absolute(folder);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    const std::string stamp = std::to_string(::getpid());
    const fs::path temp = target.string() + ".tmp-" + stamp;
    const fs::path old = target.string() + ".old-" + stamp;
    fs::remove_all(temp, ec);
    if (!fs::create_directory(temp, ec))
        return makeError(ErrorCode::Io, temp.string() + ": cannot create folder: " + ec.message(),
                         Location{temp.string(), 0, 0, {}});
    const auto fail = [&](const Error &error) -> Status {
        std::error_code ignored;
        fs::remove_all(temp, ignored);
        return tl::unexpected(error);
    };
    const std::string dir = temp.string();
    if (auto s =
            writeFileAtomically(dir + "/config.json", toJson(encoder->config()).dump(2) + "\n");
        !s)
        return fail(s.error());
    NamedTensors tensors;
    for (auto &[name, tensor] : textEncoderTensors(encoder))
        tensors.emplace_back(name, tensor.detach());
    if (auto s = writeSafetensors(dir + "/model.safetensors", tensors, metadata); !s)
        return fail(s.error());
    if (const auto *sp = dynamic_cast<const SentencePieceTokenizer *>(&tokenizer)) {
        if (auto s = sp->save(dir + "/" + kSentencePieceModelFile); !s)
            return fail(s.error());
    } else if (auto s = writeVocab(dir, tokenizer); !s) {
        return fail(s.error());
    }
    const bool replacing = fs::exists(target, ec);
    if (replacing) {
        fs::remove_all(old, ec);
        fs::rename(target, old, ec);
        if (ec)
            return fail(Error{ErrorCode::Io,
                              target.string() + ": cannot replace the folder: " + ec.message(),
                              Location{target.string(), 0, 0, {}}});
    }
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        if (replacing)
            fs::rename(old, target, ignored);
        return fail(Error{ErrorCode::Io,
                          target.string() + ": cannot move the folder in place: " + ec.message(),
                          Location{target.string(), 0, 0, {}}});
    }
    if (replacing)
        fs::remove_all(old, ec);
    return {};
}

} // namespace recforge
