#pragma once
// The studio's annotations: per-video anomalous frame intervals, each with a category name, as a
// table model (one row per interval of the current video) whose every edit is a QUndoCommand.
//
//   AnnotationModel model;                       // owns one QUndoStack per video in a QUndoGroup
//   model.setVideo(QStringLiteral("videos/test_003.mp4"), 240);   // makes that video's stack active
//   model.setInPoint(60);                        // key I at the playhead
//   model.setOutPoint(179);                      // key O: adds [60, 180) (the out frame included)
//   model.addInterval(10, 20, QStringLiteral("bicycle"));
//   model.undoStack()->undo();                   // removes [10, 20) (the current video's stack)
//   auto* undo = model.undoGroup()->createUndoAction(window);   // follows the shown video
//   connect(timeline, &TimelinePlot::intervalDrawn, &model, &AnnotationModel::addDrawnInterval);
//   model.saveToGroundTruth(meta, metaPath);     // the dataset's gt file (workspace/annotation_files.h)
//   model.saveToWorkspace(workspace);            // every video's intervals
//
// Video keys are meta.json "video_path" strings as written (what DatasetMeta::find and the
// workspace use); any string works for the in-memory model and the workspace.
// Frames are 0-based; an interval is half-open [begin, end) in frames, like the ground-truth
// files. Rows are sorted by (begin, end); each interval has a stable id (rows move, ids do not),
// and the undo commands refer to ids. Columns: Begin, End (the last frame, inclusive), Frames,
// Category (editable), Note (editable); Begin and End are shown and typed 1-based, as every frame
// number on screen (widgets/display_format.h): interval [0, 10) shows as 1 ... 10. Begin/End are
// editable too: setData on them pushes an edit command. Qt::UserRole on any cell returns the interval id.
// Undo is per video: every edit goes on the stack of the video it changes, and setVideo() makes
// that video's stack the group's active one, so an undo action made from undoGroup() (the Edit
// menu, Ctrl+Z) never undoes an edit of a video that is not shown.
// Dragging an interval edge: call setIntervalBounds(id, b, e, true) for every mouse move; the
// moves of one drag merge into one undo step (ended by any other command or endDrag()).
// Thread safety: GUI thread only.

#include "workspace/workspace.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QString>
#include <QVector>

#include <cstdint>
#include <optional>

class QUndoGroup;
class QUndoStack;

namespace vaclip {
struct DatasetMeta;
}

namespace vaclip::studio {

struct AnnotationInterval {
    quint64 id = 0;          ///< stable, assigned by the model
    qint64 begin = 0;        ///< first frame
    qint64 end = 0;          ///< one past the last frame
    QString category;
    QString note;
    bool operator==(const AnnotationInterval& o) const
    {
        return id == o.id && begin == o.begin && end == o.end && category == o.category && note == o.note;
    }
};

class AnnotationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { BeginColumn, EndColumn, FramesColumn, CategoryColumn, NoteColumn, ColumnCount };

    explicit AnnotationModel(QObject* parent = nullptr);
    ~AnnotationModel() override;

    /// The current video's undo stack (a stack of its own when no video is set). Never null.
    QUndoStack* undoStack() const;
    /// `video`'s undo stack (created on first use).
    QUndoStack* undoStack(const QString& video);
    /// Every video's stack; the active one is the current video's. For undo/redo actions.
    QUndoGroup* undoGroup() const { return m_undoGroup; }

    /// Shows `video`'s intervals (kept per video; switching keeps the others). `frameCount` bounds
    /// new intervals (0 = unknown: no upper bound). Clears a pending in-point.
    void setVideo(const QString& video, qint64 frameCount);
    QString video() const { return m_video; }
    qint64 frameCount() const { return m_frameCount; }
    /// Intervals of `video` (default: the current one), sorted by (begin, end).
    QVector<AnnotationInterval> intervals(const QString& video = {}) const;
    std::optional<AnnotationInterval> interval(quint64 id) const;
    int rowOf(quint64 id) const;            ///< -1 when not in the current video
    quint64 idAt(int row) const;            ///< 0 when out of range
    QStringList videos() const;             ///< videos with at least one interval, sorted
    QString defaultCategory() const { return m_defaultCategory; }
    void setDefaultCategory(const QString& category) { m_defaultCategory = category; }

