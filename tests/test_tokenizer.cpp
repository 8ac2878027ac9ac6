// ctest-labels: unit clip
// ctest-link: vaclip_ml
// CLIP's BPE tokenizer against OpenAI's SimpleTokenizer: every case of
// shared/reference/clip/tokenizer_cases.json with both vocabulary sources (OpenAI's gzip merges and
// the Hugging Face vocab.json + merges.txt of tiny-a), the token ids of tiny-a's prompts, decode,
// the text clean-up, unknown-word reporting, concurrency and bad vocabulary files.

#include "clip/tokenizer.h"
#include "common/error.h"
#include "io/atomic_file.h"
#include "io/npy.h"
#include "test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

using namespace vaclip;
using vaclip::clip::Tokenizer;
using vaclip::test::TempDir;
using ::testing::HasSubstr;

namespace {

std::filesystem::path refDir() { return vaclip::test::sharedDir() / "reference/clip"; }
std::string gzPath() { return (refDir() / "bpe_simple_vocab_16e6.txt.gz").string(); }
std::string hfDir() { return (refDir() / "tiny-a/hf").string(); }

const Tokenizer& openaiTokenizer()
{
    static const Tokenizer t = Tokenizer::fromFile(gzPath());
    return t;
}
const Tokenizer& hfTokenizer()
{
    static const Tokenizer t = Tokenizer::fromFile(hfDir());
    return t;
}

struct Case {
    std::string text;
    std::vector<int> bpe;
    std::vector<int64_t> tokens77;
    bool overflows = false;
};

const std::vector<Case>& cases()
{
    static const std::vector<Case> all = [] {
        const auto j = nlohmann::json::parse(readFile((refDir() / "tokenizer_cases.json").string()));
        std::vector<Case> out;
        for (const auto& c : j.at("cases"))
            out.push_back({c.at("text").get<std::string>(), c.at("bpe_ids").get<std::vector<int>>(),
                           c.at("tokenize_77_truncate").get<std::vector<int64_t>>(),
                           c.at("overflows").get<bool>()});
        return out;
    }();
    return all;
}

/// Expects a vaclip::Error whose message names `path` (and contains `what` when given).
template <typename F>
void expectErrorNaming(F&& f, const std::string& path, ErrorCode code, const std::string& what = "")
{
    try {
        f();
        ADD_FAILURE() << "no error for " << path;
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), code) << e.what();
        EXPECT_THAT(e.what(), HasSubstr(path));
        if (!what.empty()) {
            EXPECT_THAT(e.what(), HasSubstr(what));
        }
    }
}

