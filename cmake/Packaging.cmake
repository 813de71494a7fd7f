# CPack: a Debian package of what cmake/Install.cmake installs.
#   cpack --config build/CPackConfig.cmake -B build -G DEB  ->  build/attnviz_<version>_amd64.deb
# The Depends on Qt 6 and QCustomPlot (and libzip4, for --dump-npz) come
# from dpkg-shlibdeps (package dpkg-dev), which reads the libraries the binary really links;
# what it cannot see is listed by hand.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME attnviz)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The AttnViz developers")
set(ATTNVIZ_MAINTAINER "The AttnViz developers <attnviz@users.noreply.github.com>"
  CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT ${ATTNVIZ_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "see, edit and export every step of transformer self-attention")
set(CPACK_PACKAGE_DESCRIPTION
  "AttnViz is a desktop program for teaching and exploring the attention mechanism of
transformers. Type a sentence: its tokens become embeddings, a sinusoidal positional
encoding may be added, and every step of multi-head self-attention (Q, K and V, the
scores scaled by the square root of d_k, the causal or windowed mask, softmax, each
head's output, the concatenation and W_O) is computed and shown at once.

Every weight can be edited and every number traced to its formula. Figures export
as PNG, SVG or PDF, and a headless command line writes every intermediate matrix
as JSON. It runs offline.")
set(CPACK_PACKAGE_HOMEPAGE_URL https://github.com/attnviz/attnviz)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # attnviz_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${ATTNVIZ_MAINTAINER})
# Debian's sections name one area; AttnViz is first a teaching tool.
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not linked, so invisible to dpkg-shlibdeps: a font with CJK glyphs for the zh_CN
# interface and for Chinese tokens in the figures. libqt6svg6 (SVG export) is linked, so
# dpkg-shlibdeps adds it with its version; scripts/package-test.sh checks it is there.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-wqy-microhei | fonts-noto-cjk")
# The xcb platform plugin ships in libqt6gui6; Wayland sessions run it through XWayland.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# A package is meant for other machines: warn when the build was tuned to this one.
set(ATTNVIZ_CPACK_PROJECT_CONFIG ${CMAKE_BINARY_DIR}/AttnVizCPackConfig.cmake)
file(CONFIGURE OUTPUT ${ATTNVIZ_CPACK_PROJECT_CONFIG} CONTENT [[
if(@ATTNVIZ_NATIVE@)
  message(WARNING "This build uses -march=native: the package may not run on older CPUs. "
                  "Configure with -DATTNVIZ_NATIVE=OFF for a package to distribute.")
endif()
]] @ONLY)
set(CPACK_PROJECT_CONFIG_FILE ${ATTNVIZ_CPACK_PROJECT_CONFIG})

include(CPack)
