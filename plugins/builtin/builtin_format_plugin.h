#pragma once
// The base of the plugins that ship the engine's built-in formats (ucsd_ped1/, ucsd_ped2/,
// shanghaitech/, avenue/, folder/): every call goes to core's implementation of the same name
// (data/dataset_format.h), so the science and its tests stay in core/data and the plugin adds
// only packaging: metadata, discovery, loading.
//
//   class AvenuePlugin final : public QObject, public vaclip::plugins::BuiltinFormatPlugin {
//       Q_OBJECT
//       Q_PLUGIN_METADATA(IID VACLIP_DATASET_PLUGIN_IID FILE "avenue.json")
//       Q_INTERFACES(vaclip::DatasetFormat)
//   public:
//       AvenuePlugin() : BuiltinFormatPlugin("avenue") {}
//   };
//
// Thread safety: as the wrapped format (stateless).

#include "vaclip_dataset_plugin.h"

namespace vaclip::plugins {

class BuiltinFormatPlugin : public DatasetFormat {
public:
    std::string name() const override;
    std::string description() const override;
    bool isCatchAll() const override;
    bool detect(const std::filesystem::path& root) const override;
    void import(ImportContext& ctx) const override;
    std::vector<VideoGroundTruth> readGroundTruth(const std::filesystem::path& root) const override;

protected:
    /// Throws vaclip::Error (NotFound) when core has no format `name` (a build mix-up).
    explicit BuiltinFormatPlugin(const std::string& name);

private:
    const DatasetFormat& m_format;
};

} // namespace vaclip::plugins
