// The images behind the URLs a request names (CreateImagesFromUrls, quick tests and predictions by URL): the
// service fetches them itself, so the recorder fetches them too and keeps them, for the replay to serve.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cvmock::recording {

// Larger images are not kept (the service refuses any image over 6 MB).
inline constexpr std::size_t kMaxUrlImageBytes = 6 * 1024 * 1024;

// The http(s) values of "url" fields at any depth of a JSON body, in order, without repeats; none for a body
// that is not JSON.
std::vector<std::string> imageUrls(const std::string& jsonText);

// The bytes behind `url` (GET, redirects followed, HTTPS verified against the system's store, 10 s timeouts);
// nullopt when the fetch fails, the answer is not 200 or the image is larger than kMaxUrlImageBytes.
std::optional<std::string> fetchUrlImage(const std::string& url);

}  // namespace cvmock::recording
