#include "panels/datasets_panel.h"

#include "dataset_plugin_registry.h"
#include "data/importers.h"
#include "panels/plugin_dialogs.h"
#include "features/feature_cache.h"
#include "studio/studio_session.h"
#include "train/feature_data.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMimeData>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>

namespace vaclip::studio {

using namespace vaclip;

namespace {
enum Column { ColName, ColFrames, ColLabel, ColFeatures };
constexpr int kPathRole = Qt::UserRole;       // dataset item: meta path; video item: absolute path
constexpr int kKindRole = Qt::UserRole + 1;   // "dataset", "split", "video"
constexpr int kSplitRole = Qt::UserRole + 2;  // video item: split name
constexpr int kNameRole = Qt::UserRole + 3;   // video item: video_path as written in meta.json

QString q(const std::string& s) { return QString::fromStdString(s); }
} // namespace

DatasetsPanel::DatasetsPanel(StudioSession* session, QWidget* parent)
    : QWidget(parent), m_session(session),
      m_registry(std::make_unique<DatasetPluginRegistry>(pluginSearchFolders())),  // problems: Help > Plugins
      m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("datasetsPanel"));
    setAcceptDrops(true);
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Dataset / video"), tr("Frames"), tr("Label"), tr("Features")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(ColName, QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(ColName, 210);
    m_tree->setUniformRowHeights(true);
    m_tree->setTextElideMode(Qt::ElideLeft);  // video names differ at their ends (..._010_cart.mp4)
    auto* open = new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("Open..."), this);
    open->setToolTip(tr("Open a dataset's meta.json"));
    auto* import = new QPushButton(QIcon(QStringLiteral(":/icons/dataset.svg")), tr("Import folder..."), this);
    import->setToolTip(tr("Import a dataset folder with a dataset-format plugin (UCSD Ped1/Ped2, ShanghaiTech, Avenue, plain folder of videos, your plugins)"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(import);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_tree, 1);

    connect(open, &QPushButton::clicked, this, &DatasetsPanel::openMetaDialog);
    connect(import, &QPushButton::clicked, this, &DatasetsPanel::importFolderDialog);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item, int) {
        const QString kind = item->data(ColName, kKindRole).toString();
        if (kind == QStringLiteral("dataset")) {
            QString error;
            if (!useForTesting(item->data(ColName, kPathRole).toString(), &error))
                emit errorOccurred(tr("Cannot use this dataset"), error);
        } else if (kind == QStringLiteral("video") && item->data(ColName, kSplitRole).toString() == QStringLiteral("test")) {
            const int index = m_session->testSet() ? m_session->testSet()->videos.indexOf(item->data(ColName, kNameRole).toString()) : -1;
            if (index >= 0)
                m_session->setCurrentVideo(index);
        }
    });
    connect(session, &StudioSession::configChanged, this, [this] {
        addDataset(QString::fromStdString(m_session->config().dataset.meta));
    });
    connect(session, &StudioSession::testSetLoaded, this, [this] { checkCaches(); });
    connect(&m_cacheWatcher, &QFutureWatcher<std::vector<std::pair<QString, int>>>::finished, this, [this] {
        std::map<QString, int> state;
        for (const auto& [path, s] : m_cacheWatcher.result())
            state[path] = s;
        for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
            if ((*it)->data(ColName, kKindRole).toString() != QStringLiteral("video"))
                continue;
            auto f = state.find((*it)->data(ColName, kPathRole).toString());
            if (f == state.end())
                continue;
            (*it)->setIcon(ColFeatures, QIcon(f->second > 0 ? QStringLiteral(":/icons/check.svg") : QStringLiteral(":/icons/cross.svg")));
            (*it)->setText(ColFeatures, f->second > 0 ? tr("cached") : f->second == 0 ? tr("missing") : tr("unreadable"));
        }
    });
}

DatasetsPanel::~DatasetsPanel()
{
    m_cacheWatcher.waitForFinished();
}

