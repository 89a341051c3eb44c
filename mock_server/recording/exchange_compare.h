// Comparing cvmock's answer with the recorded one: status, error code, the headers clients read, and a
// structural diff of the body under the verify table. Ids and tokens the answers reveal are learnt on the way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mock_server/recording/cassette.h"
#include "mock_server/recording/id_map.h"
#include "mock_server/recording/json_path.h"
#include "mock_server/recording/verify_table.h"

namespace cvmock::recording {

struct Difference {
  std::optional<JsonPath> path;  // a place in the body
  std::string what;              // otherwise: "status", "error code", "header NAME" or "body"
  std::string message;           // what cvmock answered, then what was recorded
  std::string acceptedWhy;       // the table's reason, when the difference is accepted
  std::string where() const { return path ? path->text() : what; }
};

struct LiveAnswer {
  int status = 0;
  HeaderList headers;
  std::string body;
};

// Which exchange is compared, for the table's scopes.
struct ExchangeScope {
  std::string cassette;  // its id below the verified folder
  int number = 0;        // 1-based
  std::string request;   // "METHOD /path"
};

// Every difference between `live` and the recorded answer (whose body bytes are `recordedBody`), accepted ones
// marked. `lengthsKnown`: the recording's own state determines array lengths (no given state), so they must
// match; otherwise only a recorded non-empty array must not come back empty.
std::vector<Difference> compareExchange(const RecordedResponse& recorded, const std::string& recordedBody,
                                        const LiveAnswer& live, const ExchangeScope& scope, const VerifyTable& table,
                                        IdMap& ids, bool lengthsKnown);

// The service's error code in a body ({"code"} or a gateway's {"error": {"code"}}), or "".
std::string errorCode(const std::string& body);

}  // namespace cvmock::recording
