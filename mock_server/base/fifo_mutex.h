// FifoMutex: a mutex that grants the lock in the order it was asked for, so that a holder that lets go
// between the parts of a long job (the store's bulk reads) lets every caller already waiting go first.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace cvmock::server {

// Meets BasicLockable (std::lock_guard, std::unique_lock). Not recursive; never throws but for the
// std::system_error std::mutex itself may throw. std::mutex gives no order: a thread that unlocks and locks
// again at once usually wins over the waiter it has just woken, which then waits for the whole job.
class FifoMutex {
 public:
  void lock() {
    std::unique_lock guard(mutex_);
    const std::uint64_t ticket = next_++;
    turn_.wait(guard, [&] { return serving_ == ticket; });
  }
  void unlock() {
    {
      std::lock_guard guard(mutex_);
      ++serving_;
    }
    turn_.notify_all();
  }
  // Callers that asked for the lock and do not hold it yet; for tests.
  std::uint64_t waiting() const {
    std::lock_guard guard(mutex_);
    return next_ - serving_ - (next_ > serving_ ? 1 : 0);
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable turn_;
  std::uint64_t next_ = 0;     // the ticket the next caller of lock() draws
  std::uint64_t serving_ = 0;  // the ticket that holds the lock (or may take it)
};

}  // namespace cvmock::server
