#include "player/frame_provider.h"

#include "common/error.h"
#include "io/frame_reader.h"

#include <QMetaObject>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace vaclip::studio {

namespace {
using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kScrubIdle(60);  // quiet time before prefetching while paused
} // namespace

// State shared by the GUI side and the worker, guarded by `mutex`. The worker never touches the
// QObject except through queued invocations, which ~QObject cancels.
struct FrameProvider::Shared {
    std::mutex mutex;
    std::condition_variable wake;
    bool stop = false;

    QString path;
    Options options;
    bool opened = false;   // set by the GUI side when opened() is emitted
    int frameCount = 0;
    double fps = 0;
    QSize size;

    int target = -1;          // newest requested frame
    quint64 serial = 0;       // increments per request
    quint64 servedSerial = 0; // newest request the worker has finished with
    int direction = 0;
    Clock::time_point lastRequest;  // newest request, or when it was answered

    std::map<int, QImage> cache;
    qint64 bytes = 0;
    std::set<int> bad;        // frames that could not be decoded (reported once)

    bool hasMail = false;     // the single pending delivery
    int mailIndex = -1;
    QImage mailImage;
    quint64 mailSerial = 0;
    bool posted = false;      // a deliver() call is queued on the GUI thread
    quint64 emittedSerial = 0;
    Stats stats;

    qint64 frameBytes() const { return qint64(std::max(1, size.width())) * std::max(1, size.height()) * 3; }

    /// Puts a frame in the mailbox unless something newer is there or was emitted. Returns true
    /// when the GUI side must be woken (no delivery queued yet).
    bool putMail(int index, const QImage& image, quint64 requestSerial)
    {
        if (requestSerial <= emittedSerial || (hasMail && requestSerial < mailSerial)) {
            ++stats.dropped;
            return false;
        }
        if (hasMail)
            ++stats.dropped;  // the older pending frame is replaced
        hasMail = true;
        mailIndex = index;
        mailImage = image;
        mailSerial = requestSerial;
        if (posted)
            return false;
        posted = true;
        return true;
    }

    void insert(int index, const QImage& image)
    {
        auto [it, inserted] = cache.emplace(index, image);
        if (!inserted)
            return;
        bytes += image.sizeInBytes();
        // Evict the frame farthest from the playhead (the map is ordered: one of its ends).
        while (bytes > options.cacheBytes && cache.size() > 1) {
            const int centre = target >= 0 ? target : index;
            auto first = cache.begin();
            auto last = std::prev(cache.end());
            auto victim = (centre - first->first) >= (last->first - centre) ? first : last;
            bytes -= victim->second.sizeInBytes();
            cache.erase(victim);
        }
    }

    bool missing(int i) const { return i >= 0 && i < frameCount && !cache.count(i) && !bad.count(i); }

    /// The next frame to prefetch around the target, or -1 when the window is complete.
    int prefetchJob() const
    {
        if (target < 0 || frameCount <= 0)
            return -1;
        const qint64 budgetFrames = std::max<qint64>(1, options.cacheBytes / frameBytes());
        int ahead = direction == 0 ? options.prefetchAhead / 4 : options.prefetchAhead;
        int behind = options.prefetchBehind;
        ahead = int(std::min<qint64>(ahead, budgetFrames * 3 / 4));
        behind = int(std::min<qint64>(behind, budgetFrames / 8));
        const int forward = direction >= 0 ? ahead : behind;
        const int backward = direction >= 0 ? behind : ahead;
        // Forwards: ascending from the playhead (sequential decoding, no seek).
        auto forwardJob = [&]() {
            for (int i = target + 1; i <= target + forward && i < frameCount; ++i)
                if (missing(i))
                    return i;
            return -1;
        };
        // Backwards: chunks of 16 frames nearest first, each decoded in ascending order (one
        // seek per chunk instead of one per frame).
        auto backwardJob = [&]() {
            for (int hi = target - 1; hi >= std::max(0, target - backward); hi -= 16) {
                const int lo = std::max({0, target - backward, hi - 15});
                for (int i = lo; i <= hi; ++i)
                    if (missing(i))
                        return i;
            }
            return -1;
        };
        int job = direction >= 0 ? forwardJob() : backwardJob();
        if (job < 0)
            job = direction >= 0 ? backwardJob() : forwardJob();
        return job;
    }
};

