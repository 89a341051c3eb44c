// JSON paths for differences, and the pattern matcher of verify tables.
#include "mock_server/recording/json_path.h"

#include <cctype>
#include <fnmatch.h>
#include <stdexcept>

namespace cvmock::recording {
namespace {

bool plainName(const std::string& key) {
  if (key.empty() || std::isdigit(static_cast<unsigned char>(key.front()))) return false;
  for (char c : key) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '$') return false;
  }
  return true;
}

}  // namespace

bool globMatches(const std::string& glob, const std::string& name) {
  return ::fnmatch(glob.c_str(), name.c_str(), 0) == 0;
}

JsonPath JsonPath::child(const std::string& key) const {
  JsonPath out = *this;
  out.segments_.emplace_back(key);
  return out;
}

JsonPath JsonPath::index(std::size_t position) const {
  JsonPath out = *this;
  out.segments_.emplace_back(position);
  return out;
}

std::string JsonPath::text() const {
  std::string out = "$";
  for (const auto& segment : segments_) {
    if (const auto* position = std::get_if<std::size_t>(&segment)) {
      out += "[" + std::to_string(*position) + "]";
    } else {
      const std::string& key = std::get<std::string>(segment);
      out += plainName(key) ? "." + key : "[\"" + key + "\"]";
    }
  }
  return out;
}

JsonPathPattern::JsonPathPattern(const std::string& pattern) : text_(pattern) {
  if (pattern.empty() || pattern.front() != '$') throw std::invalid_argument("a path starts with $: " + pattern);
  std::size_t at = 1;
  auto name = [&](std::size_t from) {
    const std::size_t end = pattern.find_first_of(".[", from);
    return pattern.substr(from, end == std::string::npos ? std::string::npos : end - from);
  };
  while (at < pattern.size()) {
    Step step{};
    if (pattern.compare(at, 2, "..") == 0) {
      step.kind = Step::Kind::AnyDepthKey;
      step.glob = name(at + 2);
      at += 2 + step.glob.size();
    } else if (pattern[at] == '.') {
      step.kind = Step::Kind::Key;
      step.glob = name(at + 1);
      at += 1 + step.glob.size();
    } else if (pattern[at] == '[') {
      const std::size_t close = pattern.find(']', at);
      if (close == std::string::npos) throw std::invalid_argument("unclosed [ in " + pattern);
      const std::string inside = pattern.substr(at + 1, close - at - 1);
      if (inside == "*") {
        step.kind = Step::Kind::AnyIndex;
      } else if (!inside.empty() && inside.find_first_not_of("0123456789") == std::string::npos) {
        step.kind = Step::Kind::Index;
        step.position = std::stoul(inside);
      } else {
        throw std::invalid_argument("[" + inside + "] is neither [*] nor [N] in " + pattern);
      }
      at = close + 1;
    } else {
      throw std::invalid_argument("expected . or [ at character " + std::to_string(at + 1) + " of " + pattern);
    }
    if ((step.kind == Step::Kind::Key || step.kind == Step::Kind::AnyDepthKey) && step.glob.empty()) {
      throw std::invalid_argument("a name is missing in " + pattern);
    }
    steps_.push_back(std::move(step));
  }
}

bool JsonPathPattern::matchFrom(std::size_t step, const JsonPath& path, std::size_t segment, bool prefix) const {
  const auto& segments = path.segments();
  if (step == steps_.size()) return segment == segments.size() || prefix;
  if (segment == segments.size()) return false;
  const Step& current = steps_[step];
  const auto* key = std::get_if<std::string>(&segments[segment]);
  switch (current.kind) {
    case Step::Kind::Key:
      return key && globMatches(current.glob, *key) && matchFrom(step + 1, path, segment + 1, prefix);
    case Step::Kind::AnyIndex:
      return !key && matchFrom(step + 1, path, segment + 1, prefix);
    case Step::Kind::Index:
      return !key && std::get<std::size_t>(segments[segment]) == current.position &&
             matchFrom(step + 1, path, segment + 1, prefix);
    case Step::Kind::AnyDepthKey:
      for (std::size_t at = segment; at < segments.size(); ++at) {
        const auto* candidate = std::get_if<std::string>(&segments[at]);
        if (candidate && globMatches(current.glob, *candidate) && matchFrom(step + 1, path, at + 1, prefix)) {
          return true;
        }
      }
      return false;
  }
  return false;
}

bool JsonPathPattern::matches(const JsonPath& path) const { return matchFrom(0, path, 0, false); }

bool JsonPathPattern::covers(const JsonPath& path) const { return matchFrom(0, path, 0, true); }

}  // namespace cvmock::recording
