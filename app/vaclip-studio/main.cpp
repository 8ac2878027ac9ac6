// vaclip-studio: the desktop application (ui/studio/main_window.h over a StudioSession).
//
//   vaclip-studio [CONFIG.yaml] [--train-config TRAIN.yaml] [--show PANEL] [--video N] [--frame F]
//
// Without a configuration it opens the most recent one (File > Open recent), or starts empty.
#include "runtime/torch_runtime.h"
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
#include <QTranslator>

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
    parser.addPositionalArgument(QStringLiteral("config"), QCoreApplication::translate("main", "The test configuration (YAML) to open."));
    QCommandLineOption trainConfig(QStringLiteral("train-config"),
                                   QCoreApplication::translate("main", "The training configuration (default: the test configuration)."),
                                   QStringLiteral("file"));
    parser.addOption(trainConfig);
    QCommandLineOption show(QStringLiteral("show"),
                            QCoreApplication::translate("main", "Raise a panel: datasets, backbone, prompts, metrics, training or jobs."),
                            QStringLiteral("panel"));
    parser.addOption(show);
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
    if (config.isEmpty() && !settings.recentConfigs.isEmpty() && QFileInfo::exists(settings.recentConfigs.front()))
        config = settings.recentConfigs.front();
    if (parser.isSet(trainConfig))
        session.setTrainingConfigPath(QFileInfo(parser.value(trainConfig)).absoluteFilePath());
    if (!config.isEmpty())
        window.openConfig(config);
    if (parser.isSet(show))
        window.showPanel(parser.value(show));
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