class FrameProvider::Worker {
public:
    Worker(FrameProvider* owner, std::shared_ptr<Shared> shared)
        : m_owner(owner), m_shared(std::move(shared)), m_thread([this] { run(); })
    {
    }
    ~Worker()
    {
        {
            std::lock_guard<std::mutex> lock(m_shared->mutex);
            m_shared->stop = true;
        }
        m_shared->wake.notify_all();
        m_thread.join();
    }

private:
    /// Runs `fn` on the GUI thread unless the provider has moved on to another video by then.
    void post(std::function<void()> fn)
    {
        FrameProvider* owner = m_owner;
        std::weak_ptr<Shared> mine = m_shared;
        QMetaObject::invokeMethod(
            owner,
            [owner, mine, fn = std::move(fn)] {
                if (auto s = mine.lock(); s && s == owner->m_shared)
                    fn();
            },
            Qt::QueuedConnection);
    }

    void fail(const QString& message)
    {
        FrameProvider* owner = m_owner;
        post([owner, message] { emit owner->failed(message); });
    }

    static QImage toQImage(const Image& im)
    {
        QImage out(im.width, im.height, QImage::Format_RGB888);
        const std::size_t row = std::size_t(im.width) * 3;
        for (int y = 0; y < im.height; ++y)
            std::memcpy(out.scanLine(y), im.rgb.data() + row * std::size_t(y), row);
        return out;
    }

    /// Decodes frame `index`; the reader decodes forward when it is already close before it.
    bool decode(int index, QImage& image, QString& error)
    {
        try {
            if (m_next != index)
                m_reader->seek(index);
            if (!m_reader->next(m_frame)) {
                m_next = -1;
                error = QString::fromStdString(quoted(m_shared->path.toStdString())) + QStringLiteral(": ") +
                        FrameProvider::tr("frame %1 cannot be decoded").arg(index);
                return false;
            }
            m_next = int(m_frame.index) + 1;
            image = toQImage(m_frame.image);
            return true;
        } catch (const std::exception& e) {
            m_next = -1;
            error = QString::fromStdString(e.what());
            return false;
        }
    }

    void run()
    {
        Shared& s = *m_shared;
        FrameReaderOptions readerOptions;
        {
            std::lock_guard<std::mutex> lock(s.mutex);
            readerOptions.threads = s.options.decoderThreads;
        }
        try {
            m_reader = FrameReader::open(s.path.toStdString(), readerOptions);
        } catch (const std::exception& e) {
            fail(QString::fromStdString(e.what()));
            return;
        }
        const VideoInfo& info = m_reader->info();
        {
            std::lock_guard<std::mutex> lock(s.mutex);
            s.frameCount = int(info.frameCount);
            s.fps = info.fps > 0 ? info.fps : 25.0;
            s.size = QSize(info.width, info.height);
            if (s.target >= s.frameCount)
                s.target = s.frameCount - 1;
        }
        {
            FrameProvider* owner = m_owner;
            const int frames = int(info.frameCount);
            const double fps = info.fps > 0 ? info.fps : 25.0;
            const QSize size(info.width, info.height);
            post([owner, frames, fps, size] {
                owner->m_shared->mutex.lock();
                owner->m_shared->opened = true;
                owner->m_shared->mutex.unlock();
                emit owner->opened(frames, fps, size);
            });
        }
        std::unique_lock<std::mutex> lock(s.mutex);
        for (;;) {
            int job = -1;
            bool forRequest = false;
            quint64 serial = 0;
            // Paused (scrubbing, random seeks): prefetch only once requests pause for a moment,
            // so that prefetch decoding does not delay the next seek. Playing: at once.
            bool prefetchDeferred = false;
            const auto ready = [&] {
                prefetchDeferred = false;
                if (s.stop)
                    return true;
                if (s.target >= 0 && s.servedSerial < s.serial) {
                    serial = s.serial;
                    auto hit = s.cache.find(s.target);
                    if (hit != s.cache.end() || s.bad.count(s.target)) {
                        // Cached meanwhile (or known bad): nothing to decode for this request.
                        if (hit != s.cache.end() && s.putMail(s.target, hit->second, serial))
                            post([owner = m_owner] { owner->deliver(); });
                        s.servedSerial = serial;
                    } else {
                        job = s.target;
                        forRequest = true;
                        return true;
                    }
                }
                job = s.prefetchJob();
                if (job >= 0 && s.direction == 0 && Clock::now() < s.lastRequest + kScrubIdle) {
                    prefetchDeferred = true;
                    job = -1;
                }
                return job >= 0;
            };
            while (!ready()) {
                if (prefetchDeferred)
                    s.wake.wait_until(lock, s.lastRequest + kScrubIdle);
                else
                    s.wake.wait(lock);
            }
            if (s.stop)
                return;
            lock.unlock();
            QImage image;
            QString error;
            const bool ok = decode(job, image, error);
            lock.lock();
            ++s.stats.decoded;
            if (ok) {
                s.insert(job, image);
            } else if (s.bad.insert(job).second) {
                fail(error);
            }
            if (forRequest) {
                s.servedSerial = std::max(s.servedSerial, serial);
                s.lastRequest = Clock::now();  // the quiet time counts from the answer
                if (ok && s.putMail(job, image, serial))
                    post([owner = m_owner] { owner->deliver(); });
            }
        }
    }

