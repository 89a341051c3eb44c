// multipart/form-data (RFC 7578) as Custom Vision clients send it: the boundary from the Content-Type, every part.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvmock::server {

// One part of a form: its Content-Disposition parameters and its bytes.
struct FormPart {
  std::string name;                     // the `name` parameter, quoted or not (.NET sends name=imageData unquoted)
  std::optional<std::string> fileName;  // the `filename` parameter; nullopt for a plain field
  std::string contentType;              // the part's Content-Type, "" when absent
  std::string content;
};

// True when the media type of `contentType` is multipart/form-data (in any case, as media types are).
bool isMultipartFormData(std::string_view contentType);

// The `boundary` parameter of a Content-Type, unquoted; nullopt when absent, empty or over RFC 2046's 70 characters.
std::optional<std::string> multipartBoundary(std::string_view contentType);

// Every part between the first delimiter line and the close delimiter, in order. nullopt when the body is not
// well-formed: no delimiter, a part without its blank line after the headers, or no close delimiter (truncated).
// Lines end with CRLF; a preamble before the first delimiter and an epilogue after the last are ignored.
std::optional<std::vector<FormPart>> parseMultipart(std::string_view body, std::string_view boundary);

}  // namespace cvmock::server
