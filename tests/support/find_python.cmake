# cvmock_find_python(<variable> <python statement>): sets <variable> to the first python3 that runs the statement
# (e.g. "import yaml"), Debian's /usr/bin/python3 first: Debian's python3-* packages live in its dist-packages, which
# a python3 earlier on PATH (pyenv, venv) may not see. Leaves <variable> unset when none does.
function(cvmock_find_python variable statement)
  find_program(CVMOCK_DEBIAN_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
  find_program(CVMOCK_PATH_PYTHON3 python3)
  foreach(python IN ITEMS ${CVMOCK_DEBIAN_PYTHON3} ${CVMOCK_PATH_PYTHON3})
    execute_process(COMMAND ${python} -c "${statement}" RESULT_VARIABLE failed OUTPUT_QUIET ERROR_QUIET)
    if(failed EQUAL 0)
      set(${variable} ${python} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  unset(${variable} PARENT_SCOPE)
endfunction()

# cvmock_missing(<message>): a suite cannot be registered. CI must run every suite, so there it stops the configure;
# elsewhere it says what to install.
function(cvmock_missing message)
  if(DEFINED ENV{CI})
    message(FATAL_ERROR "${message}; CI must run it")
  endif()
  message(STATUS "${message}")
endfunction()
