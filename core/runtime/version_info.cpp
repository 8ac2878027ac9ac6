// Version facts of the build and of the libraries loaded at run time. No torch headers: the
// LibTorch facts come from runtime/torch_runtime.h. VACLIP_GIT_REVISION, VACLIP_BUILD_TYPE and
// VACLIP_QT_BUILD_VERSION are compile definitions of this file (core/runtime/CMakeLists.txt).
#include "runtime/version_info.h"

#include "runtime/torch_runtime.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

#include <dlfcn.h>

#include <sstream>

#ifndef VACLIP_GIT_REVISION
#define VACLIP_GIT_REVISION "unknown"
#endif
#ifndef VACLIP_BUILD_TYPE
#define VACLIP_BUILD_TYPE "unknown"
#endif
#ifndef VACLIP_QT_BUILD_VERSION
#define VACLIP_QT_BUILD_VERSION "unknown"
#endif

namespace vaclip {

namespace {

std::string libVersion(unsigned v)
{
    return std::to_string(AV_VERSION_MAJOR(v)) + "." + std::to_string(AV_VERSION_MINOR(v)) + "."
           + std::to_string(AV_VERSION_MICRO(v));
}

std::string compilerName()
{
#if defined(__clang__)
    return "Clang " __clang_version__;
#elif defined(__GNUC__)
    return "GCC " __VERSION__;
#else
    return "unknown compiler";
#endif
}

/// A C function of an already loaded library, or nullptr (nothing is loaded here).
template <typename F>
F loadedFunction(const char* name)
{
    return reinterpret_cast<F>(dlsym(RTLD_DEFAULT, name));
}

std::string qtVersion()
{
    using QVersion = const char* (*)();
    if (auto f = loadedFunction<QVersion>("qVersion"))
        return f();
    return std::string(VACLIP_QT_BUILD_VERSION) + " (build time; QtCore is not loaded)";
}

std::string blasDescription()
{
    std::string where = blasInUse();
    using GetConfig = char* (*)();
    if (auto f = loadedFunction<GetConfig>("openblas_get_config")) {
        const char* config = f();
        if (config && *config) {
            // blasInUse() says "OpenBLAS (<path>)": put OpenBLAS's own description in front.
            const auto open = where.find('(');
            return std::string(config) + (open == std::string::npos ? std::string() : " " + where.substr(open));
        }
    }
    return where;
}

} // namespace

VersionInfo versionInfo()
{
    VersionInfo v;
    v.version = VACLIP_VERSION;
    v.gitRevision = VACLIP_GIT_REVISION;
    v.buildType = VACLIP_BUILD_TYPE;
    v.compiler = compilerName();
    v.libtorch = torchVersion();
    v.qt = qtVersion();
    v.ffmpeg = std::string(av_version_info()) + " (libavformat " + libVersion(avformat_version()) + ", libavcodec "
               + libVersion(avcodec_version()) + ", libavutil " + libVersion(avutil_version()) + ", libswscale "
               + libVersion(swscale_version()) + ")";
    v.blas = blasDescription();
    v.computeThreads = computeThreads();
    return v;
}

std::string formatVersionInfo(const VersionInfo& v)
{
    std::ostringstream out;
    out << "vaclip " << v.version << " (git " << v.gitRevision << ", " << v.buildType << ", " << v.compiler << ")\n"
        << "  LibTorch  " << v.libtorch << " (" << v.computeThreads << " compute threads)\n"
        << "  Qt        " << v.qt << "\n"
        << "  FFmpeg    " << v.ffmpeg << "\n"
        << "  BLAS      " << v.blas << "\n";
    return out.str();
}

} // namespace vaclip
