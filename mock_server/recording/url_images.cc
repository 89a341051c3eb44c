// Finding image URLs in request bodies and fetching them.
#include "mock_server/recording/url_images.h"

#include <algorithm>

#include <httplib.h>

#include "mock_server/recording/ascii.h"
#include "mock_server/recording/cassette.h"

namespace cvmock::recording {
namespace {

constexpr int kTimeoutSeconds = 10;

void collect(const Json& value, const std::string& key, std::vector<std::string>& urls) {
  if (value.is_object()) {
    for (const auto& [name, child] : value.items()) collect(child, name, urls);
  } else if (value.is_array()) {
    for (const Json& child : value) collect(child, key, urls);
  } else if (value.is_string() && equalsAsciiIgnoreCase(key, "url")) {
    const std::string url = value.get<std::string>();
    const std::string lower = lowerAscii(url);
    const bool web = lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
    if (web && std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(url);
  }
}

}  // namespace

std::vector<std::string> imageUrls(const std::string& jsonText) {
  std::vector<std::string> urls;
  const Json document = Json::parse(jsonText, nullptr, false);
  if (!document.is_discarded()) collect(document, "", urls);
  return urls;
}

std::optional<std::string> fetchUrlImage(const std::string& url) {
  const std::size_t hostStart = url.find("://") + 3;
  const std::size_t pathStart = url.find('/', hostStart);
  const std::string origin = url.substr(0, pathStart);
  const std::string target = pathStart == std::string::npos ? "/" : url.substr(pathStart);
  httplib::Client client(origin);
  client.set_follow_location(true);
  client.set_connection_timeout(kTimeoutSeconds, 0);
  client.set_read_timeout(kTimeoutSeconds, 0);
  std::string bytes;
  bool tooLarge = false;
  const httplib::Result result = client.Get(target, [&](const char* data, std::size_t size) {
    tooLarge = bytes.size() + size > kMaxUrlImageBytes;
    if (!tooLarge) bytes.append(data, size);
    return !tooLarge;
  });
  if (!result || result->status != 200 || tooLarge) return std::nullopt;
  return bytes;
}

}  // namespace cvmock::recording
