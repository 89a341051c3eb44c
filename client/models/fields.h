// The JSON mapping of a model as a table of its members; the models' .cc files use it (not installed).
//
// A model's to_json/from_json are declared beside the model and defined from one table of (JSON name, member)
// pairs, so reading and writing cannot disagree about a name. How a member is read depends on its kind:
//   field(name, &M::m)      m is std::optional: absent and null read as std::nullopt; otherwise required (a
//                           missing member throws nlohmann::json::out_of_range);
//   defaulted(name, &M::m)  absent or null leaves m at its initialiser (the service leaves it out in some states);
//   sparse(name, &M::m)     as defaulted, and an empty m (a list, a map) is not written: request lists a caller
//                           left empty stay off the wire, as the SDKs leave unset members out.
// A member present with the wrong type throws nlohmann::json::type_error either way. Writing skips unset
// optionals, so a request never carries a member the caller did not set.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>
#include <type_traits>

namespace cvmock::client::fields {

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <class Model, class T>
struct Field {
  const char* name;
  T Model::*member;
  bool mayBeAbsent;
  bool skipWhenEmpty = false;
};

template <class Model, class T>
constexpr Field<Model, T> field(const char* name, T Model::*member) {
  return {name, member, IsOptional<T>::value};
}

template <class Model, class T>
constexpr Field<Model, T> defaulted(const char* name, T Model::*member) {
  return {name, member, true};
}

template <class Model, class T>
constexpr Field<Model, T> sparse(const char* name, T Model::*member) {
  return {name, member, true, true};
}

template <class Model, class T>
void readField(const nlohmann::json& j, Model& model, const Field<Model, T>& f) {
  auto it = j.find(f.name);
  if (it == j.end() && !f.mayBeAbsent) j.at(f.name);  // throws out_of_range naming the member
  if (it == j.end() || (it->is_null() && f.mayBeAbsent)) {
    if constexpr (IsOptional<T>::value) (model.*f.member).reset();
    return;
  }
  if constexpr (IsOptional<T>::value) {
    model.*f.member = it->template get<typename T::value_type>();
  } else {
    it->get_to(model.*f.member);  // a null required member throws type_error here
  }
}

template <class Model, class T>
void writeField(nlohmann::json& j, const Model& model, const Field<Model, T>& f) {
  if constexpr (IsOptional<T>::value) {
    if (model.*f.member) j[f.name] = *(model.*f.member);
  } else if constexpr (requires(const T& value) { value.empty(); }) {
    if (!f.skipWhenEmpty || !(model.*f.member).empty()) j[f.name] = model.*f.member;
  } else {
    j[f.name] = model.*f.member;
  }
}

// Reads every member of the table from the object j; throws as the header says.
template <class Model, class... Fields>
void read(const nlohmann::json& j, Model& model, const std::tuple<Fields...>& table) {
  std::apply([&](const auto&... f) { (readField(j, model, f), ...); }, table);
}

// Writes the members of the table into j, which becomes an object.
template <class Model, class... Fields>
void write(nlohmann::json& j, const Model& model, const std::tuple<Fields...>& table) {
  if (!j.is_object()) j = nlohmann::json::object();
  std::apply([&](const auto&... f) { (writeField(j, model, f), ...); }, table);
}

}  // namespace cvmock::client::fields
