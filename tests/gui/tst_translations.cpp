// ctest-labels: gui i18n
// ctest-link: vaclip_studio_ui vaclip_ml vaclip_core
// The studio's translations (translations/*.ts, issue 7): every message of both languages is
// finished, keeps its placeholders (%1, %L1, %n), accelerators (&) and plural forms; the .ts files
// are current (lupdate over the sources finds no new string); the .qm files built from them are
// embedded and load; the language is chosen from --lang, $VACLIP_STUDIO_LANG, the setting, the
// system; and with German or Chinese installed the real main window and settings dialog show
// translated text (and Qt's own strings, from qtbase_<lang>.qm, are translated as well).
#include "studio/main_window.h"
#include "studio/studio_language.h"
#include "studio/studio_session.h"
#include "studio/studio_settings.h"
#include "test_support.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

#include <map>

using namespace vaclip::studio;

namespace {

struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    QString type;                ///< "", "unfinished", "vanished", "obsolete"
    QStringList translations;    ///< one, or the numerus forms
    qint64 line = 0;
};

struct TsFile {
    QString language;
    QList<TsMessage> messages;
};

TsFile readTs(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot open " + path.toStdString());
    TsFile out;
    QXmlStreamReader xml(&f);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("TS")) {
            out.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            TsMessage m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            m.line = xml.lineNumber();
            while (!(xml.isEndElement() && xml.name() == QLatin1String("message")) && !xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (!m.numerus)
                        m.translations << xml.readElementText();
                } else if (xml.name() == QLatin1String("numerusform")) {
                    m.translations << xml.readElementText();
                }
            }
            out.messages << m;
        }
    }
    if (xml.hasError())
        throw std::runtime_error(path.toStdString() + ":" + std::to_string(xml.lineNumber()) + ": " +
                                 xml.errorString().toStdString());
    return out;
}

QString tsPath(const QString& lang)
{
    return QStringLiteral(VACLIP_SOURCE_DIR "/translations/vaclip_studio_%1.ts").arg(lang);
}

/// %1..%99, %L1.., %n, %Ln as a sorted multiset.
QStringList placeholders(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("%L?[0-9]+|%L?n"));
    QStringList out;
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured();
    out.sort();
    return out;
}

/// Accelerator markers: single '&' (a literal "&&" is not one).
int accelerators(QString s)
{
    s.replace(QLatin1String("&&"), QString());
    return int(s.count(QLatin1Char('&')));
}

QString lupdatePath()
{
    const QString fromQt = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (QFile::exists(fromQt))
        return fromQt;
    const QString fromPath = QStandardPaths::findExecutable(QStringLiteral("lupdate"));
    return fromPath;
}

QMenuBar* menuBarOf(MainWindow& w) { return w.menuBar(); }

QString firstMenuTitle(MainWindow& w)
{
    const QList<QAction*> actions = menuBarOf(w)->actions();
    return actions.isEmpty() ? QString() : actions.front()->text();
}

QStringList dockTitles(MainWindow& w)
{
    QStringList out;
    for (QDockWidget* d : w.findChildren<QDockWidget*>())
        out << d->windowTitle();
    out.sort();
    return out;
}

} // namespace

class TranslationsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        Q_INIT_RESOURCE(studio);
        QStandardPaths::setTestModeEnabled(true);
        qunsetenv("VACLIP_STUDIO_LANG");
    }

    void cleanup() { installStudioTranslators(QStringLiteral("en")); }

    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("tsLanguage");
        QTest::addColumn<int>("pluralForms");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("de") << 2;
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("zh_CN") << 1;
    }

    void everyMessageIsTranslated()
    {
        QFETCH(QString, lang);
        QFETCH(QString, tsLanguage);
        QFETCH(int, pluralForms);
        const TsFile ts = readTs(tsPath(lang));
        QVERIFY2(ts.language.startsWith(tsLanguage), qPrintable(ts.language));
        QVERIFY2(ts.messages.size() > 200, qPrintable(QString::number(ts.messages.size())));
        QStringList problems;
        int live = 0;
        for (const TsMessage& m : ts.messages) {
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
                continue;  // no longer in the code: lrelease drops it
            ++live;
            const QString where = QStringLiteral("line %1 [%2] \"%3\"").arg(m.line).arg(m.context, m.source.left(60));
            if (m.type == QLatin1String("unfinished"))
                problems << where + QStringLiteral(": unfinished");
            if (m.translations.size() != (m.numerus ? pluralForms : 1))
                problems << where + QStringLiteral(": %1 forms").arg(m.translations.size());
            for (const QString& t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << where + QStringLiteral(": empty translation");
                else if (placeholders(t) != placeholders(m.source))
                    problems << where + QStringLiteral(": placeholders %1 became %2")
                                            .arg(placeholders(m.source).join(QLatin1Char(',')), placeholders(t).join(QLatin1Char(',')));
                if (accelerators(t) != accelerators(m.source))
                    problems << where + QStringLiteral(": accelerator '&' lost or added in \"%1\"").arg(t);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        qInfo("%s: %d messages, all translated", qPrintable(lang), live);
    }

    void bothLanguagesHaveTheSameMessages()
    {
        auto keys = [](const TsFile& ts) {
            QStringList out;
            for (const TsMessage& m : ts.messages)
                if (m.type != QLatin1String("vanished") && m.type != QLatin1String("obsolete"))
                    out << m.context + QLatin1Char('\x1f') + m.source;
            out.sort();
            return out;
        };
        QCOMPARE(keys(readTs(tsPath(QStringLiteral("zh_CN")))), keys(readTs(tsPath(QStringLiteral("de")))));
    }

    /// lupdate over ui/ and app/vaclip-studio (as scripts/update-translations.sh runs it), into a
    /// copy of the German file: any message it adds is a string missing from translations/.
    void tsFilesAreCurrentWithTheSources()
    {
        const QString lupdate = lupdatePath();
        if (lupdate.isEmpty())
            QSKIP("lupdate not installed (Debian: qt6-l10n-tools)");
        vaclip::test::TempDir dir;
        const QString copy = QString::fromStdString(dir.file("current_de.ts"));
        QVERIFY(QFile::copy(tsPath(QStringLiteral("de")), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(VACLIP_SOURCE_DIR));
        p.start(lupdate, {QStringLiteral("-no-obsolete"), QStringLiteral("-silent"), QStringLiteral("-extensions"),
                          QStringLiteral("cpp,h"), QStringLiteral("ui"), QStringLiteral("app/vaclip-studio"),
                          QStringLiteral("-ts"), copy});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QStringList fresh;
        for (const TsMessage& m : readTs(copy).messages)
            if (m.type == QLatin1String("unfinished"))
                fresh << QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
        QVERIFY2(fresh.isEmpty(), qPrintable(QStringLiteral("not yet in translations/ (run scripts/update-translations.sh "
                                                            "and translate):\n") + fresh.join(QLatin1Char('\n'))));
    }

    void embeddedQmFilesLoad_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("quit");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Datei") << QStringLiteral("&Beenden");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)") << QStringLiteral("退出(&Q)");
    }

    void embeddedQmFilesLoad()
    {
        QFETCH(QString, lang);
        QFETCH(QString, file);
        QFETCH(QString, quit);
        QTranslator t;
        QVERIFY2(t.load(QStringLiteral(":/i18n/vaclip_studio_%1.qm").arg(lang)), qPrintable(lang));
        QVERIFY(!t.isEmpty());
        QCOMPARE(t.translate("vaclip::studio::MainWindow", "&File"), file);
        QCOMPARE(t.translate("vaclip::studio::MainWindow", "&Quit"), quit);
        // Plural forms: German distinguishes one from many, Chinese has one form.
        const QString one = t.translate("vaclip::studio::AnnotationPanel", "%n interval(s)", nullptr, 1);
        const QString many = t.translate("vaclip::studio::AnnotationPanel", "%n interval(s)", nullptr, 5);
        QVERIFY(!one.isEmpty());
        if (lang == QLatin1String("de")) {
            QCOMPARE(one, QStringLiteral("%n Intervall"));
            QCOMPARE(many, QStringLiteral("%n Intervalle"));
        } else {
            QCOMPARE(one, many);
        }
        // An unknown string stays untranslated (empty answer), not a wrong one.
        QVERIFY(t.translate("vaclip::studio::MainWindow", "no such string in the studio").isEmpty());
    }

    void languageChoicePrecedence()
    {
        const QStringList noArgs{QStringLiteral("vaclip-studio")};
        QCOMPARE(chooseStudioLanguage(noArgs, QString()), QString());
        QCOMPARE(chooseStudioLanguage(noArgs, QStringLiteral("de")), QStringLiteral("de"));
        qputenv("VACLIP_STUDIO_LANG", "zh-CN");
        QCOMPARE(chooseStudioLanguage(noArgs, QStringLiteral("de")), QStringLiteral("zh_CN"));
        QCOMPARE(chooseStudioLanguage(noArgs + QStringList{QStringLiteral("--lang"), QStringLiteral("de")}, QString()),
                 QStringLiteral("de"));
        QCOMPARE(chooseStudioLanguage(noArgs + QStringList{QStringLiteral("--lang=en")}, QStringLiteral("de")),
                 QStringLiteral("en"));
        qunsetenv("VACLIP_STUDIO_LANG");
        // A config path after "--" is not an option.
        QCOMPARE(chooseStudioLanguage(noArgs + QStringList{QStringLiteral("--"), QStringLiteral("--lang=de")}, QString()),
                 QString());
        QCOMPARE(normalizeStudioLanguage(QStringLiteral("de_DE")), QStringLiteral("de"));
        QCOMPARE(normalizeStudioLanguage(QStringLiteral("zh")), QStringLiteral("zh_CN"));
        QCOMPARE(normalizeStudioLanguage(QStringLiteral("system")), QString());
    }

    void mainWindowInGerman()
    {
        QCOMPARE(installStudioTranslators(QStringLiteral("de")), QStringLiteral("de"));
        StudioSession session;
        MainWindow window(&session);
        window.show();
        QCOMPARE(firstMenuTitle(window), QStringLiteral("&Datei"));
        QStringList menus;
        for (QAction* a : menuBarOf(window)->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("&Hilfe")), qPrintable(menus.join(QLatin1Char(','))));
        QVERIFY2(dockTitles(window).contains(QStringLiteral("Datensätze")), qPrintable(dockTitles(window).join(QLatin1Char(','))));
        // Qt's own strings (standard buttons) come from qtbase_de.qm.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
        // Numbers follow the chosen language.
        QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1.234,5"));
    }

    void mainWindowInChinese()
    {
        QCOMPARE(installStudioTranslators(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        StudioSession session;
        MainWindow window(&session);
        window.show();
        QCOMPARE(firstMenuTitle(window), QStringLiteral("文件(&F)"));
        QVERIFY2(dockTitles(window).contains(QStringLiteral("数据集")), qPrintable(dockTitles(window).join(QLatin1Char(','))));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
        // Tool buttons show the menu entry without its "(&O)" accelerator.
        auto* bar = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
        QVERIFY(bar != nullptr);
        QVERIFY(!bar->actions().isEmpty());
        auto* first = qobject_cast<QToolButton*>(bar->widgetForAction(bar->actions().front()));
        QVERIFY(first != nullptr);
        QCOMPARE(bar->actions().front()->text(), QStringLiteral("打开配置(&O)..."));
        QCOMPARE(first->text(), QStringLiteral("打开配置"));
    }

    void acceleratorsLeaveToolButtons()
    {
        QCOMPARE(withoutAccelerator(QStringLiteral("打开配置(&O)...")), QStringLiteral("打开配置"));
        QCOMPARE(withoutAccelerator(QStringLiteral("设置（&T）")), QStringLiteral("设置"));
        QCOMPARE(withoutAccelerator(QStringLiteral("Konfiguration ö&ffnen...")), QStringLiteral("Konfiguration öffnen"));
        QCOMPARE(withoutAccelerator(QStringLiteral("Save && &quit")), QStringLiteral("Save & quit"));
        QCOMPARE(withoutAccelerator(QStringLiteral("Fit (x)")), QStringLiteral("Fit (x)"));
    }

    void englishAfterGermanRestoresTheSource()
    {
        installStudioTranslators(QStringLiteral("de"));
        QCOMPARE(installStudioTranslators(QStringLiteral("en")), QStringLiteral("en"));
        StudioSession session;
        MainWindow window(&session);
        QCOMPARE(firstMenuTitle(window), QStringLiteral("&File"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    void settingsDialogOffersTheLanguages()
    {
        installStudioTranslators(QStringLiteral("de"));
        StudioSettings s;
        s.language = QStringLiteral("zh_CN");
        SettingsDialog dialog(s);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Einstellungen"));
        QComboBox* language = nullptr;
        for (QComboBox* c : dialog.findChildren<QComboBox*>())
            if (c->findData(QStringLiteral("de")) >= 0)
                language = c;
        QVERIFY(language != nullptr);
        QCOMPARE(language->currentData().toString(), QStringLiteral("zh_CN"));
        QCOMPARE(language->itemText(0), QStringLiteral("Systemsprache"));
        for (const QString& l : studioLanguages())
            QVERIFY2(language->findData(l) >= 0, qPrintable(l));
        language->setCurrentIndex(language->findData(QStringLiteral("de")));
        QCOMPARE(dialog.settings().language, QStringLiteral("de"));
    }
};

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
