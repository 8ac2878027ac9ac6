// The built-in "avenue" dataset format (core/data) packaged as a plugin; metadata in avenue.json.
#include "builtin_format_plugin.h"

#include <QObject>

namespace vaclip::plugins {

class AvenuePlugin final : public QObject, public BuiltinFormatPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VACLIP_DATASET_PLUGIN_IID FILE "avenue.json")
    Q_INTERFACES(vaclip::DatasetFormat)

public:
    AvenuePlugin() : BuiltinFormatPlugin("avenue") {}
};

} // namespace vaclip::plugins

#include "avenue_plugin.moc"
