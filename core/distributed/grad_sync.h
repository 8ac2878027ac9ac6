#pragma once
// Data-parallel gradient averaging: bucketed all-reduce of the gradients over a ProcessGroup,
// launched asynchronously from autograd hooks as buckets fill, so communication overlaps the rest
// of the backward pass (what DistributedDataParallel's Reducer does; Debian's libtorch-dev ships
// c10d/reducer.hpp without the distributed-autograd headers it includes, so it is not usable from
// C++ there and this is the same scheme written against ProcessGroup::allreduce).
// Includes torch: for the trainer and the bench only.
//
//   GradientSynchronizer sync(group, model->parameters());   // broadcasts rank 0's values
//   optimizer.zero_grad();
//   sync.prepare();
//   loss.backward();              // hooks launch bucket all-reduces as gradients arrive
//   sync.finish("step 12");       // waits; every parameter's .grad() = mean over ranks
//   optimizer.step();
//
// Buckets: parameters in reverse registration order (roughly the order backward produces their
// gradients), packed into flat float buffers of about bucketBytes. Bucket k is launched only
// after buckets 0..k-1 (Gloo pairs collectives by issue order, so every rank must issue them in
// the same order). A parameter that got no gradient on this rank in a step (unused) contributes
// zeros, as DDP's find_unused_parameters does. Only parameters with requires_grad take part.
// Errors: finish() throws vaclip::Error naming the rank and step when a peer died or timed out.
// Thread safety: one step at a time, from the thread that runs backward.

#include "distributed/process_group.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace vaclip::distributed {

class GradientSynchronizer {
public:
    GradientSynchronizer(std::shared_ptr<ProcessGroup> group, const std::vector<torch::Tensor>& parameters,
                         int64_t bucketBytes = 1 << 20);
    ~GradientSynchronizer();
    GradientSynchronizer(const GradientSynchronizer&) = delete;
    GradientSynchronizer& operator=(const GradientSynchronizer&) = delete;

    /// Overwrites every parameter with rank 0's values (start, resume).
    void broadcastParameters(const std::string& what);
    /// Before backward: forget the previous step's gradients.
    void prepare();
    /// After backward: launches what is left, waits, writes the averaged gradients to .grad().
    void finish(const std::string& what);

    int buckets() const;
    int64_t elements() const;            ///< gradient values all-reduced per step
    /// Seconds finish() spent launching the remaining buckets and waiting (communication not
    /// hidden behind backward), last step and summed over all steps.
    double lastWaitSeconds() const;
    double totalWaitSeconds() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vaclip::distributed
