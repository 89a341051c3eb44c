// What a request's path names: the API, its version and the operation with its path parameters, found once per
// request and handed to every stage after it.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "mock_server/api/operation.h"

namespace cvmock::server {

struct OperationTarget {
  const ApiTable* api = nullptr;
  std::string version;  // as the path spells it
  const Operation* operation = nullptr;
  std::map<std::string, std::string, std::less<>> params;  // path parameters by the pattern's names
};

// Resolves /customvision/{version}/{training|prediction}/{path} (literal segments in any case, empty segments
// from doubled slashes skipped, as the service's gateway does). Throws errors::resourceNotFound, a gateway 404
// whose message says what did not match: a path outside /customvision, an unknown API, a version the API does
// not serve (naming those it does), or no operation for the method and path.
OperationTarget resolveOperation(std::string_view method, std::string_view path);

// The operation `method` and `path` (below an API's base path, split into segments) name in `table`, with its
// path parameters; nullptr when none does.
const Operation* matchOperation(const ApiTable& table, std::string_view method, const std::vector<std::string>& segments,
                                std::map<std::string, std::string, std::less<>>& params);

}  // namespace cvmock::server
