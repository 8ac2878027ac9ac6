#pragma once
// The studio's user-interface language: which one (command line, environment, settings, system)
// and the translators for it (ours, vaclip_studio_<lang>.qm, and Qt's own, qtbase_<lang>.qm).
//
//   QApplication app(argc, argv);
//   const QString lang = chooseStudioLanguage(QCoreApplication::arguments(), settings.language);
//   installStudioTranslators(lang);      // before the first window is created
//
// Precedence: "--lang de" / "--lang=de" on the command line, then the environment variable
// VACLIP_STUDIO_LANG, then the setting (StudioSettings::language), then the system locale.
// A language is "" (the system's), "en", "de" or "zh_CN" (also accepted: "zh", "zh-CN",
// "de_DE", "system"). The .qm files are built from translations/*.ts and embedded under :/i18n/
// (translations/translations.cmake); a translations/ folder beside the executable, if present,
// takes precedence, so a translator can try a new .qm without rebuilding.
// Thread affinity: GUI thread, once at start-up (translators are application-wide).

#include <QLocale>
#include <QString>
#include <QStringList>

namespace vaclip::studio {

/// The languages the studio ships, as stored in the settings ("en" is the source language).
inline const QStringList& studioLanguages()
{
    static const QStringList languages{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
    return languages;
}

/// "de_DE" -> "de", "zh-CN"/"zh" -> "zh_CN", "system"/"" -> "", anything else unchanged.
QString normalizeStudioLanguage(const QString& language);

/// The language to use: --lang on the command line (arguments as QCoreApplication::arguments()),
/// else $VACLIP_STUDIO_LANG, else the setting; normalised; "" means the system's.
QString chooseStudioLanguage(const QStringList& arguments, const QString& settingLanguage);

/// The locale that `language` ("" = QLocale::system()) stands for.
QLocale studioLocale(const QString& language);

/// A menu entry's text for a tool button: without the accelerator, also in the "(&F)" form that
/// CJK translations use ("打开配置(&O)..." -> "打开配置"), and without a trailing "...".
QString withoutAccelerator(const QString& menuText);

/// Loads and installs the studio's and Qt's translators for `language` (replacing ones this
/// function installed before) and, for an explicit language, makes its locale the default for
/// number formatting. Returns the UI language now in effect: "de", "zh_CN" or "en" (also when
/// no translation matched the system's language). English, too, gets a translator: the plural
/// forms of vaclip_studio_en.qm ("%n video(s)" -> "1 video" / "2 videos").
QString installStudioTranslators(const QString& language);

} // namespace vaclip::studio
