#include "sentencepiecetokenizer.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

#include "spm/spmapi.h"

namespace recforge {

namespace {

constexpr const char *kPad = "[PAD]";
constexpr const char *kUnk = "[UNK]";
constexpr const char *kCls = "[CLS]";
constexpr const char *kSep = "[SEP]";
constexpr const char *kMask = "[MASK]";
constexpr std::string_view kWordBoundary = "\xE2\x96\x81"; // U+2581, SentencePiece's space

// Longest prefix of `text` of at most `maxBytes` bytes that does not cut a UTF-8 sequence.
std::string_view cutAtCharBoundary(std::string_view text, size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

// Feeds the non-empty texts to the trainer, cut to the length limit; stops on request.
class CorpusFeeder {
public:
    CorpusFeeder(const std::vector<std::string> &texts, size_t maxBytes, StopToken stop)
        : m_texts(texts), m_maxBytes(maxBytes), m_stop(std::move(stop))
    {
    }
    spm::Feed operator()(std::string &value)
    {
        while (m_index < m_texts.size() && m_texts[m_index].empty())
            ++m_index;
        if (m_stop.stopRequested())
            return spm::Feed::Cancelled;
        if (m_index >= m_texts.size())
            return spm::Feed::End;
        value = std::string(cutAtCharBoundary(m_texts[m_index++], m_maxBytes));
        return spm::Feed::Text;
    }

private:
    const std::vector<std::string> &m_texts;
    size_t m_maxBytes;
    StopToken m_stop;
    size_t m_index = 0;
};

// The SentencePiece module's table; every tokenizer object was made through one, so methods
// after construction may assume it.
const spm::Api &moduleApi()
{
    return *spm::api(nullptr);
}

Expected<const spm::Api *> requireModule()
{
    std::string error;
    const spm::Api *api = spm::api(&error);
    if (!api)
        return makeError(ErrorCode::Internal, error);
    return api;
}

const char *normalizationName(SentencePieceNormalization n)
{
    switch (n) {
    case SentencePieceNormalization::NmtNfkc:
        return "nmt_nfkc";
    case SentencePieceNormalization::Nfkc:
        return "nfkc";
    case SentencePieceNormalization::Identity:
        return "identity";
    }
    return "nmt_nfkc";
}

Status checkParams(const SentencePieceParams &p)
{
    auto bad = [](const char *field, std::string message) {
        return makeError(ErrorCode::InvalidArgument, std::move(message), Location{{}, 0, 0, field});
    };
    if (p.vocabSize < 6)
        return bad("vocabSize", "vocabulary size must be at least 6 (5 special tokens + 1)");
    if (!(p.characterCoverage > 0.0 && p.characterCoverage <= 1.0))
        return bad("characterCoverage", "character coverage must be in (0, 1]");
    if (p.maxSentenceLength < 16)
        return bad("maxSentenceLength", "max sentence length must be at least 16 bytes");
    if (p.numThreads < 1)
        return bad("numThreads", "thread count must be at least 1");
    return {};
}

// The trainer's arguments; see sentencepiece's trainer_spec.proto for their meaning.
std::unordered_map<std::string, std::string> trainerArgs(const SentencePieceParams &p)
{
    std::unordered_map<std::string, std::string> args = {
        {"model_type", p.modelType == SentencePieceModelType::Bpe ? "bpe" : "unigram"},
        {"vocab_size", std::to_string(p.vocabSize)},
        {"hard_vocab_limit", p.hardVocabLimit ? "true" : "false"},
        {"max_sentence_length", std::to_string(p.maxSentenceLength)},
        {"num_threads", std::to_string(p.numThreads)},
        {"byte_fallback", p.byteFallback ? "true" : "false"},
        {"normalization_rule_name", normalizationName(p.normalization)},
        {"pad_id", "0"},
        {"pad_piece", kPad},
        {"unk_id", "1"},
        {"unk_piece", kUnk},
        {"bos_id", "-1"},
        {"eos_id", "-1"},
        {"control_symbols", std::string(kCls) + "," + kSep + "," + kMask},
        {"minloglevel", "1"}, // no INFO chatter on stderr; warnings and errors still print
    };
    std::ostringstream coverage;
    coverage.precision(17);
    coverage << p.characterCoverage;
    args["character_coverage"] = coverage.str();
    return args;
}

// Crash-safe write: a temporary file in the same folder, fsync, rename over `path`.
Status writeAtomically(const std::string &path, const std::string &bytes)
{
    const std::string temp = path + ".tmp-" + std::to_string(::getpid());
    auto fail = [&](const char *what, int err) {
        ::unlink(temp.c_str());
        return makeError(ErrorCode::Io, std::string(what) + ": " + std::strerror(err),
                         Location{path, 0, 0, {}});
    };
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return makeError(ErrorCode::Io, std::string("cannot create file: ") + std::strerror(errno),
                         Location{temp, 0, 0, {}});
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return fail("cannot write model file", err);
        }
        written += size_t(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        return fail("cannot write model file", errno);
    if (::rename(temp.c_str(), path.c_str()) != 0)
        return fail("cannot replace model file", errno);
    return {};
}

} // namespace

SentencePieceTokenizer::SentencePieceTokenizer() = default;
SentencePieceTokenizer::SentencePieceTokenizer(SentencePieceTokenizer &&) noexcept = default;
SentencePieceTokenizer &
SentencePieceTokenizer::operator=(SentencePieceTokenizer &&) noexcept = default;
SentencePieceTokenizer::~SentencePieceTokenizer() = default;

Expected<SentencePieceTokenizer>
SentencePieceTokenizer::train(const std::vector<std::string> &texts,
                              const SentencePieceParams &params, StopToken stop)
{
    if (Status ok = checkParams(params); !ok)
        return tl::unexpected(ok.error());
    bool anyText = false;
    for (const std::string &text : texts)
        anyText = anyText || !text.empty();
    if (!anyText)
        return makeError(ErrorCode::Empty, "cannot train a tokenizer: the corpus has no text");

    auto api = requireModule();
    if (!api)
        return tl::unexpected(api.error());
    // SentencePiece's sampling and shuffling draw from one process-wide generator (seeded by
    // the module's train()).
    CorpusFeeder corpus(texts, size_t(params.maxSentenceLength), stop);
    std::string model;
    bool cancelled = false;
    const std::string failure =
        (*api)->train(trainerArgs(params), params.seed, std::ref(corpus), &model, &cancelled);
    if (cancelled)
        return makeError(ErrorCode::Cancelled, "tokenizer training cancelled");
    if (!failure.empty())
        return makeError(ErrorCode::InvalidArgument, "SentencePiece training failed: " + failure);
    return fromBytes(std::move(model), "trained model");
}

Expected<SentencePieceTokenizer> SentencePieceTokenizer::load(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io,
                         std::string("cannot open tokenizer model: ") + std::strerror(errno),
                         Location{path, 0, 0, {}});
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return makeError(ErrorCode::Io, "cannot read tokenizer model", Location{path, 0, 0, {}});
    return fromBytes(std::move(buffer).str(), path);
}

Expected<SentencePieceTokenizer> SentencePieceTokenizer::fromBytes(std::string bytes,
                                                                   const std::string &name)
{
    auto api = requireModule();
    if (!api)
        return tl::unexpected(api.error());
    SentencePieceTokenizer tokenizer;
    tokenizer.m_processor = std::shared_ptr<void>((*api)->create(), (*api)->destroy);
    const std::string failure = (*api)->load(tokenizer.m_processor.get(), bytes);
    if (!failure.empty() || (*api)->pieceSize(tokenizer.m_processor.get()) == 0) {
        const std::string reason = failure.empty() ? "no pieces" : failure;
        return makeError(ErrorCode::Parse, "not a SentencePiece model (" + reason + ")",
                         Location{name, 0, 0, {}});
    }
    SpecialIds &special = tokenizer.m_special;
    const std::pair<int32_t *, const char *> wanted[] = {
        {&special.pad, kPad}, {&special.unk, kUnk},   {&special.cls, kCls},
        {&special.sep, kSep}, {&special.mask, kMask},
    };
    for (auto [id, piece] : wanted) {
        *id = tokenizer.idOf(piece);
        if (*id < 0)
            return makeError(ErrorCode::Schema,
                             std::string("tokenizer model has no ") + piece + " piece",
                             Location{name, 0, 0, {}});
    }
    tokenizer.m_bytes = std::move(bytes);
    return tokenizer;
}

Status SentencePieceTokenizer::save(const std::string &path) const
{
    return writeAtomically(path, m_bytes);
}

std::vector<int32_t> SentencePieceTokenizer::encode(std::string_view utf8) const
{
    std::vector<int> ids;
    moduleApi().encodeIds(m_processor.get(), utf8, &ids);
    return {ids.begin(), ids.end()};
}

std::vector<std::string> SentencePieceTokenizer::pieces(std::string_view utf8) const
{
    std::vector<std::string> out;
    moduleApi().encodePieces(m_processor.get(), utf8, &out);
    return out;
}

std::string SentencePieceTokenizer::decode(std::span<const int32_t> ids) const
{
    // SentencePiece decodes control pieces to nothing and [UNK] to " ⁇ ", so the text is decoded
    // in segments between [UNK]/[MASK], which are written as themselves. SentencePiece drops the
    // word-boundary mark of a segment's first piece; it is restored for every segment but the
    // first, so "a [MASK] b" keeps its spaces.
    std::string out;
    std::vector<int> segment;
    auto flush = [&]() {
        if (segment.empty())
            return;
        std::string text;
        moduleApi().decode(m_processor.get(), segment, &text);
        if (!out.empty() && tokenOf(segment.front()).starts_with(kWordBoundary))
            out.push_back(' ');
        out += text;
        segment.clear();
    };
    for (int32_t id : ids) {
        if (id < 0 || id >= vocabSize() || id == m_special.pad || id == m_special.cls ||
            id == m_special.sep)
            continue;
        if (id == m_special.unk || id == m_special.mask) {
            flush();
            out += id == m_special.unk ? kUnk : kMask;
        } else {
            segment.push_back(id);
        }
    }
    flush();
    return out;
}

int32_t SentencePieceTokenizer::vocabSize() const
{
    return moduleApi().pieceSize(m_processor.get());
}

std::string SentencePieceTokenizer::tokenOf(int32_t id) const
{
    if (id < 0 || id >= vocabSize())
        return {};
    return moduleApi().idToPiece(m_processor.get(), id);
}

int32_t SentencePieceTokenizer::idOf(std::string_view token) const
{
    // PieceToId answers unk_id for unknown pieces; only the [UNK] piece itself maps there.
    const int id = moduleApi().pieceToId(m_processor.get(), token);
    if (id < 0 || id >= vocabSize() || tokenOf(id) != token)
        return -1;
    return id;
}

} // namespace recforge
