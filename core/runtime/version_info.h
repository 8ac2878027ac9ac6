#pragma once
// What this build of VideoAnomalyCLIP is and what it runs on: for `vaclip --version`, the
// studio's About dialog and bug reports. A plain header (no torch, no Qt); part of vaclip_ml.
//
//   const vaclip::VersionInfo v = vaclip::versionInfo();
//   std::cout << vaclip::formatVersionInfo(v);          // several "name  value" lines
//   aboutLabel->setText(QString::fromStdString(v.version + " (" + v.gitRevision + ")"));
//
// Library versions are the ones loaded at run time where the library can tell (FFmpeg, Qt via
// qVersion() when QtCore is loaded, OpenBLAS's own config string), else the build-time ones.
// Thread safety: versionInfo() reads /proc/self/maps and is safe to call from any thread.

#include <string>

namespace vaclip {

struct VersionInfo {
    std::string version;       ///< "0.1.0" (the CMake project version)
    std::string gitRevision;   ///< "5d3b987" at configure time, "+dirty" when the tree had changes; "unknown" outside git
    std::string buildType;     ///< "RelWithDebInfo"
    std::string compiler;      ///< "GCC 12.2.0"
    std::string libtorch;      ///< "1.13.0"
    std::string qt;            ///< "6.4.2" (run time), or "6.4.2 (build; QtCore not loaded)"
    std::string ffmpeg;        ///< "5.1.4-0+deb12u1 (libavformat 59.27.100, libavcodec 59.37.100, ...)"
    std::string blas;          ///< "OpenBLAS 0.3.21 ... (/usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3)"
    int computeThreads = 0;    ///< LibTorch intra-op threads
};

VersionInfo versionInfo();
/// "vaclip 0.1.0 (git 5d3b987, RelWithDebInfo, GCC 12.2.0)\n  LibTorch  1.13.0 ...\n" — one
/// line per component, as `vaclip --version` prints it.
std::string formatVersionInfo(const VersionInfo& info);

} // namespace vaclip
