// Recorded ids and tokens → the ones the replayed cvmock hands out. An id an earlier answer revealed maps to the
// live id at the same place of the live answer (learnt); an id no answer revealed is handed one of the given
// state's, by its kind and in order (handed); domain ids stand for themselves.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "mock_server/recording/cassette.h"

namespace cvmock::recording {

// The ids of the given state, by kind ("project", "iteration", "tag", "image", "prediction").
using IdPools = std::map<std::string, std::vector<std::string>>;

// Not thread-safe; one per replayed cassette.
class IdMap {
 public:
  // `pools` is read as it grows (ids the given state adds between exchanges); it must outlive the map.
  IdMap(const IdPools& pools, std::set<std::string> domains);

  // The request target with live ids in the path (by the segment before each) and the query (by parameter
  // name, or wherever a known id or token appears); unchanged parameters keep their recorded spelling.
  std::string liveTarget(const std::string& target);
  // A JSON request body with live ids and tokens, and each "url" passed through `imageUrl`; `text` itself
  // when nothing changes or it is not JSON.
  std::string liveJsonBody(const std::string& text, const std::function<std::string(const std::string&)>& imageUrl);

  // The live id a recorded one maps to, however it was found; nullopt when unknown.
  std::optional<std::string> counterpart(const std::string& recorded) const;
  // The live id a recorded one must be: learnt from an answer, or a domain's own; nullopt otherwise (a
  // handed-out id is a guess, not a fact to hold cvmock to).
  std::optional<std::string> identity(const std::string& recorded) const;

  // An answer showed `live` where the recording shows `recorded`: ids (GUIDs) and opaque values (tokens).
  void learnId(const std::string& recorded, const std::string& live);
  void learnValue(const std::string& recorded, const std::string& live);

 private:
  std::string liveId(const std::string& recorded, const std::string& kind);
  std::string liveQueryValue(const std::string& name, const std::string& value);
  std::string liveText(const std::string& text) const;
  Json liveJson(const Json& value, const std::string& key,
                const std::function<std::string(const std::string&)>& imageUrl);

  const IdPools& pools_;
  std::map<std::string, std::size_t> handedCount_;  // by kind
  std::set<std::string> domains_;
  std::map<std::string, std::string> learnt_;  // recorded id (lower case) -> live id
  std::map<std::string, std::string> handed_;  // recorded id (lower case) -> live id
  std::map<std::string, std::string> values_;  // recorded opaque value -> live one
};

}  // namespace cvmock::recording
