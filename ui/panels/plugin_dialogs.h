#pragma once
// The studio's views of the dataset-format plugins (plugins/host/dataset_plugin_registry.h):
// the format chooser shown when a dataset folder is imported, and Help > Plugins, which lists
// every plugin found (built-in and the user's), whether it loaded, and every plugin that was
// skipped with the reason, plus the folders searched.
//
//   vaclip::DatasetPluginRegistry registry(vaclip::pluginSearchFolders());
//   ImportDatasetDialog choose(registry, "/data/UCSD/UCSDped2", this);   // detects the format
//   if (choose.exec() == QDialog::Accepted) panel.importFolder(folder, choose.format());
//   PluginsDialog(registry, this).exec();                                // loads every plugin
//
// Detection and loading run on the GUI thread: they read a folder listing and dlopen small
// shared objects (milliseconds). The registry must outlive the dialogs.
// Thread affinity: GUI thread.

#include <QDialog>
#include <QString>
#include <QStringList>

class QComboBox;
class QLabel;
class QTreeWidget;
namespace vaclip {
class DatasetPluginRegistry;
}

namespace vaclip::studio {

/// Lets the user pick the format of a dataset folder: "Auto-detect" (preselected when a plugin
/// recognises the folder) or any format of the registry, with what each plugin reads.
class ImportDatasetDialog : public QDialog {
    Q_OBJECT
public:
    ImportDatasetDialog(vaclip::DatasetPluginRegistry& registry, const QString& folder, QWidget* parent = nullptr);

    /// The chosen format name, or "auto".
    QString format() const;
    /// The formats that recognised the folder, best first (empty: none did).
    QStringList detected() const { return m_detected; }
    QComboBox* formatBox() const { return m_format; }

private:
    void describe();

    vaclip::DatasetPluginRegistry& m_registry;
    QStringList m_detected;
    QComboBox* m_format;
    QLabel* m_details;
};

/// Help > Plugins: one row per plugin (format, version, origin, state, file) and one row per
/// problem (a library that was skipped, or a plugin that failed to load or threw).
class PluginsDialog : public QDialog {
    Q_OBJECT
public:
    explicit PluginsDialog(vaclip::DatasetPluginRegistry& registry, QWidget* parent = nullptr);

    QTreeWidget* pluginTree() const { return m_plugins; }
    QTreeWidget* problemTree() const { return m_problems; }

private:
    QTreeWidget* m_plugins;
    QTreeWidget* m_problems;
};

} // namespace vaclip::studio
