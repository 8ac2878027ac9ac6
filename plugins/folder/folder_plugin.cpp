// The built-in "folder" dataset format (core/data) packaged as a plugin; metadata in folder.json.
#include "builtin_format_plugin.h"

#include <QObject>

namespace vaclip::plugins {

class FolderPlugin final : public QObject, public BuiltinFormatPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VACLIP_DATASET_PLUGIN_IID FILE "folder.json")
    Q_INTERFACES(vaclip::DatasetFormat)

public:
    FolderPlugin() : BuiltinFormatPlugin("folder") {}
};

} // namespace vaclip::plugins

#include "folder_plugin.moc"
