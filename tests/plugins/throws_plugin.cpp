// Test plugin "test-throws": loads fine, then throws from detect(), import() and
// readGroundTruth() - a std::runtime_error, or a vaclip::Error when the dataset root holds a
// file named "raise-vaclip-error" (a dataset problem, which the host passes through unchanged).
#include "vaclip_dataset_plugin.h"

#include "common/error.h"

#include <QObject>

#include <stdexcept>

namespace {

[[noreturn]] void fail(const std::filesystem::path& root, const std::string& what)
{
    if (std::filesystem::exists(root / "raise-vaclip-error"))
        throw vaclip::Error(vaclip::ErrorCode::Format, vaclip::quoted((root / "raise-vaclip-error").string())
                                                           + ": a dataset problem the plugin found");
    throw std::runtime_error("deliberately broken " + what);
}

} // namespace

class ThrowsPlugin final : public QObject, public vaclip::DatasetFormat {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID VACLIP_DATASET_PLUGIN_IID FILE "throws.json")
    Q_INTERFACES(vaclip::DatasetFormat)

public:
    std::string name() const override { return "test-throws"; }
    std::string description() const override { return "test plugin whose detect and import throw"; }
    bool isCatchAll() const override { return false; }
    bool detect(const std::filesystem::path&) const override { throw std::runtime_error("deliberately broken detect"); }
    void import(vaclip::ImportContext& ctx) const override { fail(ctx.sourceRoot(), "import"); }
    std::vector<vaclip::VideoGroundTruth> readGroundTruth(const std::filesystem::path& root) const override
    {
        fail(root, "readGroundTruth");
    }
};

#include "throws_plugin.moc"
