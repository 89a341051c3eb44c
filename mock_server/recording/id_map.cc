// Id mapping for the replay: what a request names, and what answers reveal.
#include "mock_server/recording/id_map.h"

#include "mock_server/recording/ascii.h"
#include "mock_server/recording/url_text.h"
#include "mock_server/recording/value_shape.h"

namespace cvmock::recording {
namespace {

// What a GUID is, from the path segment before it, its query parameter or its body key.
const std::map<std::string, std::string>& pathKinds() {
  static const std::map<std::string, std::string> kinds = {{"projects", "project"}, {"prediction", "project"},
                                                           {"tags", "tag"},         {"iterations", "iteration"},
                                                           {"images", "image"},     {"domains", "domain"}};
  return kinds;
}

const std::map<std::string, std::string>& parameterKinds() {
  static const std::map<std::string, std::string> kinds = {
      {"imageids", "image"},  {"tagids", "tag"},        {"iterationid", "iteration"}, {"ids", "prediction"},
      {"domainid", "domain"}, {"projectid", "project"}, {"imageid", "image"},         {"tagid", "tag"}};
  return kinds;
}

std::string kindOf(const std::map<std::string, std::string>& kinds, const std::string& name) {
  auto found = kinds.find(lowerAscii(name));
  return found == kinds.end() ? "" : found->second;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(separator, start);
    pieces.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return pieces;
    start = end + 1;
  }
}

std::string join(const std::vector<std::string>& pieces, char separator) {
  std::string out;
  for (std::size_t i = 0; i < pieces.size(); ++i) out += (i ? std::string(1, separator) : "") + pieces[i];
  return out;
}

std::string compact(const std::string& guid) {
  std::string out;
  for (char c : guid) {
    if (c != '-') out += c;
  }
  return out;
}

}  // namespace

IdMap::IdMap(const IdPools& pools, std::set<std::string> domains) : pools_(pools), domains_(std::move(domains)) {}

std::string IdMap::liveId(const std::string& recorded, const std::string& kind) {
  const std::string key = lowerAscii(recorded);
  if (std::optional<std::string> known = counterpart(recorded)) return *known;
  if (kind == "domain") return recorded;
  auto pool = pools_.find(kind);
  if (pool == pools_.end() || pool->second.empty()) return recorded;
  const std::string& live = pool->second[handedCount_[kind]++ % pool->second.size()];
  handed_[key] = live;
  return live;
}

std::optional<std::string> IdMap::identity(const std::string& recorded) const {
  const std::string key = lowerAscii(recorded);
  if (domains_.count(key)) return recorded;
  auto learnt = learnt_.find(key);
  return learnt == learnt_.end() ? std::nullopt : std::optional<std::string>(learnt->second);
}

std::optional<std::string> IdMap::counterpart(const std::string& recorded) const {
  if (std::optional<std::string> known = identity(recorded)) return known;
  auto handed = handed_.find(lowerAscii(recorded));
  return handed == handed_.end() ? std::nullopt : std::optional<std::string>(handed->second);
}

void IdMap::learnId(const std::string& recorded, const std::string& live) {
  const std::string key = lowerAscii(recorded);
  if (domains_.count(key) || learnt_.count(key)) return;
  learnt_[key] = live;
}

void IdMap::learnValue(const std::string& recorded, const std::string& live) {
  if (recorded != live) values_.try_emplace(recorded, live);
}

// Known ids inside a longer text (an artifact path, a URL), hyphenated or compact, and known opaque values.
std::string IdMap::liveText(const std::string& text) const {
  auto value = values_.find(text);
  if (value != values_.end()) return value->second;
  std::string out = text;
  for (const auto* table : {&learnt_, &handed_}) {
    for (const auto& [recorded, live] : *table) {
      for (const auto& [from, to] : {std::pair{recorded, live}, std::pair{compact(recorded), compact(live)}}) {
        for (std::size_t at = lowerAscii(out).find(from); at != std::string::npos;
             at = lowerAscii(out).find(from, at + to.size())) {
          out.replace(at, from.size(), to);
        }
      }
    }
  }
  return out;
}

std::string IdMap::liveQueryValue(const std::string& name, const std::string& value) {
  const std::string kind = kindOf(parameterKinds(), name);
  if (kind.empty()) return liveText(value);
  std::vector<std::string> ids = split(value, ',');
  for (std::string& id : ids) id = isGuid(id) ? liveId(id, kind) : liveText(id);
  return join(ids, ',');
}

std::string IdMap::liveTarget(const std::string& target) {
  const std::size_t question = target.find('?');
  std::vector<std::string> segments = split(target.substr(0, question), '/');
  for (std::size_t i = 1; i < segments.size(); ++i) {
    if (isGuid(segments[i])) segments[i] = liveId(segments[i], kindOf(pathKinds(), segments[i - 1]));
  }
  std::string live = join(segments, '/');
  if (question == std::string::npos) return live;
  std::vector<std::string> parameters = split(target.substr(question + 1), '&');
  for (std::string& parameter : parameters) {
    const std::size_t equals = parameter.find('=');
    if (equals == std::string::npos) continue;
    const std::string name = percentDecode(parameter.substr(0, equals));
    const std::string value = percentDecode(parameter.substr(equals + 1));
    const std::string mapped = liveQueryValue(name, value);
    if (mapped != value) parameter = parameter.substr(0, equals + 1) + percentEncode(mapped);
  }
  return live + "?" + join(parameters, '&');
}

Json IdMap::liveJson(const Json& value, const std::string& key,
                     const std::function<std::string(const std::string&)>& imageUrl) {
  if (value.is_object()) {
    Json out = Json::object();
    for (const auto& [name, child] : value.items()) out[name] = liveJson(child, name, imageUrl);
    return out;
  }
  if (value.is_array()) {
    Json out = Json::array();
    for (const Json& child : value) out.push_back(liveJson(child, key, imageUrl));
    return out;
  }
  if (!value.is_string()) return value;
  const std::string text = value.get<std::string>();
  if (equalsAsciiIgnoreCase(key, "url") && stringFormat(text) == "URI") return imageUrl(text);
  if (isGuid(text)) return liveId(text, kindOf(parameterKinds(), key));
  return liveText(text);
}

std::string IdMap::liveJsonBody(const std::string& text,
                                const std::function<std::string(const std::string&)>& imageUrl) {
  const Json document = Json::parse(text, nullptr, false);
  if (document.is_discarded()) return text;
  const Json live = liveJson(document, "", imageUrl);
  return live == document ? text : live.dump();
}

}  // namespace cvmock::recording
