// What `cvmock --version` says: this build's version and the API versions it serves.
#pragma once

#include <string>

namespace cvmock::server {

std::string versionText();

}  // namespace cvmock::server
