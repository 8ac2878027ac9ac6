// The built-in "ucsd-ped1" dataset format (core/data) packaged as a plugin; metadata in ucsd_ped1.json.
#include "builtin_format_plugin.h"

#include <QObject>

namespace vaclip::plugins {

class UcsdPed1Plugin final : public QObject, public BuiltinFormatPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VACLIP_DATASET_PLUGIN_IID FILE "ucsd_ped1.json")
    Q_INTERFACES(vaclip::DatasetFormat)

public:
    UcsdPed1Plugin() : BuiltinFormatPlugin("ucsd-ped1") {}
};

} // namespace vaclip::plugins

#include "ucsd_ped1_plugin.moc"
