#pragma once
// The player's transport controls: go to start, previous ground-truth / predicted segment, step
// back, play/pause, step forward, next predicted / ground-truth segment, go to end, a speed
// combo (x0.25 .. x4) and the frame/time display. Icons are the project's SVGs
// (resources/icons/player/, ui/player/player.qrc), tinted with the palette's button text colour
// so that they read on light and dark palettes.
//
//   auto* bar = new TransportBar(this);
//   bar->setController(player);      // buttons drive it, the display follows it
//
// The bar adds no keyboard shortcuts of its own (the main window owns Space, arrows, Home/End);
// the actions are exposed by action() so that menus and shortcuts can reuse them.
// Thread safety: GUI thread only (a QWidget).

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QToolButton;

namespace vaclip::studio {

class PlayerController;

class TransportBar : public QWidget {
    Q_OBJECT
public:
    enum class Action {
        GoToStart,
        PreviousGroundTruth,
        PreviousAnomaly,
        StepBackward,
        PlayPause,
        StepForward,
        NextAnomaly,
        NextGroundTruth,
        GoToEnd,
    };

    explicit TransportBar(QWidget* parent = nullptr);

    /// Connects the buttons to `controller` (not owned; null disconnects).
    void setController(PlayerController* controller);
    PlayerController* controller() const;

    QAction* action(Action which) const;
    QComboBox* speedCombo() const { return m_speed; }
    /// The frame/time text as shown ("Frame 12 / 300   00:00.48 / 00:12.00").
    QString displayText() const;

    /// A palette-tinted icon from the project's player icons ("play", "pause", ...).
    static QIcon icon(const QString& name, const QPalette& palette);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateDisplay();
    void updatePlayIcon();
    void updateIcons();

    QPointer<PlayerController> m_controller;
    QList<QAction*> m_actions;
    QList<QToolButton*> m_buttons;
    QComboBox* m_speed = nullptr;
    QLabel* m_display = nullptr;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace vaclip::studio
