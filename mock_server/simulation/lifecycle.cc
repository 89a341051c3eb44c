// TrainingLifecycle: hold finished trainings until their mode says they may appear.
#include "mock_server/simulation/lifecycle.h"

#include <charconv>
#include <utility>

namespace cvmock::server::simulation {
namespace {

bool parseCount(const std::string& text, int& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out >= 0;
}

}  // namespace

std::string parseTrainingMode(const std::string& text, TrainingSettings& settings) {
  const std::size_t colon = text.find(':');
  const std::string name = text.substr(0, colon);
  const std::string count = colon == std::string::npos ? "" : text.substr(colon + 1);
  TrainingSettings next;
  if (name == "background") next.mode = TrainingMode::Background;
  else if (name == "immediate") next.mode = TrainingMode::Immediate;
  else if (name == "manual") next.mode = TrainingMode::Manual;
  else if (name == "after-seconds" && parseCount(count, next.seconds)) next.mode = TrainingMode::AfterSeconds;
  else if (name == "after-reads" && parseCount(count, next.reads)) next.mode = TrainingMode::AfterReads;
  else return "training mode must be background, immediate, after-seconds:N, after-reads:N or manual";
  settings = next;
  return "";
}

std::string describe(const TrainingSettings& settings) {
  switch (settings.mode) {
    case TrainingMode::Immediate:
      return "immediate";
    case TrainingMode::AfterSeconds:
      return "after-seconds:" + std::to_string(settings.seconds);
    case TrainingMode::AfterReads:
      return "after-reads:" + std::to_string(settings.reads);
    case TrainingMode::Manual:
      return "manual";
    case TrainingMode::Background:
      break;
  }
  return "background";
}

std::optional<TrainingOutcome> parseOutcome(const std::string& text) {
  if (text == "normal") return TrainingOutcome::Normal;
  if (text == "fail") return TrainingOutcome::Fail;
  if (text == "hang") return TrainingOutcome::Hang;
  return std::nullopt;
}

TrainingLifecycle::TrainingLifecycle(const Clock& clock) : clock_(clock) {}

TrainingSettings TrainingLifecycle::settings() const {
  std::lock_guard lock(mutex_);
  return settings_;
}

void TrainingLifecycle::configure(TrainingSettings settings) {
  std::lock_guard lock(mutex_);
  settings_ = settings;
}

void TrainingLifecycle::forceNext(TrainingOutcome outcome) {
  std::lock_guard lock(mutex_);
  next_ = outcome;
}

TrainingOutcome TrainingLifecycle::nextOutcome() const {
  std::lock_guard lock(mutex_);
  return next_;
}

TrainingOutcome TrainingLifecycle::begin() {
  std::lock_guard lock(mutex_);
  return std::exchange(next_, TrainingOutcome::Normal);
}

bool TrainingLifecycle::readsWaitForTraining() const {
  std::lock_guard lock(mutex_);
  return settings_.mode != TrainingMode::Background;
}

std::optional<IterationRecord> TrainingLifecycle::settle(IterationRecord done, TrainingOutcome outcome) {
  std::lock_guard lock(mutex_);
  Held held{std::move(done), std::nullopt, 0, outcome == TrainingOutcome::Hang};
  switch (settings_.mode) {
    case TrainingMode::Background:
    case TrainingMode::Immediate:
      if (!held.manual) return std::move(held.done);
      break;
    case TrainingMode::AfterSeconds:
      held.due = clock_.now() + std::chrono::seconds(settings_.seconds);
      break;
    case TrainingMode::AfterReads:
      held.readsLeft = settings_.reads;
      break;
    case TrainingMode::Manual:
      held.manual = true;
      break;
  }
  const std::string id = held.done.id;
  held_.insert_or_assign(id, std::move(held));
  return std::nullopt;
}

std::vector<IterationRecord> TrainingLifecycle::onRead(const std::string& projectId, const std::string& iterationId) {
  std::lock_guard lock(mutex_);
  const TimePoint now = clock_.now();
  std::vector<IterationRecord> due;
  for (auto it = held_.begin(); it != held_.end();) {
    Held& held = it->second;
    const bool read = held.done.projectId == projectId && (iterationId.empty() || it->first == iterationId);
    if (read && held.readsLeft > 0) --held.readsLeft;
    const bool timeUp = !held.due || now >= *held.due;
    if (held.done.projectId != projectId || held.manual || !timeUp || held.readsLeft > 0) {
      ++it;
      continue;
    }
    due.push_back(released(std::move(held.done)));
    it = held_.erase(it);
  }
  return due;
}

std::vector<IterationRecord> TrainingLifecycle::releaseAll() {
  std::lock_guard lock(mutex_);
  std::vector<IterationRecord> all;
  for (auto& [id, held] : held_) all.push_back(released(std::move(held.done)));
  held_.clear();
  return all;
}

std::vector<std::string> TrainingLifecycle::heldIterations() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> ids;
  for (const auto& [id, held] : held_) ids.push_back(id);
  return ids;
}

void TrainingLifecycle::reset() {
  std::lock_guard lock(mutex_);
  held_.clear();
  next_ = TrainingOutcome::Normal;
}

// trainedAt is when the result appears, so a client never sees it before the status says Completed.
IterationRecord TrainingLifecycle::released(IterationRecord done) const {
  const TimePoint now = clock_.now();
  if (done.status == IterationStatus::Completed) done.trainedAt = now;
  done.lastModified = now;
  return done;
}

}  // namespace cvmock::server::simulation
