#pragma once
// CLIP's text tokenizer: a byte-level BPE giving exactly the ids of OpenAI's
// clip/simple_tokenizer.py (and of Hugging Face's CLIPTokenizer, which reads the same vocabulary).
//
//   auto tok = vaclip::clip::Tokenizer::fromFile("bpe_simple_vocab_16e6.txt.gz"); // or an HF folder
//   TokenizeResult r = tok.tokenize("a person riding a bicycle");  // 77 ids: SOT ... EOT 0 0 ...
//
// What happens to a text, as in the reference:
//   1. clean-up: ftfy.fix_text is taken as the identity (ftfy repairs mojibake; valid UTF-8 prompts
//      pass through it unchanged, and the reference cases were made that way); html.unescape twice
//      (entity subset: unicode_tables.h); strip; every run of Unicode whitespace -> one space; strip;
//      Python's str.lower() (all of Unicode 14.0). Invalid UTF-8 input bytes become U+FFFD.
//   2. pre-tokenisation with the reference's pattern, case-insensitive, matched by hand:
//        <|startoftext|> | <|endoftext|> | 's|'t|'re|'ve|'m|'ll|'d | \p{L}+ | \p{N} | [^\s\p{L}\p{N}]+
//      (one digit per piece; letters use general category L* of Unicode 14.0).
//   3. every piece -> UTF-8 bytes -> the bytes_to_unicode alphabet, '</w>' glued to its last symbol,
//      then the merges applied lowest rank first until none applies.
// Vocabulary ids (OpenAI construction): 256 byte symbols in bytes_to_unicode order, the same 256
// with '</w>', one id per merge (in file order), then <|startoftext|> = 49406, <|endoftext|> = 49407.
//
// Thread safety: all const member functions may be called concurrently; the BPE cache is shared
// between copies of a Tokenizer (copies are cheap) and guarded by a mutex.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vaclip::clip {

constexpr int kContextLength = 77;  ///< CLIP's text context length

struct TokenizeResult {
    std::vector<int64_t> ids;  ///< contextLength ids: SOT, BPE ids, EOT, then 0 padding
    int eotIndex = 0;          ///< where EOT sits (= argmax of ids, where CLIP pools the text)
    int tokenCount = 0;        ///< BPE ids of the text before truncation (no SOT/EOT)
    bool truncated = false;    ///< the text did not fit (tokenCount + 2 > contextLength)
    int droppedTokens = 0;     ///< BPE ids cut off the end (0 unless truncated)
};

/// How one pre-token of a prompt was split (see Tokenizer::analyze).
struct WordPieces {
    std::string text;                 ///< the pre-token after clean-up (UTF-8, lower case)
    std::vector<int> ids;             ///< its BPE ids
    std::vector<std::string> pieces;  ///< each id's bytes, '</w>' removed (may be partial UTF-8)
    bool isWord = false;       ///< a run of letters (\p{L}+), not digits, punctuation or specials
    bool wholeWord = false;    ///< one id: "<text></w>" is itself in the vocabulary
    bool byteFallback = false; ///< some piece is only part of a UTF-8 character (unseen script)
};

class Tokenizer {
public:
    /// Detects the vocabulary format: a gzip file (OpenAI's bpe_simple_vocab_16e6.txt.gz), a
    /// folder holding vocab.json + merges.txt (Hugging Face) or bpe_simple_vocab_16e6.txt.gz, or
    /// the path of a vocab.json / merges.txt whose sibling is next to it. Throws vaclip::Error
    /// naming the file (NotFound, Io, Format for corrupt gzip / bad merges, Mismatch when vocab.json
    /// and merges.txt disagree, Unsupported for an unknown kind of file).
    static Tokenizer fromFile(const std::string& path);
    /// OpenAI's gzip merges file; like the reference, uses merge lines [1, 48895) and builds the
    /// vocabulary from them.
    static Tokenizer fromOpenAIMerges(const std::string& gzPath);
    /// Hugging Face layout: vocab.json (token -> id) and merges.txt ('#version' header line).
    static Tokenizer fromHuggingFace(const std::string& vocabJsonPath, const std::string& mergesPath);
    /// OpenAI construction from already decompressed merges text (first line a header).
    /// 'sourceName' is what error messages call the text.
    static Tokenizer fromMergesText(const std::string& mergesText, const std::string& sourceName);

    /// BPE ids of a text, without SOT/EOT.
    std::vector<int> encode(const std::string& text) const;
    /// clip.tokenize(text, context_length, truncate=True): SOT + ids + EOT, cut to contextLength
    /// keeping SOT and the first contextLength-2 ids with EOT last, zero padded. contextLength >= 2.
    TokenizeResult tokenize(const std::string& text, int contextLength = kContextLength) const;
    /// tokenize() of each text; rows of contextLength ids (a [N, contextLength] int64 tensor).
    std::vector<std::vector<int64_t>> tokenizeBatch(const std::vector<std::string>& texts,
                                                    int contextLength = kContextLength) const;
    /// The reference's decode: ids -> bytes -> UTF-8 (invalid bytes -> U+FFFD), '</w>' -> ' '.
    /// SOT/EOT decode to their names; 0 is a real token ('!'), so strip padding first.
    /// Throws InvalidArgument for an id outside the vocabulary.
    std::string decode(const std::vector<int>& ids) const;
    std::string decode(const std::vector<int64_t>& ids) const;

    int vocabSize() const;     ///< 49408 for CLIP (largest id + 1)
    int sotToken() const;      ///< <|startoftext|> (49406)
    int eotToken() const;      ///< <|endoftext|> (49407)
    /// The vocabulary entry of an id in the bytes_to_unicode alphabet (as in vocab.json).
    std::string tokenString(int id) const;
    /// Where the vocabulary came from (file path).
    const std::string& source() const;

    /// The reference's clean-up of step 1 (ftfy as identity, unescape, whitespace, lower case).
    static std::string cleanText(const std::string& text);
    /// Step 2 on an already cleaned text: the pre-tokens, UTF-8.
    static std::vector<std::string> preTokenize(const std::string& cleanedText);

    /// Splits a prompt like encode() and reports every pre-token with its pieces.
    std::vector<WordPieces> analyze(const std::string& text) const;
    /// A byte-level BPE has no out-of-vocabulary input: any text encodes. "Unknown" therefore
    /// means, for a vocabulary learned from a corpus (a known_words.txt lies next to vocab.json,
    /// written by bpe_learner.h): a letter word the corpus never contained (the model never saw it
    /// in training, however it splits); for other vocabularies (OpenAI's): a letter word the
    /// vocabulary does not hold whole and has to spell out, i.e. it splits into more than
    /// maxPieces pieces or needs byte pieces that are not whole characters. Returns such words of
    /// a prompt (cleaned, lower case), in order, repeats included once. Digits, punctuation and
    /// special tokens are never unknown.
    std::vector<std::string> unknownWords(const std::string& text, int maxPieces = 2) const;
    /// With a word list: the word (after clean-up) is one pre-token of the list; otherwise: a
    /// single pre-token encoded as one id.
    bool isKnownWord(const std::string& word) const;
    /// True when a known_words.txt was loaded with the vocabulary.
    bool hasWordList() const;

    struct Impl;

private:
    explicit Tokenizer(std::shared_ptr<Impl> impl);
    std::shared_ptr<Impl> m_impl;
};

} // namespace vaclip::clip
