// Key extraction, constant-time comparison and finding the resource a key belongs to.
#include "mock_server/gateway/auth.h"

#include "mock_server/base/text.h"

namespace cvmock::server {

std::string presentedKey(const httplib::Request& request, Api api) {
  const char* own = api == Api::Training ? "Training-Key" : "Prediction-Key";
  if (request.has_header(own)) return request.get_header_value(own);
  return request.get_header_value("Ocp-Apim-Subscription-Key");
}

bool servesApi(const Resource& resource, Api api) {
  return api == Api::Training ? resource.servesTraining() : resource.servesPrediction();
}

const Resource* authenticate(const std::vector<const Resource*>& reachable, Api api, std::string_view presented) {
  const Resource* found = nullptr;
  // Every key is compared, so the time taken does not tell which resource (if any) a key belongs to.
  for (const Resource* resource : reachable) {
    const bool matches = keysEqual(presented, resource->key1) | keysEqual(presented, resource->key2);
    if (matches && servesApi(*resource, api) && !found) found = resource;
  }
  return found;
}

}  // namespace cvmock::server
