// CLIP's byte-level BPE tokenizer (see tokenizer.h). Mirrors clip/simple_tokenizer.py step by step.

#include "clip/tokenizer.h"

#include "clip/unicode_tables.h"
#include "common/error.h"
#include "io/atomic_file.h"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <climits>
#include <filesystem>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace vaclip::clip {
namespace fs = std::filesystem;

namespace {

constexpr const char* kSotText = "<|startoftext|>";
constexpr const char* kEotText = "<|endoftext|>";
constexpr const char* kEndOfWord = "</w>";
constexpr std::size_t kMergeLimit = 49152 - 256 - 2;  // the reference's merges[1 : 49152-256-2+1]
constexpr std::size_t kCacheLimit = 100000;            // cached words before the cache is cleared

// bytes_to_unicode(): printable Latin-1 bytes map to themselves, the other 68 to U+0100.. in
// byte order. 'order' is the dict's iteration order, which is the order of the first 256 ids.
struct ByteAlphabet {
    std::array<char32_t, 256> byteToChar{};
    std::array<int, 256> order{};
    std::unordered_map<char32_t, int> charToByte;
    ByteAlphabet()
    {
        auto printable = [](int b) {
            return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        };
        int k = 0, extra = 0;
        for (int b = 0; b < 256; ++b)
            if (printable(b)) {
                byteToChar[b] = static_cast<char32_t>(b);
                order[k++] = b;
            }
        for (int b = 0; b < 256; ++b)
            if (!printable(b)) {
                byteToChar[b] = static_cast<char32_t>(256 + extra++);
                order[k++] = b;
            }
        for (int b = 0; b < 256; ++b)
            charToByte[byteToChar[b]] = b;
    }
    std::string symbol(int byte) const
    {
        std::string s;
        unicode::appendUtf8(s, byteToChar[byte]);
        return s;
    }
};

const ByteAlphabet& alphabet()
{
    static const ByteAlphabet a;
    return a;
}

uint64_t pairKey(int a, int b)
{
    return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
}

struct Merge {
    int rank;
    int merged;
};

// Raw gzip (one or more members) -> bytes. Throws Format naming the file when it is not gzip,
// corrupt or cut short.
std::string gunzip(const std::string& data, const std::string& path)
{
    if (data.size() < 2 || static_cast<unsigned char>(data[0]) != 0x1F ||
        static_cast<unsigned char>(data[1]) != 0x8B)
        throw Error(ErrorCode::Format, quoted(path) + ": not a gzip file");
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        throw Error(ErrorCode::Io, quoted(path) + ": cannot initialise zlib");
    std::string out;
    std::array<char, 1 << 16> buf{};
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef*>(buf.data());
        zs.avail_out = static_cast<uInt>(buf.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf.data(), buf.size() - zs.avail_out);
        if (rc == Z_STREAM_END && zs.avail_in > 0) {
            inflateReset(&zs);  // another gzip member follows
            continue;
        }
        if (rc != Z_OK)
            break;  // Z_STREAM_END at the end, Z_BUF_ERROR when the input ran out, or an error
    }
    const std::string msg = zs.msg ? zs.msg : "";
    inflateEnd(&zs);
    if (rc == Z_BUF_ERROR)
        throw Error(ErrorCode::Format, quoted(path) + ": truncated gzip file (unexpected end of data)");
    if (rc != Z_STREAM_END)
        throw Error(ErrorCode::Format,
                    quoted(path) + ": corrupt gzip data" + (msg.empty() ? "" : " (" + msg + ")"));
    return out;
}

struct MergeLine {
    std::string first, second;
    std::size_t lineNumber;  // 1-based, in the file
};

