// load_generator contention: prediction latency alone and while uploads and trainings write to the same server.
#pragma once

#include <map>
#include <string>

namespace cvmock::bench {

// Runs the mode against `binary`; prints one table row per phase. Returns the process exit code.
// Options: --seconds S (per phase, default 5), --train-images N (the project trained in the background,
// 64 x 64 images over 5 tags, default 5000), --data-dir DIR (a store on disk; default the in-memory store).
int contention(const std::string& binary, const std::map<std::string, std::string>& options);

}  // namespace cvmock::bench
