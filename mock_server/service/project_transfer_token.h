// The ExportProject token: a URL shaped like the service's (a SAS URL of the export blob) that names a snapshot.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "mock_server/store/store.h"

namespace cvmock::server {

// {baseUrl}/_cvmock/blobs/prjexp-{project}/project-export-info?sv=2017-04-17&sr=b&sig={export}&se={expiry}&sp=r,
// ids without hyphens, the expiry as the service writes it ("2020-11-07T16%3A31%3A44Z").
std::string formatImportToken(const std::string& baseUrl, const ProjectExportRecord& record);

// What a token names. The host is not checked (a token works whichever name the server was reached by);
// the expiry in the URL is informative only: the stored record's expiry decides.
struct ImportToken {
  std::string projectId;
  std::string exportId;
};
// nullopt for text that is not such a URL (including a token whose query was split by a missing URL-encoding).
std::optional<ImportToken> parseImportToken(std::string_view token);

}  // namespace cvmock::server
