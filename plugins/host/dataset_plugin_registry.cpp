// Plugin discovery with QPluginLoader: metadata without loading, loading on first use, every
// failure reported and the plugin skipped.
#include "dataset_plugin_registry.h"

#include "common/error.h"
#include "vaclip_dataset_plugin.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLibrary>
#include <QPluginLoader>

#include <exception>

namespace fs = std::filesystem;

namespace vaclip {

struct DatasetPluginRegistry::Slot {
    std::unique_ptr<QPluginLoader> loader;
    DatasetFormat* format = nullptr;
    bool broken = false;
    std::string lastProblem;
};

namespace {

std::string str(const QString& s) { return s.toStdString(); }
QString qstr(const std::string& s) { return QString::fromStdString(s); }

/// Lower-case letters, digits and '-', starting with a letter or digit; "auto" is reserved.
bool validName(const std::string& name)
{
    if (name.empty() || name == "auto" || name.front() == '-')
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

std::string describe(std::exception_ptr e)
{
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& x) {
        return x.what();
    } catch (...) {
        return "an exception that is not a std::exception";
    }
}

} // namespace

DatasetPluginRegistry::DatasetPluginRegistry(std::vector<PluginFolder> folders, Reporter reporter)
    : m_folders(std::move(folders)), m_reporter(std::move(reporter))
{
    for (const PluginFolder& f : m_folders)
        scan(f);
}

DatasetPluginRegistry::~DatasetPluginRegistry() = default;

void DatasetPluginRegistry::report(const std::string& file, const std::string& message)
{
    m_problems.push_back(file + ": " + message);
    if (m_reporter)
        m_reporter("dataset plugin " + quoted(file) + " skipped: " + message);
}

void DatasetPluginRegistry::scan(const PluginFolder& folder)
{
    const QDir dir(qstr(folder.path.string()));
    if (!dir.exists())
        return;
    const QStringList entries = dir.entryList(QDir::Files | QDir::Readable, QDir::Name);
    for (const QString& entry : entries) {
        const QString path = dir.absoluteFilePath(entry);
        if (!QLibrary::isLibrary(path))
            continue;   // READMEs, JSON files, ...: not candidates
        const std::string file = str(path);
        const QPluginLoader loader(path);   // metaData() reads the file; it does not load it
        const QJsonObject md = loader.metaData();
        if (md.isEmpty()) {
            report(file, "not a Qt plugin (" + str(loader.errorString()) + ")");
            continue;
        }
        const std::string iid = str(md.value(QStringLiteral("IID")).toString());
        if (iid != VACLIP_DATASET_PLUGIN_IID) {
            const std::string prefix = VACLIP_DATASET_PLUGIN_IID_PREFIX;
            if (iid.rfind(prefix, 0) == 0)
                report(file, "built for dataset plugin SDK " + iid.substr(prefix.size()) + ", this vaclip loads SDK "
                                 + std::string(VACLIP_DATASET_PLUGIN_IID).substr(prefix.size())
                                 + " (rebuild it against this version)");
            else
                report(file, "not a vaclip dataset plugin (interface '" + iid + "')");
            continue;
        }
        const QJsonObject meta = md.value(QStringLiteral("MetaData")).toObject();
        DatasetPluginInfo info;
        info.file = file;
        info.origin = folder.origin;
        info.name = str(meta.value(QStringLiteral("name")).toString());
        info.version = str(meta.value(QStringLiteral("version")).toString());
        info.description = str(meta.value(QStringLiteral("description")).toString());
        info.catchAll = meta.value(QStringLiteral("catchAll")).toBool(false);
        for (const QJsonValue& v : meta.value(QStringLiteral("reads")).toArray())
            info.reads.push_back(str(v.toString()));
        if (!validName(info.name)) {
            report(file, info.name.empty() ? std::string("its metadata has no \"name\"")
                                           : "its metadata name '" + info.name
                                                 + "' is not a format name (a-z, 0-9, '-'; not 'auto')");
            continue;
        }
        if (info.description.empty()) {
            report(file, "its metadata has no \"description\"");
            continue;
        }
        if (const DatasetPluginInfo* other = find(info.name)) {
            report(file, "format '" + info.name + "' is already provided by " + quoted(other->file));
            continue;
        }
        m_plugins.push_back(std::move(info));
        m_slots.push_back(std::make_unique<Slot>());
    }
}

const DatasetPluginInfo* DatasetPluginRegistry::find(const std::string& name) const
{
    for (const DatasetPluginInfo& p : m_plugins)
        if (p.name == name)
            return &p;
    return nullptr;
}

DatasetPluginRegistry::Slot* DatasetPluginRegistry::slotNamed(const std::string& name)
{
    for (std::size_t i = 0; i < m_plugins.size(); ++i)
        if (m_plugins[i].name == name)
            return m_slots[i].get();
    return nullptr;
}

bool DatasetPluginRegistry::isLoaded(const std::string& name) const
{
    for (std::size_t i = 0; i < m_plugins.size(); ++i)
        if (m_plugins[i].name == name)
            return m_slots[i]->format != nullptr;
    return false;
}

const DatasetFormat* DatasetPluginRegistry::load(const std::string& name)
{
    Slot* slot = slotNamed(name);
    if (!slot || slot->broken)
        return nullptr;
    if (slot->format)
        return slot->format;
    const DatasetPluginInfo& info = *find(name);
    auto fail = [&](const std::string& message) -> const DatasetFormat* {
        slot->broken = true;
        slot->format = nullptr;
        slot->lastProblem = message;
        report(info.file, message);
        return nullptr;
    };
    slot->loader = std::make_unique<QPluginLoader>(qstr(info.file));
    QObject* object = nullptr;
    try {
        object = slot->loader->instance();
    } catch (...) {
        return fail("threw while being created: " + describe(std::current_exception()));
    }
    if (!object)
        return fail("cannot be loaded: " + str(slot->loader->errorString()));
    DatasetFormat* format = qobject_cast<DatasetFormat*>(object);
    if (!format)
        return fail("its plugin object does not implement vaclip::DatasetFormat");
    std::string actual;
    try {
        actual = format->name();
    } catch (...) {
        return fail("name() threw: " + describe(std::current_exception()));
    }
    if (actual != info.name)
        return fail("calls itself '" + actual + "' but its metadata says '" + info.name + "'");
    slot->format = format;
    return format;
}

std::vector<const DatasetFormat*> DatasetPluginRegistry::loadAll()
{
    std::vector<const DatasetFormat*> out;
    for (const DatasetPluginInfo& p : std::vector<DatasetPluginInfo>(m_plugins))
        if (const DatasetFormat* f = load(p.name))
            out.push_back(f);
    return out;
}

DetectFailure DatasetPluginRegistry::detectFailure()
{
    return [this](const DatasetFormat& f, const std::string& what) {
        for (std::size_t i = 0; i < m_slots.size(); ++i)
            if (m_slots[i]->format == &f) {
                m_slots[i]->broken = true;
                m_slots[i]->lastProblem = "detect() threw: " + what;
                report(m_plugins[i].file, m_slots[i]->lastProblem);
            }
    };
}

std::vector<std::string> DatasetPluginRegistry::detectFormats(const std::string& root)
{
    const std::vector<const DatasetFormat*> formats = loadAll();
    return vaclip::detectFormats(root, formats, detectFailure());
}

const DatasetFormat& DatasetPluginRegistry::require(const std::string& name)
{
    if (m_plugins.empty()) {
        std::string searched;
        for (const PluginFolder& f : m_folders)
            searched += (searched.empty() ? "" : ", ") + quoted(f.path.string());
        throw Error(ErrorCode::NotFound, "no dataset-format plugins found (searched " + searched
                                             + "; set VACLIP_PLUGIN_PATH to add a folder)");
    }
    Slot* slot = slotNamed(name);
    if (!slot) {
        std::string names;
        for (const DatasetPluginInfo& p : m_plugins)
            names += (names.empty() ? "" : ", ") + p.name;
        throw Error(ErrorCode::InvalidArgument, "unknown dataset format '" + name + "' (known: " + names + ", auto)");
    }
    if (const DatasetFormat* f = load(name))
        return *f;
    throw Error(ErrorCode::Unsupported, "dataset plugin '" + name + "' (" + quoted(find(name)->file)
                                            + ") is broken: " + slot->lastProblem);
}

void DatasetPluginRegistry::pluginFailed(Slot& slot, const char* during, const std::string& what)
{
    const DatasetPluginInfo* info = nullptr;
    for (std::size_t i = 0; i < m_slots.size(); ++i)
        if (m_slots[i].get() == &slot)
            info = &m_plugins[i];
    slot.broken = true;
    slot.lastProblem = std::string(during) + " threw: " + what;
    report(info->file, slot.lastProblem);
    throw Error(ErrorCode::Unsupported, "dataset plugin '" + info->name + "' (" + quoted(info->file) + ") failed in "
                                            + during + ": " + what);
}

ImportResult DatasetPluginRegistry::importDataset(const ImportOptions& options)
{
    std::string name = options.format;
    if (name.empty() || name == "auto") {
        if (m_plugins.empty())
            require(name);   // NotFound naming the folders searched
        if (options.sourceRoot.empty())
            throw Error(ErrorCode::InvalidArgument, "no dataset root given");
        name = vaclip::detectFormat(options.sourceRoot, loadAll(), detectFailure());
    }
    const DatasetFormat& format = require(name);
    Slot& slot = *slotNamed(name);
    try {
        return vaclip::importDataset(options, format);
    } catch (const Error&) {
        throw;   // the dataset's problem, named by the importer
    } catch (...) {
        pluginFailed(slot, "import()", describe(std::current_exception()));
    }
}

std::vector<VideoGroundTruth> DatasetPluginRegistry::readGroundTruth(const std::string& name, const std::string& root)
{
    const DatasetFormat& format = require(name);
    Slot& slot = *slotNamed(name);
    if (!fs::is_directory(root))
        throw Error(ErrorCode::NotFound, quoted(root) + ": no such folder");
    try {
        fs::path r = fs::absolute(root).lexically_normal();
        if (!r.has_filename() && r != r.root_path())
            r = r.parent_path();
        return format.readGroundTruth(r);
    } catch (const Error&) {
        throw;
    } catch (...) {
        pluginFailed(slot, "readGroundTruth()", describe(std::current_exception()));
    }
}

} // namespace vaclip
