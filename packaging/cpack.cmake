# CPack: one Debian package "vaclip" with everything `cmake --install` puts under /usr.
# Its Depends are computed by dpkg-shlibdeps from the ELF files (executables and plugins), which
# finds LibTorch, Qt, FFmpeg, yaml-cpp ... through the Debian packages that own them.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vaclip)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "VideoAnomalyCLIP")
set(CPACK_PACKAGE_CONTACT "VideoAnomalyCLIP maintainers <maintainers@vaclip.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "zero-shot semantic video anomaly detection with CLIP")
set(CPACK_PACKAGE_DESCRIPTION
  "VideoAnomalyCLIP scores every frame of a video against prompts a user types (\"a person riding
a bicycle\") with a frozen CLIP image encoder, a temporal transformer and learned generic
normal/abnormal prompt context. This package holds the command-line tool vaclip, the desktop
application vaclip-studio (when built), the dataset-format plugins (UCSD Ped1/Ped2,
ShanghaiTech, CUHK Avenue, plain folders, interval CSV), example configs and a man page.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)                    # RelWithDebInfo binaries without their debug info
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/package)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)      # vaclip_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not visible to dpkg-shlibdeps: the fast BLAS behind libblas.so.3 (LibTorch links the generic
# one), the Qt platform plugins the studio needs to open a window, the SVG icon engine.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-openmp | libopenblas0")
if(TARGET vaclip-studio)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
endif()
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)      # fast to build; xz is 3-4x slower for ~20% less
include(CPack)
