#pragma once
// Learns a CLIP-style byte-level BPE vocabulary from a text corpus (plain C++, no LibTorch), in
// the files the project's Tokenizer reads unchanged (Hugging Face layout):
//
//   BpeLearnerOptions o;                      // o.maxMerges = 0: until every word is one token
//   BpeVocabulary v = learnBpe({"a person riding a bicycle on a walkway", ...}, o);
//   writeBpeVocabulary(v, "resources/demo_backbone");   // vocab.json, merges.txt, known_words.txt
//   Tokenizer tok = Tokenizer::fromFile("resources/demo_backbone");
//   tok.unknownWords("a dog on a walkway");   // {"dog"}: not a word of the corpus
//
// Exactly the reference tokenizer's view of text: each text is cleaned (Tokenizer::cleanText),
// split by CLIP's pre-tokenisation pattern (Tokenizer::preTokenize), every piece becomes its UTF-8
// bytes in the bytes_to_unicode alphabet with '</w>' glued to the last symbol. Merges are learned
// the classic way (Sennrich et al.): count adjacent symbol pairs over the distinct pieces weighted
// by their frequency, merge the most frequent pair everywhere, repeat. Ties go to the pair whose
// (first, second) strings sort first, so the result is a pure function of the corpus multiset.
//
// Vocabulary ids follow OpenAI's construction: 256 byte symbols in bytes_to_unicode order, the
// same 256 with '</w>', one id per merge in merge order, then <|startoftext|> and <|endoftext|>
// (the largest id, where CLIP pools the text). Any text still encodes (byte fallback).
//
// known_words.txt lists every letter word of the corpus (one per line, sorted): the Tokenizer
// reads it next to vocab.json and then reports any other word as unknown (Tokenizer::unknownWords).
//
// Thread safety: pure functions.

#include <cstdint>
#include <string>
#include <vector>

namespace vaclip::clip {

struct BpeLearnerOptions {
    int maxMerges = 0;          ///< stop after this many merges (0 = no limit)
    int minPairFrequency = 1;   ///< stop when the best pair occurs fewer times than this
};

struct BpeVocabulary {
    std::vector<std::pair<std::string, std::string>> merges;  ///< in rank order, byte alphabet
    std::vector<std::string> tokens;      ///< id -> token (byte alphabet, '</w>' kept)
    std::vector<std::string> knownWords;  ///< the corpus's letter pieces (cleaned), sorted, unique
    int64_t corpusPieces = 0;             ///< pre-tokens counted (with repeats)
};

/// Learns merges from the texts. Throws vaclip::Error (InvalidArgument) when the corpus has no
/// piece or the options are negative.
BpeVocabulary learnBpe(const std::vector<std::string>& texts, const BpeLearnerOptions& options = {});

/// Writes vocab.json (token -> id), merges.txt ('#version: 0.2' header, one "a b" merge per line)
/// and known_words.txt into `folder` (created), each atomically. Throws vaclip::Error (Io).
void writeBpeVocabulary(const BpeVocabulary& vocabulary, const std::string& folder);

/// OpenAI's bytes_to_unicode(): the printable symbol (UTF-8) that stands for a byte.
std::string byteSymbol(uint8_t byte);

} // namespace vaclip::clip
