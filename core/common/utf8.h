#pragma once
// UTF-8 encoding of one Unicode code point, shared by the MATLAB file reader (char arrays) and the
// CLIP tokenizer (byte alphabet). No validation: surrogates and values above U+10FFFF are encoded
// as their bit patterns, as the callers never produce them.
//
//   std::string s;
//   vaclip::appendUtf8(s, U'é');   // s == "\xC3\xA9"

#include <string>

namespace vaclip {

void appendUtf8(std::string& out, char32_t c);

} // namespace vaclip