    // ---- edits (each one undoable) --------------------------------------------------------
    /// Adds [begin, end) to the current video (bounds clamped to the video; begin/end swapped when
    /// reversed). Returns the new id, or 0 when the interval is empty after clamping or no video is set.
    quint64 addInterval(qint64 begin, qint64 end, const QString& category = {});
    /// Replaces begin, end, category and note of interval `id`. False when unknown or empty.
    bool editInterval(quint64 id, qint64 begin, qint64 end, const QString& category, const QString& note);
    bool setCategory(quint64 id, const QString& category);
    /// Moves an interval's bounds; `dragging` merges consecutive calls for `id` into one undo step.
    bool setIntervalBounds(quint64 id, qint64 begin, qint64 end, bool dragging = false);
    void endDrag();
    bool removeInterval(quint64 id);
    /// Replaces every interval of `video` in one undo step (used by loading).
    void replaceIntervals(const QString& video, const QVector<AnnotationInterval>& intervals);

    // ---- I / O keys ------------------------------------------------------------------------
    /// Key I: remembers `frame` as the in-point (replacing an earlier one).
    void setInPoint(qint64 frame);
    /// Key O: with an in-point, adds the interval from it to `frame` inclusive (either order) with
    /// the default category and clears the in-point; returns its id. Without an in-point: 0.
    quint64 setOutPoint(qint64 frame);
    std::optional<qint64> inPoint() const { return m_inPoint; }
    void clearInPoint();

    // ---- persistence ------------------------------------------------------------------------
    /// Writes the intervals of `video` (default: current) into the dataset's ground truth
    /// (workspace/annotation_files.h); updates `meta`. Throws vaclip::Error.
    void saveToGroundTruth(DatasetMeta& meta, const QString& metaPath, const QString& video = {});
    /// Loads `video`'s intervals from its ground truth (replacing the model's, one undo step).
    void loadFromGroundTruth(const DatasetMeta& meta, const QString& video, std::optional<qint64> frameCount = {});
    /// Writes every video's intervals (all in one transaction); videos whose intervals were all
    /// deleted are cleared in the workspace too.
    void saveToWorkspace(Workspace& workspace) const;
    /// Replaces the model's contents with the workspace's (clears the undo stack).
    void loadFromWorkspace(const Workspace& workspace);

    // ---- QAbstractTableModel ----------------------------------------------------------------
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

public slots:
    /// For TimelinePlot::intervalDrawn(begin, end): frames [begin, end) of the current video.
    void addDrawnInterval(qint64 begin, qint64 end);

signals:
    /// Any change to `video`'s intervals (edits, undo, redo, loads).
    void intervalsChanged(const QString& video);
    void inPointChanged(std::optional<qint64> frame);

private:
    friend class AnnotationCommandAccess;
    // Raw state changes used by the commands (no undo entry).
    void rawInsert(const QString& video, const AnnotationInterval& interval);
    void rawUpdate(const QString& video, const AnnotationInterval& interval);
    void rawRemove(const QString& video, quint64 id);
    void rawReplace(const QString& video, const QVector<AnnotationInterval>& intervals);
    std::optional<std::pair<qint64, qint64>> normalized(qint64 begin, qint64 end) const;

    QUndoGroup* m_undoGroup;
    QHash<QString, QUndoStack*> m_undoStacks;               ///< per video ("" = no video), owned
    QHash<QString, QVector<AnnotationInterval>> m_byVideo;   ///< each sorted by (begin, end, id)
    QString m_video;
    qint64 m_frameCount = 0;
    quint64 m_nextId = 1;
    std::optional<qint64> m_inPoint;
    QString m_defaultCategory;
    quint64 m_dragSerial = 1;   ///< bumped by endDrag() and every undo-stack change; 0 = no merging
};

} // namespace vaclip::studio
