// vaclip-studio: the desktop application (ui/studio/main_window.h over a StudioSession).
//
//   vaclip-studio [CONFIG.yaml | WORKSPACE.vaclip] [--train-config TRAIN.yaml] [--show PANEL] [--video N] [--frame F]
//
// A .vaclip file is a saved workspace (File > Save workspace): it is restored as it was saved.
// Without a configuration it opens the demo workspace (core/demo/demo.h, `vaclip demo`); when
// that does not exist yet it offers to build it as a job, else the most recent configuration.
#include "jobs/demo_job.h"
#include "jobs/job_queue.h"
#include "runtime/torch_runtime.h"
#include "panels/datasets_panel.h"
#include "studio/main_window.h"
#include "studio/studio_language.h"
#include "studio/studio_session.h"
#include "studio/studio_settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

using namespace vaclip::studio;

int main(int argc, char** argv)
{
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(studio);
    QApplication::setOrganizationName(QStringLiteral("VideoAnomalyCLIP"));
    QApplication::setApplicationName(QStringLiteral("vaclip-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("VideoAnomalyCLIP Studio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));

    StudioSettings settings = StudioSettings::load();
    // --lang, then $VACLIP_STUDIO_LANG, then the setting, then the system (studio/studio_language.h)
    installStudioTranslators(chooseStudioLanguage(QCoreApplication::arguments(), settings.language));
    applyTheme(settings.theme);
    vaclip::setComputeThreads(settings.threads);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Zero-shot semantic video anomaly detection with CLIP"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("config"), QCoreApplication::translate("main", "The test configuration (YAML) or the workspace (.vaclip) to open."));
    QCommandLineOption trainConfig(QStringLiteral("train-config"),
                                   QCoreApplication::translate("main", "The training configuration (default: the test configuration)."),
                                   QStringLiteral("file"));
    parser.addOption(trainConfig);
    QCommandLineOption show(QStringLiteral("show"),
                            QCoreApplication::translate("main", "Raise a panel: datasets, backbone, prompts, metrics, training or jobs; or open the plugins or about dialog."),
                            QStringLiteral("panel"));
    parser.addOption(show);
    QCommandLineOption import(QStringLiteral("import"),
                              QCoreApplication::translate("main", "Import a dataset folder: asks for its format (the detected one is preselected)."),
                              QStringLiteral("folder"));
    parser.addOption(import);
    QCommandLineOption video(QStringLiteral("video"), QCoreApplication::translate("main", "Open test video N (0-based)."),
                             QStringLiteral("N"));
    parser.addOption(video);
    QCommandLineOption frame(QStringLiteral("frame"), QCoreApplication::translate("main", "Go to frame F of it."),
                             QStringLiteral("F"));
    parser.addOption(frame);
    QCommandLineOption lang(QStringLiteral("lang"),
                            QCoreApplication::translate("main", "User-interface language: de, zh_CN, en or system (default: $VACLIP_STUDIO_LANG, else the setting, else the system's)."),
                            QStringLiteral("language"));
    parser.addOption(lang);
    parser.process(app);

    StudioSession session;
    MainWindow window(&session);
    window.show();
    QString config = parser.positionalArguments().value(0);
    const bool openedWorkspace = config.endsWith(QStringLiteral(".vaclip"), Qt::CaseInsensitive);
    if (openedWorkspace) {
        window.openWorkspace(config);
        config.clear();
    } else if (config.isEmpty()) {
        const QPair<QString, QString> demo = DemoJob::existingDemo();
        if (!demo.first.isEmpty()) {
            config = demo.first;
            if (!parser.isSet(trainConfig))
                session.setTrainingConfigPath(demo.second);
        } else if (!settings.recentConfigs.isEmpty() && QFileInfo::exists(settings.recentConfigs.front())) {
            config = settings.recentConfigs.front();
        } else if (QMessageBox::question(&window, QCoreApplication::translate("main", "Demo workspace"),
                                         QCoreApplication::translate("main", "There is no demo workspace yet. Build it now? "
                                                                             "It renders the demo worlds, extracts features and trains "
                                                                             "(a few minutes); the studio opens it when done.")) ==
                   QMessageBox::Yes) {
            auto job = std::make_shared<DemoJob>(QString());
            QObject::connect(job.get(), &Job::finished, &window, [&window, &session, job = job.get()](Job::State s, const QString&) {
                if (s != Job::State::Succeeded)
                    return;
                session.setTrainingConfigPath(job->campusConfig());
                window.openConfig(job->walkwayConfig());
                window.setModified(false);
            });
            session.jobs()->enqueue(job);
            window.showPanel(QStringLiteral("jobs"));
        }
    }
    if (parser.isSet(trainConfig))
        session.setTrainingConfigPath(QFileInfo(parser.value(trainConfig)).absoluteFilePath());
    if (!config.isEmpty())
        window.openConfig(config);
    if (!openedWorkspace) {
        window.setModified(false);  // what the studio opened by itself is no change of the user's
        QTimer::singleShot(0, &window, &MainWindow::offerRecovery);  // an autosaved unsaved session
    }
    if (parser.isSet(show))
        window.showPanel(parser.value(show));
    if (parser.isSet(import)) {
        window.showPanel(QStringLiteral("datasets"));
        QTimer::singleShot(0, window.datasets(), [&window, folder = parser.value(import)] { window.datasets()->importFolderInteractive(folder); });
    }
    if (parser.isSet(video) || parser.isSet(frame)) {
        // Once the test set is there: the requested video and frame.
        const int v = parser.value(video).toInt();
        const qint64 f = parser.value(frame).toLongLong();
        QObject::connect(&session, &StudioSession::testSetLoaded, &window, [&session, v, f] {
            session.setCurrentVideo(v);
            session.setCurrentFrame(f);
        }, Qt::SingleShotConnection);
    }
    return QApplication::exec();
}
