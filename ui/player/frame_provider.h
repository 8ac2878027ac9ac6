#pragma once
// Frames of one video for the screen: decoded on a worker thread (core FrameReader), cached
// around the playhead, delivered asynchronously, newest request first.
//
//   auto* provider = new FrameProvider(this);
//   connect(provider, &FrameProvider::opened, this, [](int frames, double fps, QSize size) { ... });
//   connect(provider, &FrameProvider::failed, this, [](const QString& message) { showError(message); });
//   connect(provider, &FrameProvider::frameReady, view, &VideoView::setFrame);
//   provider->open(QStringLiteral("clip.mp4"));    // returns at once; the worker opens the file
//   provider->requestFrame(120);                    // later: frameReady(120, image)
//   provider->setPlayDirection(+1);                 // prefetch ahead while playing forwards
//
// Delivery contract:
//  - requestFrame() never blocks on decoding. A cached frame is handed over on the next event
//    loop turn; otherwise the worker decodes it (seek to the previous keyframe, decode forward).
//  - Requests are not queued: the worker only ever works on the newest request. A request
//    superseded before its decode starts is never decoded; frames are emitted in request order
//    and a frame older than one already emitted is dropped. So after a burst of requests the
//    last frameReady is the last requested frame, and at most one delivery is pending at a time.
//  - A frame decoded for a request that was superseded meanwhile is still emitted if nothing
//    newer has been emitted yet (scrubbing shows intermediate frames); compare `index` with
//    latestRequest() when exactness matters.
//  - Idle time prefetches frames ahead in the play direction (and a few behind) into a cache
//    bounded by Options::cacheBytes; the frames farthest from the playhead are evicted first.
//    While paused (direction 0) prefetching waits until requests have stopped for 60 ms, so that
//    it never delays the next seek of a scrubbing user.
//  - Errors (missing, corrupt or unsupported file; undecodable frames) come as failed(message),
//    the message naming the file. An undecodable frame is reported once and not retried.
//
// Images are QImage::Format_RGB888 at the video's native size (implicitly shared, read-only).
// Thread safety: create and call from the GUI thread (the object's thread); signals are emitted
// on that thread. The worker thread is private and joined by the destructor and by close().

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <memory>

namespace vaclip::studio {

class FrameProvider : public QObject {
    Q_OBJECT
public:
    struct Options {
        qint64 cacheBytes = qint64(256) << 20;  ///< decoded frames kept (bytes of RGB data)
        int prefetchAhead = 48;   ///< frames decoded ahead of the playhead in the play direction
        int prefetchBehind = 8;   ///< frames kept decoded on the other side (step back)
        int decoderThreads = 2;   ///< FFmpeg decoder threads (0 = one per core)
    };
    /// Counters since open(), for tests and the benchmark.
    struct Stats {
        int requests = 0;     ///< requestFrame calls
        int cacheHits = 0;    ///< requests served from the cache
        int decoded = 0;      ///< frames decoded (requested + prefetched)
        int emitted = 0;      ///< frameReady signals
        int dropped = 0;      ///< decoded or cached frames not emitted because something newer was
    };

    explicit FrameProvider(QObject* parent = nullptr);
    ~FrameProvider() override;
    FrameProvider(const FrameProvider&) = delete;
    FrameProvider& operator=(const FrameProvider&) = delete;

    /// Closes any open video and opens `path` (a video file or an image folder) on the worker.
    /// Emits opened(...) or failed(message). Requests made before `opened` are kept (the newest).
    void open(const QString& path, const Options& options);
    void open(const QString& path);
    /// Stops the worker (waiting for a decode or an open in progress to finish) and drops the
    /// cache. No signal is emitted afterwards for the old video.
    void close();

    bool isOpen() const;          ///< opened() was emitted for the current path
    QString path() const;
    int frameCount() const;       ///< 0 until opened
    double fps() const;
    QSize frameSize() const;

    /// Asks for frame `index` (clamped to [0, frameCount-1] once the video is open).
    void requestFrame(int index);
    int latestRequest() const;    ///< -1 before the first request
    /// +1 playing forwards, -1 backwards, 0 paused: where idle prefetching goes.
    void setPlayDirection(int direction);

    /// The cached frame, or a null QImage. Never decodes.
    QImage cachedFrame(int index) const;
    bool isCached(int index) const;
    int cachedFrames() const;
    qint64 cachedBytes() const;
    Stats stats() const;

signals:
    void opened(int frameCount, double fps, QSize frameSize);
    void frameReady(int index, const QImage& image);
    void failed(const QString& message);

private:
    struct Shared;
    class Worker;
    void postDelivery();
    void deliver();
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<Worker> m_worker;
};

} // namespace vaclip::studio
