// Key extraction and constant-time comparison.
#include "mock_server/auth.h"

namespace cvmock::server {

std::string presentedKey(const httplib::Request& request, Api api) {
  const char* own = api == Api::Training ? "Training-Key" : "Prediction-Key";
  if (request.has_header(own)) return request.get_header_value(own);
  return request.get_header_value("Ocp-Apim-Subscription-Key");
}

bool keysEqual(std::string_view presented, std::string_view expected) {
  if (expected.empty()) return false;
  unsigned char difference = presented.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < presented.size(); ++i) {
    difference |= static_cast<unsigned char>(presented[i] ^ expected[i % expected.size()]);
  }
  return difference == 0;
}

}  // namespace cvmock::server
