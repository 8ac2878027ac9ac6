// ctest-labels: unit plugins
// ctest-link: vaclip_ml
// Install layout relative to the executable (core/common/install_paths.h) and the version facts
// of `vaclip --version` (core/runtime/version_info.h).
#include "common/install_paths.h"
#include "runtime/version_info.h"
#include "test_support.h"

extern "C" {
#include <libavformat/version.h>
}

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;
using namespace vaclip;

namespace {

/// Sets an environment variable for the scope of a test, restoring it afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name)
    {
        if (const char* old = std::getenv(name))
            m_old = old, m_had = true;
        if (value)
            setenv(name, value, 1);
        else
            unsetenv(name);
    }
    ~ScopedEnv() { m_had ? setenv(m_name, m_old.c_str(), 1) : unsetenv(m_name); }

private:
    const char* m_name;
    std::string m_old;
    bool m_had = false;
};

} // namespace

TEST(InstallPaths, ExecutableAndBuildTree)
{
    EXPECT_EQ(executablePath(), fs::read_symlink("/proc/self/exe"));
    EXPECT_TRUE(runningFromBuildTree()) << "tests run from the build tree";
    // <exe>/../share/vaclip, wherever the executable is
    EXPECT_EQ(installedDataDir(), (executablePath().parent_path() / ".." / "share" / "vaclip").lexically_normal());
    EXPECT_EQ(installedPluginDir().filename(), "plugins");
    EXPECT_EQ(installedPluginDir().parent_path().filename(), "vaclip");
}

TEST(InstallPaths, UserPluginFolderFollowsXdg)
{
    {
        ScopedEnv xdg("XDG_DATA_HOME", "/tmp/xdg-data");
        EXPECT_EQ(userPluginDir(), fs::path("/tmp/xdg-data/vaclip/plugins"));
    }
    {
        ScopedEnv xdg("XDG_DATA_HOME", "relative/ignored");   // the XDG spec: relative values are invalid
        ScopedEnv home("HOME", "/home/someone");
        EXPECT_EQ(userPluginDir(), fs::path("/home/someone/.local/share/vaclip/plugins"));
    }
}

TEST(InstallPaths, SearchOrderEnvBuildUser)
{
    ScopedEnv path("VACLIP_PLUGIN_PATH", "/tmp/a::/tmp/b:/tmp/a");
    ScopedEnv xdg("XDG_DATA_HOME", "/tmp/xdg-data");
    const std::vector<PluginFolder> folders = pluginSearchFolders();
    ASSERT_EQ(folders.size(), 4u);
    EXPECT_EQ(folders[0].path, fs::path("/tmp/a"));
    EXPECT_EQ(folders[0].origin, "env");
    EXPECT_EQ(folders[1].path, fs::path("/tmp/b"));
    EXPECT_EQ(folders[2].origin, "build");   // from the build tree: the build's folder, not <exe>/../lib
    EXPECT_EQ(folders[2].path, buildTreePluginDir());
    EXPECT_EQ(folders[3].path, fs::path("/tmp/xdg-data/vaclip/plugins"));
    EXPECT_EQ(folders[3].origin, "user");
}

TEST(InstallPaths, DataFromEnvironmentThenSourceTree)
{
    ScopedEnv none("VACLIP_DATA_DIR", nullptr);
    const auto configs = findDataPath("configs/ucsd_test.yaml");
    ASSERT_TRUE(configs.has_value());
    EXPECT_EQ(*configs, (vaclip::test::sourceDir() / "configs" / "ucsd_test.yaml").lexically_normal());
    EXPECT_FALSE(findDataPath("no/such/file").has_value());

    vaclip::test::TempDir dir;
    vaclip::test::writeText(dir.file("configs/ucsd_test.yaml"), "x: 1\n");
    ScopedEnv data("VACLIP_DATA_DIR", dir.path().c_str());
    EXPECT_EQ(findDataPath("configs/ucsd_test.yaml"), dir.path() / "configs" / "ucsd_test.yaml");
}

TEST(VersionInfo, NamesEveryComponent)
{
    const VersionInfo v = versionInfo();
    EXPECT_EQ(v.version, VACLIP_VERSION);
    EXPECT_FALSE(v.gitRevision.empty());
    EXPECT_EQ(v.libtorch.rfind("1.", 0), 0u) << v.libtorch;
    EXPECT_NE(v.ffmpeg.find("libavformat " + std::to_string(LIBAVFORMAT_VERSION_MAJOR) + "."), std::string::npos)
        << v.ffmpeg;
    EXPECT_FALSE(v.qt.empty());
    EXPECT_NE(v.blas, "");
    EXPECT_GT(v.computeThreads, 0);
    const std::string text = formatVersionInfo(v);
    EXPECT_EQ(text.rfind("vaclip " + v.version + " (git " + v.gitRevision, 0), 0u) << text;
    for (const char* part : {"\n  LibTorch  ", "\n  Qt        ", "\n  FFmpeg    ", "\n  BLAS      "})
        EXPECT_NE(text.find(part), std::string::npos) << part << " in\n" << text;
}
