# Writes OUTPUT, a C++ source with every file under SOURCE_DIR as bytes (run with cmake -P at build time).
# Only CMake is needed: each file is read as hex and written as an array initialiser.
if(NOT SOURCE_DIR OR NOT OUTPUT)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=dir -DOUTPUT=file.cc -P embed_files.cmake")
endif()
file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/*")
list(SORT files)

set(arrays "")
set(entries "")
set(index 0)
foreach(path IN LISTS files)
  file(READ "${SOURCE_DIR}/${path}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  # A trailing '\0' keeps an empty file's array valid; the view leaves it out.
  string(APPEND arrays "constexpr char kFile${index}[] = {${bytes}'\\0'};\n")
  string(APPEND entries "    {\"${path}\", std::string_view(kFile${index}, sizeof kFile${index} - 1)},\n")
  math(EXPR index "${index} + 1")
endforeach()

file(WRITE "${OUTPUT}.tmp" "// Generated from portal/ by mock_server/gateway/portal/embed_files.cmake: do not edit.
#include \"mock_server/gateway/portal/embedded_files.h\"

namespace cvmock::server::portal {
namespace {
${arrays}
constexpr EmbeddedFile kFiles[] = {
${entries}};
}  // namespace

std::span<const EmbeddedFile> embeddedFiles() { return kFiles; }

}  // namespace cvmock::server::portal
")
# Replacing the output only when it changed spares a rebuild of everything that links it.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
