# Installers for Lockstep: a .deb on Linux, an NSIS installer (and a ZIP) on
# Windows, a drag-and-drop DMG on macOS. Everything except the binaries lives
# here; the binaries' own install() rules are in app/CMakeLists.txt.
#
# The top-level CMakeLists.txt includes this file last, so (policy CMP0082)
# every install rule below runs after the binaries have been installed, which
# the macOS and Windows deployment steps rely on.
#
# Build a package:  cmake --build <dir> && cpack --config <dir>/CPackConfig.cmake
# (scripts/package.sh does this for the .deb, then validates the result).

set(LOCKSTEP_APP_ID "app.lockstep.Lockstep")
set(LOCKSTEP_PACKAGE_NAME "lockstep")
set(LOCKSTEP_MAINTAINER "The Lockstep developers <packaging@lockstep.app>")
set(LOCKSTEP_ICON_SIZES 16 22 24 32 48 64 128 256 512)

set(_lockstep_pkg_src "${CMAKE_CURRENT_LIST_DIR}")
set(_lockstep_res_src "${PROJECT_SOURCE_DIR}/resources")
set(_lockstep_pkg_gen "${CMAKE_BINARY_DIR}/packaging")

# The app target exists only when the UI is built; the headless package
# carries the server alone.
if(LOCKSTEP_BUILD_UI AND TARGET lockstep)
    set(_lockstep_with_ui TRUE)
else()
    set(_lockstep_with_ui FALSE)
endif()

