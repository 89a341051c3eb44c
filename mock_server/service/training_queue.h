// Worker threads that run trainings off the request threads.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cvmock::server {

// Jobs run in submission order on `workers` threads. The destructor finishes the jobs already
// queued, then joins. A job that throws is the job's own business: it must catch.
class TrainingQueue {
 public:
  explicit TrainingQueue(int workers);
  ~TrainingQueue();
  TrainingQueue(const TrainingQueue&) = delete;
  TrainingQueue& operator=(const TrainingQueue&) = delete;

  void submit(std::function<void()> job);
  // Returns once nothing is queued or running.
  void waitForIdle();

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> jobs_;
  int running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace cvmock::server
