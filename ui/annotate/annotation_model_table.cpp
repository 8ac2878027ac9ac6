// AnnotationModel as a QAbstractTableModel: the rows of the current video. Begin/End cells show
// and take 1-based frame numbers, the studio's on-screen convention (widgets/display_format.h).
#include "annotate/annotation_model.h"

namespace vaclip::studio {

int AnnotationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_byVideo.value(m_video).size());
}

int AnnotationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnnotationModel::data(const QModelIndex& index, int role) const
{
    const auto it = m_byVideo.constFind(m_video);
    if (!index.isValid() || it == m_byVideo.cend() || index.row() >= it->size())
        return {};
    const AnnotationInterval& i = it->at(index.row());
    if (role == Qt::UserRole)
        return QVariant::fromValue(i.id);
    if (role == Qt::TextAlignmentRole && index.column() <= FramesColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == EndColumn)
        return tr("Last anomalous frame (inclusive)");
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    // On screen frames count from 1 (widgets/display_format.h); the model is 0-based.
    case BeginColumn:
        return i.begin + 1;
    case EndColumn:
        return i.end;       // the last frame, inclusive: 0-based end - 1, shown + 1
    case FramesColumn:
        return i.end - i.begin;
    case CategoryColumn:
        return i.category;
    case NoteColumn:
        return i.note;
    default:
        return {};
    }
}

QVariant AnnotationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case BeginColumn:
        return tr("First frame");
    case EndColumn:
        return tr("Last frame");
    case FramesColumn:
        return tr("Frames");
    case CategoryColumn:
        return tr("Category");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

Qt::ItemFlags AnnotationModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() != FramesColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool AnnotationModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole)
        return false;
    const quint64 id = idAt(index.row());
    const auto current = interval(id);
    if (!id || !current)
        return false;
    AnnotationInterval next = *current;
    bool ok = true;
    switch (index.column()) {
    case BeginColumn:   // typed as shown: 1-based
        next.begin = value.toLongLong(&ok) - 1;
        break;
    case EndColumn:     // the last frame shown (1-based, inclusive) is the 0-based exclusive end
        next.end = value.toLongLong(&ok);
        break;
    case CategoryColumn:
        next.category = value.toString().trimmed();
        break;
    case NoteColumn:
        next.note = value.toString();
        break;
    default:
        return false;
    }
    if (!ok || next.end <= next.begin)
        return false;
    return editInterval(id, next.begin, next.end, next.category, next.note);
}

} // namespace vaclip::studio
