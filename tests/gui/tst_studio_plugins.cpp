// ctest-labels: gui studio plugins
// ctest-link: vaclip_studio_ui vaclip_plugin_host vaclip_ml vaclip_core
// The studio over the dataset-format plugin registry (issue 8): the import dialog offers every
// format found in the build tree's plugin folder and in a user folder (VACLIP_PLUGIN_PATH), and
// preselects the detected one; importing through it writes the dataset's meta.json; a plugin
// that throws is reported, not fatal; Help > Plugins lists the loaded plugins and the skipped or
// failed ones with their reasons; Help > About shows the version lines of `vaclip --version`.
#include "dataset_plugin_registry.h"
#include "panels/datasets_panel.h"
#include "panels/plugin_dialogs.h"
#include "runtime/version_info.h"
#include "studio/main_window.h"
#include "studio/studio_session.h"
#include "test_support.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include <filesystem>
#include <functional>

using namespace vaclip::studio;

namespace fs = std::filesystem;

namespace {
const fs::path kBrokenPlugins = VACLIP_TEST_PLUGIN_DIR;
// The shipped formats (plugins/*/<name>.json) and the two broken test plugins whose metadata is
// valid (tests/plugins/*.json): all must be offered.
QString u8(const char* s) { return QString::fromUtf8(s); }
const QStringList kShipped = {u8("ucsd-ped1"), u8("ucsd-ped2"), u8("shanghaitech"), u8("avenue"), u8("folder"), u8("interval-csv")};

void touchFrames(const fs::path& dir, int n)
{
    fs::create_directories(dir);
    for (int i = 1; i <= n; ++i)
        vaclip::test::writeText((dir / (QString::asprintf("%03d.tif", i).toStdString())).string(), "");
}

/// A UCSD Ped2 tree (frame files need not decode: the import counts them).
fs::path makeUcsdPed2(const fs::path& root)
{
    const fs::path ped = root / "UCSDped2";
    touchFrames(ped / "Train" / "Train001", 3);
    touchFrames(ped / "Test" / "Test001", 5);
    touchFrames(ped / "Test" / "Test002", 4);
    vaclip::test::writeText((ped / "Test" / "UCSDped2.m").string(), "TestVideoFile = {};\n"
                                                                    "TestVideoFile{end+1}.gt_frame = [3:5];\n"
                                                                    "TestVideoFile{end+1}.gt_frame = [1:2, 4];\n");
    return ped;
}

/// Calls `inspect` on the next modal dialog and closes it (a modal exec() would block the test).
void onNextModal(const std::function<void(QWidget*)>& inspect, bool* seen)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, inspect, seen] {
        if (QWidget* w = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            *seen = true;
            inspect(w);
            if (auto* d = qobject_cast<QDialog*>(w))
                d->reject();
        }
    });
    timer->start();
}

QStringList itemData(const QComboBox* box)
{
    QStringList out;
    for (int i = 0; i < box->count(); ++i)
        out << box->itemData(i).toString();
    return out;
}

QTreeWidgetItem* rowNamed(QTreeWidget* tree, int column, const QString& text)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(column).contains(text))
            return tree->topLevelItem(i);
    return nullptr;
}
} // namespace

class StudioPluginsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        Q_INIT_RESOURCE(studio);
        QStandardPaths::setTestModeEnabled(true);
        // A user folder with three broken plugins next to the build tree's good ones.
        fs::create_directories(m_dir.path() / "user-plugins");
        for (const char* t : {"vaclip_test_plugin_throws", "vaclip_test_plugin_old_sdk", "vaclip_test_plugin_misnamed"})
            fs::copy_file(kBrokenPlugins / ("lib" + std::string(t) + ".so"), m_dir.path() / "user-plugins" / ("lib" + std::string(t) + ".so"));
        qputenv("VACLIP_PLUGIN_PATH", QByteArray::fromStdString((m_dir.path() / "user-plugins").string()));
        qputenv("XDG_DATA_HOME", QByteArray::fromStdString((m_dir.path() / "xdg").string()));
    }

    void importOffersTheRegistrysFormats()
    {
        StudioSession session;
        MainWindow window(&session);
        vaclip::DatasetPluginRegistry* registry = window.datasets()->registry();
        QVERIFY(registry);
        const fs::path ped = makeUcsdPed2(m_dir.path());

        ImportDatasetDialog dialog(*registry, QString::fromStdString(ped.string()), &window);
        const QStringList offered = itemData(dialog.formatBox());
        QCOMPARE(offered.value(0), QStringLiteral("auto"));
        for (const QString& f : kShipped + QStringList{u8("test-throws"), u8("test-misnamed")})
            QVERIFY2(offered.contains(f), qPrintable(f + u8(" not offered: ") + offered.join(u8(", "))));
        QCOMPARE(offered.size(), int(registry->plugins().size()) + 1);
        // Detection: UCSD Ped2 first (the plain-folder format is a catch-all), auto preselected.
        QVERIFY2(!dialog.detected().isEmpty(), "nothing detected");
        QCOMPARE(dialog.detected().front(), QStringLiteral("ucsd-ped2"));
        QVERIFY(!dialog.detected().contains(QStringLiteral("avenue")));
        QCOMPARE(dialog.format(), QStringLiteral("auto"));
        QVERIFY(dialog.formatBox()->itemText(0).contains(QStringLiteral("ucsd-ped2")));
        dialog.formatBox()->setCurrentIndex(offered.indexOf(QStringLiteral("ucsd-ped2")));
        QCOMPARE(dialog.format(), QStringLiteral("ucsd-ped2"));
        // The plugin whose detect() throws was skipped and reported, not fatal.
        bool reported = false;
        for (const std::string& p : registry->problems())
            reported |= p.find("libvaclip_test_plugin_throws.so") != std::string::npos && p.find("detect() threw") != std::string::npos;
        QVERIFY(reported);

        // Importing with the chosen format writes meta.json and adds the dataset to the tree.
        QString error;
        QVERIFY2(window.datasets()->importFolder(QString::fromStdString(ped.string()), dialog.format(), &error), qPrintable(error));
        const QString meta = QString::fromStdString((ped / "meta.json").string());
        QVERIFY(QFileInfo::exists(meta));
        QCOMPARE(window.datasets()->datasetPaths(), QStringList{meta});
        QTreeWidgetItem* dataset = window.datasets()->tree()->topLevelItem(0);
        QCOMPARE(dataset->child(0)->childCount(), 1);  // Train001
        QCOMPARE(dataset->child(1)->childCount(), 2);  // Test001, Test002

        // A format that does not fit: an error naming the problem, nothing added.
        QVERIFY(!window.datasets()->importFolder(QString::fromStdString(ped.string()), QStringLiteral("avenue"), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(window.datasets()->datasetPaths().size(), 1);
    }

    void pluginsDialogListsLoadedAndFailed()
    {
        StudioSession session;
        MainWindow window(&session);
        PluginsDialog dialog(*window.datasets()->registry(), &window);
        QTreeWidget* plugins = dialog.pluginTree();
        for (const QString& f : kShipped) {
            QTreeWidgetItem* row = rowNamed(plugins, 0, f);
            QVERIFY2(row, qPrintable(f));
            QCOMPARE(row->text(3), QStringLiteral("loaded"));
            QCOMPARE(row->text(2), QStringLiteral("build"));
        }
        // Reports another name than its metadata: listed (metadata is fine) but failed to load.
        QTreeWidgetItem* misnamed = rowNamed(plugins, 0, QStringLiteral("test-misnamed"));
        QVERIFY(misnamed);
        QCOMPARE(misnamed->text(3), QStringLiteral("failed"));
        QCOMPARE(misnamed->text(2), QStringLiteral("env"));
        // Skipped at discovery (another SDK version) and failed at load, each with its reason.
        QTreeWidget* problems = dialog.problemTree();
        QTreeWidgetItem* oldSdk = rowNamed(problems, 0, QStringLiteral("libvaclip_test_plugin_old_sdk.so"));
        QVERIFY(oldSdk);
        QVERIFY2(oldSdk->text(1).contains(QStringLiteral("SDK")), qPrintable(oldSdk->text(1)));
        QVERIFY(rowNamed(problems, 0, QStringLiteral("libvaclip_test_plugin_misnamed.so")));
        QVERIFY(!problems->isHidden());

        // The same dialog from Help > Plugins.
        QAction* action = nullptr;
        for (QAction* a : window.menuBar()->findChildren<QAction*>())
            if (a->text() == QStringLiteral("&Plugins..."))
                action = a;
        QVERIFY(action);
        bool seen = false;
        int rows = 0;
        onNextModal([&](QWidget* w) {
            QCOMPARE(w->objectName(), QStringLiteral("pluginsDialog"));
            rows = w->findChild<QTreeWidget*>(QStringLiteral("pluginTree"))->topLevelItemCount();
        }, &seen);
        action->trigger();
        QVERIFY(seen);
        QCOMPARE(rows, plugins->topLevelItemCount());

        // The status bar says so, and its button opens the same dialog.
        auto* button = window.findChild<QToolButton*>(QStringLiteral("pluginProblemsButton"));
        QVERIFY(button);
        QVERIFY(button->isVisibleTo(&window));
        QVERIFY2(button->text().startsWith(QString::number(problems->topLevelItemCount()) + QLatin1Char(' ')), qPrintable(button->text()));
        seen = false;
        onNextModal([&](QWidget* w) { QCOMPARE(w->objectName(), QStringLiteral("pluginsDialog")); }, &seen);
        button->click();
        QVERIFY(seen);
    }

    void noProblemsNoStatusButton()
    {
        const QByteArray saved = qgetenv("VACLIP_PLUGIN_PATH");
        qunsetenv("VACLIP_PLUGIN_PATH");  // only the build tree's (good) plugins
        StudioSession session;
        MainWindow window(&session);
        qputenv("VACLIP_PLUGIN_PATH", saved);
        QVERIFY(window.datasets()->registry()->problems().empty());
        QVERIFY(!window.findChild<QToolButton*>(QStringLiteral("pluginProblemsButton"))->isVisibleTo(&window));
    }

    void aboutShowsVersions()
    {
        StudioSession session;
        MainWindow window(&session);
        const vaclip::VersionInfo v = vaclip::versionInfo();
        QVERIFY(!v.version.empty());
        const QString text = window.aboutText();
        for (const QString& part : {QString::fromStdString("vaclip " + v.version), QString::fromStdString(v.gitRevision),
                                    QStringLiteral("LibTorch"), QStringLiteral("FFmpeg"), QString::fromLatin1(qVersion())})
            QVERIFY2(text.contains(part), qPrintable(part + u8(" missing in: ") + text));

        QAction* action = nullptr;
        for (QAction* a : window.menuBar()->findChildren<QAction*>())
            if (a->text() == QStringLiteral("&About VideoAnomalyCLIP Studio"))
                action = a;
        QVERIFY(action);
        bool seen = false;
        QString shown;
        onNextModal([&](QWidget* w) {
            if (auto* box = qobject_cast<QMessageBox*>(w))
                shown = box->text();
        }, &seen);
        action->trigger();
        QVERIFY(seen);
        QVERIFY2(shown.contains(QString::fromStdString(v.version)), qPrintable(shown));
    }

private:
    vaclip::test::TempDir m_dir;
};

QTEST_MAIN(StudioPluginsTest)
#include "tst_studio_plugins.moc"