bool DatasetsPanel::addDataset(const QString& metaPath, QString* error)
{
    if (metaPath.isEmpty())
        return false;
    try {
        const QString abs = QFileInfo(metaPath).absoluteFilePath();
        LoadMetaOptions mo;
        mo.checkFilesExist = false;
        if (m_session->hasConfig() && QFileInfo(q(m_session->config().dataset.meta)).absoluteFilePath() == abs)
            mo.root = m_session->config().dataset.root;
        DatasetMeta meta = loadMeta(abs.toStdString(), mo);
        QTreeWidgetItem* item = nullptr;
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
            if (m_tree->topLevelItem(i)->data(ColName, kPathRole).toString() == abs)
                item = m_tree->topLevelItem(i);
        if (!item)
            item = new QTreeWidgetItem(m_tree);
        item->setData(ColName, kPathRole, abs);
        item->setData(ColName, kKindRole, QStringLiteral("dataset"));
        rebuildItem(item, meta);
        m_datasets[abs] = std::move(meta);
        checkCaches();
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = q(e.what());
        return false;
    }
}

void DatasetsPanel::rebuildItem(QTreeWidgetItem* item, const DatasetMeta& meta)
{
    qDeleteAll(item->takeChildren());
    const QFileInfo fi(q(meta.sourcePath));
    item->setText(ColName, fi.dir().dirName() + QStringLiteral("/") + fi.fileName());
    item->setToolTip(ColName, q(meta.sourcePath));
    item->setIcon(ColName, QIcon(QStringLiteral(":/icons/dataset.svg")));
    item->setText(ColFrames, QString());
    item->setText(ColLabel, tr("%1 train, %2 test").arg(meta.train.size()).arg(meta.test.size()));
    for (const char* split : {"train", "test"}) {
        const auto& videos = meta.split(split);
        auto* s = new QTreeWidgetItem(item);
        s->setText(ColName, std::string(split) == "train" ? tr("train") : tr("test"));
        s->setData(ColName, kKindRole, QStringLiteral("split"));
        s->setText(ColLabel, tr("%1 of %2 anomalous").arg(meta.anomalousCount(split)).arg(videos.size()));
        for (const VideoEntry& v : videos) {
            auto* it = new QTreeWidgetItem(s);
            it->setText(ColName, QFileInfo(q(v.videoPath)).fileName());
            it->setData(ColName, kNameRole, q(v.videoPath));
            it->setToolTip(ColName, q(v.absolutePath));
            it->setIcon(ColName, QIcon(QStringLiteral(":/icons/video.svg")));
            it->setData(ColName, kPathRole, q(v.absolutePath));
            it->setData(ColName, kKindRole, QStringLiteral("video"));
            it->setData(ColName, kSplitRole, QString::fromLatin1(split));
            it->setText(ColFrames, v.frameCount ? QString::number(*v.frameCount) : QStringLiteral("?"));
            it->setTextAlignment(ColFrames, Qt::AlignRight | Qt::AlignVCenter);
            it->setText(ColLabel, v.anomaly ? tr("anomalous") : tr("normal"));
            it->setText(ColFeatures, QStringLiteral("…"));
        }
    }
    item->setExpanded(true);
    if (item->childCount() > 1)
        item->child(1)->setExpanded(true);
}

void DatasetsPanel::checkCaches()
{
    if (!m_session->hasConfig() || !m_session->testSet() || m_cacheWatcher.isRunning())
        return;
    std::vector<QString> videos;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(ColName, kKindRole).toString() == QStringLiteral("video"))
            videos.push_back((*it)->data(ColName, kPathRole).toString());
    const std::string cacheDir = m_session->config().features.cacheDir;
    const std::string backbone = m_session->testSet()->backboneId.toStdString();
    const std::string prep = train::preprocessingId(m_session->config());
    m_cacheWatcher.setFuture(QtConcurrent::run([videos, cacheDir, backbone, prep] {
        std::vector<std::pair<QString, int>> out;
        const FeatureCache cache(cacheDir);
        for (const QString& v : videos) {
            int state = -1;
            try {
                const FeatureKey key{videoContentId(v.toStdString()), backbone, prep};
                state = std::filesystem::exists(cache.videoFile(key)) ? 1 : 0;
            } catch (const std::exception&) {
            }
            out.emplace_back(v, state);
        }
        return out;
    }));
}

QStringList DatasetsPanel::datasetPaths() const
{
    QStringList out;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        out << m_tree->topLevelItem(i)->data(ColName, kPathRole).toString();
    return out;
}