// merges lines [1, 1 + kMergeLimit) of the text, each "first second". With skipHeaderAlways
// (OpenAI) line 0 is always dropped; otherwise only when it is a '#version' header.
std::vector<MergeLine> parseMerges(std::string text, const std::string& path, bool skipHeaderAlways)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    std::vector<MergeLine> merges;
    std::size_t pos = 0, line = 0;
    while (pos <= text.size() && merges.size() < kMergeLimit) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        std::string_view row(text.data() + pos, end - pos);
        const bool header = line == 0 && (skipHeaderAlways || row.substr(0, 8) == "#version");
        if (!header) {
            std::vector<std::string_view> parts;
            std::size_t k = 0;
            while (k < row.size()) {
                while (k < row.size() && (row[k] == ' ' || row[k] == '\t' || row[k] == '\r'))
                    ++k;
                std::size_t start = k;
                while (k < row.size() && row[k] != ' ' && row[k] != '\t' && row[k] != '\r')
                    ++k;
                if (k > start)
                    parts.push_back(row.substr(start, k - start));
            }
            if (parts.size() != 2)
                throw Error(ErrorCode::Format,
                            quoted(path) + ": line " + std::to_string(line + 1) +
                                ": a merge must be two symbols separated by a space, found '" +
                                std::string(row.substr(0, 60)) + "'");
            merges.push_back({std::string(parts[0]), std::string(parts[1]), line + 1});
        }
        ++line;
        if (end == text.size())
            break;
        pos = end + 1;
    }
    if (merges.empty())
        throw Error(ErrorCode::Format, quoted(path) + ": no merges found");
    return merges;
}

bool isCompleteUtf8(const std::string& bytes)
{
    return unicode::encodeUtf8(unicode::decodeUtf8(bytes)) == bytes;
}

} // namespace

struct Tokenizer::Impl {
    std::string source;
    std::unordered_map<std::string, int> tokenToId;
    std::vector<std::string> idToToken;  // "" for ids no token uses
    std::vector<std::string> idToBytes;  // the bytes a token stands for ('</w>' kept)
    std::vector<bool> idUsed;
    std::array<int, 256> byteId{};       // a byte as a word-inner symbol
    std::array<int, 256> byteEndId{};    // a byte as the last symbol of a word ('</w>' attached)
    std::unordered_map<uint64_t, Merge> merges;
    int sot = -1, eot = -1;
    std::unordered_set<std::string> knownWords;  // known_words.txt next to vocab.json (learned vocabularies)
    bool hasWordList = false;

    mutable std::mutex cacheMutex;
    mutable std::unordered_map<std::string, std::vector<int>> cache;

    int idOf(const std::string& token, const std::string& what) const
    {
        auto it = tokenToId.find(token);
        if (it == tokenToId.end())
            throw Error(ErrorCode::Mismatch, quoted(source) + ": the vocabulary has no token '" +
                                                 token + "' (" + what + ")");
        return it->second;
    }

    // Everything after tokenToId is known: id tables, byte symbols, merge ranks.
    // strictMerges (Hugging Face): every merge and its parts must be vocabulary tokens.
    void finish(const std::vector<MergeLine>& lines, const std::string& mergesPath, bool strictMerges)
    {
        const ByteAlphabet& a = alphabet();
        int maxId = -1;
        for (const auto& [token, id] : tokenToId)
            maxId = std::max(maxId, id);
        idToToken.assign(static_cast<std::size_t>(maxId + 1), std::string());
        idToBytes.assign(static_cast<std::size_t>(maxId + 1), std::string());
        idUsed.assign(static_cast<std::size_t>(maxId + 1), false);
        for (const auto& [token, id] : tokenToId) {
            if (idUsed[id])
                throw Error(ErrorCode::Format, quoted(source) + ": id " + std::to_string(id) +
                                                   " is given to both '" + idToToken[id] +
                                                   "' and '" + token + "'");
            idUsed[id] = true;
            idToToken[id] = token;
            std::string bytes;
            for (char32_t c : unicode::decodeUtf8(token)) {
                auto it = a.charToByte.find(c);
                if (it != a.charToByte.end())
                    bytes += static_cast<char>(it->second);
                else
                    unicode::appendUtf8(bytes, c);  // not in the byte alphabet: kept as text
            }
            idToBytes[id] = std::move(bytes);
        }
        for (int b = 0; b < 256; ++b) {
            byteId[b] = idOf(a.symbol(b), "byte " + std::to_string(b));
            byteEndId[b] = idOf(a.symbol(b) + kEndOfWord, "byte " + std::to_string(b) + " + </w>");
        }
        sot = idOf(kSotText, "start of text");
        eot = idOf(kEotText, "end of text");
        merges.reserve(lines.size() * 2);
        int rank = 0;
        for (const MergeLine& m : lines) {
            auto fa = tokenToId.find(m.first), fb = tokenToId.find(m.second);
            auto fm = tokenToId.find(m.first + m.second);
            if (strictMerges && (fa == tokenToId.end() || fb == tokenToId.end() || fm == tokenToId.end()))
                throw Error(ErrorCode::Mismatch,
                            quoted(source) + " does not match " + quoted(mergesPath) + ": line " +
                                std::to_string(m.lineNumber) + " merges '" + m.first + "' + '" +
                                m.second + "' but '" +
                                (fa == tokenToId.end() ? m.first
                                 : fb == tokenToId.end() ? m.second
                                                         : m.first + m.second) +
                                "' is not in the vocabulary");
            // A merge whose parts are not tokens can never apply (the reference keeps its rank).
            if (fa != tokenToId.end() && fb != tokenToId.end() && fm != tokenToId.end())
                merges[pairKey(fa->second, fb->second)] = {rank, fm->second};  // later rank wins
            ++rank;
        }
    }

