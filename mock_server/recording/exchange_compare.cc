// The structural diff of one answer against its recording.
#include "mock_server/recording/exchange_compare.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "mock_server/recording/ascii.h"
#include "mock_server/recording/value_shape.h"

namespace cvmock::recording {
namespace {

// Array elements that stand for entities are paired by their id rather than their place, when every recorded
// element's id has a known live counterpart (lists whose order is not the contract: domains, predictions), or
// else by their name, when every recorded name is in the live list (tags, before their ids are known). A key
// pairs only when it tells the elements apart: regions or detections sharing one tagId pair by place.
constexpr const char* kIdKeys[] = {"id", "tagId", "imageId"};
constexpr const char* kNameKey = "name";

bool sameNumber(const Json& a, const Json& b) {
  const double x = a.get<double>();
  const double y = b.get<double>();
  return x == y || std::fabs(x - y) <= 1e-9 * std::max(std::fabs(x), std::fabs(y));
}

std::string quoted(const std::string& text) { return Json(text).dump(); }

class BodyDiff {
 public:
  BodyDiff(const ExchangeScope& scope, const VerifyTable& table, IdMap& ids, bool lengthsKnown,
           std::vector<Difference>& out)
      : scope_(scope), table_(table), ids_(ids), lengthsKnown_(lengthsKnown), out_(out) {}

  void compare(const Json& recorded, const Json& live, const JsonPath& path, CompareAs inherited) {
    const CompareAs mode = modeAt(path, inherited);
    if (mode == CompareAs::Any) return;
    if (jsonType(recorded) != jsonType(live)) {
      report(path, describeValue(live) + ", recorded " + describeValue(recorded));
      return;
    }
    if (recorded.is_object()) {
      compareObject(recorded, live, path, mode);
    } else if (recorded.is_array()) {
      compareArray(recorded, live, path, mode);
    } else if (recorded.is_string()) {
      compareString(recorded.get<std::string>(), live.get<std::string>(), path, mode);
    } else if (mode == CompareAs::Value && (recorded.is_number() ? !sameNumber(recorded, live) : recorded != live)) {
      report(path, live.dump() + ", recorded " + recorded.dump());
    }
  }

 private:
  CompareAs modeAt(const JsonPath& path, CompareAs inherited) const {
    return table_.fieldMode(scope_.cassette, scope_.number, scope_.request, path, inherited);
  }

  void report(const JsonPath& path, std::string message) { out_.push_back({path, "", std::move(message), ""}); }

  // Keys that are ids (QuerySuggestedImageCount answers by tag id) are looked up by their live counterpart.
  std::string liveKey(const std::string& recordedKey) const {
    return isGuid(recordedKey) ? ids_.counterpart(recordedKey).value_or(recordedKey) : recordedKey;
  }

  void compareObject(const Json& recorded, const Json& live, const JsonPath& path, CompareAs mode) {
    std::set<std::string> matched;
    for (const auto& [key, value] : recorded.items()) {
      const JsonPath child = path.child(key);
      const std::string counterpart = liveKey(key);
      if (live.contains(counterpart)) {
        matched.insert(counterpart);
        compare(value, live[counterpart], child, mode);
      } else if (modeAt(child, mode) != CompareAs::Any) {
        report(child, "absent, recorded " + describeValue(value));
      }
    }
    for (const auto& [key, value] : live.items()) {
      const JsonPath child = path.child(key);
      if (!matched.count(key) && modeAt(child, mode) != CompareAs::Any) {
        report(child, describeValue(value) + ", absent in the recording");
      }
    }
  }

  void compareArray(const Json& recorded, const Json& live, const JsonPath& path, CompareAs mode) {
    if (mode == CompareAs::Value && lengthsKnown_ && recorded.size() != live.size()) {
      report(path, std::to_string(live.size()) + " elements, recorded " + std::to_string(recorded.size()));
    } else if (!recorded.empty() && live.empty()) {
      report(path, "empty, recorded " + std::to_string(recorded.size()) + " elements");
    }
    for (const auto& [recordedIndex, liveIndex] : pairs(recorded, live)) {
      compare(recorded[recordedIndex], live[liveIndex], path.index(recordedIndex), mode);
    }
  }

