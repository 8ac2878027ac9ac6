// Test plugin whose name() ("something-else") differs from the name in its metadata.
#include "vaclip_dataset_plugin.h"

#include <QObject>

class MisnamedPlugin final : public QObject, public vaclip::DatasetFormat {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VACLIP_DATASET_PLUGIN_IID FILE "misnamed.json")
    Q_INTERFACES(vaclip::DatasetFormat)

public:
    std::string name() const override { return "something-else"; }
    std::string description() const override { return "misnamed"; }
    bool isCatchAll() const override { return false; }
    bool detect(const std::filesystem::path&) const override { return false; }
    void import(vaclip::ImportContext&) const override {}
    std::vector<vaclip::VideoGroundTruth> readGroundTruth(const std::filesystem::path&) const override { return {}; }
};

#include "misnamed_plugin.moc"
