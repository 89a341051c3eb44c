// Member names of request bodies as the service binds them: without regard to case. The Custom Vision portal
// itself tells users to send {"Url": ...}; clients written from its samples send such spellings.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace cvmock::server {

// Every member name the specs' request bodies define (Training v3.3 and Prediction v3.0), as they spell them.
// A test derives the same set from the specs.
const std::set<std::string, std::less<>>& specMemberNames();

// Renames, throughout `body`, each member whose name is a spec name in another case to the spec's spelling, so
// that handlers find it; the exact spelling wins when both are present. Values of `metadata` members are user
// maps and keep their keys. Unknown members are left as they are (the service ignores them). With `strict`, a
// member spelled otherwise than the spec is refused instead (errors::strictRejection).
void canonicaliseMemberNames(nlohmann::json& body, bool strict);

}  // namespace cvmock::server
