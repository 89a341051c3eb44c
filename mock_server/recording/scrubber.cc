// Scrubbing keys, hosts and subscription ids out of recorded exchanges.
#include "mock_server/recording/scrubber.h"

#include <regex>
#include <vector>

#include "mock_server/recording/ascii.h"
#include "mock_server/recording/url_text.h"

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

// Each subscription id after its prefix replaced by the zero id. (A "$1" format would read "$10" as group 10.)
std::string scrubSubscriptions(const std::string& text) {
  std::string out;
  std::size_t copied = 0;
  for (auto match = std::sregex_iterator(text.begin(), text.end(), subscriptionPattern());
       match != std::sregex_iterator(); ++match) {
    const std::size_t idStart = static_cast<std::size_t>(match->position(0) + match->length(1));
    out += text.substr(copied, idStart - copied) + kScrubbedSubscription;
    copied = static_cast<std::size_t>(match->position(0) + match->length(0));
  }
  return out + text.substr(copied);
}

// The value of every `marker` parameter (after "?", "&", or their percent-encoded forms) → `placeholder`.
std::string replaceParameterValues(const std::string& text, const std::string& marker, const std::string& placeholder) {
  const std::string lower = lowerAscii(text);
  std::vector<std::pair<std::size_t, std::size_t>> values;  // [start, end)
  for (std::size_t at = lower.find(marker); at != std::string::npos; at = lower.find(marker, at + 1)) {
    const bool parameter =
        at > 0 && (lower[at - 1] == '?' || lower[at - 1] == '&' ||
                   (at >= 3 && (lower.compare(at - 3, 3, "%26") == 0 || lower.compare(at - 3, 3, "%3f") == 0)));
    if (!parameter) continue;
    const std::size_t start = at + marker.size();
    const std::size_t end =
        std::min({lower.find_first_of("&\"' \t\r\n", start), lower.find("%26", start), lower.size()});
    values.emplace_back(start, end);
  }
  std::string out = text;
  for (auto value = values.rbegin(); value != values.rend(); ++value) {
    out.replace(value->first, value->second - value->first, placeholder);
  }
  return out;
}

// A shared access signature ("sig=" in a storage URL, "sig%3D" in one percent-encoded inside a query) lets
// whoever holds the URL in: its value becomes a placeholder, the same every time, so a token still matches.
std::string scrubSignatures(const std::string& text) {
  return replaceParameterValues(replaceParameterValues(text, "sig=", "{scrubbed}"), "sig%3d", "%7Bscrubbed%7D");
}

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
  // The same inside a percent-encoded query value (an export token names the host it came from).
  replaceIgnoringCase(out, percentEncode(authority_), percentEncode(kUpstreamPlaceholder));
  if (out.find("ubscriptions") != std::string::npos) out = scrubSubscriptions(out);
  if (lowerAscii(out).find("sig") != std::string::npos) out = scrubSignatures(out);
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
