#pragma once
// Minimal UTF-8 <-> code point conversion for the tokenizers (core has no ICU and no Qt).
//
// Invalid input never crashes and is never silently dropped here: each byte that does not start a
// well-formed sequence (stray continuation byte, truncated sequence, overlong form, surrogate,
// value above U+10FFFF) becomes one U+FFFD REPLACEMENT CHARACTER and decoding resumes at the next
// byte. What a tokenizer does with U+FFFD is its own rule (BERT's cleaning removes it).

#include <string>
#include <string_view>
#include <vector>

namespace recforge::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Code points of `text`; see the header comment for invalid bytes.
std::u32string decode(std::string_view text);

// Appends the UTF-8 form of `cp` to `out`. Surrogates and values above U+10FFFF append U+FFFD.
void append(std::string &out, char32_t cp);

// UTF-8 form of a sequence of code points.
std::string encode(std::u32string_view cps);

} // namespace recforge::utf8
