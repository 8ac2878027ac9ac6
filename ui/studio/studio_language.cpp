#include "studio/studio_language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QTranslator>

namespace vaclip::studio {

namespace {

QPointer<QTranslator>& ourTranslator()
{
    static QPointer<QTranslator> t;
    return t;
}

QPointer<QTranslator>& qtTranslator()
{
    static QPointer<QTranslator> t;
    return t;
}

/// Loads `name`_<locale>.qm from the first folder that has it; false if none does.
bool loadFrom(QTranslator& translator, const QLocale& locale, const QString& name, const QStringList& folders)
{
    for (const QString& folder : folders)
        if (translator.load(locale, name, QStringLiteral("_"), folder))
            return true;
    return false;
}

void replace(QPointer<QTranslator>& slot, QTranslator* next)
{
    if (slot) {
        QCoreApplication::removeTranslator(slot);
        delete slot;
    }
    slot = next;
    if (next)
        QCoreApplication::installTranslator(next);
}

} // namespace

QString normalizeStudioLanguage(const QString& language)
{
    const QString l = language.trimmed();
    if (l.isEmpty() || l.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0)
        return {};
    const QString lower = l.toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
    if (lower == QLatin1String("zh") || lower.startsWith(QLatin1String("zh_cn")) || lower.startsWith(QLatin1String("zh_hans")))
        return QStringLiteral("zh_CN");
    if (lower.startsWith(QLatin1String("de")))
        return QStringLiteral("de");
    if (lower.startsWith(QLatin1String("en")) || lower == QLatin1String("c"))
        return QStringLiteral("en");
    return l;
}

QString withoutAccelerator(const QString& menuText)
{
    static const QRegularExpression cjk(QStringLiteral("\\s*[(\uff08]&[^&][)\uff09]"));
    QString s = menuText;
    s.remove(cjk);
    if (s.endsWith(QLatin1String("...")))
        s.chop(3);
    else if (s.endsWith(QChar(0x2026)))
        s.chop(1);
    for (qsizetype i = 0; i < s.size(); ++i)
        if (s[i] == QLatin1Char('&'))
            s.remove(i, 1);  // "&&" leaves one '&', which is skipped next
    return s.trimmed();
}

QString chooseStudioLanguage(const QStringList& arguments, const QString& settingLanguage)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (a == QLatin1String("--"))
            break;
        if ((a == QLatin1String("--lang") || a == QLatin1String("-lang")) && i + 1 < arguments.size())
            return normalizeStudioLanguage(arguments[i + 1]);
        if (a.startsWith(QLatin1String("--lang=")))
            return normalizeStudioLanguage(a.mid(7));
    }
    const QString env = qEnvironmentVariable("VACLIP_STUDIO_LANG");
    if (!env.trimmed().isEmpty())
        return normalizeStudioLanguage(env);
    return normalizeStudioLanguage(settingLanguage);
}

QLocale studioLocale(const QString& language)
{
    const QString l = normalizeStudioLanguage(language);
    if (l.isEmpty())
        return QLocale::system();
    if (l == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return QLocale(l);
}

QString installStudioTranslators(const QString& language)
{
    const QString normalized = normalizeStudioLanguage(language);
    const QLocale locale = studioLocale(normalized);
    if (!normalized.isEmpty())
        QLocale::setDefault(locale);

    const QString exeDir = QCoreApplication::applicationDirPath();
    const QStringList ourFolders{exeDir + QStringLiteral("/translations"),
                                 exeDir + QStringLiteral("/../share/vaclip-studio/translations"), QStringLiteral(":/i18n")};
    const QStringList qtFolders{QLibraryInfo::path(QLibraryInfo::TranslationsPath), QStringLiteral(":/i18n")};

    // English is the source language: only its plural forms ("%n video(s)" -> "1 video", "2
    // videos") come from vaclip_studio_en.qm, also when no translation matched the system's
    // language; Qt's own strings stay as they are.
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    auto* ours = new QTranslator;
    bool translated = normalized != QLatin1String("en") && loadFrom(*ours, locale, QStringLiteral("vaclip_studio"), ourFolders);
    if (translated && normalizeStudioLanguage(ours->language()) == QLatin1String("en"))
        translated = false;  // the system's language is an English one
    if (!translated && !loadFrom(*ours, english, QStringLiteral("vaclip_studio"), ourFolders)) {
        delete ours;
        ours = nullptr;
    }
    auto* qt = new QTranslator;
    if (!translated || !loadFrom(*qt, locale, QStringLiteral("qtbase"), qtFolders)) {
        delete qt;
        qt = nullptr;
    }
    replace(qtTranslator(), qt);
    replace(ourTranslator(), ours);
    if (!translated)
        return QStringLiteral("en");
    return normalizeStudioLanguage(ours->language());
}

} // namespace vaclip::studio
