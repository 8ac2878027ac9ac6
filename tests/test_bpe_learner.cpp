// ctest-labels: unit clip
// ctest-link: vaclip_ml
// The BPE learner: merges that make corpus words single tokens, files the Tokenizer reads
// unchanged, determinism, and unknown words reported against the learned word list.
#include "clip/bpe_learner.h"
#include "clip/prompt_words.h"
#include "clip/tokenizer.h"
#include "common/error.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace vaclip;
using namespace vaclip::clip;

namespace {

const std::vector<std::string> kCorpus = {
    "a person riding a bicycle on a walkway", "a person on a skateboard", "a small cart on a walkway",
    "a person in a wheelchair",  "people walking normally", "an empty plaza", "two people fighting in a plaza",
    "a person riding a bicycle on a walkway", "people walking on a walkway"};

} // namespace

TEST(BpeLearner, EveryCorpusWordBecomesOneTokenWithoutALimit)
{
    const BpeVocabulary v = learnBpe(kCorpus);
    test::TempDir dir;
    writeBpeVocabulary(v, dir.path().string());
    const Tokenizer tok = Tokenizer::fromFile(dir.path().string());
    for (const std::string& w : v.knownWords) {
        const std::vector<int> ids = tok.encode(w);
        ASSERT_EQ(ids.size(), 1u) << w;
        EXPECT_EQ(tok.tokenString(ids[0]), w + "</w>");
    }
    EXPECT_EQ(v.knownWords.size(), 19u);  // distinct words of kCorpus, counted by hand
    EXPECT_EQ(tok.vocabSize(), int(512 + v.merges.size() + 2));
    EXPECT_EQ(tok.eotToken(), tok.vocabSize() - 1);  // CLIP pools at argmax(ids) = EOT
    EXPECT_EQ(tok.sotToken(), tok.vocabSize() - 2);
}

TEST(BpeLearner, FrequentPairsMergeFirstAndLimitsStopEarly)
{
    // "aaab" x3 and "ab" x1: pair (a, a) occurs 6 times, (a, b</w>) 4 times.
    const BpeVocabulary v = learnBpe({"aaab aaab aaab ab"}, {});
    ASSERT_FALSE(v.merges.empty());
    EXPECT_EQ(v.merges[0], (std::pair<std::string, std::string>{"a", "a"}));
    const BpeVocabulary two = learnBpe({"aaab aaab aaab ab"}, {2, 1});
    EXPECT_EQ(two.merges.size(), 2u);
    const BpeVocabulary frequent = learnBpe({"aaab aaab aaab ab"}, {0, 4});
    for (const auto& m : frequent.merges)
        EXPECT_NE(m.first + m.second, "aaab</w>");  // the last merge happens 3 times only
}

TEST(BpeLearner, RoundTripsTextAndEncodesAnythingByteWise)
{
    test::TempDir dir;
    writeBpeVocabulary(learnBpe(kCorpus), dir.path().string());
    const Tokenizer tok = Tokenizer::fromFile((dir.path() / "vocab.json").string());
    for (const std::string& text : kCorpus)
        EXPECT_EQ(tok.decode(tok.encode(text)), text + " ");
    // Unseen words and other scripts still encode (byte fallback) and decode back.
    const std::string odd = "a dog, 42 \xE6\x97\xA5\xE6\x9C\xAC!";
    EXPECT_EQ(tok.decode(tok.encode(odd)), "a dog , 4 2 \xE6\x97\xA5\xE6\x9C\xAC ! ");
    const TokenizeResult r = tok.tokenize("a person on a skateboard", 16);
    EXPECT_EQ(r.tokenCount, 5);
    EXPECT_EQ(r.ids[6], tok.eotToken());
}

TEST(BpeLearner, IsDeterministicAndOrderIndependent)
{
    const BpeVocabulary a = learnBpe(kCorpus);
    std::vector<std::string> reversed(kCorpus.rbegin(), kCorpus.rend());
    const BpeVocabulary b = learnBpe(reversed);
    EXPECT_EQ(a.merges, b.merges);
    EXPECT_EQ(a.tokens, b.tokens);
    test::TempDir d1, d2;
    writeBpeVocabulary(a, d1.path().string());
    writeBpeVocabulary(b, d2.path().string());
    for (const char* f : {"vocab.json", "merges.txt", "known_words.txt"})
        EXPECT_EQ(test::readText(d1.file(f)), test::readText(d2.file(f))) << f;
    EXPECT_EQ(test::readText(d1.file("merges.txt")).rfind("#version: 0.2\n", 0), 0u);
}

TEST(BpeLearner, UnknownWordsAreThoseOutsideTheCorpus)
{
    test::TempDir dir;
    writeBpeVocabulary(learnBpe(kCorpus), dir.path().string());
    const Tokenizer tok = Tokenizer::fromFile(dir.path().string());
    EXPECT_TRUE(tok.hasWordList());
    EXPECT_TRUE(tok.unknownWords("A Person riding a BICYCLE, on a walkway!").empty());
    // "do"+"g" could be spelled from learned pieces; it is still unknown: the corpus never had it.
    EXPECT_EQ(tok.unknownWords("a dog near a tree and a dog"), (std::vector<std::string>{"dog", "near", "tree", "and"}));
    EXPECT_EQ(tok.unknownWords("3 people, 42!"), std::vector<std::string>{});
    EXPECT_TRUE(tok.isKnownWord("Wheelchair"));
    EXPECT_FALSE(tok.isKnownWord("wheel"));
    EXPECT_EQ(unknownWordsWarning(tok, "a dog"), "prompt 'a dog': unknown words: dog");
    EXPECT_EQ(unknownWordsWarnings(tok, {"a person on a skateboard", "a dog and a tree", "people walking"}),
              std::vector<std::string>{"prompt 'a dog and a tree': unknown words: dog, and, tree"});
    // Without known_words.txt the vocabulary falls back to the "spelled out" rule.
    std::filesystem::remove(dir.path() / "known_words.txt");
    const Tokenizer plain = Tokenizer::fromFile(dir.path().string());
    EXPECT_FALSE(plain.hasWordList());
    EXPECT_TRUE(plain.unknownWords("a person riding a bicycle").empty());
}

TEST(BpeLearner, RejectsAnEmptyCorpusAndBadOptions)
{
    EXPECT_THROW(learnBpe({"", "   "}), Error);
    EXPECT_THROW(learnBpe(kCorpus, {-1, 1}), Error);
    EXPECT_THROW(learnBpe(kCorpus, {0, 0}), Error);
}
