# Install rules: the program, resources, desktop integration (issue 8).
#   cmake --install build [--prefix /usr]         DESTDIR=/tmp/stage cmake --install build
# Paths follow GNUInstallDirs, so distributions can move them. The program carries its
# lessons as Qt resources: nothing installed here is read back from the source tree.
include(GNUInstallDirs)

set(ATTNVIZ_APP_ID io.github.attnviz.AttnViz)
set(ATTNVIZ_DESKTOP_DIR ${PROJECT_SOURCE_DIR}/resources/desktop)
set(ATTNVIZ_ICON_DIR ${PROJECT_SOURCE_DIR}/resources/icons)
set(ATTNVIZ_ICON_SIZES 16 32 48 64 128 256)

# qt_standard_project_setup() gives installed binaries the RUNPATH $ORIGIN:$ORIGIN/../lib
# for bundled libraries; attnviz links only system libraries, and Debian forbids a RUNPATH.
set_property(TARGET attnviz PROPERTY INSTALL_RPATH "")
install(TARGETS attnviz RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Lesson presets for users to copy and edit (the program has its own compiled-in copies).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/lessons/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/attnviz/lessons
  FILES_MATCHING PATTERN "*.attn.json")

# Translations, once the build makes them: whatever build/translations/*.qm holds at
# install time; nothing, and no error, while the folder does not exist.
install(DIRECTORY ${CMAKE_BINARY_DIR}/translations/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/attnviz/translations
  OPTIONAL
  FILES_MATCHING PATTERN "*.qm")

install(FILES ${ATTNVIZ_DESKTOP_DIR}/${ATTNVIZ_APP_ID}.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${ATTNVIZ_DESKTOP_DIR}/${ATTNVIZ_APP_ID}.metainfo.xml
  DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
# shared-mime-info's dpkg trigger (or update-mime-database) builds the database from it.
install(FILES ${ATTNVIZ_DESKTOP_DIR}/attnviz-mime.xml
  DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)

install(FILES ${ATTNVIZ_ICON_DIR}/${ATTNVIZ_APP_ID}.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size IN LISTS ATTNVIZ_ICON_SIZES)
  install(FILES ${ATTNVIZ_ICON_DIR}/${size}/${ATTNVIZ_APP_ID}.png
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()

install(FILES ${PROJECT_SOURCE_DIR}/docs/attnviz.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Renders the committed PNG icons again from the SVG after it changes:
#   ninja -C build attnviz_icons     (then commit resources/icons/*/*.png)
# Not part of "all": building or installing AttnViz never needs it.
add_executable(attnviz-rendericons EXCLUDE_FROM_ALL ${ATTNVIZ_ICON_DIR}/rendericons.cpp)
target_link_libraries(attnviz-rendericons PRIVATE Qt6::Gui Qt6::Svg)
add_custom_target(attnviz_icons
  COMMAND attnviz-rendericons ${ATTNVIZ_ICON_DIR}/${ATTNVIZ_APP_ID}.svg ${ATTNVIZ_ICON_DIR}
  DEPENDS ${ATTNVIZ_ICON_DIR}/${ATTNVIZ_APP_ID}.svg
  COMMENT "Rendering the application icon to PNG"
  VERBATIM)

include(${CMAKE_CURRENT_LIST_DIR}/Packaging.cmake)
