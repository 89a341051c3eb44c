// Import tokens: written like the service's export SAS URL, read back to the snapshot they name.
#include "mock_server/service/project_transfer_token.h"

#include <ctime>

#include "mock_server/base/ids.h"
#include "mock_server/base/text.h"

namespace cvmock::server {
namespace {

constexpr std::string_view kContainerPrefix = "prjexp-";
constexpr std::string_view kBlobName = "project-export-info";

// "2020-11-07T16:31:44Z" with the colons percent-encoded, as in the recorded tokens.
std::string encodedExpiry(TimePoint expires) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(expires);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H%%3A%M%%3A%SZ", &utc);
  return text;
}

std::optional<std::string> queryValue(std::string_view query, std::string_view name) {
  for (const std::string& pair : splitList(query, '&')) {
    const std::size_t equals = pair.find('=');
    if (equals != std::string::npos && pair.substr(0, equals) == name) return pair.substr(equals + 1);
  }
  return std::nullopt;
}

}  // namespace

std::string formatImportToken(const std::string& baseUrl, const ProjectExportRecord& record) {
  return baseUrl + "/_cvmock/blobs/" + std::string(kContainerPrefix) + compactGuid(record.projectId) + "/" +
         std::string(kBlobName) + "?sv=2017-04-17&sr=b&sig=" + compactGuid(record.id) +
         "&se=" + encodedExpiry(record.expires) + "&sp=r";
}

std::optional<ImportToken> parseImportToken(std::string_view token) {
  const std::size_t container = token.find("/" + std::string(kContainerPrefix));
  const std::size_t query = token.find('?');
  if (container == std::string_view::npos || query == std::string_view::npos || query < container) return std::nullopt;
  const std::vector<std::string> path = splitList(token.substr(container, query - container), '/');
  if (path.size() != 2 || path[1] != kBlobName) return std::nullopt;
  std::optional<std::string> projectId = normaliseGuid(std::string_view(path[0]).substr(kContainerPrefix.size()));
  std::optional<std::string> signature = queryValue(token.substr(query + 1), "sig");
  std::optional<std::string> exportId = signature ? normaliseGuid(*signature) : std::nullopt;
  if (!projectId || !exportId) return std::nullopt;
  return ImportToken{*projectId, *exportId};
}

}  // namespace cvmock::server
