# Project-wide compile policy: every target links vaclip_policy (never set flags per target).
add_library(vaclip_policy INTERFACE)
add_library(vaclip::policy ALIAS vaclip_policy)
target_compile_features(vaclip_policy INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(vaclip_policy INTERFACE
  -Wall -Wextra -Wpedantic -Wno-unused-parameter
  $<$<BOOL:${VACLIP_WARNINGS_AS_ERRORS}>:-Werror>)
target_compile_definitions(vaclip_policy INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CONTEXTLESS_CONNECT QT_NO_URL_CAST_FROM_STRING
  VACLIP_VERSION="${PROJECT_VERSION}")
if(VACLIP_SANITIZE)
  target_compile_options(vaclip_policy INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(vaclip_policy INTERFACE -fsanitize=address,undefined)
endif()
