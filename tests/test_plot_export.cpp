// ctest-labels: unit plots
// ctest-link: vaclip_plots
// Offscreen plot export: PNG, PDF and SVG files that are valid and of the expected size.
#include "io/image.h"
#include "plots/plot_export.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

using namespace vaclip;
namespace fs = std::filesystem;

TEST(PlotExport, RocCurveWritesPngPdfSvg)
{
    vaclip::test::TempDir dir;
    plots::LinePlot roc;
    roc.title = "ROC - frame level (micro)";
    roc.xLabel = "False positive rate";
    roc.yLabel = "True positive rate";
    roc.diagonal = true;
    plots::Series s{"AUC 0.875", {0, 0, 0.25, 0.5, 1}, {0, 0.5, 0.75, 1, 1}};
    roc.series.push_back(s);
    roc.markers = {{0.25, 0.75}};
    roc.markerLabels = {"Youden J"};
    auto files = plots::exportPlot(roc, dir.file("out/roc"), 800, 600);
    if (const char* keep = std::getenv("VACLIP_KEEP_PLOTS"))  // to look at them
        plots::exportPlot(roc, std::string(keep) + "/roc", 800, 600);
    ASSERT_EQ(files.size(), 3u);
    Image png = readImage(dir.file("out/roc.png"));
    EXPECT_EQ(png.width, 1600);  // rendered at 2x for print quality
    EXPECT_EQ(png.height, 1200);
    // Not a blank canvas: the curve's blue appears somewhere.
    bool blue = false;
    for (std::size_t k = 0; k + 2 < png.rgb.size() && !blue; k += 3)
        blue = png.rgb[k] < 80 && png.rgb[k + 1] > 90 && png.rgb[k + 1] < 150 && png.rgb[k + 2] > 150;
    EXPECT_TRUE(blue) << "the ROC curve is not drawn";
    const std::string pdf = vaclip::test::readText(dir.file("out/roc.pdf"));
    EXPECT_EQ(pdf.rfind("%PDF", 0), 0u);
    const std::string svg = vaclip::test::readText(dir.file("out/roc.svg"));
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("AUC 0.875"), std::string::npos);
    for (const auto& e : fs::directory_iterator(dir.path() / "out"))
        EXPECT_EQ(e.path().filename().string().find("tmp"), std::string::npos) << "temporary left: " << e.path();
}

TEST(PlotExport, ScoreTrackWithGroundTruthShading)
{
    vaclip::test::TempDir dir;
    plots::ScoreTrack t;
    t.title = "Test001";
    for (int i = 0; i < 180; ++i) {
        t.scores.push_back(0.2 + 0.6 / (1 + std::exp(-(i - 70) / 5.0)));
        t.labels.push_back(i >= 60 ? 1 : 0);
    }
    t.threshold = 0.5;
    t.fps = 10;
    plots::exportScoreTrack(t, dir.file("scores_Test001"), 1000, 360);
    if (const char* keep = std::getenv("VACLIP_KEEP_PLOTS"))
        plots::exportScoreTrack(t, std::string(keep) + "/scores_Test001", 1000, 360);
    Image png = readImage(dir.file("scores_Test001.png"));
    EXPECT_EQ(png.width, 2000);
    EXPECT_EQ(png.height, 720);
    // The shaded ground-truth interval is pink-ish at the right, plain white at the far left.
    const uint8_t* right = png.pixel(png.width * 9 / 10, png.height / 2);
    EXPECT_GT(right[0], right[1] + 20) << "no ground-truth shading";
    EXPECT_THROW(plots::exportScoreTrack(plots::ScoreTrack{}, dir.file("empty")), std::exception);
}
