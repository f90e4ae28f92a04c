#pragma once
// BERT's BasicTokenizer: the pre-tokenization before WordPiece. In order:
//  1. clean: remove NUL, U+FFFD (also what invalid UTF-8 decodes to, so invalid bytes vanish) and
//     control characters; every whitespace character becomes a space;
//  2. put spaces around every CJK ideograph (each becomes its own word);
//  3. split on whitespace;
//  4. with lowerCase: lower-case each word; with stripAccents: drop accents;
//  5. split punctuation off: every punctuation character is a word of its own.
// Character tables and their limits (no ICU): see bertchars.h.

#include <string>
#include <string_view>
#include <vector>

namespace recforge {

struct BasicTokenizerOptions {
    bool lowerCase = true;    // BERT "uncased" models; false for "cased" ones
    bool stripAccents = true; // BERT strips accents exactly when it lower-cases, unless told
    bool splitCjk = true;     // tokenize_chinese_chars
};

// Words of `utf8` as code points.
std::vector<std::u32string> basicTokenize(std::string_view utf8,
                                          const BasicTokenizerOptions &options);

} // namespace recforge
