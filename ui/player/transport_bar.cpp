#include "player/transport_bar.h"

#include "widgets/display_format.h"

#include "player/player_controller.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QSvgRenderer>
#include <QToolButton>

// Resources of a static library are registered explicitly (the linker may drop the initialiser).
static void initPlayerResources()
{
    Q_INIT_RESOURCE(player);
}

namespace vaclip::studio {

namespace {

constexpr double kSpeeds[] = {0.25, 0.5, 1.0, 1.5, 2.0, 4.0};

QPixmap tinted(QSvgRenderer& svg, int size, qreal dpr, const QColor& colour)
{
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    svg.render(&p, QRectF(0, 0, size, size));
    p.setCompositionMode(QPainter::CompositionMode_SourceIn);
    p.fillRect(QRectF(0, 0, size, size), colour);
    return pm;
}

} // namespace

QIcon TransportBar::icon(const QString& name, const QPalette& palette)
{
    initPlayerResources();
    QSvgRenderer svg(QStringLiteral(":/icons/player/%1.svg").arg(name));
    QIcon icon;
    if (!svg.isValid())
        return icon;
    for (int size : {16, 24, 32}) {
        for (qreal dpr : {1.0, 2.0}) {
            icon.addPixmap(tinted(svg, size, dpr, palette.color(QPalette::Active, QPalette::ButtonText)), QIcon::Normal);
            icon.addPixmap(tinted(svg, size, dpr, palette.color(QPalette::Disabled, QPalette::ButtonText)), QIcon::Disabled);
        }
    }
    return icon;
}

TransportBar::TransportBar(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    struct Spec {
        Action id;
        QString text;
    };
    const Spec specs[] = {
        {Action::GoToStart, tr("Go to start (Home)")},
        {Action::PreviousGroundTruth, tr("Previous ground-truth segment")},
        {Action::PreviousAnomaly, tr("Previous predicted anomaly")},
        {Action::StepBackward, tr("Step back one frame (Left)")},
        {Action::PlayPause, tr("Play (Space)")},
        {Action::StepForward, tr("Step forward one frame (Right)")},
        {Action::NextAnomaly, tr("Next predicted anomaly")},
        {Action::NextGroundTruth, tr("Next ground-truth segment")},
        {Action::GoToEnd, tr("Go to end (End)")},
    };
    for (const Spec& s : specs) {
        auto* a = new QAction(s.text, this);
        a->setToolTip(s.text);
        m_actions.push_back(a);
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setAutoRaise(true);
        b->setIconSize(QSize(22, 22));
        m_buttons.push_back(b);
        layout->addWidget(b);
        if (s.id == Action::PreviousAnomaly || s.id == Action::NextAnomaly)
            layout->addSpacing(4);
    }
    layout->addSpacing(8);
    m_speed = new QComboBox(this);
    for (double sp : kSpeeds)
        m_speed->addItem(tr("x%1").arg(sp), sp);
    m_speed->setCurrentIndex(2);
    m_speed->setToolTip(tr("Playback speed"));
    layout->addWidget(m_speed);
    layout->addSpacing(8);
    m_display = new QLabel(this);
    m_display->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_display->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_display);
    layout->addStretch(1);
    updateIcons();
    setController(nullptr);
}

PlayerController* TransportBar::controller() const
{
    return m_controller.data();
}

QAction* TransportBar::action(Action which) const
{
    return m_actions.value(int(which));
}

void TransportBar::setController(PlayerController* controller)
{
    for (const auto& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_controller = controller;
    for (QAction* a : std::as_const(m_actions))
        a->setEnabled(controller != nullptr);
    m_speed->setEnabled(controller != nullptr);
    if (controller) {
        PlayerController* c = controller;
        auto on = [&](Action a, auto fn) {
            m_connections.push_back(connect(action(a), &QAction::triggered, c, fn));
        };
        on(Action::GoToStart, [c] { c->goToStart(); });
        on(Action::PreviousGroundTruth, [c] { c->previousGroundTruthSegment(); });
        on(Action::PreviousAnomaly, [c] { c->previousPredictedSegment(); });
        on(Action::StepBackward, [c] { c->stepBackward(); });
        on(Action::PlayPause, [c] { c->togglePlay(); });
        on(Action::StepForward, [c] { c->stepForward(); });
        on(Action::NextAnomaly, [c] { c->nextPredictedSegment(); });
        on(Action::NextGroundTruth, [c] { c->nextGroundTruthSegment(); });
        on(Action::GoToEnd, [c] { c->goToEnd(); });
        m_connections.push_back(connect(m_speed, &QComboBox::currentIndexChanged, c, [this, c](int i) {
            c->setSpeed(m_speed->itemData(i).toDouble());
        }));
        m_connections.push_back(connect(c, &PlayerController::speedChanged, this, [this](double sp) {
            const int i = m_speed->findData(sp);
            if (i >= 0)
                m_speed->setCurrentIndex(i);
        }));
        m_connections.push_back(connect(c, &PlayerController::playheadChanged, this, &TransportBar::updateDisplay));
        m_connections.push_back(connect(c, &PlayerController::videoChanged, this, &TransportBar::updateDisplay));
        m_connections.push_back(connect(c, &PlayerController::playingChanged, this, &TransportBar::updatePlayIcon));
        const int i = m_speed->findData(c->speed());
        if (i >= 0)
            m_speed->setCurrentIndex(i);
    }
    updatePlayIcon();
    updateDisplay();
}

QString TransportBar::displayText() const
{
    return m_display->text();
}

void TransportBar::updateDisplay()
{
    if (!m_controller || m_controller->frameCount() <= 0) {
        m_display->setText(tr("Frame - / -"));
        return;
    }
    const int frames = m_controller->frameCount();
    const int p = m_controller->playhead();
    // Frames shown 1-based, as everywhere on screen in the studio (widgets/display_format.h):
    // "Frame 64 / 64" is the last frame; the time is the frame's start.
    const QLocale locale;
    m_display->setText(tr("Frame %1 / %2   %3 / %4")
                           .arg(displayFrame(p, locale).rightJustified(displayFrameCount(frames, locale).size()),
                                displayFrameCount(frames, locale))
                           .arg(m_controller->timeText(p), m_controller->timeText(frames - 1)));
}

void TransportBar::updatePlayIcon()
{
    QAction* a = action(Action::PlayPause);
    const bool playing = m_controller && m_controller->isPlaying();
    a->setIcon(icon(playing ? QStringLiteral("pause") : QStringLiteral("play"), palette()));
    a->setText(playing ? tr("Pause (Space)") : tr("Play (Space)"));
    a->setToolTip(a->text());
}

void TransportBar::updateIcons()
{
    static const char* const names[] = {"go-start",     "previous-ground-truth", "previous-anomaly",
                                        "step-backward", "play",                  "step-forward",
                                        "next-anomaly", "next-ground-truth",     "go-end"};
    for (int i = 0; i < m_actions.size(); ++i)
        m_actions[i]->setIcon(icon(QString::fromLatin1(names[i]), palette()));
    updatePlayIcon();
}

void TransportBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcons();
    QWidget::changeEvent(event);
}

} // namespace vaclip::studio
