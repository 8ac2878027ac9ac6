#include "distributed/grad_sync.h"

#include "common/error.h"
#include "distributed/process_group_impl.h"

#include <chrono>
#include <exception>

namespace vaclip::distributed {

namespace {
double secondsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
} // namespace

struct GradientSynchronizer::Impl {
    struct Slot {
        torch::Tensor param;
        int bucket = 0;
        int64_t offset = 0;  ///< in the bucket's flat buffer
        bool ready = false;
        unsigned hook = 0;
    };
    struct Bucket {
        torch::Tensor flat;  ///< float32, the bucket's gradients back to back
        std::vector<int> slots;
        int pending = 0;     ///< slots still without a gradient this step
        c10::intrusive_ptr<c10d::Work> work;
    };
    std::shared_ptr<ProcessGroup> group;
    std::vector<Slot> slots;
    std::vector<Bucket> buckets;
    int nextLaunch = 0;
    int64_t elements = 0;
    double lastWait = 0, totalWait = 0;
    std::exception_ptr hookError;

    void launch(int k)
    {
        std::vector<torch::Tensor> ts{buckets[std::size_t(k)].flat};
        c10d::AllreduceOptions o;
        o.reduceOp = c10d::ReduceOp::SUM;
        o.timeout = group->timeout();
        buckets[std::size_t(k)].work = group->impl().group->allreduce(ts, o);
    }
    /// Launches ready buckets in order.
    void launchReady()
    {
        while (nextLaunch < int(buckets.size()) && buckets[std::size_t(nextLaunch)].pending == 0)
            launch(nextLaunch++);
    }
    void onGradient(int i, const torch::Tensor& g)
    {
        Slot& s = slots[std::size_t(i)];
        if (s.ready)
            return;
        Bucket& b = buckets[std::size_t(s.bucket)];
        b.flat.narrow(0, s.offset, g.numel()).copy_(g.reshape({-1}));
        s.ready = true;
        --b.pending;
        try {
            launchReady();
        } catch (...) {
            if (!hookError)
                hookError = std::current_exception();  // reported by finish(), never thrown into autograd
        }
    }
};

GradientSynchronizer::GradientSynchronizer(std::shared_ptr<ProcessGroup> group, const std::vector<torch::Tensor>& parameters,
                                           int64_t bucketBytes)
    : m_impl(std::make_unique<Impl>())
{
    if (!group)
        throw Error(ErrorCode::InvalidArgument, "GradientSynchronizer needs a process group");
    m_impl->group = std::move(group);
    std::vector<torch::Tensor> params;
    for (const auto& p : parameters)
        if (p.requires_grad())
            params.push_back(p);
    // Reverse registration order, greedy buckets of ~bucketBytes.
    int64_t inBucket = 0;
    for (auto it = params.rbegin(); it != params.rend(); ++it) {
        if (it->scalar_type() != torch::kFloat32)
            throw Error(ErrorCode::Unsupported, "distributed training averages float32 gradients only");
        if (m_impl->buckets.empty() || inBucket * 4 >= bucketBytes) {
            m_impl->buckets.emplace_back();
            inBucket = 0;
        }
        Impl::Slot s;
        s.param = *it;
        s.bucket = int(m_impl->buckets.size()) - 1;
        s.offset = inBucket;
        inBucket += it->numel();
        m_impl->elements += it->numel();
        m_impl->buckets.back().slots.push_back(int(m_impl->slots.size()));
        m_impl->slots.push_back(s);
    }
    for (auto& b : m_impl->buckets) {
        int64_t n = 0;
        for (int i : b.slots)
            n += m_impl->slots[std::size_t(i)].param.numel();
        b.flat = torch::zeros({n}, torch::kFloat32);
    }
    Impl* impl = m_impl.get();
    for (std::size_t i = 0; i < m_impl->slots.size(); ++i)
        m_impl->slots[i].hook =
            m_impl->slots[i].param.register_hook([impl, i](torch::Tensor g) { impl->onGradient(int(i), g); });
    prepare();
}

GradientSynchronizer::~GradientSynchronizer()
{
    // Hooks hold a raw pointer to m_impl: detach them so that a later backward cannot reach it.
    for (auto& s : m_impl->slots)
        s.param.remove_hook(s.hook);
}

void GradientSynchronizer::broadcastParameters(const std::string& what)
{
    const auto t0 = std::chrono::steady_clock::now();
    try {
        torch::NoGradGuard ng;
        for (auto& b : m_impl->buckets) {
            for (int i : b.slots) {
                const auto& s = m_impl->slots[std::size_t(i)];
                b.flat.narrow(0, s.offset, s.param.numel()).copy_(s.param.reshape({-1}));
            }
            std::vector<torch::Tensor> ts{b.flat};
            c10d::BroadcastOptions o;
            o.rootRank = 0;
            o.timeout = m_impl->group->timeout();
            m_impl->group->impl().group->broadcast(ts, o)->wait(m_impl->group->timeout());
            for (int i : b.slots) {
                auto& s = m_impl->slots[std::size_t(i)];
                s.param.copy_(b.flat.narrow(0, s.offset, s.param.numel()).view(s.param.sizes()));
            }
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        m_impl->group->fail("broadcast of " + what, e, secondsSince(t0));
    }
    prepare();
}

void GradientSynchronizer::prepare()
{
    for (auto& s : m_impl->slots)
        s.ready = false;
    for (auto& b : m_impl->buckets) {
        b.pending = int(b.slots.size());
        b.work.reset();
    }
    m_impl->nextLaunch = 0;
    m_impl->hookError = nullptr;
}

void GradientSynchronizer::finish(const std::string& what)
{
    Impl& m = *m_impl;
    const auto t0 = std::chrono::steady_clock::now();
    try {
        if (m.hookError)
            std::rethrow_exception(m.hookError);
        // Parameters that got no gradient on this rank: zeros.
        for (auto& b : m.buckets)
            for (int i : b.slots) {
                auto& s = m.slots[std::size_t(i)];
                if (!s.ready) {
                    b.flat.narrow(0, s.offset, s.param.numel()).zero_();
                    s.ready = true;
                    --b.pending;
                }
            }
        m.launchReady();
        const double inv = 1.0 / double(m.group->size());
        torch::NoGradGuard ng;
        for (auto& b : m.buckets) {
            b.work->wait(m.group->timeout());
            b.flat.mul_(inv);
            for (int i : b.slots) {
                auto& s = m.slots[std::size_t(i)];
                torch::Tensor avg = b.flat.narrow(0, s.offset, s.param.numel()).view(s.param.sizes());
                if (s.param.grad().defined())
                    s.param.mutable_grad().copy_(avg);
                else
                    s.param.mutable_grad() = avg.clone();
            }
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        m.group->fail("gradient all-reduce of " + what, e, secondsSince(t0));
    }
    m.lastWait = secondsSince(t0);
    m.totalWait += m.lastWait;
}

int GradientSynchronizer::buckets() const { return int(m_impl->buckets.size()); }
int64_t GradientSynchronizer::elements() const { return m_impl->elements; }
double GradientSynchronizer::lastWaitSeconds() const { return m_impl->lastWait; }
double GradientSynchronizer::totalWaitSeconds() const { return m_impl->totalWait; }

} // namespace vaclip::distributed
