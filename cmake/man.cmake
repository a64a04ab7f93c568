# Write the man pages: beter.1 and beter-COMMAND.1 for every command, in the
# language LANG (nl or en; BETER_LANG for the binary, whatever the locale).
set(ENV{BETER_LANG} ${LANG})
execute_process(COMMAND ${BETER} help --man OUTPUT_FILE ${OUT_DIR}/beter.1 RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "beter help --man failed")
endif()
string(REPLACE "," ";" COMMANDS "${COMMANDS}")
foreach(name ${COMMANDS})
  execute_process(COMMAND ${BETER} help --man ${name} OUTPUT_FILE ${OUT_DIR}/beter-${name}.1 RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "beter help --man ${name} failed")
  endif()
endforeach()
