#include "builtin_format_plugin.h"

#include "common/error.h"

namespace vaclip::plugins {

namespace {

const DatasetFormat& builtin(const std::string& name)
{
    if (const DatasetFormat* f = builtinFormat(name))
        return *f;
    throw Error(ErrorCode::NotFound, "the engine has no built-in dataset format '" + name + "'");
}

} // namespace

BuiltinFormatPlugin::BuiltinFormatPlugin(const std::string& name) : m_format(builtin(name)) {}

std::string BuiltinFormatPlugin::name() const { return m_format.name(); }
std::string BuiltinFormatPlugin::description() const { return m_format.description(); }
bool BuiltinFormatPlugin::isCatchAll() const { return m_format.isCatchAll(); }
bool BuiltinFormatPlugin::detect(const std::filesystem::path& root) const { return m_format.detect(root); }
void BuiltinFormatPlugin::import(ImportContext& ctx) const { m_format.import(ctx); }

std::vector<VideoGroundTruth> BuiltinFormatPlugin::readGroundTruth(const std::filesystem::path& root) const
{
    return m_format.readGroundTruth(root);
}

} // namespace vaclip::plugins
