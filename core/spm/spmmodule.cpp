// librecforge_spm.so: SentencePiece behind the function table of spmapi.h (see there for why it
// is a separately loaded module). The only file that includes SentencePiece's headers.
#include "spm/spmapi.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

namespace {

using recforge::spm::Feed;

class Feeder final : public sentencepiece::SentenceIterator {
public:
    explicit Feeder(const std::function<Feed(std::string &)> &next) : m_next(next) { advance(); }
    bool done() const override { return m_state != Feed::Text; }
    void Next() override { advance(); }
    const std::string &value() const override { return m_value; }
    sentencepiece::util::Status status() const override
    {
        if (m_state == Feed::Cancelled)
            return {sentencepiece::util::StatusCode::kCancelled, "cancelled"};
        return {};
    }
    bool cancelled() const { return m_state == Feed::Cancelled; }

private:
    void advance() { m_state = m_next(m_value); }

    const std::function<Feed(std::string &)> &m_next;
    Feed m_state = Feed::End;
    std::string m_value;
};

sentencepiece::SentencePieceProcessor *proc(void *p)
{
    return static_cast<sentencepiece::SentencePieceProcessor *>(p);
}

std::string train(const std::unordered_map<std::string, std::string> &args, uint32_t seed,
                  const std::function<Feed(std::string &)> &next, std::string *model,
                  bool *cancelled)
{
    sentencepiece::SetRandomGeneratorSeed(seed);
    Feeder feeder(next);
    const auto status = sentencepiece::SentencePieceTrainer::Train(args, &feeder, model);
    *cancelled = feeder.cancelled();
    return status.ok() ? std::string() : std::string(status.message());
}

const recforge::spm::Api kApi = {
    recforge::spm::kApiVersion,
    &train,
    []() -> void * { return new sentencepiece::SentencePieceProcessor(); },
    [](void *p) { delete proc(p); },
    [](void *p, const std::string &bytes) -> std::string {
        const auto status = proc(p)->LoadFromSerializedProto(bytes);
        return status.ok() ? std::string() : std::string(status.message());
    },
    // Encode/Decode fail only for an unloaded model, which the tokenizer never has.
    [](void *p, std::string_view text, std::vector<int> *ids) {
        proc(p)->Encode(text, ids).IgnoreError();
    },
    [](void *p, std::string_view text, std::vector<std::string> *pieces) {
        proc(p)->Encode(text, pieces).IgnoreError();
    },
    [](void *p, const std::vector<int> &ids, std::string *text) {
        proc(p)->Decode(ids, text).IgnoreError();
    },
    [](void *p) { return proc(p)->GetPieceSize(); },
    [](void *p, int id) { return proc(p)->IdToPiece(id); },
    [](void *p, std::string_view piece) { return proc(p)->PieceToId(piece); },
};

} // namespace

extern "C" const recforge::spm::Api *recforge_spm_api()
{
    return &kApi;
}
