#pragma once
// Internal to ui/annotate: the undo commands of AnnotationModel. One class covers every edit:
// it holds the interval (or the whole list) before and after, and applies one or the other.
//
//   model.undoStack()->push(new AnnotationCommand(&model, video, std::nullopt, added, tr("Add")));
//
// A command made with a drag serial merges with the next command of the same interval and serial
// (consecutive mouse moves of one drag become one undo step).
// Thread safety: GUI thread only.

#include "annotate/annotation_model.h"

#include <QUndoCommand>

#include <optional>

namespace vaclip::studio {

/// Grants the commands access to AnnotationModel's raw (non-undoable) state changes.
class AnnotationCommandAccess {
public:
    static void insert(AnnotationModel& m, const QString& v, const AnnotationInterval& i) { m.rawInsert(v, i); }
    static void update(AnnotationModel& m, const QString& v, const AnnotationInterval& i) { m.rawUpdate(v, i); }
    static void remove(AnnotationModel& m, const QString& v, quint64 id) { m.rawRemove(v, id); }
    static void replace(AnnotationModel& m, const QString& v, const QVector<AnnotationInterval>& l)
    {
        m.rawReplace(v, l);
    }
};

/// Add (before empty), delete (after empty) or edit (both) of one interval.
class AnnotationCommand : public QUndoCommand {
public:
    AnnotationCommand(AnnotationModel* model, QString video, std::optional<AnnotationInterval> before,
                      std::optional<AnnotationInterval> after, const QString& text, quint64 dragSerial = 0);
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const std::optional<AnnotationInterval>& from, const std::optional<AnnotationInterval>& to);

    AnnotationModel* m_model;
    QString m_video;
    std::optional<AnnotationInterval> m_before;
    std::optional<AnnotationInterval> m_after;
    quint64 m_dragSerial;   ///< 0 = never merges
};

/// Replaces a video's whole list (loading from a file).
class ReplaceIntervalsCommand : public QUndoCommand {
public:
    ReplaceIntervalsCommand(AnnotationModel* model, QString video, QVector<AnnotationInterval> before,
                            QVector<AnnotationInterval> after, const QString& text);
    void undo() override;
    void redo() override;

private:
    AnnotationModel* m_model;
    QString m_video;
    QVector<AnnotationInterval> m_before;
    QVector<AnnotationInterval> m_after;
};

} // namespace vaclip::studio
