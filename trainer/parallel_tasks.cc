// Runs independent numbered tasks on all cores.
#include "trainer/parallel_tasks.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include <Eigen/Core>

namespace cvmock::trainer {

void runTasksInParallel(int taskCount, const std::function<void(int task)>& task) {
  const int workers = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, std::max(taskCount, 1));
  if (workers == 1) {
    for (int i = 0; i < taskCount; ++i) task(i);
    return;
  }
  Eigen::initParallel();
  std::atomic<int> next{0};
  std::exception_ptr failure;
  std::mutex failureMutex;
  const auto work = [&] {
    for (int i = next++; i < taskCount; i = next++) {
      try {
        task(i);
      } catch (...) {
        const std::lock_guard lock(failureMutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::jthread> threads;
  for (int w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  threads.clear();  // joins
  if (failure) std::rethrow_exception(failure);
}

}  // namespace cvmock::trainer
