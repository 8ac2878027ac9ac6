#pragma once
// The datasets panel: a tree of datasets -> splits -> videos with frame counts, labels and the
// state of each video's feature cache (checked on a worker: it hashes the video's content).
// Datasets come from the session's configuration, from "Open meta.json...", from importing a
// dataset folder with a dataset-format plugin (plugins/host/dataset_plugin_registry.h: the
// built-in UCSD, ShanghaiTech, Avenue and plain-folder formats and the user's plugins; the user
// picks the format or lets the plugins detect it), or from dropping a meta.json, a folder or
// video files on the panel (or the main window; dropped folders are auto-detected).
// Double-clicking a dataset makes it the test set; double-clicking a test video opens it.
//
//   DatasetsPanel panel(&session);
//   panel.addDataset("data/walkway/meta.json");      // false + error for a bad file
//   panel.importFolder("/data/UCSD/UCSDped2");         // writes <folder>/meta.json, then adds it
//   panel.importFolder("/data/mine", "interval-csv");   // a format by name (registry()->plugins())
//   panel.addVideoFiles({"/videos/a.mp4", "/videos/b.mp4"});
//
// Thread affinity: GUI thread.

#include "data/meta.h"

#include <QFutureWatcher>
#include <QWidget>

#include <map>
#include <memory>
#include <vector>

class QTreeWidget;
class QTreeWidgetItem;
namespace vaclip {
class DatasetPluginRegistry;
}

namespace vaclip::studio {

class StudioSession;

class DatasetsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetsPanel(StudioSession* session, QWidget* parent = nullptr);
    ~DatasetsPanel() override;

    QTreeWidget* tree() const { return m_tree; }
    bool addDataset(const QString& metaPath, QString* error = nullptr);
    /// Imports a dataset folder with the plugin of `format` ("auto": the detected one; then an
    /// existing <folder>/meta.json is used as it is). The meta.json goes into the folder.
    bool importFolder(const QString& folder, const QString& format = QStringLiteral("auto"), QString* error = nullptr);
    /// The dataset-format plugins found at start (pluginSearchFolders(): VACLIP_PLUGIN_PATH, the
    /// install's or build tree's folder, the user's folder).
    vaclip::DatasetPluginRegistry* registry() const { return m_registry.get(); }
    /// Absolute meta.json paths of the datasets in the tree, in order.
    QStringList datasetPaths() const;
    /// A test-only dataset of these videos (their common folder is the root), saved as
    /// <root>/vaclip-videos.json.
    bool addVideoFiles(const QStringList& files, QString* error = nullptr);
    /// Dispatches dropped paths: meta .json, folders, video files.
    void openPaths(const QStringList& paths);
    /// Makes the dataset the session's test set (same backbone, cache and checkpoint).
    bool useForTesting(const QString& metaPath, QString* error = nullptr);

public slots:
    void openMetaDialog();
    /// Asks for a folder, then for its format (ImportDatasetDialog), then imports it.
    void importFolderDialog();
    /// The format question and the import for a known folder (vaclip-studio --import FOLDER).
    void importFolderInteractive(const QString& folder);

signals:
    void errorOccurred(const QString& title, const QString& message);
    /// After plugins were loaded or used (detection, import): registry()->problems() may have grown.
    void pluginsUsed();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void rebuildItem(QTreeWidgetItem* item, const vaclip::DatasetMeta& meta);
    void checkCaches();

    StudioSession* m_session;
    std::unique_ptr<vaclip::DatasetPluginRegistry> m_registry;
    QTreeWidget* m_tree;
    std::map<QString, vaclip::DatasetMeta> m_datasets;  // by absolute meta path
    QFutureWatcher<std::vector<std::pair<QString, int>>> m_cacheWatcher;
};

} // namespace vaclip::studio
