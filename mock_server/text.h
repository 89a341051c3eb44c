// Small text helpers shared by the service and the HTTP layer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cvmock::server {

bool equalsIgnoreCase(std::string_view a, std::string_view b);
bool isBlank(std::string_view text);
std::string toLower(std::string_view text);
// Splits on `separator`, trimming spaces and dropping empty pieces.
std::vector<std::string> splitList(std::string_view text, char separator);

}  // namespace cvmock::server