    std::vector<int> bpe(const std::string& bytes) const
    {
        {
            std::lock_guard<std::mutex> lock(cacheMutex);
            auto it = cache.find(bytes);
            if (it != cache.end())
                return it->second;
        }
        std::vector<int> word(bytes.size());
        for (std::size_t k = 0; k < bytes.size(); ++k) {
            const auto b = static_cast<unsigned char>(bytes[k]);
            word[k] = k + 1 < bytes.size() ? byteId[b] : byteEndId[b];
        }
        std::vector<int> next;
        while (word.size() > 1) {
            int bestRank = INT_MAX;
            const Merge* best = nullptr;
            uint64_t bestKey = 0;
            for (std::size_t k = 0; k + 1 < word.size(); ++k) {
                const uint64_t key = pairKey(word[k], word[k + 1]);
                auto it = merges.find(key);
                if (it != merges.end() && it->second.rank < bestRank) {
                    bestRank = it->second.rank;
                    best = &it->second;
                    bestKey = key;
                }
            }
            if (!best)
                break;
            next.clear();
            for (std::size_t k = 0; k < word.size();) {
                if (k + 1 < word.size() && pairKey(word[k], word[k + 1]) == bestKey) {
                    next.push_back(best->merged);
                    k += 2;
                } else {
                    next.push_back(word[k++]);
                }
            }
            word.swap(next);
        }
        std::lock_guard<std::mutex> lock(cacheMutex);
        if (cache.size() >= kCacheLimit)
            cache.clear();
        cache.emplace(bytes, word);
        return word;
    }

    std::vector<int> encodePiece(const unicode::Piece& piece) const
    {
        if (piece.kind == unicode::PieceKind::Special)  // "<|startoftext|>" (15) or "<|endoftext|>"
            return {piece.text.size() == 15 ? sot : eot};
        return bpe(unicode::encodeUtf8(piece.text));
    }

    void checkId(int64_t id) const
    {
        if (id < 0 || id >= static_cast<int64_t>(idUsed.size()) || !idUsed[static_cast<std::size_t>(id)])
            throw Error(ErrorCode::InvalidArgument,
                        "tokenizer " + quoted(source) + ": id " + std::to_string(id) +
                            " is not in the vocabulary");
    }

    template <typename Int>
    std::string decode(const std::vector<Int>& ids) const
    {
        std::string bytes;
        for (Int id : ids) {
            checkId(static_cast<int64_t>(id));
            bytes += idToBytes[static_cast<std::size_t>(id)];
        }
        std::string text = unicode::encodeUtf8(unicode::decodeUtf8(bytes));
        std::string out;
        out.reserve(text.size());
        for (std::size_t k = 0; k < text.size();) {
            if (text.compare(k, 4, kEndOfWord) == 0) {
                out += ' ';
                k += 4;
            } else {
                out += text[k++];
            }
        }
        return out;
    }
};

