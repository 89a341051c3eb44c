// What several load_generator modes share: generated images, a concurrent upload of them, percentiles.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace cvmock::bench {

// Images of `tags` tags, `perTag` each, `side` x `side` JPEG; distinct bytes across tags (a seed per tag).
std::vector<std::vector<std::string>> imagesByTag(int tags, int perTag, int side);

// Creates a project with one tag per entry of `images` and uploads them with CreateImagesFromData in batches
// of 64 from `threads` connections; returns the project and its tag ids. Throws on any error status.
std::pair<std::string, std::vector<std::string>> uploadAll(const std::string& endpoint,
                                                           const std::vector<std::vector<std::string>>& images,
                                                           int threads);

// The `p` quantile (0..1) of `values`, reordering them; 0 when empty.
double percentile(std::vector<double>& values, double p);

}  // namespace cvmock::bench
