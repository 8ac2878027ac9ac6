#pragma once
// Warnings for prompts that use words the backbone's vocabulary does not know, for the CLI
// (vaclip test / vaclip demo) and the studio's prompt editor:
//
//   Tokenizer tok = loadTokenizerFor(backbonePath);
//   for (const std::string& w : unknownWordsWarnings(tok, {"a person on a skateboard", "a dog"}))
//       std::cerr << "vaclip: warning: " << w << "\n";   // "prompt 'a dog': unknown words: dog"
//
// "Unknown" is Tokenizer::unknownWords(): for a vocabulary learned from a corpus (the demo
// backbone's known_words.txt) any word the corpus never had; for OpenAI's vocabulary only words
// it must spell out in many pieces, so ordinary English prompts stay quiet.
// Thread safety: pure functions (the Tokenizer's const functions are thread-safe).

#include "clip/tokenizer.h"

#include <string>
#include <vector>

namespace vaclip::clip {

/// "prompt 'a dog': unknown words: dog" (words comma-separated), or "" when every word is known.
std::string unknownWordsWarning(const Tokenizer& tokenizer, const std::string& prompt);
/// One line per prompt with unknown words, in prompt order.
std::vector<std::string> unknownWordsWarnings(const Tokenizer& tokenizer, const std::vector<std::string>& prompts);

} // namespace vaclip::clip
