#pragma once
// How the studio shows numbers to users: one convention for every panel.
//
//   label->setText(tr("Frame %1 / %2").arg(displayFrame(index), displayFrameCount(frames)));
//   scoreLabel->setText(displayNumber(0.8125, 3));          // "0.813", "0,813" in German
//   int index = frameFromDisplay(spin->value());            // back to the 0-based index
//
// Frames: files, the CLI, the engine and every API count frames from 0 (ground-truth files,
// score arrays, AnnotationModel, PlayerController::playhead()). On screen the studio counts from
// 1: the transport, the status bar, the timeline's axis and tooltips, the annotation table and
// the comparison view all show frame index i as "i + 1", and "Frame 64 / 64" is the last frame of
// a 64-frame video. Convert only at the display boundary, with these functions.
// Decimals: shown in the studio's locale (QLocale(), set from the language: studio_language.h),
// so German shows "0,813"; files (CSV, JSON, YAML, the run report's data) use the C locale.
// Thread safety: pure functions (QLocale() reads the process default set at start-up).

#include <QLocale>
#include <QString>

#include <cmath>

namespace vaclip::studio {

/// Frame numbers are counters, not quantities: the locale's digits without group separators.
inline QLocale frameLocale(QLocale locale = QLocale())
{
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale;
}

/// A 0-based frame index as users see it (1-based: index 0 is "1").
inline QString displayFrame(qint64 index, const QLocale& locale = QLocale())
{
    return frameLocale(locale).toString(index + 1);
}

/// A frame count (no shift: 64 frames are "64").
inline QString displayFrameCount(qint64 frames, const QLocale& locale = QLocale())
{
    return frameLocale(locale).toString(frames);
}

/// The 0-based index of the frame a user typed or read as `shown` (1-based).
inline qint64 frameFromDisplay(qint64 shown)
{
    return shown - 1;
}

/// A score, metric or threshold with `decimals` decimals in the display locale; "–" when not finite.
inline QString displayNumber(double value, int decimals, const QLocale& locale = QLocale())
{
    return std::isfinite(value) ? locale.toString(value, 'f', decimals) : QStringLiteral("\u2013");
}

} // namespace vaclip::studio
