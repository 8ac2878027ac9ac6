#pragma once
// Where this process sits in a distributed run, from the environment variables that torchrun and
// Slurm set. Plain C++ (no torch): the CLI reads it before loading anything.
//
//   DistEnvironment env = detectEnvironment();         // getenv
//   if (env.distributed()) group = ProcessGroup::connect(env, options);  // process_group.h
//
// Precedence:
//   VACLIP_DISTRIBUTED=0        a single process, whatever else is set
//   WORLD_SIZE (torchrun-style) RANK (required), LOCAL_RANK (default RANK), MASTER_ADDR, MASTER_PORT
//                               (both required when WORLD_SIZE > 1)
//   SLURM_NTASKS + SLURM_PROCID inside an `srun` step (SLURM_STEP_ID set): rank SLURM_PROCID of
//                               SLURM_NTASKS, local rank SLURM_LOCALID; MASTER_ADDR from the
//                               environment (required: the first host of the allocation),
//                               MASTER_PORT default 29500
//   nothing of the above        a single process (rank 0 of 1)
// Malformed values (non-numbers, RANK >= WORLD_SIZE, ports outside 1-65535) throw
// vaclip::Error(InvalidArgument) naming the variable.
// Thread safety: pure functions (detectEnvironment() reads the process environment).

#include <functional>
#include <optional>
#include <string>

namespace vaclip::distributed {

struct DistEnvironment {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    std::string launcher = "none";  ///< "none", "torchrun" (WORLD_SIZE/RANK) or "slurm"
    bool distributed() const { return worldSize > 1; }
    /// "rank 1 of 4 (local 1, torchrun, master 10.0.0.1:29500)"
    std::string describe() const;
};

/// Looks a variable up; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
/// The process environment (getenv).
std::optional<std::string> processEnv(const std::string& name);

DistEnvironment detectEnvironment(const EnvLookup& env = processEnv);

} // namespace vaclip::distributed
