// Runs independent numbered tasks on all cores; results stay deterministic when each task writes its own slot.
#pragma once

#include <functional>

namespace cvmock::trainer {

// Calls task(i) exactly once for every i in [0, taskCount), spread over up to one thread per core,
// and returns when all have finished. The first exception a task throws is rethrown here.
void runTasksInParallel(int taskCount, const std::function<void(int task)>& task);

}  // namespace cvmock::trainer
