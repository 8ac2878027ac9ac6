// The built-in "ucsd-ped2" dataset format (core/data) packaged as a plugin; metadata in ucsd_ped2.json.
#include "builtin_format_plugin.h"

#include <QObject>

namespace vaclip::plugins {

class UcsdPed2Plugin final : public QObject, public BuiltinFormatPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VACLIP_DATASET_PLUGIN_IID FILE "ucsd_ped2.json")
    Q_INTERFACES(vaclip::DatasetFormat)

public:
    UcsdPed2Plugin() : BuiltinFormatPlugin("ucsd-ped2") {}
};

} // namespace vaclip::plugins

#include "ucsd_ped2_plugin.moc"
