#include "annotate/annotation_commands.h"

#include <utility>

namespace vaclip::studio {

namespace {
constexpr int kDragCommandId = 0x414e4e44;   // "ANND"
}

AnnotationCommand::AnnotationCommand(AnnotationModel* model, QString video, std::optional<AnnotationInterval> before,
                                     std::optional<AnnotationInterval> after, const QString& text, quint64 dragSerial)
    : m_model(model)
    , m_video(std::move(video))
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_dragSerial(dragSerial)
{
    setText(text);
}

void AnnotationCommand::apply(const std::optional<AnnotationInterval>& from, const std::optional<AnnotationInterval>& to)
{
    if (from && !to)
        AnnotationCommandAccess::remove(*m_model, m_video, from->id);
    else if (!from && to)
        AnnotationCommandAccess::insert(*m_model, m_video, *to);
    else if (from && to)
        AnnotationCommandAccess::update(*m_model, m_video, *to);
}

void AnnotationCommand::undo()
{
    apply(m_after, m_before);
}

void AnnotationCommand::redo()
{
    apply(m_before, m_after);
}

int AnnotationCommand::id() const
{
    return m_dragSerial ? kDragCommandId : -1;
}

bool AnnotationCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const AnnotationCommand*>(other);
    if (!o || !m_dragSerial || o->m_dragSerial != m_dragSerial || o->m_video != m_video || !m_after || !o->m_before
        || !o->m_after || o->m_before->id != m_after->id)
        return false;
    m_after = o->m_after;   // keep the state before the drag, take the latest position
    return true;
}

ReplaceIntervalsCommand::ReplaceIntervalsCommand(AnnotationModel* model, QString video,
                                                 QVector<AnnotationInterval> before, QVector<AnnotationInterval> after,
                                                 const QString& text)
    : m_model(model)
    , m_video(std::move(video))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(text);
}

void ReplaceIntervalsCommand::undo()
{
    AnnotationCommandAccess::replace(*m_model, m_video, m_before);
}

void ReplaceIntervalsCommand::redo()
{
    AnnotationCommandAccess::replace(*m_model, m_video, m_after);
}

} // namespace vaclip::studio