bool DatasetsPanel::importFolder(const QString& folder, const QString& format, QString* error)
{
    try {
        const QString metaPath = QDir(folder).absoluteFilePath(QStringLiteral("meta.json"));
        const bool autoFormat = format.isEmpty() || format == QStringLiteral("auto");
        if (!autoFormat || !QFileInfo::exists(metaPath)) {
            const ImportResult r = m_registry->importDataset(
                {autoFormat ? std::string("auto") : format.toStdString(), QDir(folder).absolutePath().toStdString(), metaPath.toStdString()});
            writeImport(r, metaPath.toStdString());
        }
        emit pluginsUsed();
        return addDataset(metaPath, error);
    } catch (const std::exception& e) {
        emit pluginsUsed();
        if (error)
            *error = q(e.what());
        return false;
    }
}

bool DatasetsPanel::addVideoFiles(const QStringList& files, QString* error)
{
    if (files.isEmpty())
        return false;
    try {
        std::filesystem::path root = std::filesystem::path(QFileInfo(files.front()).absolutePath().toStdString());
        for (const QString& f : files)
            while (!isInsideRoot(root.string(), QFileInfo(f).absoluteFilePath().toStdString()) && root.has_parent_path() &&
                   root != root.parent_path())
                root = root.parent_path();
        DatasetMeta meta;
        meta.root = root.string();
        for (const QString& f : files) {
            VideoEntry e;
            e.split = "test";
            e.category = "videos";
            e.absolutePath = QFileInfo(f).absoluteFilePath().toStdString();
            e.videoPath = relativeToRoot(meta.root, e.absolutePath);
            meta.test.push_back(e);
        }
        const std::string out = (root / "vaclip-videos.json").string();
        saveMeta(meta, out);
        return addDataset(q(out), error);
    } catch (const std::exception& e) {
        if (error)
            *error = q(e.what());
        return false;
    }
}

void DatasetsPanel::openPaths(const QStringList& paths)
{
    QStringList videos;
    for (const QString& p : paths) {
        const QFileInfo fi(p);
        QString error;
        bool ok = true;
        if (fi.isDir())
            ok = importFolder(p, QStringLiteral("auto"), &error);
        else if (fi.suffix().compare(QStringLiteral("json"), Qt::CaseInsensitive) == 0)
            ok = addDataset(p, &error);
        else
            videos << p;
        if (!ok)
            emit errorOccurred(tr("Cannot open %1").arg(fi.fileName()), error);
    }
    QString error;
    if (!videos.isEmpty() && !addVideoFiles(videos, &error))
        emit errorOccurred(tr("Cannot add the videos"), error);
}

bool DatasetsPanel::useForTesting(const QString& metaPath, QString* error)
{
    auto it = m_datasets.find(QFileInfo(metaPath).absoluteFilePath());
    if (it == m_datasets.end() || !m_session->hasConfig()) {
        if (error)
            *error = tr("Open a configuration first (File > Open configuration): it names the backbone and the feature cache.");
        return false;
    }
    Config c = m_session->config();
    c.dataset.meta = it->second.sourcePath;
    c.dataset.root = it->second.root;
    return m_session->setConfig(c, m_session->configPath(), error);
}

void DatasetsPanel::openMetaDialog()
{
    const QString p = QFileDialog::getOpenFileName(this, tr("Open dataset"), QString(), tr("Dataset meta (*.json)"));
    QString error;
    if (!p.isEmpty() && !addDataset(p, &error))
        emit errorOccurred(tr("Cannot open the dataset"), error);
}

void DatasetsPanel::importFolderDialog()
{
    const QString p = QFileDialog::getExistingDirectory(this, tr("Import dataset folder"));
    if (!p.isEmpty())
        importFolderInteractive(p);
}

void DatasetsPanel::importFolderInteractive(const QString& p)
{
    ImportDatasetDialog choose(*m_registry, p, this);
    emit pluginsUsed();  // detection loaded every plugin
    if (choose.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!importFolder(p, choose.format(), &error))
        emit errorOccurred(tr("Cannot import the folder"), error);
}

void DatasetsPanel::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void DatasetsPanel::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& u : event->mimeData()->urls())
        if (u.isLocalFile())
            paths << u.toLocalFile();
    openPaths(paths);
    event->acceptProposedAction();
}

} // namespace vaclip::studio
