#include "distributed/dist_env.h"

#include "common/error.h"

#include <cstdlib>
#include <limits>

namespace vaclip::distributed {

namespace {

int parseInt(const std::string& name, const std::string& value, int lo, int hi)
{
    std::size_t used = 0;
    long long v = 0;
    try {
        v = std::stoll(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != value.size() || v < lo || v > hi)
        throw Error(ErrorCode::InvalidArgument, "environment variable " + name + "='" + value + "' is not an integer in [" +
                                                    std::to_string(lo) + ", " + std::to_string(hi) + "]");
    return int(v);
}

int required(const EnvLookup& env, const std::string& name, int lo, int hi, const std::string& why)
{
    const auto v = env(name);
    if (!v || v->empty())
        throw Error(ErrorCode::InvalidArgument, "environment variable " + name + " is not set (" + why + ")");
    return parseInt(name, *v, lo, hi);
}

constexpr int kMaxInt = std::numeric_limits<int>::max();

} // namespace

std::optional<std::string> processEnv(const std::string& name)
{
    const char* v = std::getenv(name.c_str());
    if (!v)
        return std::nullopt;
    return std::string(v);
}

std::string DistEnvironment::describe() const
{
    return "rank " + std::to_string(rank) + " of " + std::to_string(worldSize) + " (local " + std::to_string(localRank) +
           ", " + launcher + ", master " + masterAddr + ":" + std::to_string(masterPort) + ")";
}

DistEnvironment detectEnvironment(const EnvLookup& env)
{
    DistEnvironment e;
    if (const auto off = env("VACLIP_DISTRIBUTED"); off && *off == "0")
        return e;
    if (const auto ws = env("WORLD_SIZE"); ws && !ws->empty()) {
        e.launcher = "torchrun";
        e.worldSize = parseInt("WORLD_SIZE", *ws, 1, kMaxInt);
        e.rank = required(env, "RANK", 0, e.worldSize - 1, "WORLD_SIZE is set, so every process needs its RANK");
        const auto lr = env("LOCAL_RANK");
        e.localRank = lr && !lr->empty() ? parseInt("LOCAL_RANK", *lr, 0, kMaxInt) : e.rank;
        if (e.worldSize > 1) {
            const auto addr = env("MASTER_ADDR");
            if (!addr || addr->empty())
                throw Error(ErrorCode::InvalidArgument,
                            "environment variable MASTER_ADDR is not set (WORLD_SIZE > 1: the host of rank 0)");
            e.masterAddr = *addr;
            e.masterPort = required(env, "MASTER_PORT", 1, 65535, "WORLD_SIZE > 1: a free TCP port on MASTER_ADDR");
        }
        return e;
    }
    const auto ntasks = env("SLURM_NTASKS");
    const auto procid = env("SLURM_PROCID");
    const auto step = env("SLURM_STEP_ID");
    if (ntasks && procid && step && !ntasks->empty()) {
        e.launcher = "slurm";
        e.worldSize = parseInt("SLURM_NTASKS", *ntasks, 1, kMaxInt);
        e.rank = parseInt("SLURM_PROCID", *procid, 0, e.worldSize - 1);
        const auto lid = env("SLURM_LOCALID");
        e.localRank = lid && !lid->empty() ? parseInt("SLURM_LOCALID", *lid, 0, kMaxInt) : 0;
        if (e.worldSize > 1) {
            const auto addr = env("MASTER_ADDR");
            if (!addr || addr->empty())
                throw Error(ErrorCode::InvalidArgument,
                            "environment variable MASTER_ADDR is not set: under Slurm export it in the job script, e.g. "
                            "MASTER_ADDR=$(scontrol show hostnames \"$SLURM_JOB_NODELIST\" | head -n 1)");
            e.masterAddr = *addr;
            const auto port = env("MASTER_PORT");
            if (port && !port->empty())
                e.masterPort = parseInt("MASTER_PORT", *port, 1, 65535);
        }
        return e;
    }
    return e;
}

} // namespace vaclip::distributed
