// FifoMutex: a caller already waiting gets the lock before the holder can take it again.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "mock_server/base/fifo_mutex.h"

namespace cvmock::server {
namespace {

TEST(FifoMutex, AWaiterGoesBeforeTheHolderLocksAgain) {
  FifoMutex mutex;
  std::vector<std::string> order;  // guarded by `mutex`
  mutex.lock();
  std::thread waiter([&] {
    mutex.lock();
    order.push_back("waiter");
    mutex.unlock();
  });
  while (mutex.waiting() == 0) std::this_thread::yield();
  mutex.unlock();
  mutex.lock();  // a std::mutex usually lets this win over the waiter it has just woken
  order.push_back("holder again");
  mutex.unlock();
  waiter.join();
  EXPECT_EQ(order, (std::vector<std::string>{"waiter", "holder again"}));
}

TEST(FifoMutex, WaitersAreServedInTheOrderTheyArrived) {
  FifoMutex mutex;
  std::vector<int> order;  // guarded by `mutex`
  mutex.lock();
  std::vector<std::thread> waiters;
  for (int i = 0; i < 4; ++i) {
    waiters.emplace_back([&, i] {
      std::lock_guard lock(mutex);
      order.push_back(i);
    });
    while (mutex.waiting() < static_cast<std::uint64_t>(i + 1)) std::this_thread::yield();
  }
  mutex.unlock();
  for (std::thread& waiter : waiters) waiter.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(mutex.waiting(), 0u);
}

}  // namespace
}  // namespace cvmock::server
