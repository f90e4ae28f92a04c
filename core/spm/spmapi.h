#pragma once
// The SentencePiece calls of SentencePieceTokenizer, as a function table exported by the
// separately loaded module librecforge_spm.so (spmmodule.cpp).
//
// Why a module: Debian's libsentencepiece carries its own copy of protobuf-lite (3.14) and
// exports its symbols; LibTorch loads libprotobuf.so.32 (3.21). Linked into one executable, the
// first library in the global symbol scope wins and the other one's static initialisers call
// the wrong copy: a process that links both crashes before main(). The module is opened with
// RTLD_LOCAL | RTLD_DEEPBIND, so SentencePiece binds to its own protobuf and nothing else sees
// it. Both sides share libstdc++, so C++ types may cross the table.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace recforge::spm {

inline constexpr int kApiVersion = 1;

// What the corpus feeder answers: a text was written, the corpus is done, or stop was requested.
enum class Feed { Text, End, Cancelled };

struct Api {
    int version = kApiVersion;
    // Trains a model from the texts `next` yields. Returns "" on success (model filled), else
    // SentencePiece's message; *cancelled tells whether the feeder reported Cancelled.
    std::string (*train)(const std::unordered_map<std::string, std::string> &args, uint32_t seed,
                         const std::function<Feed(std::string &)> &next, std::string *model,
                         bool *cancelled);
    void *(*create)();                                     // a new, empty processor
    void (*destroy)(void *);                               // deletes a processor
    std::string (*load)(void *, const std::string &bytes); // "" on success
    void (*encodeIds)(void *, std::string_view text, std::vector<int> *ids);
    void (*encodePieces)(void *, std::string_view text, std::vector<std::string> *pieces);
    void (*decode)(void *, const std::vector<int> &ids, std::string *text);
    int (*pieceSize)(void *);
    std::string (*idToPiece)(void *, int id);
    int (*pieceToId)(void *, std::string_view piece);
};

// The module's function table, or null with *error set when the module cannot be opened.
// Search order: $RECFORGE_SPM_MODULE, <executable dir>/../lib/recforge/, <executable dir>/,
// the build tree's module. Opened once per process.
const Api *api(std::string *error);

} // namespace recforge::spm

// The module's entry point (C linkage for dlsym).
extern "C" const recforge::spm::Api *recforge_spm_api();