std::string gzipText(const std::string& text)
{
    uLongf size = compressBound(static_cast<uLong>(text.size())) + 32;
    std::string out(size, '\0');
    z_stream zs{};
    EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    zs.avail_in = static_cast<uInt>(text.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

class TokenizerCases : public ::testing::TestWithParam<const char*> {
protected:
    const Tokenizer& tok() const
    {
        return std::string(GetParam()) == "openai" ? openaiTokenizer() : hfTokenizer();
    }
};

} // namespace

TEST_P(TokenizerCases, EveryReferenceCaseMatches)
{
    ASSERT_EQ(cases().size(), 34u);
    for (const Case& c : cases()) {
        SCOPED_TRACE("text: '" + c.text + "'");
        EXPECT_EQ(tok().encode(c.text), c.bpe);
        const clip::TokenizeResult r = tok().tokenize(c.text, 77);
        EXPECT_EQ(r.ids, c.tokens77);
        EXPECT_EQ(r.truncated, c.overflows);
        EXPECT_EQ(r.tokenCount, static_cast<int>(c.bpe.size()));
        EXPECT_EQ(r.droppedTokens, std::max(0, static_cast<int>(c.bpe.size()) + 2 - 77));
        const auto eot = std::find(c.tokens77.begin(), c.tokens77.end(), 49407);
        EXPECT_EQ(r.eotIndex, eot - c.tokens77.begin());
        EXPECT_EQ(std::max_element(r.ids.begin(), r.ids.end()) - r.ids.begin(), r.eotIndex);
    }
}

TEST_P(TokenizerCases, BatchAndTinyAPromptIds)
{
    const auto manifest =
        nlohmann::json::parse(readFile((refDir() / "tiny-a/manifest.json").string()));
    const auto prompts = manifest.at("prompts").get<std::vector<std::string>>();
    const NpyArray expected = readNpy((refDir() / "tiny-a/text_token_ids.npy").string());
    ASSERT_EQ(expected.shape, (std::vector<int64_t>{static_cast<int64_t>(prompts.size()), 77}));
    const std::vector<int64_t> flat = expected.toInt64();
    const auto rows = tok().tokenizeBatch(prompts);
    ASSERT_EQ(rows.size(), prompts.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        EXPECT_EQ(rows[i], std::vector<int64_t>(flat.begin() + 77 * i, flat.begin() + 77 * (i + 1)))
            << prompts[i];
}

TEST_P(TokenizerCases, VocabularyAndSpecialTokens)
{
    EXPECT_EQ(tok().vocabSize(), 49408);
    EXPECT_EQ(tok().sotToken(), 49406);
    EXPECT_EQ(tok().eotToken(), 49407);
    EXPECT_EQ(tok().tokenString(0), "!");
    EXPECT_EQ(tok().tokenString(256), "!</w>");
    EXPECT_EQ(tok().tokenString(49406), "<|startoftext|>");
    // The special strings inside a text are the special tokens (the reference's cache does that).
    EXPECT_EQ(tok().encode("a <|endoftext|> b"), (std::vector<int>{320, 49407, 321}));
    EXPECT_EQ(tok().encode("<|StartOfText|>"), (std::vector<int>{49406}));
}

INSTANTIATE_TEST_SUITE_P(Sources, TokenizerCases, ::testing::Values("openai", "hf"));

TEST(Tokenizer, BothSourcesHoldTheSameVocabulary)
{
    ASSERT_EQ(openaiTokenizer().vocabSize(), hfTokenizer().vocabSize());
    for (int id = 0; id < openaiTokenizer().vocabSize(); ++id)
        ASSERT_EQ(openaiTokenizer().tokenString(id), hfTokenizer().tokenString(id)) << id;
    // fromFile also takes the vocab.json / merges.txt path itself.
    EXPECT_EQ(Tokenizer::fromFile(hfDir() + "/merges.txt").encode("a dog"),
              (std::vector<int>{320, 1929}));
}

TEST(Tokenizer, DecodeRoundTripsAsciiPrompts)
{
    const Tokenizer& t = openaiTokenizer();
    for (const char* p : {"a person riding a bicycle", "a car driving on the sidewalk",
                          "loitering near the entrance", "supercalifragilisticexpialidocious",
                          "people running away in panic"})
        EXPECT_EQ(t.decode(t.encode(p)), std::string(p) + " ");
    // Punctuation and contractions come back as separate words; without spaces the text is equal.
    auto noSpaces = [](std::string s) {
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        return s;
    };
    for (const Case& c : cases()) {
        bool ascii = std::all_of(c.text.begin(), c.text.end(),
                                 [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
        if (ascii) {
            EXPECT_EQ(noSpaces(t.decode(c.bpe)), noSpaces(Tokenizer::cleanText(c.text))) << c.text;
        }
    }
    EXPECT_EQ(t.decode(t.encode("café naïve résumé")), "café naïve résumé ");
    const clip::TokenizeResult r = t.tokenize("a dog");
    EXPECT_EQ(t.decode(std::vector<int64_t>(r.ids.begin(), r.ids.begin() + r.eotIndex + 1)),
              "<|startoftext|>a dog <|endoftext|>");
    EXPECT_THROW(t.decode(std::vector<int>{49408}), Error);
    EXPECT_THROW(t.decode(std::vector<int>{-1}), Error);
}

TEST(Tokenizer, TextCleanUpAsTheReference)
{
    // Expected strings from the reference's whitespace_clean(basic_clean(t)).lower() (ftfy off).
    EXPECT_EQ(Tokenizer::cleanText("  extra   spaces\tand\ttabs  "), "extra spaces and tabs");
    EXPECT_EQ(Tokenizer::cleanText("&amp;lt;b&amp;gt; &quot;x&quot; &#39;y&apos; a&nbsp;b"),
              "<b> \"x\" 'y' a b");
    EXPECT_EQ(Tokenizer::cleanText("&#x41;&#66;c&ampx &notit; &#0; &#128;"),
              "abc&x \xC2\xACit; \xEF\xBF\xBD \xE2\x82\xAC");
    EXPECT_EQ(Tokenizer::cleanText("a\xC2\xA0" "b\xE2\x80\x83" "c \x1C"), "a b c");
    EXPECT_EQ(Tokenizer::cleanText("\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3"), "\xCE\xBF\xCE\xB4\xCE\xBF\xCF\x82");
    EXPECT_EQ(Tokenizer::cleanText("\xC3\x9C" "BER \xD0\x96 \xC4\xB0"), "\xC3\xBC" "ber \xD0\xB6 i\xCC\x87");
    EXPECT_EQ(Tokenizer::preTokenize("don't x'ſ 12ab!?<|endoftext|>"),
              (std::vector<std::string>{"don", "'t", "x", "'ſ", "1", "2", "ab", "!?<|", "endoftext",
                                        "|>"}));
    // Ids the reference gives for non-Latin text (byte pieces) and lower-cased Greek/Cyrillic.
    const Tokenizer& t = openaiTokenizer();
    EXPECT_EQ(t.encode("\xE6\x97\xA5\xE6\x9C\xAC"), (std::vector<int>{39121, 19277, 361}));
    EXPECT_EQ(t.encode("\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3"),
              (std::vector<int>{138, 123, 138, 112, 138, 123, 139, 480}));
    EXPECT_EQ(t.encode("\xD0\x96"), (std::vector<int>{140, 370}));
    EXPECT_EQ(t.encode("don\xE2\x80\x99t"), (std::vector<int>{847, 728, 503, 339}));
    EXPECT_EQ(t.encode("\xC4\xB0stanbul"), (std::vector<int>{328, 16384, 11231}));
}

TEST(Tokenizer, TruncationAtOtherContextLengths)
{
    const Tokenizer& t = openaiTokenizer();
    const clip::TokenizeResult r = t.tokenize("a person riding a bicycle", 5);
    EXPECT_EQ(r.ids, (std::vector<int64_t>{49406, 320, 2533, 6765, 49407}));
    EXPECT_TRUE(r.truncated);
    EXPECT_EQ(r.droppedTokens, 2);
    EXPECT_EQ(r.eotIndex, 4);
    const clip::TokenizeResult exact = t.tokenize("a person riding a bicycle", 7);
    EXPECT_FALSE(exact.truncated);
    EXPECT_EQ(exact.eotIndex, 6);
    const clip::TokenizeResult empty = t.tokenize("", 2);
    EXPECT_EQ(empty.ids, (std::vector<int64_t>{49406, 49407}));
    EXPECT_THROW(t.tokenize("a", 1), Error);
}

TEST(Tokenizer, UnknownWords)
{
    const Tokenizer& t = openaiTokenizer();
    EXPECT_TRUE(t.unknownWords("a person riding a bicycle").empty());
    EXPECT_TRUE(t.isKnownWord("bicycle"));
    EXPECT_TRUE(t.isKnownWord("Wheelchair"));
    EXPECT_FALSE(t.isKnownWord("supercalifragilisticexpialidocious"));
    EXPECT_FALSE(t.isKnownWord("two words"));
    EXPECT_EQ(t.unknownWords("A Supercalifragilisticexpialidocious dog, 12345 ... \xE6\x97\xA5\xE6\x9C\xAC"),
              (std::vector<std::string>{"supercalifragilisticexpialidocious", "\xE6\x97\xA5\xE6\x9C\xAC"}));
    const auto words = t.analyze("shanghaitech \xE6\x97\xA5\xE6\x9C\xAC");
    ASSERT_EQ(words.size(), 2u);
    EXPECT_EQ(words[0].ids, (std::vector<int>{11141, 560, 23040}));
    EXPECT_EQ(words[0].pieces, (std::vector<std::string>{"shang", "ha", "itech"}));
    EXPECT_TRUE(words[0].isWord);
    EXPECT_FALSE(words[0].wholeWord);
    EXPECT_FALSE(words[0].byteFallback);
    EXPECT_TRUE(words[1].byteFallback);
    EXPECT_EQ(t.unknownWords("shanghaitech campus", 3), std::vector<std::string>{});
}

TEST(Tokenizer, ConcurrentEncodeMatchesSerial)
{
    const Tokenizer t = Tokenizer::fromFile(gzPath());  // fresh cache
    std::vector<std::vector<int>> expected;
    for (const Case& c : cases())
        expected.push_back(c.bpe);
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int k = 0; k < 4; ++k)
        threads.emplace_back([&, k] {
            for (int round = 0; round < 50; ++round)
                for (std::size_t i = 0; i < cases().size(); ++i) {
                    const std::size_t j = (i + static_cast<std::size_t>(k) * 7) % cases().size();
                    if (t.encode(cases()[j].text) != expected[j])
                        ++failures;
                }
        });
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(failures.load(), 0);
}

TEST(Tokenizer, LoadsAndEncodesFast)
{
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const Tokenizer t = Tokenizer::fromFile(gzPath());
    const double loadSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    const auto t1 = Clock::now();
    constexpr int kRounds = 2000;
    std::size_t total = 0;
    for (int i = 0; i < kRounds; ++i)
        total += t.encode("an object moving in the wrong direction near the entrance").size();
    const double perPromptUs =
        std::chrono::duration<double, std::micro>(Clock::now() - t1).count() / kRounds;
    std::cout << "[tokenizer] load " << loadSeconds * 1e3 << " ms, encode " << perPromptUs
              << " us/prompt\n";
    EXPECT_EQ(total, static_cast<std::size_t>(kRounds) * 10);
    EXPECT_LT(loadSeconds, 3.0);    // ~0.1 s in release; generous for sanitizer builds
    EXPECT_LT(perPromptUs, 1000.0);  // a few microseconds in release
}

TEST(Tokenizer, BadVocabularyFilesNameTheFile)
{
    TempDir dir;
    const std::string missing = dir.file("nope.txt.gz");
    expectErrorNaming([&] { Tokenizer::fromFile(missing); }, missing, ErrorCode::NotFound);
    expectErrorNaming([&] { Tokenizer::fromFile(dir.path().string()); }, dir.path().string(),
                      ErrorCode::NotFound);

    const std::string full = readFile(gzPath());
    const std::string truncated = dir.file("truncated.txt.gz");
    vaclip::test::writeText(truncated, full.substr(0, full.size() / 2));
    expectErrorNaming([&] { Tokenizer::fromFile(truncated); }, truncated, ErrorCode::Format,
                      "truncated");
    std::string damaged = full;
    for (std::size_t i = 1000; i < 1400; ++i)
        damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    const std::string corrupt = dir.file("corrupt.txt.gz");
    vaclip::test::writeText(corrupt, damaged);
    expectErrorNaming([&] { Tokenizer::fromFile(corrupt); }, corrupt, ErrorCode::Format, "gzip");
    const std::string notGzip = dir.file("plain.txt.gz");
    vaclip::test::writeText(notGzip, "#version: 0.2\ni n\n");
    expectErrorNaming([&] { Tokenizer::fromFile(notGzip); }, notGzip, ErrorCode::Format, "gzip");

    const std::string garbageGz = dir.file("garbage.txt.gz");
    vaclip::test::writeText(garbageGz, gzipText("header\ni n\nthis line has three\n"));
    expectErrorNaming([&] { Tokenizer::fromFile(garbageGz); }, garbageGz, ErrorCode::Format, "line 3");

    // Hugging Face layout: garbage merges, and a vocab.json that does not hold a merge.
    std::filesystem::create_directories(dir.path() / "hf");
    const std::string vocab = dir.file("hf/vocab.json"), merges = dir.file("hf/merges.txt");
    vaclip::test::writeText(vocab, readFile(hfDir() + "/vocab.json"));
    vaclip::test::writeText(merges, "#version: 0.2\ni n\nt\n");
    expectErrorNaming([&] { Tokenizer::fromFile(dir.file("hf")); }, merges, ErrorCode::Format, "line 3");
    vaclip::test::writeText(merges, "#version: 0.2\ni n\nzq\xC4\xA2 xy\n");
    expectErrorNaming([&] { Tokenizer::fromFile(dir.file("hf")); }, merges, ErrorCode::Mismatch,
                      "line 3");
    vaclip::test::writeText(merges, readFile(hfDir() + "/merges.txt"));
    vaclip::test::writeText(vocab, "{\"a\": 0}");
    expectErrorNaming([&] { Tokenizer::fromFile(dir.file("hf")); }, vocab, ErrorCode::Mismatch);
    vaclip::test::writeText(vocab, "{\"a\": ");
    expectErrorNaming([&] { Tokenizer::fromFile(dir.file("hf")); }, vocab, ErrorCode::Format, "JSON");

    const std::string other = dir.file("weights.bin");
    vaclip::test::writeText(other, "not a vocabulary");
    expectErrorNaming([&] { Tokenizer::fromFile(other); }, other, ErrorCode::Unsupported);
}
