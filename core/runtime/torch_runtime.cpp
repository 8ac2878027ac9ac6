#include "runtime/torch_runtime.h"

#include <ATen/Parallel.h>
#include <torch/version.h>

#include <fstream>
#include <thread>

namespace vaclip {

void setComputeThreads(int threads)
{
    const int n = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    at::set_num_threads(n);
}

int computeThreads()
{
    return at::get_num_threads();
}

std::string torchVersion()
{
    return TORCH_VERSION;
}

std::string blasInUse()
{
    // Debian's LibTorch links the generic libblas.so.3, which the alternatives system points at
    // OpenBLAS (libopenblas0-openmp) or the slow reference BLAS: look at what is mapped.
    std::ifstream maps("/proc/self/maps");
    std::string line;
    std::string found;
    while (std::getline(maps, line)) {
        const auto slash = line.rfind('/');
        if (slash == std::string::npos)
            continue;
        const std::string lib = line.substr(slash + 1);
        if (lib.find("openblas") != std::string::npos) {
            return "OpenBLAS (" + line.substr(line.find('/')) + ")";
        }
        if (lib.find("libblis") != std::string::npos || lib.find("mkl") != std::string::npos)
            found = lib;
        else if (found.empty() && lib.rfind("libblas.so", 0) == 0)
            found = "reference BLAS (" + line.substr(line.find('/')) + ") - slow: install libopenblas0-openmp";
    }
    return found.empty() ? "unknown" : found;
}

std::string torchRuntimeSummary()
{
    return "LibTorch " + torchVersion() + ", " + std::to_string(computeThreads()) + " threads, BLAS: " + blasInUse();
}

} // namespace vaclip
