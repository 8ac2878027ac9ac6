// Byte-level BPE learning (see bpe_learner.h).

#include "clip/bpe_learner.h"

#include "clip/tokenizer.h"
#include "clip/unicode_tables.h"
#include "common/error.h"
#include "io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>

namespace vaclip::clip {

namespace {

constexpr const char* kEndOfWord = "</w>";

struct Alphabet {
    std::array<std::string, 256> symbol;  // byte -> UTF-8 symbol
    std::array<int, 256> order{};         // bytes_to_unicode dict order
    Alphabet()
    {
        auto printable = [](int b) {
            return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        };
        int k = 0, extra = 0;
        for (int b = 0; b < 256; ++b)
            if (printable(b)) {
                unicode::appendUtf8(symbol[b], static_cast<char32_t>(b));
                order[k++] = b;
            }
        for (int b = 0; b < 256; ++b)
            if (!printable(b)) {
                unicode::appendUtf8(symbol[b], static_cast<char32_t>(256 + extra++));
                order[k++] = b;
            }
    }
};

const Alphabet& alphabet()
{
    static const Alphabet a;
    return a;
}

using Symbols = std::vector<std::string>;
using Pair = std::pair<std::string, std::string>;

Symbols symbolsOf(const std::string& piece)
{
    Symbols s;
    for (unsigned char b : piece)
        s.push_back(alphabet().symbol[b]);
    if (!s.empty())
        s.back() += kEndOfWord;
    return s;
}

bool isLetterWord(const std::string& piece)
{
    const std::u32string cps = unicode::decodeUtf8(piece);
    return !cps.empty() && std::all_of(cps.begin(), cps.end(), [](char32_t c) { return unicode::isLetter(c); });
}

} // namespace

std::string byteSymbol(uint8_t byte) { return alphabet().symbol[byte]; }

BpeVocabulary learnBpe(const std::vector<std::string>& texts, const BpeLearnerOptions& options)
{
    if (options.maxMerges < 0 || options.minPairFrequency < 1)
        throw Error(ErrorCode::InvalidArgument, "BPE learner: maxMerges must be >= 0 and minPairFrequency >= 1");
    BpeVocabulary v;
    std::map<std::string, int64_t> counts;  // piece -> frequency (sorted: deterministic)
    std::set<std::string> known;
    for (const std::string& text : texts)
        for (const std::string& piece : Tokenizer::preTokenize(Tokenizer::cleanText(text))) {
            if (piece == "<|startoftext|>" || piece == "<|endoftext|>")
                continue;
            ++counts[piece];
            ++v.corpusPieces;
            if (isLetterWord(piece))
                known.insert(piece);
        }
    if (counts.empty())
        throw Error(ErrorCode::InvalidArgument, "BPE learner: the corpus has no words");
    v.knownWords.assign(known.begin(), known.end());

    std::vector<Symbols> words;
    std::vector<int64_t> freq;
    for (const auto& [piece, n] : counts) {
        words.push_back(symbolsOf(piece));
        freq.push_back(n);
    }
    while (options.maxMerges == 0 || int(v.merges.size()) < options.maxMerges) {
        std::map<Pair, int64_t> pairs;
        for (std::size_t w = 0; w < words.size(); ++w)
            for (std::size_t k = 0; k + 1 < words[w].size(); ++k)
                pairs[{words[w][k], words[w][k + 1]}] += freq[w];
        const Pair* best = nullptr;
        int64_t bestCount = 0;
        for (const auto& [pair, n] : pairs)
            if (n > bestCount) {  // strict: the first pair in sort order wins ties
                bestCount = n;
                best = &pair;
            }
        if (!best || bestCount < options.minPairFrequency)
            break;
        const Pair merge = *best;
        const std::string joined = merge.first + merge.second;
        for (Symbols& s : words) {
            Symbols next;
            next.reserve(s.size());
            for (std::size_t k = 0; k < s.size();) {
                if (k + 1 < s.size() && s[k] == merge.first && s[k + 1] == merge.second) {
                    next.push_back(joined);
                    k += 2;
                } else {
                    next.push_back(s[k++]);
                }
            }
            s.swap(next);
        }
        v.merges.push_back(merge);
    }

    const Alphabet& a = alphabet();
    for (int b : a.order)
        v.tokens.push_back(a.symbol[b]);
    for (int k = 0; k < 256; ++k)
        v.tokens.push_back(v.tokens[k] + kEndOfWord);
    for (const Pair& m : v.merges)
        v.tokens.push_back(m.first + m.second);
    v.tokens.emplace_back("<|startoftext|>");
    v.tokens.emplace_back("<|endoftext|>");
    return v;
}

void writeBpeVocabulary(const BpeVocabulary& v, const std::string& folder)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw Error(ErrorCode::Io, quoted(folder) + ": cannot create the folder: " + ec.message());
    // A merge repeated in the token list (possible in principle) keeps its last id, as the
    // reference's dict(zip(vocab, range(len(vocab)))) does; ids stay those of the construction.
    nlohmann::ordered_json vocab = nlohmann::ordered_json::object();
    std::map<std::string, int> ids;
    for (std::size_t id = 0; id < v.tokens.size(); ++id)
        ids[v.tokens[id]] = int(id);
    for (std::size_t id = 0; id < v.tokens.size(); ++id)
        if (ids[v.tokens[id]] == int(id))
            vocab[v.tokens[id]] = int(id);
    std::string merges = "#version: 0.2\n";
    for (const auto& [first, second] : v.merges)
        merges += first + " " + second + "\n";
    std::string words;
    for (const std::string& w : v.knownWords)
        words += w + "\n";
    const fs::path dir(folder);
    writeFileAtomic((dir / "vocab.json").string(), vocab.dump() + "\n");
    writeFileAtomic((dir / "merges.txt").string(), merges);
    writeFileAtomic((dir / "known_words.txt").string(), words);
}

} // namespace vaclip::clip
