#pragma once
// TorchScript source text of the exported models (internal to io/torchscript.cpp). The sources
// use only `torch.<aten op>` builtins, which Module::define resolves without Python.

#include <cstdint>
#include <string>

namespace recforge::torchscript {

struct SequenceShape {
    int64_t items = 0;
    int64_t maxLength = 0;
    int64_t hidden = 0;
    int64_t heads = 0;
    int64_t layers = 0;
    bool gelu = true;
    bool cloze = false; // bert4rec: append [MASK] (token items + 1) and attend both ways
};

// Expects buffers token_table [items + 2, d], item_table [items, d], position [maxLength, d],
// norm_w, norm_b [d], and per layer i: l<i>_qkv_w [3d, d], l<i>_qkv_b [3d], l<i>_out_w [d, d],
// l<i>_out_b, l<i>_n1_w, l<i>_n1_b, l<i>_f1_w [ffn, d], l<i>_f1_b, l<i>_f2_w [d, ffn], l<i>_f2_b,
// l<i>_n2_w, l<i>_n2_b.
std::string sequenceSource(const SequenceShape &shape);

// Expects item_table [items, d] and, when withBias, item_bias [items].
std::string factorSource(bool withBias);

// Expects item_item [items, items].
std::string itemItemSource(int64_t items);

} // namespace recforge::torchscript
