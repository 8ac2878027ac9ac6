# Every dependency comes from a Debian 12 package (scripts/install-deps.sh) and is found the
# standard way. Targets link the imported targets, never raw flags.
find_package(PkgConfig REQUIRED)
pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libavutil libswscale)
set_package_properties(PkgConfig PROPERTIES TYPE REQUIRED PURPOSE "locates FFmpeg")
add_feature_info(FFmpeg FFMPEG_FOUND "libavformat ${FFMPEG_libavformat_VERSION}, libavcodec ${FFMPEG_libavcodec_VERSION}: video decoding and encoding")

find_package(yaml-cpp REQUIRED)
set_package_properties(yaml-cpp PROPERTIES TYPE REQUIRED PURPOSE "YAML configs")
find_package(nlohmann_json 3.10 REQUIRED)
set_package_properties(nlohmann_json PROPERTIES TYPE REQUIRED PURPOSE "meta.json, safetensors headers, reports")
find_package(CLI11 REQUIRED)
set_package_properties(CLI11 PROPERTIES TYPE REQUIRED PURPOSE "the vaclip command line")
find_package(ZLIB REQUIRED)
set_package_properties(ZLIB PROPERTIES TYPE REQUIRED PURPOSE "compressed MATLAB ground truth, gzip BPE vocabulary")
find_package(Threads REQUIRED)

find_package(Torch REQUIRED)
set_package_properties(Torch PROPERTIES TYPE REQUIRED PURPOSE "the CLIP engine and the temporal model (LibTorch, CPU)")
add_feature_info(LibTorch Torch_FOUND "LibTorch ${Torch_VERSION}")

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Svg PrintSupport)
set_package_properties(Qt6 PROPERTIES TYPE REQUIRED PURPOSE "plots (and the studio)")
find_package(QCustomPlotQt6 REQUIRED)
set_package_properties(QCustomPlotQt6 PROPERTIES TYPE REQUIRED PURPOSE "ROC/PR curves and score plots")

if(VACLIP_BUILD_TESTS)
  find_package(GTest REQUIRED)
  set_package_properties(GTest PROPERTIES TYPE REQUIRED PURPOSE "test suites")
endif()
if(VACLIP_BUILD_BENCH)
  find_package(benchmark REQUIRED)
  set_package_properties(benchmark PROPERTIES TYPE REQUIRED PURPOSE "benchmarks in bench/")
endif()
