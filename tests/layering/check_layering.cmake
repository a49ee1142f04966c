# cmake -DCORE_DIR=<core> -P check_layering.cmake
cmake_minimum_required(VERSION 3.21)
# Fails (with every offending line) when a folder of the core includes a
# folder it must not see, or a Qt module the core must not use.

# What each folder may include besides itself. Dependencies point one way:
# sim -> server, sync -> client -> protocol/auth.
set(allowed_protocol auth)
set(allowed_auth protocol)
set(allowed_server protocol auth)
set(allowed_client protocol auth)
set(allowed_sync protocol auth client)
set(allowed_sim protocol auth server client sync)
set(layers protocol auth server client sync sim)

set(problems "")
foreach(layer IN LISTS layers)
    file(GLOB_RECURSE files "${CORE_DIR}/${layer}/*.h" "${CORE_DIR}/${layer}/*.cpp")
    foreach(file IN LISTS files)
        file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include")
        foreach(line IN LISTS includes)
            if(line MATCHES "<(QtWidgets|QtMultimedia|QtMultimediaWidgets|QWidget|QMediaPlayer|QApplication)[/>]")
                string(APPEND problems "  ${file}: ${line} (the core never uses Widgets or Multimedia)\n")
            endif()
            if(line MATCHES "\"([a-z]+)/[^\"]+\"")
                set(target "${CMAKE_MATCH_1}")
                if(NOT target STREQUAL layer AND NOT target IN_LIST allowed_${layer})
                    string(APPEND problems "  ${file}: ${line} (${layer}/ may not include ${target}/)\n")
                endif()
            endif()
        endforeach()
    endforeach()
endforeach()

if(problems)
    message(FATAL_ERROR "The core's layering is broken:\n${problems}")
endif()
message(STATUS "The core's layering holds.")
