#pragma once
// Helpers shared by the test suites: temporary folders, paths to reference data, running the CLI.

#include <filesystem>
#include <string>

namespace vaclip::test {

/// A fresh folder under the system temp dir, removed (recursively) on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

/// ../shared next to the source tree (reference data); tests that need it fail if it is missing.
std::filesystem::path sharedDir();
std::filesystem::path sourceDir();
/// Debian's python3 (with numpy), or "" when not installed.
std::string pythonWithNumpy();
std::string ffmpegExecutable();
std::string cliExecutable();

struct CommandResult {
    int exitCode = -1;
    std::string output;  ///< stdout and stderr interleaved
};
/// Runs a shell command line and captures its output.
CommandResult runCommand(const std::string& commandLine);
/// Quotes an argument for the shell.
std::string shellQuote(const std::string& s);

/// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's pick for port 0), for tests
/// that start servers or process groups.
int freeTcpPort();

void writeText(const std::string& path, const std::string& text);
std::string readText(const std::string& path);

} // namespace vaclip::test
