// Small text helpers shared by the service and the HTTP layer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cvmock::server {

bool equalsIgnoreCase(std::string_view a, std::string_view b);
bool isBlank(std::string_view text);
std::string toLower(std::string_view text);
// A name the service accepts: not blank, valid UTF-8, at most `maxLength` characters (unicode.h's serviceLength).
bool isValidName(std::string_view name, std::size_t maxLength);
// A description the service accepts: valid UTF-8, at most `maxLength` characters.
bool isValidDescription(std::string_view description, std::size_t maxLength);
// Compares a presented secret with the expected one in time that depends only on the lengths, so a wrong key
// leaks nothing through timing. An empty expected secret matches nothing.
bool keysEqual(std::string_view presented, std::string_view expected);
// Splits on `separator`, trimming spaces and dropping empty pieces.
std::vector<std::string> splitList(std::string_view text, char separator);

}  // namespace cvmock::server
