// ctest-labels: cli clip
// `vaclip embed` run as a user would, on the reference tiny CLIP: the image features it writes
// from the PNGs (decode + CLIP preprocessing + encoder) match OpenAI's, the token ids match
// exactly, and bad invocations exit 2 (usage) or 1 (one-line error).

#include "io/npy.h"
#include "test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

using namespace vaclip;
using namespace vaclip::test;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

namespace {

std::string tiny(const std::string& name)
{
    return (sharedDir() / "reference" / "clip" / "tiny-a" / name).string();
}

double maxAbsDiff(const NpyArray& a, const NpyArray& b)
{
    EXPECT_EQ(a.shape, b.shape);
    if (a.shape != b.shape)
        return 1e9;
    const std::vector<double> x = a.toDoubles(), y = b.toDoubles();
    double m = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        m = std::max(m, std::abs(x[i] - y[i]));
    return m;
}

} // namespace

TEST(CliEmbed, MatchesTheReferenceFromImageFiles)
{
    TempDir dir;
    const std::string out = dir.file("emb");
    std::string cmd = shellQuote(cliExecutable()) + " embed --backbone " + shellQuote(tiny("hf")) +
                      " --tokens --out " + shellQuote(out) + " --threads 2";
    for (int i = 0; i < 3; ++i)
        cmd += " --image " + shellQuote(tiny("image_" + std::to_string(i) + ".png"));
    for (const char* t : {"a normal scene", "an abnormal event", "a person riding a bicycle",
                          "a small cart on a walkway", "A Person In A Wheelchair!"})
        cmd += " --text " + shellQuote(t);
    const CommandResult r = runCommand(cmd);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_THAT(r.output, HasSubstr("cosine"));
    EXPECT_THAT(r.output, HasSubstr("image_2.png"));

    EXPECT_LT(maxAbsDiff(readNpy(out + "/image_features.npy"), readNpy(tiny("image_features.npy"))), 1e-4);
    EXPECT_LT(maxAbsDiff(readNpy(out + "/text_features.npy"), readNpy(tiny("text_features.npy"))), 1e-4);
    EXPECT_LT(maxAbsDiff(readNpy(out + "/visual_tokens_projected.npy"),
                         readNpy(tiny("visual_tokens_projected.npy"))), 1e-4);
    const NpyArray ids = readNpy(out + "/text_token_ids.npy");
    EXPECT_EQ(ids.dtype, DType::I64);
    EXPECT_EQ(ids.toInt64(), readNpy(tiny("text_token_ids.npy")).toInt64());
    EXPECT_EQ(readNpy(out + "/image_features.npy").dtype, DType::F32);
}

TEST(CliEmbed, ErrorsAndUsage)
{
    TempDir dir;
    const std::string cli = shellQuote(cliExecutable());
    CommandResult r = runCommand(cli + " embed --backbone " + shellQuote(tiny("hf")) + " --out " +
                                 shellQuote(dir.file("o")));
    EXPECT_EQ(r.exitCode, 2) << r.output;
    r = runCommand(cli + " embed --text hi --out " + shellQuote(dir.file("o")));
    EXPECT_EQ(r.exitCode, 2) << r.output;
    r = runCommand(cli + " embed --backbone " + shellQuote(dir.file("missing.pt")) + " --text hi --out " +
                   shellQuote(dir.file("o")));
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_THAT(r.output, HasSubstr("vaclip: error: "));
    EXPECT_THAT(r.output, HasSubstr("missing.pt"));
    writeText(dir.file("bad.png"), "not an image");
    r = runCommand(cli + " embed --backbone " + shellQuote(tiny("hf")) + " --image " +
                   shellQuote(dir.file("bad.png")) + " --out " + shellQuote(dir.file("o")));
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_THAT(r.output, HasSubstr("bad.png"));
    EXPECT_FALSE(fs::exists(dir.file("o/image_features.npy")));
}
