# Translations (GNU gettext): the template build/po/beter.pot from the marked
# strings, and build/locale/nl/LC_MESSAGES/beter.mo from po/nl.po, both part of
# `all` (the tests run the binary from the build tree, which finds ./locale
# beside itself). `po-update` folds po/parts/*.po into po/nl.po and merges it
# with the sources (po/update.sh, po/README).
find_program(XGETTEXT xgettext REQUIRED)
find_program(MSGFMT msgfmt REQUIRED)

file(GLOB BETER_I18N_SOURCES CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/cmd/*.c ${PROJECT_SOURCE_DIR}/cmd/*.h
  ${PROJECT_SOURCE_DIR}/lib/*.c ${PROJECT_SOURCE_DIR}/mod/*.c ${PROJECT_SOURCE_DIR}/include/beter/*.h)
set(BETER_POT ${PROJECT_BINARY_DIR}/po/beter.pot)
add_custom_command(
  OUTPUT ${BETER_POT}
  COMMAND sh ${PROJECT_SOURCE_DIR}/po/pot.sh ${PROJECT_SOURCE_DIR} ${BETER_POT}
  DEPENDS ${BETER_I18N_SOURCES} ${PROJECT_SOURCE_DIR}/po/pot.sh
  COMMENT "Extracting the messages into po/beter.pot")

set(BETER_LOCALE_DIR ${PROJECT_BINARY_DIR}/locale)
set(BETER_MO ${BETER_LOCALE_DIR}/nl/LC_MESSAGES/beter.mo)
add_custom_command(
  OUTPUT ${BETER_MO}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${BETER_LOCALE_DIR}/nl/LC_MESSAGES
  COMMAND ${MSGFMT} --check -o ${BETER_MO} ${PROJECT_SOURCE_DIR}/po/nl.po
  DEPENDS ${PROJECT_SOURCE_DIR}/po/nl.po
  COMMENT "Compiling po/nl.po")
add_custom_target(translations ALL DEPENDS ${BETER_POT} ${BETER_MO})
add_dependencies(beter translations)

add_custom_target(po-update
  COMMAND sh ${PROJECT_SOURCE_DIR}/po/update.sh
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  COMMENT "Updating po/nl.po from the sources and po/parts")

install(FILES ${BETER_MO} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/nl/LC_MESSAGES)