# ---------------------------------------------------------------------------
# Linux: desktop integration, the server's systemd unit, and Debian docs
# ---------------------------------------------------------------------------
if(UNIX AND NOT APPLE)
    set(LOCKSTEP_SYSTEMD_UNIT_DIR "lib/systemd/system" CACHE STRING
        "Where lockstep-server.service is installed, relative to the prefix")
    set(_lockstep_docdir "${CMAKE_INSTALL_DATAROOTDIR}/doc/${LOCKSTEP_PACKAGE_NAME}")

    if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
        message(STATUS "Packaging: configure with -DCMAKE_INSTALL_PREFIX=/usr to build a .deb "
                       "(now ${CMAKE_INSTALL_PREFIX})")
    endif()

    # The unit names the installed binary and /etc/default file by their
    # real paths, which depend on the prefix.
    configure_file("${_lockstep_pkg_src}/linux/lockstep-server.service.in"
        "${_lockstep_pkg_gen}/lockstep-server.service" @ONLY)
    install(FILES "${_lockstep_pkg_gen}/lockstep-server.service"
        DESTINATION "${LOCKSTEP_SYSTEMD_UNIT_DIR}")
    install(FILES "${_lockstep_pkg_src}/linux/lockstep-server.default"
        DESTINATION "${_lockstep_docdir}/examples")
    install(FILES "${_lockstep_pkg_src}/linux/copyright"
        DESTINATION "${_lockstep_docdir}")

    # Debian wants man pages and the changelog compressed, without a
    # timestamp inside so that rebuilds are byte-identical (gzip -n).
    find_program(LOCKSTEP_GZIP gzip REQUIRED)
    set(_lockstep_man_pages lockstep-server)
    if(_lockstep_with_ui)
        list(APPEND _lockstep_man_pages lockstep)
    endif()
    set(_lockstep_gzipped "")
    foreach(_page IN LISTS _lockstep_man_pages)
        configure_file("${_lockstep_pkg_src}/linux/${_page}.1.in"
            "${_lockstep_pkg_gen}/${_page}.1" @ONLY)
        list(APPEND _lockstep_gzipped "${_lockstep_pkg_gen}/${_page}.1")
    endforeach()
    configure_file("${_lockstep_pkg_src}/linux/changelog"
        "${_lockstep_pkg_gen}/changelog" COPYONLY)
    list(APPEND _lockstep_gzipped "${_lockstep_pkg_gen}/changelog")

    set(_lockstep_gz_outputs "")
    foreach(_file IN LISTS _lockstep_gzipped)
        add_custom_command(OUTPUT "${_file}.gz"
            COMMAND "${LOCKSTEP_GZIP}" -9 -n -k -f "${_file}"
            DEPENDS "${_file}"
            VERBATIM)
        list(APPEND _lockstep_gz_outputs "${_file}.gz")
    endforeach()
    add_custom_target(lockstep_packaging_docs ALL DEPENDS ${_lockstep_gz_outputs})

    foreach(_page IN LISTS _lockstep_man_pages)
        install(FILES "${_lockstep_pkg_gen}/${_page}.1.gz"
            DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
    endforeach()
    install(FILES "${_lockstep_pkg_gen}/changelog.gz" DESTINATION "${_lockstep_docdir}")

    if(_lockstep_with_ui)
        install(FILES "${_lockstep_res_src}/linux/${LOCKSTEP_APP_ID}.desktop"
            DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/applications")
        install(FILES "${_lockstep_res_src}/linux/${LOCKSTEP_APP_ID}.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/metainfo")
        install(FILES "${_lockstep_res_src}/icons/${LOCKSTEP_APP_ID}.svg"
            DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps")
        foreach(_size IN LISTS LOCKSTEP_ICON_SIZES)
            install(FILES
                "${_lockstep_res_src}/icons/hicolor/${_size}x${_size}/apps/${LOCKSTEP_APP_ID}.png"
                DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/${_size}x${_size}/apps")
        endforeach()
    endif()
endif()

# ---------------------------------------------------------------------------
# Windows: Qt runtime next to the executables (windeployqt) and the MSVC runtime
# ---------------------------------------------------------------------------
if(WIN32)
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
    include(InstallRequiredSystemLibraries)

    # The GUI needs every Qt library the server does, and both sit in bin/,
    # so deploying the GUI covers the server too.
    if(_lockstep_with_ui)
        set(_lockstep_deploy_target lockstep)
    else()
        set(_lockstep_deploy_target lockstep-server)
    endif()
    if(COMMAND qt_generate_deploy_app_script)
        if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
            # The MSVC runtime comes from InstallRequiredSystemLibraries above,
            # as DLLs beside the executables rather than a redistributable.
            qt_generate_deploy_app_script(TARGET ${_lockstep_deploy_target}
                OUTPUT_SCRIPT _lockstep_deploy_script
                NO_COMPILER_RUNTIME
                NO_UNSUPPORTED_PLATFORM_ERROR)
        else()
            qt_generate_deploy_app_script(TARGET ${_lockstep_deploy_target}
                FILENAME_VARIABLE _lockstep_deploy_script
                NO_UNSUPPORTED_PLATFORM_ERROR)
        endif()
        install(SCRIPT "${_lockstep_deploy_script}")
    else()
        find_program(LOCKSTEP_WINDEPLOYQT windeployqt
            HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
        if(LOCKSTEP_WINDEPLOYQT)
            install(CODE "
                execute_process(
                    COMMAND \"${LOCKSTEP_WINDEPLOYQT}\" --release --no-translations
                        \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:${_lockstep_deploy_target}>\"
                    COMMAND_ERROR_IS_FATAL ANY)")
        else()
            message(WARNING "Packaging: neither qt_generate_deploy_app_script nor windeployqt "
                            "found; the installer will lack the Qt runtime")
        endif()
    endif()
endif()

# ---------------------------------------------------------------------------
# macOS: bundle metadata, icon, and a self-contained bundle (macdeployqt)
# ---------------------------------------------------------------------------
if(APPLE AND _lockstep_with_ui)
    if(CMAKE_OSX_DEPLOYMENT_TARGET)
        set(LOCKSTEP_MACOS_MINIMUM_VERSION "${CMAKE_OSX_DEPLOYMENT_TARGET}")
    else()
        set(LOCKSTEP_MACOS_MINIMUM_VERSION "12.0")
    endif()
    # First pass fills in our own @values@; CMake fills in the bundle's
    # ${MACOSX_BUNDLE_...} values from the target's properties.
    configure_file("${_lockstep_pkg_src}/macos/Info.plist.in"
        "${_lockstep_pkg_gen}/Info.plist.in" @ONLY)

    set(_lockstep_icns "${_lockstep_pkg_src}/macos/lockstep.icns")
    target_sources(lockstep PRIVATE "${_lockstep_icns}")
    set_source_files_properties("${_lockstep_icns}" TARGET_DIRECTORY lockstep
        PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    string(TIMESTAMP _lockstep_year "%Y" UTC)
    set_target_properties(lockstep PROPERTIES
        MACOSX_BUNDLE_INFO_PLIST "${_lockstep_pkg_gen}/Info.plist.in"
        MACOSX_BUNDLE_GUI_IDENTIFIER "${LOCKSTEP_APP_ID}"
        MACOSX_BUNDLE_BUNDLE_NAME "Lockstep"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
        MACOSX_BUNDLE_ICON_FILE "lockstep.icns"
        MACOSX_BUNDLE_COPYRIGHT "Copyright ${_lockstep_year} The Lockstep developers")

    # The server ships inside the bundle (Contents/MacOS/lockstep-server), so
    # the DMG holds one self-contained app. macdeployqt is run directly
    # rather than through qt_generate_deploy_app_script because only it can
    # be told about that second executable (-executable=).
    set(LOCKSTEP_MACOS_SIGN_IDENTITY "" CACHE STRING
        "codesign identity for macdeployqt, e.g. 'Developer ID Application: ...' (empty: unsigned)")
    set(_lockstep_qt_bin "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
    if(TARGET Qt6::qmake)
        get_target_property(_lockstep_qmake Qt6::qmake LOCATION)
        get_filename_component(_lockstep_qmake_dir "${_lockstep_qmake}" DIRECTORY)
        list(APPEND _lockstep_qt_bin "${_lockstep_qmake_dir}")
    endif()
    find_program(LOCKSTEP_MACDEPLOYQT macdeployqt HINTS ${_lockstep_qt_bin})
    if(NOT LOCKSTEP_MACDEPLOYQT)
        message(WARNING "Packaging: macdeployqt not found; the DMG will lack the Qt frameworks")
    endif()

    set(LOCKSTEP_MACOS_BUNDLE "$<TARGET_FILE_NAME:lockstep>.app")
    set(LOCKSTEP_MACOS_BINDIR "${CMAKE_INSTALL_BINDIR}")
    set(_lockstep_sign_args "")
    if(LOCKSTEP_MACOS_SIGN_IDENTITY)
        set(_lockstep_sign_args "\"-codesign=${LOCKSTEP_MACOS_SIGN_IDENTITY}\" -hardened-runtime -timestamp")
    endif()
    set(LOCKSTEP_MACOS_SIGN_ARGS "${_lockstep_sign_args}")
    string(CONFIGURE [[
        set(_root "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}")
        set(_app "${_root}/@LOCKSTEP_MACOS_BUNDLE@")
        if(EXISTS "${_root}/@LOCKSTEP_MACOS_BINDIR@/lockstep-server")
            file(RENAME "${_root}/@LOCKSTEP_MACOS_BINDIR@/lockstep-server"
                "${_app}/Contents/MacOS/lockstep-server")
            file(GLOB _left "${_root}/@LOCKSTEP_MACOS_BINDIR@/*")
            if(NOT _left)
                file(REMOVE_RECURSE "${_root}/@LOCKSTEP_MACOS_BINDIR@")
            endif()
        endif()
    ]] _lockstep_macos_move_server @ONLY)
    install(CODE "${_lockstep_macos_move_server}")
    if(LOCKSTEP_MACDEPLOYQT)
        string(CONFIGURE [[
            set(_app "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/@LOCKSTEP_MACOS_BUNDLE@")
            message(STATUS "Deploying Qt into ${_app}")
            execute_process(
                COMMAND "@LOCKSTEP_MACDEPLOYQT@" "${_app}" -always-overwrite
                    "-executable=${_app}/Contents/MacOS/lockstep-server"
                    @LOCKSTEP_MACOS_SIGN_ARGS@
                COMMAND_ERROR_IS_FATAL ANY)
        ]] _lockstep_macos_deploy @ONLY)
        install(CODE "${_lockstep_macos_deploy}")
    endif()
endif()

# ---------------------------------------------------------------------------
# CPack
# ---------------------------------------------------------------------------
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_PACKAGE_NAME "${LOCKSTEP_PACKAGE_NAME}")
set(CPACK_PACKAGE_VENDOR "The Lockstep developers")
set(CPACK_PACKAGE_CONTACT "${LOCKSTEP_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Lines are kept under 80 columns: the .deb's control file shows them as is.
if(_lockstep_with_ui)
    string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
        "Lockstep plays the same video in everyone's own window and keeps every"
        "player on one shared timeline while people play, pause, seek, buffer,"
        "join late and drop out. Anyone can host a room from the app and share"
        "an invite link."
        ""
        "The package also carries lockstep-server, the same session server run"
        "headless, with a sandboxed systemd unit for hosting rooms on a server.")
else()
    string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
        "lockstep-server hosts Lockstep rooms without a desktop: it keeps each"
        "room's shared timeline and relays play, pause and seek to everyone in"
        "the room, so viewers stay in sync. It comes with a sandboxed systemd"
        "unit."
        ""
        "This build carries the server only, not the desktop app.")
endif()
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Lockstep")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_OUTPUT_FILE_PREFIX "${CMAKE_BINARY_DIR}/packages")
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build/" "/build-[^/]*/" "/\\.cache/")

if(WIN32)
    set(CPACK_GENERATOR NSIS ZIP)
    set(CPACK_PACKAGE_FILE_NAME "Lockstep-${PROJECT_VERSION}-windows-x64")
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_PACKAGE_FILE_NAME "Lockstep-${PROJECT_VERSION}-macos-${CMAKE_SYSTEM_PROCESSOR}")
else()
    set(CPACK_GENERATOR DEB)
endif()

# Debian ---------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION video)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${_lockstep_pkg_src}/linux/postinst"
    "${_lockstep_pkg_src}/linux/prerm"
    "${_lockstep_pkg_src}/linux/postrm")
if(_lockstep_with_ui)
    # Loaded as plugins, so dpkg-shlibdeps cannot see them: the SVG plugin
    # draws the window icon, GStreamer decodes the media, and Wayland
    # sessions are better served natively than through XWayland.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, libass9")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
        "gstreamer1.0-plugins-good, gstreamer1.0-plugins-bad, gstreamer1.0-libav, qt6-wayland")
endif()

# NSIS -----------------------------------------------------------------------
set(_lockstep_ico "${_lockstep_pkg_src}/windows/lockstep.ico")
file(TO_NATIVE_PATH "${_lockstep_ico}" _lockstep_ico_native)
set(CPACK_NSIS_PACKAGE_NAME "Lockstep")
set(CPACK_NSIS_DISPLAY_NAME "Lockstep")
set(CPACK_NSIS_BRANDING_TEXT "Lockstep ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${_lockstep_ico_native}")
set(CPACK_NSIS_MUI_UNIICON "${_lockstep_ico_native}")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "packaging@lockstep.app")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Lockstep")
if(WIN32)
    set(CPACK_PRE_BUILD_SCRIPTS "${_lockstep_pkg_src}/windows/sign-binaries.cmake")
endif()
if(_lockstep_with_ui)
    # Start menu entry "Lockstep" for bin\lockstep.exe.
    set(CPACK_PACKAGE_EXECUTABLES "lockstep" "Lockstep")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\lockstep.exe")
    set(CPACK_NSIS_MUI_FINISHPAGE_RUN "lockstep.exe")
    # lockstep:// invite links open the app. SHCTX is HKLM for an all-users
    # install and HKCU for a per-user one.
    set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [[
  WriteRegStr SHCTX "Software\Classes\lockstep" "" "URL:Lockstep invite link"
  WriteRegStr SHCTX "Software\Classes\lockstep" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\lockstep\DefaultIcon" "" "$INSTDIR\bin\lockstep.exe,0"
  WriteRegStr SHCTX "Software\Classes\lockstep\shell\open\command" "" '"$INSTDIR\bin\lockstep.exe" "%1"'
]])
    set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [[
  DeleteRegKey SHCTX "Software\Classes\lockstep"
]])
endif()

# DragNDrop (DMG) ------------------------------------------------------------
set(CPACK_DMG_VOLUME_NAME "Lockstep ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)

include(CPack)
