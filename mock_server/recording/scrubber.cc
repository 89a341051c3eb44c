// Scrubbing keys, hosts and subscription ids out of recorded exchanges.
#include "mock_server/recording/scrubber.h"

#include <regex>
#include <vector>

#include "mock_server/recording/ascii.h"

namespace cvmock::recording {
namespace {

void replaceIgnoringCase(std::string& text, const std::string& needle, const std::string& replacement) {
  if (needle.empty()) return;
  const std::string lowerNeedle = lowerAscii(needle);
  std::string lowerText = lowerAscii(text);
  std::size_t at = lowerText.find(lowerNeedle);
  while (at != std::string::npos) {
    text.replace(at, needle.size(), replacement);
    lowerText.replace(at, needle.size(), lowerAscii(replacement));
    at = lowerText.find(lowerNeedle, at + replacement.size());
  }
}

// ARM ids name their subscription: /subscriptions/<guid>, or %2Fsubscriptions%2F<guid> inside a query.
const std::regex& subscriptionPattern() {
  static const std::regex pattern(
      "((?:/|%2[fF])subscriptions(?:/|%2[fF]))[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
      "[0-9a-fA-F]{12}",
      std::regex::icase);
  return pattern;
}

constexpr std::size_t kShortestKey = 8;

}  // namespace

bool isSecretHeader(std::string_view name) {
  const std::string lower = lowerAscii(name);
  for (const char* word : {"key", "secret", "token", "authorization", "signature", "password", "credential"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

Scrubber::Scrubber(std::string upstreamAuthority) : authority_(std::move(upstreamAuthority)) {}

std::string Scrubber::placeholder(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto [found, added] = placeholders_.try_emplace(key, "");
  if (added) found->second = "{key-" + std::to_string(placeholders_.size()) + "}";
  return found->second;
}

HeaderList Scrubber::headers(const HeaderList& headers) {
  HeaderList out;
  for (const auto& [name, values] : headers) {
    if (equalsAsciiIgnoreCase(name, "cookie") || equalsAsciiIgnoreCase(name, "set-cookie")) continue;
    std::vector<std::string> scrubbed;
    for (const std::string& value : values) {
      scrubbed.push_back(isSecretHeader(name) ? placeholder(value) : text(value));
    }
    out.emplace_back(name, std::move(scrubbed));
  }
  return out;
}

std::string Scrubber::target(const std::string& target) {
  std::string out = target;
  const std::string lower = lowerAscii(target);
  for (const std::string name : {"?subscription-key=", "&subscription-key="}) {
    const std::size_t at = lower.find(name);
    if (at == std::string::npos) continue;
    const std::size_t start = at + name.size();
    const std::size_t end = std::min(out.find('&', start), out.size());
    out.replace(start, end - start, placeholder(out.substr(start, end - start)));
    break;
  }
  return text(out);
}

std::string Scrubber::text(std::string_view input) {
  std::string out(input);
  replaceIgnoringCase(out, authority_, kUpstreamPlaceholder);
  if (out.find("ubscriptions") != std::string::npos) {
    out = std::regex_replace(out, subscriptionPattern(), std::string("$1") + kScrubbedSubscription);
  }
  std::lock_guard lock(mutex_);
  for (const auto& [key, replacement] : placeholders_) {
    // Short values (an empty key, a test's "x") would scrub ordinary words; real keys are 32 characters.
    std::size_t at = key.size() < kShortestKey ? std::string::npos : out.find(key);
    while (at != std::string::npos) {
      out.replace(at, key.size(), replacement);
      at = out.find(key, at + replacement.size());
    }
  }
  return out;
}

}  // namespace cvmock::recording
