# CPack: `cmake --build build --target package` makes a .deb and a .tar.gz with recforge,
# recforge-cli, the translations, a desktop entry and an icon.
install(FILES ${CMAKE_SOURCE_DIR}/resources/recforge.desktop DESTINATION share/applications)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/recforge.svg
        DESTINATION share/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME "recforge")
set(CPACK_PACKAGE_VENDOR "RecForge")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "RecForge developers <dev@recforge.invalid>")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
# Runtime libraries, matching scripts/deps.sh (the one place the build dependencies are listed).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libtorch1.13, libopenblas0-openmp, libsqlite3-0, libsentencepiece0, libqt6widgets6, libqt6sql6-sqlite, libqcustomplot2.1-qt6 | libqcustomplot2.1")
set(CPACK_PACKAGE_FILE_NAME "recforge-${PROJECT_VERSION}-Linux")
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_BINARY_DIR}/packages)
include(CPack)
