# Dataset-format plugins (plugins/): where they are built and installed, and the one function
# that makes a plugin target. The build tree mirrors the install layout, so a vaclip run from the
# build finds <build>/<libdir>/vaclip/plugins the way an installed one finds <prefix>/<libdir>/...
set(VACLIP_PLUGIN_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/vaclip/plugins")
set(VACLIP_DATA_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/vaclip")
set(VACLIP_BUILD_PLUGIN_DIR "${PROJECT_BINARY_DIR}/${VACLIP_PLUGIN_INSTALL_DIR}")

# vaclip_add_dataset_plugin(<target> SOURCES <files...> [LIBRARIES <libs...>]
#                           [OUTPUT_DIRECTORY <dir>] [NO_INSTALL])
# A Qt plugin (MODULE library, AUTOMOC for Q_PLUGIN_METADATA and its JSON file) built on the
# SDK (plugins/sdk), linking the engine statically. Installed plugins are also collected in the
# global property VACLIP_DATASET_PLUGINS (vaclip depends on them, so a build of vaclip has them).
function(vaclip_add_dataset_plugin target)
  cmake_parse_arguments(arg "NO_INSTALL" "OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT arg_OUTPUT_DIRECTORY)
    set(arg_OUTPUT_DIRECTORY "${VACLIP_BUILD_PLUGIN_DIR}")
  endif()
  add_library(${target} MODULE ${arg_SOURCES})
  set_target_properties(${target} PROPERTIES AUTOMOC ON LIBRARY_OUTPUT_DIRECTORY "${arg_OUTPUT_DIRECTORY}")
  target_link_libraries(${target} PRIVATE vaclip_plugin_sdk ${arg_LIBRARIES})
  # Only the libraries it uses; every symbol resolved at link time; its own copy of the engine's
  # functions bound inside it (never the host's, which may be another version).
  target_link_options(${target} PRIVATE -Wl,--as-needed -Wl,--no-undefined -Wl,-Bsymbolic)
  if(NOT arg_NO_INSTALL)
    install(TARGETS ${target} LIBRARY DESTINATION "${VACLIP_PLUGIN_INSTALL_DIR}")
    set_property(GLOBAL APPEND PROPERTY VACLIP_DATASET_PLUGINS ${target})
  endif()
endfunction()
