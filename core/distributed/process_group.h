#pragma once
// A c10d process group (LibTorch's distributed engine) joined through a TCPStore rendezvous, with
// every failure turned into a vaclip::Error that names this rank, the operation and the timeout.
// No torch in this header; the gradient all-reduce (grad_sync.h) reaches the c10d group itself.
//
//   DistEnvironment env = detectEnvironment();
//   ProcessGroupOptions o;  o.timeout = std::chrono::seconds(60);
//   auto group = ProcessGroup::connect(env, o);               // blocks until all ranks joined
//   std::vector<double> v = group->allReduce({loss, stop}, ReduceOp::Sum, "loss of step 12");
//   group->barrier("end of training");
//
// Rendezvous: rank 0 runs the TCPStore server on MASTER_PORT (listening on all interfaces), the
// others connect to MASTER_ADDR:MASTER_PORT; connect() waits at most `timeout` for all ranks.
// Backend "gloo" (CPU tensors; its device is bound to the address this host resolves its own
// hostname to, or 127.0.0.1 when MASTER_ADDR is a loopback address; VACLIP_GLOO_IFNAME or
// GLOO_SOCKET_IFNAME pick an interface), "nccl" only in builds with VACLIP_HAVE_NCCL (CUDA).
// Failure: every collective waits at most `timeout`; a peer that exits (crash, kill) breaks its
// sockets and the survivors' next collective fails at once; a peer that hangs fails it after the
// timeout. Either way the call throws vaclip::Error(Io) "rank R of W: <what> failed ...".
// Thread safety: collectives from one thread at a time, issued in the same order on every rank.

#include "distributed/dist_env.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace vaclip::distributed {

enum class ReduceOp { Sum, Max, Min };

struct ProcessGroupOptions {
    std::string backend = "gloo";                 ///< "gloo" or "nccl"
    std::chrono::milliseconds timeout{std::chrono::seconds(300)};
};

class ProcessGroup {
public:
    /// Joins the group described by env (world size >= 1). Throws vaclip::Error on a bad backend,
    /// an unreachable master or ranks that do not all arrive within the timeout.
    static std::shared_ptr<ProcessGroup> connect(const DistEnvironment& env, const ProcessGroupOptions& options);
    ~ProcessGroup();
    ProcessGroup(const ProcessGroup&) = delete;
    ProcessGroup& operator=(const ProcessGroup&) = delete;

    int rank() const;
    int size() const;
    const std::string& backend() const;
    std::chrono::milliseconds timeout() const;

    /// Element-wise reduction of `values` over all ranks (every rank passes as many).
    std::vector<double> allReduce(std::vector<double> values, ReduceOp op, const std::string& what);
    /// Waits for every rank.
    void barrier(const std::string& what);

    /// Rethrows an exception of a c10d call as vaclip::Error(Io) naming the rank, `what`, the
    /// seconds it took and the timeout. Call from a catch block.
    [[noreturn]] void fail(const std::string& what, const std::exception& e, double seconds) const;

    struct Impl;
    Impl& impl() const { return *m_impl; }

private:
    explicit ProcessGroup(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace vaclip::distributed