Tokenizer::Tokenizer(std::shared_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Tokenizer Tokenizer::fromMergesText(const std::string& mergesText, const std::string& sourceName)
{
    const std::vector<MergeLine> lines = parseMerges(mergesText, sourceName, true);
    auto impl = std::make_shared<Impl>();
    impl->source = sourceName;
    // vocab = byte symbols + the same with '</w>' + one per merge + the two specials; like
    // dict(zip(vocab, range(len(vocab)))), a repeated token keeps its last id.
    const ByteAlphabet& a = alphabet();
    std::vector<std::string> vocab;
    vocab.reserve(512 + lines.size() + 2);
    for (int b : a.order)
        vocab.push_back(a.symbol(b));
    for (int k = 0; k < 256; ++k)
        vocab.push_back(vocab[k] + kEndOfWord);
    for (const MergeLine& m : lines)
        vocab.push_back(m.first + m.second);
    vocab.emplace_back(kSotText);
    vocab.emplace_back(kEotText);
    impl->tokenToId.reserve(vocab.size());
    for (std::size_t id = 0; id < vocab.size(); ++id)
        impl->tokenToId[vocab[id]] = static_cast<int>(id);
    impl->finish(lines, sourceName, false);
    return Tokenizer(std::move(impl));
}

Tokenizer Tokenizer::fromOpenAIMerges(const std::string& gzPath)
{
    return fromMergesText(gunzip(readFile(gzPath), gzPath), gzPath);
}

Tokenizer Tokenizer::fromHuggingFace(const std::string& vocabJsonPath, const std::string& mergesPath)
{
    const std::string vocabText = readFile(vocabJsonPath);
    const std::string mergesText = readFile(mergesPath);
    auto impl = std::make_shared<Impl>();
    impl->source = vocabJsonPath;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(vocabText);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::Format, quoted(vocabJsonPath) + ": not valid JSON: " + e.what());
    }
    if (!j.is_object() || j.empty())
        throw Error(ErrorCode::Format, quoted(vocabJsonPath) + ": expected an object token -> id");
    impl->tokenToId.reserve(j.size());
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!it.value().is_number_integer() || it.value().get<int64_t>() < 0 ||
            it.value().get<int64_t>() >= (int64_t(1) << 24))
            throw Error(ErrorCode::Format, quoted(vocabJsonPath) + ": token '" + it.key() +
                                               "' needs an id in [0, 2^24), found " +
                                               it.value().dump());
        impl->tokenToId[it.key()] = it.value().get<int>();
    }
    impl->finish(parseMerges(mergesText, mergesPath, false), mergesPath, true);
    // A vocabulary learned from a corpus (bpe_learner.h) lists the corpus's words beside it.
    const fs::path wordsPath = fs::path(vocabJsonPath).parent_path() / "known_words.txt";
    std::error_code ec;
    if (fs::exists(wordsPath, ec)) {
        const std::string words = readFile(wordsPath.string());
        std::size_t pos = 0;
        while (pos < words.size()) {
            std::size_t end = words.find('\n', pos);
            if (end == std::string::npos)
                end = words.size();
            std::string w = words.substr(pos, end - pos);
            while (!w.empty() && (w.back() == '\r' || w.back() == ' '))
                w.pop_back();
            if (!w.empty())
                impl->knownWords.insert(cleanText(w));
            pos = end + 1;
        }
        impl->hasWordList = true;
    }
    return Tokenizer(std::move(impl));
}

Tokenizer Tokenizer::fromFile(const std::string& path)
{
    std::error_code ec;
    const fs::path p(path);
    const fs::file_status st = fs::status(p, ec);
    if (!fs::exists(st))
        throw Error(ErrorCode::NotFound, quoted(path) + ": tokenizer vocabulary not found");
    if (fs::is_directory(st)) {
        const fs::path vocab = p / "vocab.json", merges = p / "merges.txt";
        if (fs::exists(vocab, ec) && fs::exists(merges, ec))
            return fromHuggingFace(vocab.string(), merges.string());
        const fs::path gz = p / "bpe_simple_vocab_16e6.txt.gz";
        if (fs::exists(gz, ec))
            return fromOpenAIMerges(gz.string());
        throw Error(ErrorCode::NotFound,
                    quoted(path) + ": no tokenizer vocabulary in this folder (looked for "
                                   "vocab.json + merges.txt and bpe_simple_vocab_16e6.txt.gz)");
    }
    const std::string name = p.filename().string();
    if (name == "vocab.json" || name == "merges.txt") {
        const fs::path vocab = p.parent_path() / "vocab.json", merges = p.parent_path() / "merges.txt";
        return fromHuggingFace(vocab.string(), merges.string());
    }
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0)
        return fromOpenAIMerges(path);
    const std::string data = readFile(path);
    if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1F &&
        static_cast<unsigned char>(data[1]) == 0x8B)
        return fromMergesText(gunzip(data, path), path);
    throw Error(ErrorCode::Unsupported,
                quoted(path) + ": not a tokenizer vocabulary (expected a .gz BPE merges file, "
                               "vocab.json/merges.txt or a folder holding them)");
}

std::string Tokenizer::cleanText(const std::string& text)
{
    return unicode::encodeUtf8(unicode::cleanText(text));
}

std::vector<std::string> Tokenizer::preTokenize(const std::string& cleanedText)
{
    std::vector<std::string> out;
    for (const unicode::Piece& piece : unicode::splitPieces(unicode::decodeUtf8(cleanedText)))
        out.push_back(unicode::encodeUtf8(piece.text));
    return out;
}

