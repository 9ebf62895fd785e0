#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace shido::http {

// Threads for the work that would stall the threads reading requests: password hashing,
// rendering PDFs and workbooks (later ZIP files and e-mail). Bounded: when `max_queued` jobs
// already wait, try_post() refuses and the caller answers 503 instead of piling up memory.
// Workers run at a lower scheduling priority, so on a busy machine the request threads (every
// other page) still get the CPU first.
class WorkerPool {
  public:
    WorkerPool(std::size_t threads, std::size_t max_queued);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    bool try_post(std::function<void()> job);
    // Runs what is queued, then stops the threads. Called before what the jobs use goes away.
    void drain();
    std::size_t threads() const { return threads_.size(); }

  private:
    void run();

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    std::size_t max_queued_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace shido::http