  // Pairs (recorded index, live index) by `key`, whose recorded value `wanted` turns into the live one; empty
  // unless every recorded element finds its own partner (two finding the same one: the key is no identity).
  template <typename Wanted>
  static std::vector<std::pair<std::size_t, std::size_t>> pairBy(const Json& recorded, const Json& live,
                                                                 const char* key, Wanted wanted) {
    std::vector<std::pair<std::size_t, std::size_t>> found;
    std::set<std::size_t> taken;
    for (std::size_t i = 0; i < recorded.size(); ++i) {
      const Json& element = recorded[i];
      if (!element.is_object() || !element.contains(key) || !element[key].is_string()) return {};
      const std::optional<std::string> value = wanted(element[key].get<std::string>());
      auto partner = std::find_if(live.begin(), live.end(), [&](const Json& candidate) {
        return value && candidate.is_object() && candidate.value(key, Json()) == Json(*value);
      });
      if (partner == live.end()) return {};
      const auto liveIndex = static_cast<std::size_t>(partner - live.begin());
      if (!taken.insert(liveIndex).second) return {};
      found.emplace_back(i, liveIndex);
    }
    return found;
  }

  std::vector<std::pair<std::size_t, std::size_t>> pairs(const Json& recorded, const Json& live) const {
    if (recorded.empty()) return {};
    for (const char* key : kIdKeys) {
      auto byId = pairBy(recorded, live, key, [&](const std::string& id) { return ids_.counterpart(id); });
      if (!byId.empty()) return byId;
    }
    auto byName = pairBy(recorded, live, kNameKey, [](const std::string& name) { return std::optional(name); });
    if (!byName.empty()) return byName;
    std::vector<std::pair<std::size_t, std::size_t>> byPlace;
    for (std::size_t i = 0; i < std::min(recorded.size(), live.size()); ++i) byPlace.emplace_back(i, i);
    return byPlace;
  }

  void compareString(const std::string& recorded, const std::string& live, const JsonPath& path, CompareAs mode) {
    if ((mode == CompareAs::Id || mode == CompareAs::Value) && isGuid(recorded)) {
      const std::optional<std::string> expected = ids_.identity(recorded);
      if (!isGuid(live)) {
        report(path, stringFormat(live) + " " + quoted(live) + ", recorded GUID " + quoted(recorded));
      } else if (expected && lowerAscii(*expected) != lowerAscii(live)) {
        report(path, quoted(live) + ", but the recorded " + quoted(recorded) + " stands for " + quoted(*expected));
      } else {
        ids_.learnId(recorded, live);
      }
      return;
    }
    if (mode != CompareAs::Value) {
      if (stringFormat(recorded) != stringFormat(live)) {
        report(path, stringFormat(live) + " " + quoted(live) + ", recorded " + stringFormat(recorded) + " " +
                         quoted(recorded));
      }
      ids_.learnValue(recorded, live);
      return;
    }
    if (recorded != live) report(path, quoted(live) + ", recorded " + quoted(recorded));
  }

