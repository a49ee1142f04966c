# CPack pre-build script (CPACK_PRE_BUILD_SCRIPTS): signs Lockstep's own
# executables in the staging tree with Authenticode before NSIS and ZIP wrap
# them, so that both the installer and the installed programs carry a
# signature. The installer .exe itself is signed after cpack (see
# packaging/README.md).
#
# Does nothing unless LOCKSTEP_SIGN_PFX names a .pfx file. Also reads
# LOCKSTEP_SIGN_PASSWORD and LOCKSTEP_SIGN_TIMESTAMP_URL (default: DigiCert's
# RFC 3161 server).
if("$ENV{LOCKSTEP_SIGN_PFX}" STREQUAL "")
    message(STATUS "Lockstep: LOCKSTEP_SIGN_PFX not set, executables left unsigned")
    return()
endif()

find_program(LOCKSTEP_SIGNTOOL signtool REQUIRED)
set(_timestamp "$ENV{LOCKSTEP_SIGN_TIMESTAMP_URL}")
if(_timestamp STREQUAL "")
    set(_timestamp "http://timestamp.digicert.com")
endif()

file(GLOB_RECURSE _executables "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/lockstep.exe"
    "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/lockstep-server.exe")
foreach(_exe IN LISTS _executables)
    message(STATUS "Lockstep: signing ${_exe}")
    execute_process(
        COMMAND "${LOCKSTEP_SIGNTOOL}" sign /f "$ENV{LOCKSTEP_SIGN_PFX}"
            /p "$ENV{LOCKSTEP_SIGN_PASSWORD}" /fd SHA256 /tr "${_timestamp}" /td SHA256
            /d Lockstep "${_exe}"
        COMMAND_ERROR_IS_FATAL ANY)
endforeach()
