// Reading verify tables and answering what they say about one exchange.
#include "mock_server/recording/verify_table.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "mock_server/recording/ascii.h"
#include "mock_server/recording/builtin_table.h"

namespace cvmock::recording {
namespace {

// Where an entry sits, for error messages: "verify.json: fields[3]".
struct EntryPlace {
  std::string file;
  std::string entry;

  [[noreturn]] void fail(const std::string& message) const {
    throw RecordingError(file + ": " + entry + ": " + message);
  }
};

void onlyKeys(const Json& entry, const std::set<std::string>& allowed, const EntryPlace& place) {
  if (!entry.is_object()) place.fail("must be an object");
  for (const auto& [key, value] : entry.items()) {
    if (!allowed.count(key)) place.fail("unknown field \"" + key + "\"");
  }
}

std::string text(const Json& entry, const char* key, const EntryPlace& place, const std::string& fallback = "") {
  if (!entry.contains(key)) return fallback;
  if (!entry[key].is_string()) place.fail(std::string(key) + " must be a string");
  return entry[key].get<std::string>();
}

Scope readScope(const Json& entry, const EntryPlace& place) {
  Scope scope;
  scope.cassette = text(entry, "cassette", place, "*");
  scope.request = text(entry, "request", place, "*");
  if (entry.contains("exchanges")) {
    const Json& numbers = entry["exchanges"];
    if (!numbers.is_array() || !std::all_of(numbers.begin(), numbers.end(),
                                            [](const Json& n) { return n.is_number_integer() && n.get<int>() >= 1; })) {
      place.fail("exchanges must be an array of exchange numbers (from 1)");
    }
    scope.exchanges = numbers.get<std::vector<int>>();
  }
  return scope;
}

CompareAs readMode(const Json& entry, const EntryPlace& place) {
  const std::string as = text(entry, "as", place);
  if (as == "value") return CompareAs::Value;
  if (as == "id") return CompareAs::Id;
  if (as == "shape") return CompareAs::Shape;
  if (as == "any") return CompareAs::Any;
  place.fail("as must be value, id, shape or any, not \"" + as + "\"");
}

JsonPathPattern compile(const std::string& pattern, const EntryPlace& place) {
  try {
    return JsonPathPattern(pattern);
  } catch (const std::invalid_argument& error) {
    place.fail(error.what());
  }
}

JsonPathPattern readPattern(const Json& entry, const EntryPlace& place) {
  return compile(text(entry, "path", place), place);
}

// "path": one pattern, or an array of them.
std::vector<JsonPathPattern> readPatterns(const Json& entry, const EntryPlace& place) {
  if (!entry["path"].is_array()) return {readPattern(entry, place)};
  std::vector<JsonPathPattern> patterns;
  for (const Json& pattern : entry["path"]) {
    if (!pattern.is_string()) place.fail("path must be a string or an array of strings");
    patterns.push_back(compile(pattern.get<std::string>(), place));
  }
  return patterns;
}

const Json& section(const Json& document, const char* name, const std::string& file) {
  static const Json kEmpty = Json::array();
  if (!document.contains(name)) return kEmpty;
  if (!document[name].is_array()) EntryPlace{file, name}.fail("must be an array");
  return document[name];
}

}  // namespace

bool Scope::covers(const std::string& cassetteId, int exchange, const std::string& requestLine) const {
  if (!globMatches(cassette, cassetteId)) return false;
  if (!exchanges.empty() && std::find(exchanges.begin(), exchanges.end(), exchange) == exchanges.end()) return false;
  return request == "*" || globMatches(request, requestLine);
}

VerifyTable VerifyTable::builtin() {
  VerifyTable table;
  table.parse(Json::parse(kBuiltinTable), "the built-in verify table");
  return table;
}

void VerifyTable::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw RecordingError(file.string() + ": cannot open the verify table");
  std::ostringstream content;
  content << in.rdbuf();
  Json document;
  try {
    document = Json::parse(content.str());
  } catch (const Json::parse_error& error) {
    throw RecordingError(file.string() + ": not JSON: " + error.what());
  }
  parse(document, file.string());
}