  const ExchangeScope& scope_;
  const VerifyTable& table_;
  IdMap& ids_;
  bool lengthsKnown_;
  std::vector<Difference>& out_;
};

std::string normalisedHeader(const std::string& value) {
  std::string out;
  for (char c : lowerAscii(value)) {
    if (c != ' ' && c != '\t') out += c;
  }
  return out;
}

void compareHeaders(const RecordedResponse& recorded, const LiveAnswer& live, const ExchangeScope& scope,
                    const VerifyTable& table, std::vector<Difference>& out) {
  for (const auto& [name, mode] : table.headers(scope.cassette, scope.number, scope.request)) {
    const std::optional<std::string> was = headerValue(recorded.headers, name);
    const std::optional<std::string> is = headerValue(live.headers, name);
    const std::string what = "header " + name;
    if (was && !is) {
      out.push_back({std::nullopt, what, "absent, recorded " + quoted(*was), ""});
    } else if (!was && is) {
      out.push_back({std::nullopt, what, quoted(*is) + ", absent in the recording", ""});
    } else if (was && mode == CompareAs::Value && normalisedHeader(*was) != normalisedHeader(*is)) {
      out.push_back({std::nullopt, what, quoted(*is) + ", recorded " + quoted(*was), ""});
    } else if (was && mode != CompareAs::Value && stringFormat(*was) != stringFormat(*is)) {
      out.push_back({std::nullopt, what,
                     stringFormat(*is) + " " + quoted(*is) + ", recorded " + stringFormat(*was) + " " + quoted(*was),
                     ""});
    }
  }
}

void compareBodies(const std::string& recordedBody, const LiveAnswer& live, const ExchangeScope& scope,
                   const VerifyTable& table, IdMap& ids, bool lengthsKnown, std::vector<Difference>& out) {
  const Json recorded = Json::parse(recordedBody, nullptr, false);
  const Json answered = Json::parse(live.body, nullptr, false);
  const auto size = [](const std::string& body) { return std::to_string(body.size()) + " bytes"; };
  if (recordedBody.empty() != live.body.empty()) {
    out.push_back({std::nullopt, "body",
                   (live.body.empty() ? "empty" : size(live.body)) + ", recorded " +
                       (recordedBody.empty() ? "none" : size(recordedBody)),
                   ""});
  } else if (!recorded.is_discarded() && answered.is_discarded()) {
    out.push_back({std::nullopt, "body", "not JSON (" + size(live.body) + "), recorded JSON", ""});
  } else if (recorded.is_discarded() && !answered.is_discarded() && !recordedBody.empty()) {
    out.push_back({std::nullopt, "body", "JSON, recorded bytes that are not JSON", ""});
  } else if (!recorded.is_discarded() && !recordedBody.empty()) {
    BodyDiff(scope, table, ids, lengthsKnown, out).compare(recorded, answered, JsonPath(), CompareAs::Value);
  }
}

}  // namespace

std::string errorCode(const std::string& body) {
  const Json parsed = Json::parse(body, nullptr, false);
  if (!parsed.is_object()) return "";
  if (parsed.contains("code") && parsed["code"].is_string()) return parsed["code"].get<std::string>();
  if (parsed.contains("error") && parsed["error"].is_object() && parsed["error"].contains("code")) {
    const Json& code = parsed["error"]["code"];
    return code.is_string() ? code.get<std::string>() : code.dump();
  }
  return "";
}

std::vector<Difference> compareExchange(const RecordedResponse& recorded, const std::string& recordedBody,
                                        const LiveAnswer& live, const ExchangeScope& scope, const VerifyTable& table,
                                        IdMap& ids, bool lengthsKnown) {
  std::vector<Difference> out;
  const std::string recordedCode = recorded.status >= 400 ? errorCode(recordedBody) : "";
  const std::string liveCode = live.status >= 400 ? errorCode(live.body) : "";
  if (live.status != recorded.status) {
    const auto status = [](int code, const std::string& error) {
      return std::to_string(code) + (error.empty() ? "" : " " + error);
    };
    out.push_back({std::nullopt, "status",
                   status(live.status, liveCode) + ", recorded " + status(recorded.status, recordedCode), ""});
  } else {
    if (recordedCode != liveCode) {
      out.push_back({std::nullopt, "error code", quoted(liveCode) + ", recorded " + quoted(recordedCode), ""});
    }
    compareHeaders(recorded, live, scope, table, out);
    std::vector<Difference> body;
    compareBodies(recordedBody, live, scope, table, ids, lengthsKnown, body);
    for (Difference& difference : body) {
      const std::string where = difference.where();
      if (recorded.status >= 400 && (where == "$.code" || where == "$.error.code")) continue;  // said as error code
      out.push_back(std::move(difference));
    }
  }
  for (Difference& difference : out) {
    const std::string what = difference.what.rfind("header ", 0) == 0 ? lowerAscii(difference.what) : difference.what;
    difference.acceptedWhy =
        table.accepted(scope.cassette, scope.number, scope.request, difference.path, what).value_or("");
  }
  return out;
}

}  // namespace cvmock::recording
