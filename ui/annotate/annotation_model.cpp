#include "annotate/annotation_model.h"

#include "annotate/annotation_commands.h"
#include "common/error.h"
#include "data/meta.h"
#include "workspace/annotation_files.h"

#include <QUndoGroup>
#include <QUndoStack>

#include <algorithm>

namespace vaclip::studio {

namespace {

bool lessInterval(const AnnotationInterval& a, const AnnotationInterval& b)
{
    if (a.begin != b.begin)
        return a.begin < b.begin;
    if (a.end != b.end)
        return a.end < b.end;
    return a.id < b.id;
}

int positionOf(const QVector<AnnotationInterval>& list, quint64 id)
{
    for (int i = 0; i < list.size(); ++i)
        if (list[i].id == id)
            return i;
    return -1;
}

} // namespace

AnnotationModel::AnnotationModel(QObject* parent) : QAbstractTableModel(parent), m_undoGroup(new QUndoGroup(this))
{
    m_undoGroup->setActiveStack(undoStack(QString()));
}

AnnotationModel::~AnnotationModel() = default;

QUndoStack* AnnotationModel::undoStack() const
{
    return m_undoStacks.value(m_video);  // setVideo() created it
}

QUndoStack* AnnotationModel::undoStack(const QString& video)
{
    if (QUndoStack* s = m_undoStacks.value(video))
        return s;
    auto* stack = new QUndoStack(this);
    m_undoGroup->addStack(stack);
    // Any command other than the ongoing drag ends it.
    connect(stack, &QUndoStack::indexChanged, this, [this] { ++m_dragSerial; });
    m_undoStacks.insert(video, stack);
    return stack;
}

void AnnotationModel::setVideo(const QString& video, qint64 frameCount)
{
    beginResetModel();
    m_video = video;
    m_frameCount = std::max<qint64>(0, frameCount);
    endResetModel();
    m_undoGroup->setActiveStack(undoStack(video));
    ++m_dragSerial;  // a drag never continues on another video
    clearInPoint();
}

QVector<AnnotationInterval> AnnotationModel::intervals(const QString& video) const
{
    return m_byVideo.value(video.isEmpty() ? m_video : video);
}

std::optional<AnnotationInterval> AnnotationModel::interval(quint64 id) const
{
    for (auto it = m_byVideo.cbegin(); it != m_byVideo.cend(); ++it)
        for (const AnnotationInterval& i : it.value())
            if (i.id == id)
                return i;
    return std::nullopt;
}

int AnnotationModel::rowOf(quint64 id) const
{
    return positionOf(m_byVideo.value(m_video), id);
}

quint64 AnnotationModel::idAt(int row) const
{
    const auto it = m_byVideo.constFind(m_video);
    if (it == m_byVideo.cend() || row < 0 || row >= it->size())
        return 0;
    return it->at(row).id;
}

QStringList AnnotationModel::videos() const
{
    QStringList out;
    for (auto it = m_byVideo.cbegin(); it != m_byVideo.cend(); ++it)
        if (!it.value().isEmpty())
            out << it.key();
    out.sort();
    return out;
}

std::optional<std::pair<qint64, qint64>> AnnotationModel::normalized(qint64 begin, qint64 end) const
{
    if (begin > end)
        std::swap(begin, end);
    begin = std::max<qint64>(0, begin);
    if (m_frameCount > 0)
        end = std::min(end, m_frameCount);
    if (end <= begin)
        return std::nullopt;
    return std::make_pair(begin, end);
}

// ---- edits --------------------------------------------------------------------------------

quint64 AnnotationModel::addInterval(qint64 begin, qint64 end, const QString& category)
{
    const auto range = normalized(begin, end);
    if (m_video.isEmpty() || !range)
        return 0;
    AnnotationInterval added;
    added.id = m_nextId++;
    added.begin = range->first;
    added.end = range->second;
    added.category = category.isEmpty() ? m_defaultCategory : category;
    undoStack(m_video)->push(new AnnotationCommand(this, m_video, std::nullopt, added, tr("Add interval")));
    return added.id;
}

bool AnnotationModel::editInterval(quint64 id, qint64 begin, qint64 end, const QString& category, const QString& note)
{
    const int row = rowOf(id);
    const auto range = normalized(begin, end);
    if (row < 0 || !range)
        return false;
    const AnnotationInterval before = m_byVideo[m_video][row];
    AnnotationInterval after = before;
    after.begin = range->first;
    after.end = range->second;
    after.category = category;
    after.note = note;
    if (after == before)
        return true;
    undoStack(m_video)->push(new AnnotationCommand(this, m_video, before, after, tr("Edit interval")));
    return true;
}

bool AnnotationModel::setCategory(quint64 id, const QString& category)
{
    const auto i = interval(id);
    return i && rowOf(id) >= 0 && editInterval(id, i->begin, i->end, category, i->note);
}

bool AnnotationModel::setIntervalBounds(quint64 id, qint64 begin, qint64 end, bool dragging)
{
    const int row = rowOf(id);
    const auto range = normalized(begin, end);
    if (row < 0 || !range)
        return false;
    const AnnotationInterval before = m_byVideo[m_video][row];
    AnnotationInterval after = before;
    after.begin = range->first;
    after.end = range->second;
    if (after == before)
        return true;
    // The serial is bumped by every index change; a drag keeps the serial it started with.
    const quint64 serial = dragging ? m_dragSerial : 0;
    undoStack(m_video)->push(new AnnotationCommand(this, m_video, before, after, tr("Move interval"), serial));
    if (dragging)
        m_dragSerial = serial;   // the push merged or pushed: stay in the same drag
    return true;
}

void AnnotationModel::endDrag()
{
    ++m_dragSerial;
}

bool AnnotationModel::removeInterval(quint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    undoStack(m_video)->push(new AnnotationCommand(this, m_video, m_byVideo[m_video][row], std::nullopt, tr("Delete interval")));
    return true;
}

void AnnotationModel::replaceIntervals(const QString& video, const QVector<AnnotationInterval>& intervals)
{
    QVector<AnnotationInterval> after;
    for (AnnotationInterval i : intervals) {
        if (i.end <= i.begin || i.begin < 0)
            continue;
        i.id = m_nextId++;
        after.push_back(i);
    }
    std::sort(after.begin(), after.end(), lessInterval);
    undoStack(video)->push(new ReplaceIntervalsCommand(this, video, m_byVideo.value(video), after, tr("Load intervals")));
}

void AnnotationModel::addDrawnInterval(qint64 begin, qint64 end)
{
    addInterval(begin, end);
}

// ---- I / O keys ---------------------------------------------------------------------------

void AnnotationModel::setInPoint(qint64 frame)
{
    m_inPoint = std::max<qint64>(0, frame);
    emit inPointChanged(m_inPoint);
}

quint64 AnnotationModel::setOutPoint(qint64 frame)
{
    if (!m_inPoint)
        return 0;
    const qint64 in = *m_inPoint;
    const quint64 id = addInterval(std::min(in, frame), std::max(in, frame) + 1);
    clearInPoint();
    return id;
}

void AnnotationModel::clearInPoint()
{
    if (!m_inPoint)
        return;
    m_inPoint.reset();
    emit inPointChanged(m_inPoint);
}

// ---- raw changes (the commands) -----------------------------------------------------------

void AnnotationModel::rawInsert(const QString& video, const AnnotationInterval& interval)
{
    QVector<AnnotationInterval>& list = m_byVideo[video];
    const int pos = int(std::lower_bound(list.begin(), list.end(), interval, lessInterval) - list.begin());
    const bool shown = video == m_video;
    if (shown)
        beginInsertRows({}, pos, pos);
    list.insert(pos, interval);
    if (shown)
        endInsertRows();
    emit intervalsChanged(video);
}

void AnnotationModel::rawUpdate(const QString& video, const AnnotationInterval& interval)
{
    QVector<AnnotationInterval>& list = m_byVideo[video];
    const int from = positionOf(list, interval.id);
    if (from < 0)
        return;
    QVector<AnnotationInterval> rest = list;
    rest.remove(from);
    const int to = int(std::lower_bound(rest.begin(), rest.end(), interval, lessInterval) - rest.begin());
    const bool shown = video == m_video;
    if (to == from) {
        list[from] = interval;
        if (shown)
            emit dataChanged(index(from, 0), index(from, ColumnCount - 1));
    } else {
        if (shown)
            beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        rest.insert(to, interval);
        list = rest;
        if (shown) {
            endMoveRows();
            emit dataChanged(index(to, 0), index(to, ColumnCount - 1));
        }
    }
    emit intervalsChanged(video);
}

void AnnotationModel::rawRemove(const QString& video, quint64 id)
{
    QVector<AnnotationInterval>& list = m_byVideo[video];
    const int pos = positionOf(list, id);
    if (pos < 0)
        return;
    const bool shown = video == m_video;
    if (shown)
        beginRemoveRows({}, pos, pos);
    list.remove(pos);
    if (shown)
        endRemoveRows();
    emit intervalsChanged(video);
}

void AnnotationModel::rawReplace(const QString& video, const QVector<AnnotationInterval>& intervals)
{
    const bool shown = video == m_video;
    if (shown)
        beginResetModel();
    m_byVideo[video] = intervals;
    if (shown)
        endResetModel();
    emit intervalsChanged(video);
}

// ---- persistence --------------------------------------------------------------------------

void AnnotationModel::saveToGroundTruth(DatasetMeta& meta, const QString& metaPath, const QString& video)
{
    const QString key = video.isEmpty() ? m_video : video;
    std::vector<AnnotationRecord> records;
    for (const AnnotationInterval& i : m_byVideo.value(key))
        records.push_back({0, key.toStdString(), i.begin, i.end, i.category.toStdString(), i.note.toStdString()});
    const VideoEntry* entry = meta.find(key.toStdString());
    qint64 frames = key == m_video ? m_frameCount : 0;
    if (frames <= 0 && entry && entry->frameCount)
        frames = *entry->frameCount;
    saveAnnotationsToGroundTruth(meta, metaPath.toStdString(), key.toStdString(), records, frames);
}

void AnnotationModel::loadFromGroundTruth(const DatasetMeta& meta, const QString& video, std::optional<qint64> frameCount)
{
    const VideoEntry* entry = meta.find(video.toStdString());
    if (!entry)
        throw Error(ErrorCode::NotFound, quoted(meta.sourcePath) + ": no video '" + video.toStdString() + "'");
    std::optional<int64_t> frames;
    if (frameCount)
        frames = *frameCount;
    QVector<AnnotationInterval> loaded;
    for (const AnnotationRecord& r : loadAnnotationsFromGroundTruth(*entry, frames))
        loaded.push_back({0, r.begin, r.end, QString::fromStdString(r.category), QString::fromStdString(r.note)});
    replaceIntervals(video, loaded);
}

void AnnotationModel::saveToWorkspace(Workspace& workspace) const
{
    workspace.transaction([&] {
        for (auto it = m_byVideo.cbegin(); it != m_byVideo.cend(); ++it) {
            std::vector<AnnotationRecord> records;
            for (const AnnotationInterval& i : it.value())
                records.push_back({0, it.key().toStdString(), i.begin, i.end, i.category.toStdString(),
                                   i.note.toStdString()});
            workspace.replaceAnnotations(it.key().toStdString(), records);
        }
    });
}

void AnnotationModel::loadFromWorkspace(const Workspace& workspace)
{
    beginResetModel();
    m_byVideo.clear();
    for (const std::string& video : workspace.annotatedVideos()) {
        QVector<AnnotationInterval>& list = m_byVideo[QString::fromStdString(video)];
        for (const AnnotationRecord& r : workspace.annotations(video))
            list.push_back({m_nextId++, r.begin, r.end, QString::fromStdString(r.category),
                            QString::fromStdString(r.note)});
        std::sort(list.begin(), list.end(), lessInterval);
    }
    endResetModel();
    for (QUndoStack* stack : std::as_const(m_undoStacks))
        stack->clear();
    for (auto it = m_byVideo.cbegin(); it != m_byVideo.cend(); ++it)
        emit intervalsChanged(it.key());
}

} // namespace vaclip::studio
