#pragma once
// The Unicode and HTML knowledge CLIP's tokenizer needs, without ICU or Python.
//
// OpenAI's clip/simple_tokenizer.py cleans text with Python built-ins (html.unescape, str.strip,
// str.lower) and splits it with the `regex` module (\s, \p{L}, \p{N}). These functions reproduce
// those built-ins over code points. Coverage (see unicode_tables.cpp for how the tables were made):
//   - isLetter / isNumber: general categories L* and N* of Unicode 14.0 (Python 3.11, Debian 12),
//     every code point, range tables.
//   - toLower: Python's str.lower() of Unicode 14.0 for every code point: the simple lower-case
//     mapping, the one multi-character mapping (U+0130 -> "i" U+0307) and Greek final sigma with
//     the exact Cased / Case_Ignorable context rule CPython uses.
//   - isWhiteSpace: Unicode White_Space (what `regex`'s \s matches); isPySpace: str.isspace()
//     (White_Space plus U+001C..U+001F), which str.strip() uses.
//   - htmlUnescape: html.unescape's algorithm exactly (numeric references with the HTML5
//     replacement rules, longest-prefix matching of legacy names without ';'), but the named
//     entities are a subset of HTML5's 2,231: the 252 of HTML 4 (Latin-1, Greek letters, maths,
//     arrows, typographic quotes and dashes, &euro; &trade; &hellip; ...) plus &apos; and the
//     upper-case legacy forms &AMP; &LT; &GT; &QUOT; &COPY; &REG;. Other names stay literal text.
// Not in Unicode 14.0 (newer code points) is treated as "not a letter / number / cased".

#include "common/utf8.h"

#include <string>
#include <vector>

namespace vaclip::clip::unicode {

bool isLetter(char32_t c);      ///< general category L* (Lu Ll Lt Lm Lo)
bool isNumber(char32_t c);      ///< general category N* (Nd Nl No)
bool isWhiteSpace(char32_t c);  ///< Unicode White_Space (the `regex` module's \s)
bool isPySpace(char32_t c);     ///< Python str.isspace()

/// Python's str.lower() (Unicode 14.0), context-dependent final sigma included.
std::u32string toLower(const std::u32string& text);
/// Python's html.unescape() with the entity subset described above.
std::u32string htmlUnescape(const std::u32string& text);

/// One match of the reference's pre-tokenisation pattern.
enum class PieceKind { Special, Contraction, Letters, Digit, Symbols };
struct Piece {
    PieceKind kind;
    std::u32string text;
};
/// re.findall(pattern, text) with the reference's pattern and re.IGNORECASE, in order:
///   <|startoftext|> | <|endoftext|> | 's|'t|'re|'ve|'m|'ll|'d | [\p{L}]+ | [\p{N}] | [^\s\p{L}\p{N}]+
/// Whitespace separates pieces and is dropped (so is U+0345, which `regex` matches with no
/// alternative under IGNORECASE); the literals match case-insensitively (U+017F counts as 's').
std::vector<Piece> splitPieces(const std::u32string& text);
/// The reference's clean-up: whitespace_clean(basic_clean(text)).lower() with ftfy.fix_text
/// taken as the identity. Invalid UTF-8 bytes become U+FFFD first.
std::u32string cleanText(const std::string& utf8);

/// UTF-8 -> code points; an invalid sequence becomes one U+FFFD per maximal ill-formed part
/// (what Python's bytes.decode('utf-8', errors='replace') does).
std::u32string decodeUtf8(const std::string& bytes);
std::string encodeUtf8(const std::u32string& text);
using vaclip::appendUtf8;  ///< common/utf8.h

} // namespace vaclip::clip::unicode
