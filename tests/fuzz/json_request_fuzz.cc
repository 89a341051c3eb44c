// libFuzzer target: JSON request bodies through the real route table and handlers, in process.
// The first input byte picks the operation, the rest is the body; the service's own refusals
// (ServiceError, GatewayError, the JSON library's type errors that the server answers 400) are expected,
// anything else escapes as a finding, as a 500 would on the wire.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mock_server/api/call.h"
#include "mock_server/api/operation_target.h"
#include "mock_server/base/errors.h"
#include "mock_server/service/service.h"
#include "mock_server/store/memory_store.h"

namespace {

using namespace cvmock::server;

struct Target {
  const char* method;
  const char* path;  // below the Training API's base; {project} and {tag} are filled in
};

// Every Training operation that reads a JSON body, except CreateImagesFromUrls (it would open connections).
constexpr Target kTargets[] = {
    {"POST", "/customvision/v3.3/training/projects/{project}/images/files"},
    {"POST", "/customvision/v3.3/training/projects/{project}/images/tags"},
    {"PATCH", "/customvision/v3.3/training/projects/{project}"},
    {"PATCH", "/customvision/v3.3/training/projects/{project}/tags/{tag}"},
    {"POST", "/customvision/v3.3/training/projects/{project}/train"},
    {"PATCH", "/customvision/v3.3/training/projects/{project}/iterations/{tag}"},
};

struct Fixture {
  std::unique_ptr<Service> service;
  std::string projectId;
  std::string tagId;
};

Fixture& fixture() {
  static Fixture f = [] {
    ServiceConfig config;
    config.trainingWorkers = 0;  // queue trainings, never run them: the fuzzer exercises parsing
    Fixture made{std::make_unique<Service>(config, std::make_unique<MemoryStore>()), "", ""};
    made.projectId = made.service->projects().createProject({"fuzz", std::nullopt, std::nullopt, std::nullopt, {}}).id;
    made.tagId = made.service->tags().createTag(made.projectId, {"tag", std::nullopt, std::nullopt}).tag.id;
    return made;
  }();
  return f;
}

std::string fill(std::string path, const Fixture& f) {
  for (const auto& [name, value] : {std::pair{"{project}", f.projectId}, std::pair{"{tag}", f.tagId}}) {
    if (std::size_t at = path.find(name); at != std::string::npos) path.replace(at, std::string(name).size(), value);
  }
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  Fixture& f = fixture();
  const Target& target = kTargets[data[0] % std::size(kTargets)];
  httplib::Request request;
  request.method = target.method;
  request.path = fill(target.path, f);
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  request.headers.emplace("Content-Type", "application/json");
  httplib::Response response;
  const OperationTarget operation = resolveOperation(request.method, request.path);
  const RequestContext context{nullptr, "fuzz"};
  const CallInput input{request, body, operation, context, wire::Dialect{}, wire::BlobLocation{"http://fuzz"}};
  const ApiOptions options;
  try {
    Call call(input, response, *f.service, options);
    operation.operation->handler(call);
  } catch (const ServiceError&) {
  } catch (const GatewayError&) {
  } catch (const nlohmann::json::exception&) {
  }
  f.service->images().deleteAllImages(f.projectId);
  return 0;
}
