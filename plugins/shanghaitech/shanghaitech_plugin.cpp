// The built-in "shanghaitech" dataset format (core/data) packaged as a plugin; metadata in shanghaitech.json.
#include "builtin_format_plugin.h"

#include <QObject>

namespace vaclip::plugins {

class ShanghaiTechPlugin final : public QObject, public BuiltinFormatPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VACLIP_DATASET_PLUGIN_IID FILE "shanghaitech.json")
    Q_INTERFACES(vaclip::DatasetFormat)

public:
    ShanghaiTechPlugin() : BuiltinFormatPlugin("shanghaitech") {}
};

} // namespace vaclip::plugins

#include "shanghaitech_plugin.moc"
