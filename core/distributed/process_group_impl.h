#pragma once
// The LibTorch side of ProcessGroup (process_group.h): for the .cpp files of core/distributed and
// the trainer only. Includes c10d headers.

#include "distributed/process_group.h"

#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>
#include <torch/csrc/distributed/c10d/Store.hpp>

namespace vaclip::distributed {

struct ProcessGroup::Impl {
    DistEnvironment env;
    ProcessGroupOptions options;
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroup> group;
};

} // namespace vaclip::distributed
