#pragma once
// VideoAnomalyCLIP dataset-format plugin SDK, version 1.
//
// A plugin teaches vaclip (the CLI and the studio) a dataset layout: how to recognise its root
// folder, how to import it into meta.json, and how to read its ground truth. It is a Qt plugin
// (a shared object with JSON metadata) implementing vaclip::DatasetFormat (data/dataset_format.h)
// and filling a vaclip::ImportContext (data/import_context.h). plugins/example/ is a complete,
// documented plugin to copy; its README says how to build and install one.
//
//   class MyFormat final : public QObject, public vaclip::DatasetFormat {
//       Q_OBJECT
//       Q_PLUGIN_METADATA(IID VACLIP_DATASET_PLUGIN_IID FILE "my_format.json")
//       Q_INTERFACES(vaclip::DatasetFormat)
//   public:
//       std::string name() const override { return "my-format"; }     // == "name" in the JSON
//       ...
//   };
//
// The metadata file (read by `vaclip import --list` without loading the plugin):
//   { "name": "my-format", "version": "1.0.0", "description": "one line",
//     "reads": ["videos/*.mp4", "annotations.csv"], "catchAll": false }
//
// Where plugins are found (first found wins for a format name; later duplicates are reported):
// each folder of $VACLIP_PLUGIN_PATH, the install's <prefix>/<libdir>/vaclip/plugins (or the
// build tree's when vaclip runs from it), and $XDG_DATA_HOME/vaclip/plugins
// (~/.local/share/vaclip/plugins). A file that is not a plugin, a plugin built for another SDK
// version, one that fails to load, or one that throws is reported and skipped.
//
// Compatibility: the interface is C++ with standard-library types, so a plugin must be built
// with the same compiler family, C++ standard library and vaclip headers as the host; the
// version in the IID changes whenever DatasetFormat, ImportContext or DatasetMeta change, and
// the host refuses plugins with another version.

#include "data/dataset_format.h"
#include "data/import_context.h"

#include <QtPlugin>

/// Interface id; the number after the slash is the SDK version.
#define VACLIP_DATASET_PLUGIN_IID "org.vaclip.DatasetFormat/1"
/// The part before the version, to tell "another SDK version" from "not a vaclip plugin".
#define VACLIP_DATASET_PLUGIN_IID_PREFIX "org.vaclip.DatasetFormat/"

Q_DECLARE_INTERFACE(vaclip::DatasetFormat, VACLIP_DATASET_PLUGIN_IID)
