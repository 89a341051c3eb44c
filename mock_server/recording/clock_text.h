// Timestamps as recordings write them: ISO 8601 in UTC with milliseconds.
#pragma once

#include <chrono>
#include <string>

namespace cvmock::recording {

// "2024-05-01T12:34:56.789Z".
std::string isoTimestamp(std::chrono::system_clock::time_point time);

}  // namespace cvmock::recording
