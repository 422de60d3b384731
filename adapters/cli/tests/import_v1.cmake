# dogcare-admin import-v1 on the original app's database: a dry run writes
# nothing and says what it would do, the import prints a reset link, a second
# run imports nothing twice, and a missing --from is named.
# -DADMIN=<dogcare-admin> -DFIXTURE=<v1 sqlite3> -DWORK_DIR=<scratch directory>
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(db ${WORK_DIR}/dogcare.db)

function(admin expected_rc out)
  execute_process(COMMAND ${ADMIN} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE stdout
                  ERROR_VARIABLE stderr)
  if(NOT rc EQUAL expected_rc)
    message(FATAL_ERROR "dogcare-admin ${ARGN}: exit ${rc}, expected ${expected_rc}\n${stdout}${stderr}")
  endif()
  set(${out} "${stdout}${stderr}" PARENT_SCOPE)
endfunction()

function(expect text pattern)
  if(NOT text MATCHES "${pattern}")
    message(FATAL_ERROR "expected /${pattern}/ in:\n${text}")
  endif()
endfunction()

admin(0 out migrate ${db})
admin(0 out import-v1 --from ${FIXTURE} --dry-run ${db})
expect("${out}" "dry run, nothing written")
expect("${out}" "V1 user Zoé_B \\(#3\\): would be imported into new account Zoe_B")
expect("${out}" "observations 400 ")
expect("${out}" "merged trigger « vélo »: velo \\+ vélo")
expect("${out}" "empty_user \\(#4\\): skipped")
admin(0 out import-v1 --from ${FIXTURE} --user celia ${db})
expect("${out}" "imported into new account celia")
expect("${out}" "reset_token=[A-Za-z0-9_-]+")
admin(0 out import-v1 --from ${FIXTURE} --user celia ${db})
expect("${out}" "already imported")
admin(2 out import-v1 --user celia ${db})
expect("${out}" "--from PATH")
admin(2 out import-v1 --from ${FIXTURE} --into celia ${db})
expect("${out}" "--into needs --user")
file(REMOVE_RECURSE ${WORK_DIR})
