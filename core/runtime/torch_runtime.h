#pragma once
// LibTorch runtime settings and facts, behind a plain header (no torch includes) so the CLI
// and the studio can show them and set threads without compiling torch headers.
//
//   vaclip::setComputeThreads(config.training.threads);   // 0 = all cores
//   std::puts(vaclip::torchRuntimeSummary().c_str());     // "LibTorch 1.13.0, 2 threads, BLAS ..."
//
// Thread safety: call setComputeThreads before starting model work (it is process-wide).

#include <string>

namespace vaclip {

/// Intra-op threads for LibTorch (and its OpenMP BLAS). 0 = one per core.
void setComputeThreads(int threads);
int computeThreads();
/// "1.13.0"
std::string torchVersion();
/// The BLAS LibTorch resolved at run time (e.g. "OpenBLAS 0.3.21 (openmp)"), from the loaded
/// shared objects; "unknown" when it cannot tell.
std::string blasInUse();
/// One line: LibTorch version, threads, BLAS.
std::string torchRuntimeSummary();

} // namespace vaclip
