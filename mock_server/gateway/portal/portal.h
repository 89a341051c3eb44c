// The portal: cvmock's web pages at /portal/, which drive the same Training and Prediction REST routes an SDK calls.
#pragma once

#include <string_view>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace cvmock::server::portal {

// True for /portal and every path below /portal/.
bool isPortalPath(std::string_view path);

// Answers a request for a portal path: the embedded file with its content type (/portal/ is index.html),
// a redirect from /portal to /portal/, 404 for a path that names no embedded file, 405 for a method
// other than GET or HEAD. Needs no key: the pages are public, the API calls they make carry the user's key.
void handlePortal(const httplib::Request& request, httplib::Response& response);

}  // namespace cvmock::server::portal
