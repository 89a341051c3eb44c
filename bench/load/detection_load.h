// load_generator detect: object detection over HTTP against a running cvmock, a published detector trained on
// the fixtures' generated scenes.
#pragma once

#include <map>
#include <string>

namespace cvmock::bench {

// Uploads --train scenes (640 x 480 JPEG, --min-objects..--max-objects regions each, default 1..4) with their
// regions, times TrainProject -> Completed and reads cvmock's peak RSS, publishes, then sends --requests
// (default 200) DetectImageWithNoStore calls with fresh scenes and as many GetImageRegionProposals calls on
// stored images, one at a time from one keep-alive connection. Prints p50 and p95 of the server's own timing
// (its JSON request log's "ms") and of the client's round trip. Returns the process exit code; throws
// std::runtime_error when a call fails.
int detection(const std::string& binary, const std::map<std::string, std::string>& options);

}  // namespace cvmock::bench