void VerifyTable::parse(const Json& document, const std::string& file) {
  onlyKeys(document, {"fields", "headers", "accept", "skip", "given", "about"}, {file, "the table"});
  const std::set<std::string> scopeKeys = {"cassette", "exchanges", "request", "why"};
  auto with = [&](std::set<std::string> keys) {
    keys.insert(scopeKeys.begin(), scopeKeys.end());
    return keys;
  };
  const Json& fields = section(document, "fields", file);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const EntryPlace place{file, "fields[" + std::to_string(i) + "]"};
    onlyKeys(fields[i], with({"path", "as"}), place);
    fields_.push_back({readScope(fields[i], place), readPatterns(fields[i], place), readMode(fields[i], place),
                       text(fields[i], "why", place)});
  }
  const Json& headers = section(document, "headers", file);
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const EntryPlace place{file, "headers[" + std::to_string(i) + "]"};
    onlyKeys(headers[i], with({"name", "as"}), place);
    const std::string name = text(headers[i], "name", place);
    if (name.empty()) place.fail("name is missing");
    headers_.push_back(
        {readScope(headers[i], place), name, readMode(headers[i], place), text(headers[i], "why", place)});
  }
  const Json& accepted = section(document, "accept", file);
  for (std::size_t i = 0; i < accepted.size(); ++i) {
    const EntryPlace place{file, "accept[" + std::to_string(i) + "]"};
    onlyKeys(accepted[i], with({"path", "status", "header"}), place);
    Acceptance acceptance{readScope(accepted[i], place), {}, "", text(accepted[i], "why", place)};
    if (accepted[i].contains("path")) acceptance.paths = readPatterns(accepted[i], place);
    if (accepted[i].value("status", false)) acceptance.what = "status";
    if (accepted[i].contains("header")) acceptance.what = "header " + lowerAscii(text(accepted[i], "header", place));
    if (acceptance.paths.empty() == acceptance.what.empty()) place.fail("needs one of path, status or header");
    if (acceptance.why.empty()) place.fail("why is missing: say why the difference is accepted");
    acceptances_.push_back(std::move(acceptance));
  }
  const Json& skips = section(document, "skip", file);
  for (std::size_t i = 0; i < skips.size(); ++i) {
    const EntryPlace place{file, "skip[" + std::to_string(i) + "]"};
    onlyKeys(skips[i], scopeKeys, place);
    const std::string why = text(skips[i], "why", place);
    if (why.empty()) place.fail("why is missing: say why the recording is skipped");
    skips_.push_back({readScope(skips[i], place), why});
  }
  const Json& given = section(document, "given", file);
  for (std::size_t i = 0; i < given.size(); ++i) {
    const EntryPlace place{file, "given[" + std::to_string(i) + "]"};
    onlyKeys(given[i], {"cassette", "why", "projects", "before", "urlImages"}, place);
    Json patch = given[i];
    patch.erase("cassette");
    patch.erase("why");
    given_.push_back({readScope(given[i], place), std::move(patch)});
  }
}

CompareAs VerifyTable::fieldMode(const std::string& cassette, int exchange, const std::string& request,
                                 const JsonPath& path, CompareAs inherited) const {
  CompareAs mode = inherited;
  for (const FieldRule& rule : fields_) {
    const bool matches = std::any_of(rule.paths.begin(), rule.paths.end(),
                                     [&](const JsonPathPattern& pattern) { return pattern.matches(path); });
    if (matches && rule.scope.covers(cassette, exchange, request)) mode = rule.as;
  }
  return mode;
}

std::vector<std::pair<std::string, CompareAs>> VerifyTable::headers(const std::string& cassette, int exchange,
                                                                    const std::string& request) const {
  std::vector<std::pair<std::string, CompareAs>> out;
  for (const HeaderRule& rule : headers_) {
    if (!rule.scope.covers(cassette, exchange, request)) continue;
    auto same =
        std::find_if(out.begin(), out.end(), [&](const auto& h) { return equalsAsciiIgnoreCase(h.first, rule.name); });
    if (same != out.end()) out.erase(same);
    if (rule.as != CompareAs::Any) out.emplace_back(rule.name, rule.as);
  }
  return out;
}

std::optional<std::string> VerifyTable::accepted(const std::string& cassette, int exchange, const std::string& request,
                                                 const std::optional<JsonPath>& path, const std::string& what) const {
  for (const Acceptance& acceptance : acceptances_) {
    if (!acceptance.scope.covers(cassette, exchange, request)) continue;
    const bool placeMatches = path ? std::any_of(acceptance.paths.begin(), acceptance.paths.end(),
                                                 [&](const JsonPathPattern& pattern) { return pattern.covers(*path); })
                                   : acceptance.what == what;
    if (placeMatches) return acceptance.why;
  }
  return std::nullopt;
}

std::optional<std::string> VerifyTable::skipped(const std::string& cassette, int exchange) const {
  for (const Skip& skip : skips_) {
    if (!globMatches(skip.scope.cassette, cassette)) continue;
    if (exchange == 0 ? skip.scope.exchanges.empty()
                      : skip.scope.exchanges.empty() ||
                            std::count(skip.scope.exchanges.begin(), skip.scope.exchanges.end(), exchange) > 0) {
      return skip.why;
    }
  }
  return std::nullopt;
}

Json VerifyTable::given(const std::string& cassette) const {
  Json state;
  for (const GivenPatch& given : given_) {
    if (!globMatches(given.scope.cassette, cassette)) continue;
    if (state.is_null()) state = Json::object();
    state.merge_patch(given.patch);
  }
  return state;
}

}  // namespace cvmock::recording
