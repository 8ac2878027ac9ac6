#include "studio/studio_settings.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QSettings>
#include <QSpinBox>
#include <QStyleFactory>
#include <QToolButton>
#include <QVBoxLayout>

namespace vaclip::studio {

namespace {
QSettings store() { return QSettings(QStringLiteral("VideoAnomalyCLIP"), QStringLiteral("vaclip-studio")); }

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6), disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xa8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, disabled);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xa8));
    return p;
}
} // namespace

StudioSettings StudioSettings::load()
{
    QSettings s = store();
    StudioSettings out;
    out.threads = s.value(QStringLiteral("threads"), 0).toInt();
    out.cacheFolder = s.value(QStringLiteral("cacheFolder")).toString();
    out.theme = Theme(std::clamp(s.value(QStringLiteral("theme"), 0).toInt(), 0, 2));
    out.language = s.value(QStringLiteral("language")).toString();
    out.bootstrapSamples = s.value(QStringLiteral("bootstrapSamples"), 200).toInt();
    out.pixelMetrics = pixelMetricsModeFromKey(s.value(QStringLiteral("pixelMetrics")).toString());
    out.recentConfigs = s.value(QStringLiteral("recentConfigs")).toStringList();
    out.recentWorkspaces = s.value(QStringLiteral("recentWorkspaces")).toStringList();
    return out;
}

void StudioSettings::save() const
{
    QSettings s = store();
    s.setValue(QStringLiteral("threads"), threads);
    s.setValue(QStringLiteral("cacheFolder"), cacheFolder);
    s.setValue(QStringLiteral("theme"), int(theme));
    s.setValue(QStringLiteral("language"), language);
    s.setValue(QStringLiteral("bootstrapSamples"), bootstrapSamples);
    s.setValue(QStringLiteral("pixelMetrics"), pixelMetricsModeKey(pixelMetrics));
    s.setValue(QStringLiteral("recentConfigs"), recentConfigs);
    s.setValue(QStringLiteral("recentWorkspaces"), recentWorkspaces);
}

void StudioSettings::addRecent(const QString& configPath)
{
    recentConfigs.removeAll(configPath);
    recentConfigs.prepend(configPath);
    while (recentConfigs.size() > 8)
        recentConfigs.removeLast();
}

void StudioSettings::addRecentWorkspace(const QString& workspacePath)
{
    recentWorkspaces.removeAll(workspacePath);
    recentWorkspaces.prepend(workspacePath);
    while (recentWorkspaces.size() > 8)
        recentWorkspaces.removeLast();
}

void applyTheme(StudioSettings::Theme theme)
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(theme == StudioSettings::Theme::Dark ? darkPalette() : lightPalette());
}

QString pixelMetricsModeKey(PixelMetricsMode mode)
{
    switch (mode) {
    case PixelMetricsMode::OnDemand:
        return QStringLiteral("on_demand");
    case PixelMetricsMode::Off:
        return QStringLiteral("off");
    case PixelMetricsMode::Live:
        break;
    }
    return QStringLiteral("live");
}

PixelMetricsMode pixelMetricsModeFromKey(const QString& key)
{
    if (key == QLatin1String("on_demand"))
        return PixelMetricsMode::OnDemand;
    if (key == QLatin1String("off"))
        return PixelMetricsMode::Off;
    return PixelMetricsMode::Live;
}

SettingsDialog::SettingsDialog(const StudioSettings& settings, QWidget* parent)
    : QDialog(parent), m_settings(settings), m_threads(new QSpinBox(this)), m_cache(new QLineEdit(this)),
      m_theme(new QComboBox(this)), m_language(new QComboBox(this)), m_bootstrap(new QSpinBox(this)),
      m_pixelMetrics(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("all cores"));
    m_threads->setValue(settings.threads);
    m_cache->setText(settings.cacheFolder);
    m_cache->setPlaceholderText(tr("as the configuration says (features.cache_dir)"));
    auto* browse = new QToolButton(this);
    browse->setText(tr("..."));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Feature cache folder"), m_cache->text());
        if (!d.isEmpty())
            m_cache->setText(d);
    });
    auto* cacheRow = new QHBoxLayout;
    cacheRow->addWidget(m_cache, 1);
    cacheRow->addWidget(browse);
    m_theme->addItems({tr("System"), tr("Light"), tr("Dark")});
    m_theme->setCurrentIndex(int(settings.theme));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    m_bootstrap->setRange(0, 10000);
    m_bootstrap->setSpecialValueText(tr("no intervals"));
    m_bootstrap->setValue(settings.bootstrapSamples);
    m_pixelMetrics->setObjectName(QStringLiteral("pixelMetricsMode"));
    m_pixelMetrics->addItem(tr("live, after every re-scoring"), int(PixelMetricsMode::Live));
    m_pixelMetrics->addItem(tr("on demand (Compute now in the metrics panel)"), int(PixelMetricsMode::OnDemand));
    m_pixelMetrics->addItem(tr("off"), int(PixelMetricsMode::Off));
    m_pixelMetrics->setCurrentIndex(std::max(0, m_pixelMetrics->findData(int(settings.pixelMetrics))));
    m_pixelMetrics->setToolTip(tr("Pixel AUROC / AUPRO build a pixel map of every frame of every test video with "
                                  "masks: much slower than the frame metrics."));

    auto* form = new QFormLayout;
    form->addRow(tr("Compute threads"), m_threads);
    form->addRow(tr("Feature cache folder"), cacheRow);
    form->addRow(tr("Theme"), m_theme);
    form->addRow(tr("Language (after restart)"), m_language);
    form->addRow(tr("Bootstrap resamples"), m_bootstrap);
    form->addRow(tr("Pixel metrics"), m_pixelMetrics);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

StudioSettings SettingsDialog::settings() const
{
    StudioSettings s = m_settings;
    s.threads = m_threads->value();
    s.cacheFolder = m_cache->text().trimmed();
    s.theme = StudioSettings::Theme(m_theme->currentIndex());
    s.language = m_language->currentData().toString();
    s.bootstrapSamples = m_bootstrap->value();
    s.pixelMetrics = PixelMetricsMode(m_pixelMetrics->currentData().toInt());
    return s;
}

} // namespace vaclip::studio
