#pragma once
// Character classes and case folding of BERT's BasicTokenizer, without ICU.
//
// BERT asks Python's unicodedata for categories, str.lower() and NFD. Here those are tables for
// the scripts a Chinese/English catalogue actually contains:
//  - whitespace, control and punctuation follow BERT's rules for ASCII and cover the Unicode
//    blocks Latin-1 Supplement, General Punctuation, CJK Symbols and Punctuation, Halfwidth and
//    Fullwidth Forms and a few more; punctuation in other blocks is not split off (the limit);
//  - lower-casing covers ASCII, Latin-1 Supplement, Latin Extended-A, basic Greek and Cyrillic;
//    other scripts keep their case (Chinese has none);
//  - accent stripping (NFD, then drop combining marks) covers Latin-1 Supplement and Latin
//    Extended-A by a table, and drops the combining marks U+0300..U+036F; letters without a
//    canonical decomposition (ø, æ, ß, ł, đ, œ ...) stay as they are, exactly as in BERT.
// Python lower-cases U+0130 (İ) to "i" + U+0307; here it becomes "i" (what BERT gives after
// accent stripping anyway).

namespace recforge::bertchars {

// Space, tab, newline, CR and the Unicode space separators (Zs).
bool isWhitespace(char32_t cp);
// Control and format characters BERT's cleaning removes (Cc, Cf, Co, Cs), excluding tab/newline/CR.
// Complete for the BMP; unassigned code points (Cn, also removed by BERT) are kept.
bool isControl(char32_t cp);
// BERT's punctuation: all non-alphanumeric printable ASCII plus Unicode P* in the covered blocks.
bool isPunctuation(char32_t cp);
// CJK Unified Ideographs (and extensions, compatibility ideographs) in BERT's ranges. Hiragana,
// Katakana and Hangul are not included (as in BERT).
bool isCjk(char32_t cp);
// Lower-case form in the covered scripts; other characters unchanged.
char32_t toLower(char32_t cp);
// Base letter of an accented Latin letter; 0 for a combining mark (to drop); otherwise cp.
char32_t stripAccent(char32_t cp);

} // namespace recforge::bertchars
