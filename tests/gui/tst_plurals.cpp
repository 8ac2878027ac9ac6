// ctest-labels: gui i18n
// ctest-link: vaclip_studio_ui vaclip_ml vaclip_core
// Plural forms in the studio (issue 7): counts are shown through Qt's numerus translations
// (tr("%n video(s)", nullptr, n)), so that every language — English too — says "1 video" and
// "2 videos". The shipped translations (embedded .qm, as the studio installs them) give the
// right form for n = 1 and n = 2 in English, German and Chinese; translations/vaclip_studio_en.ts
// holds every numerus message of the sources with both English forms; no translatable source
// string keeps an English "(s)" outside a numerus message; and a real panel shows no "(s)".
#include "panels/metrics_panel.h"
#include "studio/studio_language.h"
#include "studio/studio_session.h"
#include "studio_fixture.h"

#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <QtTest>

using namespace vaclip::studio;

namespace {

struct Message {
    QString context, source;
    bool numerus = false;
    bool unfinished = false;
    QStringList forms;
};

QList<Message> readTs(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<Message> out;
    QXmlStreamReader xml(&f);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (!(xml.isEndElement() && xml.name() == QLatin1String("message")) && !xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    const auto type = xml.attributes().value(QLatin1String("type"));
                    m.unfinished = type == QLatin1String("unfinished");
                    if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                        m.context.clear();  // dropped below
                    if (!m.numerus)
                        m.forms << xml.readElementText();
                } else if (xml.name() == QLatin1String("numerusform")) {
                    m.forms << xml.readElementText();
                }
            }
            if (!m.context.isEmpty())
                out << m;
        }
    }
    return out;
}

QString tsPath(const QString& lang)
{
    return QStringLiteral(VACLIP_SOURCE_DIR "/translations/vaclip_studio_%1.ts").arg(lang);
}

QString translate(const char* context, const char* source, int n)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

} // namespace

class PluralsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        Q_INIT_RESOURCE(studio);
        QStandardPaths::setTestModeEnabled(true);
        qunsetenv("VACLIP_STUDIO_LANG");
    }

    void cleanup() { installStudioTranslators(QStringLiteral("en")); }

    void oneAndTwo_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("oneVideo");
        QTest::addColumn<QString>("twoVideos");
        QTest::addColumn<QString>("oneFrame");
        QTest::addColumn<QString>("twoFrames");
        QTest::newRow("en") << "en" << "1 video" << "2 videos" << "1 frame" << "2 frames";
        QTest::newRow("de") << "de" << "1 Video" << "2 Videos" << "1 Frame" << "2 Frames";
        QTest::newRow("zh_CN") << "zh_CN" << QStringLiteral("1 个视频") << QStringLiteral("2 个视频")
                               << QStringLiteral("1 帧") << QStringLiteral("2 帧");
        // A language the studio does not ship falls back to English, plural forms included.
        QTest::newRow("fr -> en") << "fr" << "1 video" << "2 videos" << "1 frame" << "2 frames";
    }

    void oneAndTwo()
    {
        QFETCH(QString, lang);
        QFETCH(QString, oneVideo);
        QFETCH(QString, twoVideos);
        QFETCH(QString, oneFrame);
        QFETCH(QString, twoFrames);
        const QString inEffect = installStudioTranslators(lang);
        QCOMPARE(inEffect, lang == QLatin1String("fr") ? QStringLiteral("en") : lang);
        QCOMPARE(translate("vaclip::studio::MetricsPanel", "%n video(s)", 1), oneVideo);
        QCOMPARE(translate("vaclip::studio::MetricsPanel", "%n video(s)", 2), twoVideos);
        QCOMPARE(translate("vaclip::studio::ComparisonView", "%n frame(s)", 1), oneFrame);
        QCOMPARE(translate("vaclip::studio::ComparisonView", "%n frame(s)", 2), twoFrames);
        // The forms differ where the language has two (English, German), not in Chinese.
        const QString one = translate("vaclip::studio::AnnotationPanel", "%n interval(s)", 1);
        const QString two = translate("vaclip::studio::AnnotationPanel", "%n interval(s)", 2);
        QVERIFY(!one.contains(QLatin1String("(s)")) && !two.contains(QLatin1String("(s)")));
        if (lang == QLatin1String("zh_CN"))
            QCOMPARE(QString(one).replace(QLatin1Char('1'), QLatin1Char('2')), two);
        else
            QVERIFY2(QString(one).replace(QLatin1Char('1'), QLatin1Char('2')) != two, qPrintable(one + QLatin1String(" / ") + two));
    }

    /// The English plural file covers every numerus message the translations have, both forms.
    void englishPluralFileIsComplete()
    {
        const QList<Message> en = readTs(tsPath(QStringLiteral("en")));
        QVERIFY2(en.size() >= 20, qPrintable(QString::number(en.size())));
        QStringList problems;
        QSet<QString> enKeys;
        for (const Message& m : en) {
            const QString where = m.context + QStringLiteral(" \"") + m.source + QLatin1Char('"');
            enKeys.insert(m.context + QLatin1Char('\x1f') + m.source);
            if (!m.numerus)
                problems << where + QStringLiteral(": not a numerus message");
            if (m.unfinished)
                problems << where + QStringLiteral(": unfinished");
            if (m.forms.size() != 2)
                problems << where + QStringLiteral(": %1 forms").arg(m.forms.size());
            for (const QString& f : m.forms)
                if (f.contains(QLatin1String("(s)")) || !(f.contains(QLatin1String("%n")) || f.contains(QLatin1String("%Ln"))))
                    problems << where + QStringLiteral(": form \"%1\"").arg(f);
        }
        for (const Message& m : readTs(tsPath(QStringLiteral("de"))))
            if (m.numerus && !enKeys.contains(m.context + QLatin1Char('\x1f') + m.source))
                problems << m.context + QStringLiteral(" \"") + m.source + QStringLiteral("\": missing in vaclip_studio_en.ts");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    /// An English "(s)" in a translatable string that is not a numerus message shows "1 video(s)".
    void noPluralHacksInTheSources()
    {
        QStringList hacks;
        for (const Message& m : readTs(tsPath(QStringLiteral("de"))))
            if (!m.numerus && m.source.contains(QLatin1String("(s)")))
                hacks << m.context + QStringLiteral(" \"") + m.source + QLatin1Char('"');
        QVERIFY2(hacks.isEmpty(), qPrintable(QStringLiteral("use tr(\"%n ...(s)\", nullptr, n):\n") + hacks.join(QLatin1Char('\n'))));
    }

    /// lupdate -pluralonly over the sources (as scripts/update-translations.sh runs it) adds
    /// nothing to a copy of the English file.
    void englishPluralFileIsCurrent()
    {
        QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
        if (!QFile::exists(lupdate))
            lupdate = QStandardPaths::findExecutable(QStringLiteral("lupdate"));
        if (lupdate.isEmpty())
            QSKIP("lupdate not installed (Debian: qt6-l10n-tools)");
        vaclip::test::TempDir dir;
        const QString copy = QString::fromStdString(dir.file("current_en.ts"));
        QVERIFY(QFile::copy(tsPath(QStringLiteral("en")), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(VACLIP_SOURCE_DIR));
        p.start(lupdate, {QStringLiteral("-no-obsolete"), QStringLiteral("-silent"), QStringLiteral("-pluralonly"),
                          QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("ui"),
                          QStringLiteral("app/vaclip-studio"), QStringLiteral("-ts"), copy});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QStringList fresh;
        for (const Message& m : readTs(copy))
            if (m.unfinished)
                fresh << QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
        QVERIFY2(fresh.isEmpty(), qPrintable(QStringLiteral("run scripts/update-translations.sh and give the English "
                                                            "forms:\n") + fresh.join(QLatin1Char('\n'))));
    }

    /// The metrics panel over a real test set says "N videos" / "N bootstrap resamples", never "(s)".
    void metricsPanelShowsNoPluralHack()
    {
        vaclip::test::TempDir dir;
        const QString config = makeStudioWorkspace(dir);
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("de")}) {
            installStudioTranslators(lang);
            StudioSession session;
            MetricsPanel panel(&session);
            QVERIFY(session.openConfig(config));
            QTRY_VERIFY_WITH_TIMEOUT(session.scores() && session.scores()->evaluation, 30000);
            const QString text = panel.summaryText();
            QVERIFY2(!text.contains(QLatin1String("(s)")), qPrintable(text));
            const int defined = session.scores()->evaluation->macro.definedVideos;
            const QString videos = lang == QLatin1String("en") ? (defined == 1 ? QStringLiteral("%1 video") : QStringLiteral("%1 videos"))
                                                               : (defined == 1 ? QStringLiteral("%1 Video") : QStringLiteral("%1 Videos"));
            // "(macro, 8 videos)" with a no-break space, so that the count stays with its noun.
            QVERIFY2(text.contains(videos.arg(defined).replace(QLatin1Char(' '), QChar(0xa0)) + QLatin1Char(')')),
                     qPrintable(text));
        }
    }
};

QTEST_MAIN(PluralsTest)
#include "tst_plurals.moc"
