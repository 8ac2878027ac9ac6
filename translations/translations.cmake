# The studio's translations (issue 7): translations/vaclip_studio_<lang>.ts -> .qm with every build
# (lrelease), embedded in the target's resources under :/i18n/ (vaclip_studio_de.qm, ...), beside
# Qt's own qtbase_<lang>.qm when the system has them (Debian: qt6-translations-l10n), so the
# executable and the GUI tests need no files next to them.
#
#   include(${PROJECT_SOURCE_DIR}/translations/translations.cmake)
#   vaclip_add_studio_translations(vaclip_studio_ui)
#
# Refresh the .ts files after changing strings: scripts/update-translations.sh (plain lupdate over
# ui/ and app/vaclip-studio, keeping existing translations); the target <target>_lupdate does the
# same from CMake's view of the sources (for de and zh_CN).
# English is the source language, but "%n video(s)" needs its plural forms too: vaclip_studio_en.ts
# holds only the numerus messages (lupdate -pluralonly, also refreshed by the script) and becomes
# :/i18n/vaclip_studio_en.qm, which the studio installs whenever it shows English.
set(VACLIP_STUDIO_LANGUAGES de zh_CN)

function(vaclip_add_studio_translations target)
  set(ts_files "")
  foreach(lang IN LISTS VACLIP_STUDIO_LANGUAGES)
    list(APPEND ts_files ${PROJECT_SOURCE_DIR}/translations/vaclip_studio_${lang}.ts)
  endforeach()
  qt_add_translations(${target}
    TS_FILES ${ts_files}
    SOURCES ${PROJECT_SOURCE_DIR}/app/vaclip-studio/main.cpp
    RESOURCE_PREFIX /i18n
    LUPDATE_OPTIONS -no-obsolete -locations relative
    LRELEASE_OPTIONS -silent)

  # English plural forms ("1 video", "2 videos"): lrelease of the plural-only .ts.
  set(en_ts ${PROJECT_SOURCE_DIR}/translations/vaclip_studio_en.ts)
  set_source_files_properties(${en_ts} PROPERTIES OUTPUT_LOCATION ${CMAKE_CURRENT_BINARY_DIR}/en_i18n)
  qt_add_translation(en_qm ${en_ts} OPTIONS -silent)
  qt_add_resources(${target} "${target}_en_translations"
    PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}/en_i18n FILES ${en_qm})

  # Qt's own strings (standard dialogs, context menus), copied from the system at configure time.
  set(qt_qm "")
  foreach(lang IN LISTS VACLIP_STUDIO_LANGUAGES)
    set(src ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_TRANSLATIONS}/qtbase_${lang}.qm)
    if(NOT EXISTS ${src})
      set(src /usr/share/qt6/translations/qtbase_${lang}.qm)
    endif()
    if(EXISTS ${src})
      configure_file(${src} ${CMAKE_CURRENT_BINARY_DIR}/qtbase_i18n/qtbase_${lang}.qm COPYONLY)
      list(APPEND qt_qm ${CMAKE_CURRENT_BINARY_DIR}/qtbase_i18n/qtbase_${lang}.qm)
    else()
      message(STATUS "qtbase_${lang}.qm not found: Qt's own dialogs stay English in that language")
    endif()
  endforeach()
  if(qt_qm)
    qt_add_resources(${target} "${target}_qtbase_translations"
      PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}/qtbase_i18n FILES ${qt_qm})
  endif()
endfunction()