    FrameProvider* m_owner;
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<FrameReader> m_reader;
    Frame m_frame;
    int m_next = -1;  // index the reader's next() returns without a seek, -1 unknown
    std::thread m_thread;  // last: starts after the members above exist
};

FrameProvider::FrameProvider(QObject* parent) : QObject(parent), m_shared(std::make_shared<Shared>()) {}

FrameProvider::~FrameProvider()
{
    m_worker.reset();
}

void FrameProvider::open(const QString& path)
{
    open(path, Options());
}

void FrameProvider::open(const QString& path, const Options& options)
{
    close();
    m_shared->path = path;
    m_shared->options = options;
    m_worker = std::make_unique<Worker>(this, m_shared);
}

void FrameProvider::close()
{
    m_worker.reset();  // joins the thread
    m_shared = std::make_shared<Shared>();  // queued deliveries of the old video find no mail
}

bool FrameProvider::isOpen() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->opened;
}

QString FrameProvider::path() const
{
    return m_shared->path;  // written only by open() on this thread
}

int FrameProvider::frameCount() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->opened ? m_shared->frameCount : 0;
}

double FrameProvider::fps() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->opened ? m_shared->fps : 0.0;
}

QSize FrameProvider::frameSize() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->opened ? m_shared->size : QSize();
}

void FrameProvider::requestFrame(int index)
{
    bool wakeGui = false;
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        Shared& s = *m_shared;
        if (s.frameCount > 0)
            index = std::clamp(index, 0, s.frameCount - 1);
        index = std::max(index, 0);
        ++s.stats.requests;
        s.lastRequest = Clock::now();
        s.target = index;
        const quint64 serial = ++s.serial;
        auto hit = s.cache.find(index);
        if (hit != s.cache.end()) {
            ++s.stats.cacheHits;
            wakeGui = s.putMail(index, hit->second, serial);
            s.servedSerial = serial;
        }
    }
    m_shared->wake.notify_all();  // new target: the prefetch window moves
    if (wakeGui)
        QMetaObject::invokeMethod(this, &FrameProvider::deliver, Qt::QueuedConnection);
}

int FrameProvider::latestRequest() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->target;
}

void FrameProvider::setPlayDirection(int direction)
{
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        m_shared->direction = direction > 0 ? 1 : direction < 0 ? -1 : 0;
    }
    m_shared->wake.notify_all();
}

void FrameProvider::deliver()
{
    int index = -1;
    QImage image;
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        Shared& s = *m_shared;
        s.posted = false;
        if (!s.hasMail || s.mailSerial <= s.emittedSerial) {
            s.hasMail = false;
            return;
        }
        s.hasMail = false;
        s.emittedSerial = s.mailSerial;
        index = s.mailIndex;
        image = std::move(s.mailImage);
        s.mailImage = QImage();
        ++s.stats.emitted;
    }
    emit frameReady(index, image);
}

QImage FrameProvider::cachedFrame(int index) const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    auto it = m_shared->cache.find(index);
    return it == m_shared->cache.end() ? QImage() : it->second;
}

bool FrameProvider::isCached(int index) const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->cache.count(index) > 0;
}

int FrameProvider::cachedFrames() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return int(m_shared->cache.size());
}

qint64 FrameProvider::cachedBytes() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->bytes;
}

FrameProvider::Stats FrameProvider::stats() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->stats;
}

} // namespace vaclip::studio
