#include "distributed/process_group_impl.h"

#include "common/error.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef VACLIP_HAVE_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>

namespace vaclip::distributed {

namespace {

double secondsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

bool isLoopback(const std::string& addr)
{
    return addr == "localhost" || addr.rfind("127.", 0) == 0 || addr == "::1";
}

std::shared_ptr<gloo::transport::Device> glooDevice(const DistEnvironment& env)
{
    for (const char* var : {"VACLIP_GLOO_IFNAME", "GLOO_SOCKET_IFNAME"})
        if (const char* ifname = std::getenv(var); ifname && *ifname)
            return c10d::ProcessGroupGloo::createDeviceForInterface(ifname);
    if (isLoopback(env.masterAddr))
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();  // the address the hostname resolves to
}

} // namespace

ProcessGroup::ProcessGroup(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ProcessGroup::~ProcessGroup() = default;

int ProcessGroup::rank() const { return m_impl->env.rank; }
int ProcessGroup::size() const { return m_impl->env.worldSize; }
const std::string& ProcessGroup::backend() const { return m_impl->options.backend; }
std::chrono::milliseconds ProcessGroup::timeout() const { return m_impl->options.timeout; }

void ProcessGroup::fail(const std::string& what, const std::exception& e, double seconds) const
{
    std::string why = e.what();
    if (const auto nl = why.find('\n'); nl != std::string::npos)
        why = why.substr(0, nl);  // c10 appends a C++ backtrace
    char buf[160];
    std::snprintf(buf, sizeof buf, " failed after %.1f s (timeout %.0f s): ", seconds,
                  double(m_impl->options.timeout.count()) / 1000.0);
    std::string peers = "another rank";
    if (size() == 2)
        peers = "rank " + std::to_string(1 - rank());
    throw Error(ErrorCode::Io, "rank " + std::to_string(rank()) + " of " + std::to_string(size()) + ": " + what + buf +
                                   peers + " exited or stopped responding (" + why + ")");
}

std::shared_ptr<ProcessGroup> ProcessGroup::connect(const DistEnvironment& env, const ProcessGroupOptions& options)
{
    if (env.worldSize < 1 || env.rank < 0 || env.rank >= env.worldSize)
        throw Error(ErrorCode::InvalidArgument, "invalid distributed environment: " + env.describe());
    if (options.timeout.count() <= 0)
        throw Error(ErrorCode::InvalidArgument, "the distributed timeout must be positive");
    auto impl = std::make_unique<Impl>();
    impl->env = env;
    impl->options = options;
    std::shared_ptr<ProcessGroup> group(new ProcessGroup(std::move(impl)));
    Impl& m = *group->m_impl;
    const auto t0 = std::chrono::steady_clock::now();
    const std::string where = env.masterAddr + ":" + std::to_string(env.masterPort);
    try {
        c10d::TCPStoreOptions so;
        so.port = uint16_t(env.masterPort);
        so.isServer = env.rank == 0;
        so.numWorkers = env.worldSize;
        so.waitWorkers = true;
        so.timeout = options.timeout;
        m.store = c10::make_intrusive<c10d::TCPStore>(env.masterAddr, so);
    } catch (const std::exception& e) {
        group->fail(std::string("rendezvous at ") + where + (env.rank == 0 ? " (TCPStore server)" : " (TCPStore)"), e,
                    secondsSince(t0));
    }
    try {
        if (options.backend == "gloo") {
            auto o = c10d::ProcessGroupGloo::Options::create();
            o->devices.push_back(glooDevice(env));
            o->timeout = options.timeout;
            o->threads = 2;
            m.group = c10::make_intrusive<c10d::ProcessGroupGloo>(m.store, env.rank, env.worldSize, o);
        } else if (options.backend == "nccl") {
#ifdef VACLIP_HAVE_NCCL
            auto o = c10d::ProcessGroupNCCL::Options::create();
            o->timeout = options.timeout;
            m.group = c10::make_intrusive<c10d::ProcessGroupNCCL>(m.store, env.rank, env.worldSize, o);
#else
            throw Error(ErrorCode::Unsupported, "the nccl backend needs a build against a CUDA LibTorch with "
                                                "-DVACLIP_DISTRIBUTED_NCCL=ON; this build has gloo only");
#endif
        } else {
            throw Error(ErrorCode::InvalidArgument, "unknown distributed backend '" + options.backend + "' (gloo or nccl)");
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        group->fail("joining the " + options.backend + " process group at " + where, e, secondsSince(t0));
    }
    group->barrier("the first barrier after the rendezvous");
    return group;
}

std::vector<double> ProcessGroup::allReduce(std::vector<double> values, ReduceOp op, const std::string& what)
{
    if (values.empty())
        return values;
    const auto t0 = std::chrono::steady_clock::now();
    try {
        torch::Tensor t = torch::from_blob(values.data(), {int64_t(values.size())}, torch::kFloat64).clone();
        std::vector<torch::Tensor> ts{t};
        c10d::AllreduceOptions o;
        o.reduceOp = op == ReduceOp::Sum ? c10d::ReduceOp::SUM : op == ReduceOp::Max ? c10d::ReduceOp::MAX : c10d::ReduceOp::MIN;
        o.timeout = m_impl->options.timeout;
        m_impl->group->allreduce(ts, o)->wait(m_impl->options.timeout);
        std::memcpy(values.data(), t.data_ptr<double>(), sizeof(double) * values.size());
    } catch (const std::exception& e) {
        fail("all-reduce of " + what, e, secondsSince(t0));
    }
    return values;
}

void ProcessGroup::barrier(const std::string& what)
{
    // An all-reduce rather than c10d's barrier(): the same timeout and failure path as every step.
    allReduce({1.0}, ReduceOp::Sum, what);
}

} // namespace vaclip::distributed
