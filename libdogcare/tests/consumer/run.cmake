# Installs dogcare from BUILD_DIR into a scratch prefix, then configures,
# builds and runs the consumer project against that installed tree only.
set(scratch ${WORK_DIR}/consumer-check)
file(REMOVE_RECURSE ${scratch})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${scratch}/prefix
                COMMAND_ERROR_IS_FATAL ANY OUTPUT_QUIET)
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${scratch}/build -G Ninja
                        -DCMAKE_PREFIX_PATH=${scratch}/prefix -DCMAKE_BUILD_TYPE=Release
                COMMAND_ERROR_IS_FATAL ANY OUTPUT_QUIET)
execute_process(COMMAND ${CMAKE_COMMAND} --build ${scratch}/build COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${scratch}/build/consumer ${scratch}/consumer.db
                OUTPUT_VARIABLE output COMMAND_ERROR_IS_FATAL ANY)
if(NOT output MATCHES "^schema ([0-9]+) of ([0-9]+)" OR NOT CMAKE_MATCH_1 EQUAL CMAKE_MATCH_2)
  message(FATAL_ERROR "unexpected consumer output: ${output}")
endif()
message(STATUS "consumer linked dogcare::dogcare from ${scratch}/prefix: ${output}")
