#pragma once
// The studio's persistent settings (QSettings, organisation "VideoAnomalyCLIP", application
// "vaclip-studio"), the light/dark palettes, and the settings dialog.
//
//   StudioSettings s = StudioSettings::load();
//   s.theme = StudioSettings::Theme::Dark;
//   s.save();
//   applyTheme(s.theme);                 // Fusion style + palette, app-wide
//   SettingsDialog dialog(s, this);  if (dialog.exec() == QDialog::Accepted) s = dialog.settings();
//
// threads: LibTorch intra-op threads for scoring and jobs (0 = all cores); cacheFolder: overrides
// features.cache_dir of opened configurations when not empty; language: "" = the system's;
// pixelMetrics: when pixel AUROC/AUPRO are computed (live after every re-scoring, on demand, off;
// stored as "live" / "on_demand" / "off").
// Thread affinity: GUI thread.

#include "studio/scoring_engine.h"

#include <QDialog>
#include <QString>
#include <QStringList>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace vaclip::studio {

struct StudioSettings {
    enum class Theme { System, Light, Dark };
    int threads = 0;
    QString cacheFolder;
    Theme theme = Theme::System;
    QString language;               ///< "", "en", "de", "zh_CN"
    int bootstrapSamples = 200;     ///< per re-scoring (0 = no intervals)
    PixelMetricsMode pixelMetrics = PixelMetricsMode::Live;
    QStringList recentConfigs;      ///< most recent first, at most 8
    QStringList recentWorkspaces;   ///< workspace files (.vaclip), most recent first, at most 8

    static StudioSettings load();
    void save() const;
    void addRecent(const QString& configPath);
    void addRecentWorkspace(const QString& workspacePath);
};

/// Fusion style with a light or dark palette (System: Fusion's standard, light palette; Qt 6.4
/// cannot ask the platform for its colour scheme).
void applyTheme(StudioSettings::Theme theme);

/// "live", "on_demand", "off" (the settings file's words) and back; unknown words -> Live.
QString pixelMetricsModeKey(PixelMetricsMode mode);
PixelMetricsMode pixelMetricsModeFromKey(const QString& key);

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const StudioSettings& settings, QWidget* parent = nullptr);
    StudioSettings settings() const;

private:
    StudioSettings m_settings;
    QSpinBox* m_threads;
    QLineEdit* m_cache;
    QComboBox* m_theme;
    QComboBox* m_language;
    QSpinBox* m_bootstrap;
    QComboBox* m_pixelMetrics;
};

} // namespace vaclip::studio