std::vector<int> Tokenizer::encode(const std::string& text) const
{
    std::vector<int> ids;
    for (const unicode::Piece& piece : unicode::splitPieces(unicode::cleanText(text))) {
        const std::vector<int> part = m_impl->encodePiece(piece);
        ids.insert(ids.end(), part.begin(), part.end());
    }
    return ids;
}

TokenizeResult Tokenizer::tokenize(const std::string& text, int contextLength) const
{
    if (contextLength < 2)
        throw Error(ErrorCode::InvalidArgument,
                    "tokenize: context length must be at least 2, got " + std::to_string(contextLength));
    const std::vector<int> ids = encode(text);
    TokenizeResult r;
    r.tokenCount = static_cast<int>(ids.size());
    r.ids.assign(static_cast<std::size_t>(contextLength), 0);
    int keep = r.tokenCount;
    if (r.tokenCount + 2 > contextLength) {  // tokens[:context_length]; tokens[-1] = eot
        r.truncated = true;
        keep = contextLength - 2;
        r.droppedTokens = r.tokenCount - keep;
    }
    r.ids[0] = m_impl->sot;
    std::copy(ids.begin(), ids.begin() + keep, r.ids.begin() + 1);
    r.eotIndex = keep + 1;
    r.ids[static_cast<std::size_t>(r.eotIndex)] = m_impl->eot;
    return r;
}

std::vector<std::vector<int64_t>> Tokenizer::tokenizeBatch(const std::vector<std::string>& texts,
                                                           int contextLength) const
{
    std::vector<std::vector<int64_t>> rows;
    rows.reserve(texts.size());
    for (const std::string& t : texts)
        rows.push_back(tokenize(t, contextLength).ids);
    return rows;
}

std::string Tokenizer::decode(const std::vector<int>& ids) const { return m_impl->decode(ids); }
std::string Tokenizer::decode(const std::vector<int64_t>& ids) const { return m_impl->decode(ids); }
int Tokenizer::vocabSize() const { return static_cast<int>(m_impl->idToToken.size()); }
int Tokenizer::sotToken() const { return m_impl->sot; }
int Tokenizer::eotToken() const { return m_impl->eot; }
const std::string& Tokenizer::source() const { return m_impl->source; }
bool Tokenizer::hasWordList() const { return m_impl->hasWordList; }

std::string Tokenizer::tokenString(int id) const
{
    m_impl->checkId(id);
    return m_impl->idToToken[static_cast<std::size_t>(id)];
}

std::vector<WordPieces> Tokenizer::analyze(const std::string& text) const
{
    std::vector<WordPieces> out;
    for (const unicode::Piece& piece : unicode::splitPieces(unicode::cleanText(text))) {
        WordPieces w;
        w.text = unicode::encodeUtf8(piece.text);
        w.ids = m_impl->encodePiece(piece);
        w.isWord = piece.kind == unicode::PieceKind::Letters;
        w.wholeWord = w.ids.size() == 1;
        for (int id : w.ids) {
            std::string bytes = m_impl->idToBytes[static_cast<std::size_t>(id)];
            if (bytes.size() >= 4 && bytes.compare(bytes.size() - 4, 4, kEndOfWord) == 0)
                bytes.resize(bytes.size() - 4);
            if (piece.kind != unicode::PieceKind::Special && !isCompleteUtf8(bytes))
                w.byteFallback = true;
            w.pieces.push_back(std::move(bytes));
        }
        out.push_back(std::move(w));
    }
    return out;
}

std::vector<std::string> Tokenizer::unknownWords(const std::string& text, int maxPieces) const
{
    std::vector<std::string> out;
    for (const WordPieces& w : analyze(text)) {
        const bool unknown =
            w.isWord && (m_impl->hasWordList ? m_impl->knownWords.count(w.text) == 0
                                             : (w.byteFallback || static_cast<int>(w.ids.size()) > maxPieces));
        if (unknown && std::find(out.begin(), out.end(), w.text) == out.end())
            out.push_back(w.text);
    }
    return out;
}

bool Tokenizer::isKnownWord(const std::string& word) const
{
    const std::vector<WordPieces> pieces = analyze(word);
    if (m_impl->hasWordList)
        return pieces.size() == 1 && m_impl->knownWords.count(pieces[0].text) > 0;
    return pieces.size() == 1 && pieces[0].ids.size() == 1;
}

} // namespace vaclip::clip
