// Test plugin built against an older SDK: its interface id says version 0.
#include "vaclip_dataset_plugin.h"

#include <QObject>

class OldSdkPlugin final : public QObject {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.vaclip.DatasetFormat/0" FILE "old_sdk.json")
};

#include "old_sdk_plugin.moc"
