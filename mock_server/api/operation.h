// An operation of the Training or Prediction API: every fact cvmock knows about it, in one row of its API's
// table, read by every stage that serves a call (routing, --strict, body limits, throttling, quotas, logs).
#pragma once

#include <string_view>
#include <vector>

#include "mock_server/simulation/throttle.h"

namespace cvmock::server {

class Call;
using Handler = void (*)(Call&);

// What a request body carries, which decides how large it may be (the gateway's body limits) and is checked
// against the spec's consumes/parameters by a test.
enum class BodyKind {
  None,             // parameters only (the spec lists no body)
  Json,             // a JSON document of a few entries
  JsonImages,       // JSON carrying base64 training images (CreateImagesFromFiles): as large as a training batch
  Images,           // training images, multipart/form-data or octet-stream: as large as a training batch
  PredictionImage,  // one image to predict or quick-test, multipart/form-data or octet-stream
};

struct Operation {
  std::string_view id;       // the spec's operationId
  std::string_view method;   // GET, POST, PATCH or DELETE
  std::string_view pattern;  // below the API's base path; {name} is a path parameter
  Handler handler;
  simulation::OperationClass operationClass;  // the rate and quota the gateway applies
  BodyKind body;
  std::vector<std::string_view> query;  // the query parameters the spec lists, spelled as it spells them
};

enum class Api { Training, Prediction };

// One API: its base path segment, the versions served and its operations.
struct ApiTable {
  Api api;
  std::string_view name;                   // "training" or "prediction", the path segment
  std::vector<std::string_view> versions;  // as written in paths; matched without regard to case
  std::vector<Operation> operations;
};

// Training v3.0 to v3.4-preview share one table, as do Prediction v3.0 and v3.1.
const ApiTable& trainingApi();
const ApiTable& predictionApi();

}  // namespace cvmock::server
