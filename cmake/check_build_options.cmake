# ctest build.options: fresh configures of this tree with the adapters
# switched off and on. With DOGCARE_BUILD_SERVER=OFF (what the Python
# wheel configures) neither Boost.URL nor npm may be needed: Boost.URL is
# made unfindable, and npm must never be looked for. As a control, the same
# configure with the server on must fail.
# -DSOURCE_DIR= -DWORK_DIR= -DGENERATOR= -DMAKE_PROGRAM= -DCXX=
function(configure name result)
  set(dir ${WORK_DIR}/${name})
  file(REMOVE_RECURSE ${dir})
  execute_process(
    COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${dir} -G ${GENERATOR}
            -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM} -DCMAKE_CXX_COMPILER=${CXX}
            -DCMAKE_DISABLE_FIND_PACKAGE_boost_url=ON -DDOGCARE_BUILD_TESTS=OFF ${ARGN}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(${result} ${rc} PARENT_SCOPE)
  set(${result}_log "${out}${err}" PARENT_SCOPE)
  set(${result}_dir ${dir} PARENT_SCOPE)
endfunction()

configure(library_only lib -DDOGCARE_BUILD_SERVER=OFF -DDOGCARE_BUILD_CLI=ON)
if(NOT lib EQUAL 0)
  message(FATAL_ERROR "DOGCARE_BUILD_SERVER=OFF needs Boost.URL or npm:\n${lib_log}")
endif()
file(STRINGS ${lib_dir}/CMakeCache.txt npm_entries REGEX "^NPM_PROGRAM")
if(npm_entries)
  message(FATAL_ERROR "DOGCARE_BUILD_SERVER=OFF looked for npm: ${npm_entries}")
endif()
if(NOT EXISTS ${lib_dir}/build.ninja AND NOT EXISTS ${lib_dir}/Makefile)
  message(FATAL_ERROR "no build system generated in ${lib_dir}")
endif()
if(NOT EXISTS ${lib_dir}/adapters/cli)
  message(FATAL_ERROR "DOGCARE_BUILD_CLI=ON did not configure adapters/cli")
endif()
if(EXISTS ${lib_dir}/adapters/http)
  message(FATAL_ERROR "DOGCARE_BUILD_SERVER=OFF still configured adapters/http")
endif()

configure(no_cli nocli -DDOGCARE_BUILD_SERVER=OFF -DDOGCARE_BUILD_CLI=OFF)
if(NOT nocli EQUAL 0 OR EXISTS ${nocli_dir}/adapters/cli)
  message(FATAL_ERROR "DOGCARE_BUILD_CLI=OFF still configured adapters/cli:\n${nocli_log}")
endif()

configure(with_server server -DDOGCARE_BUILD_SERVER=ON)
if(server EQUAL 0)
  message(FATAL_ERROR "the control failed: the server configured without Boost.URL")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
message(STATUS "build options: the library builds without the server's dependencies")
