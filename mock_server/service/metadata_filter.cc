// MetadataFilter: a recursive-descent parser over a small token stream, and an evaluator of its tree.
#include "mock_server/service/metadata_filter.h"

#include <cctype>
#include <vector>

#include "mock_server/base/errors.h"
#include "mock_server/base/text.h"

namespace cvmock::server {

struct MetadataFilter::Node {
  enum class Kind { Equal, NotEqual, And, Or } kind;
  std::string key;
  std::string value;
  std::shared_ptr<const Node> left;
  std::shared_ptr<const Node> right;
};

namespace {

using Node = MetadataFilter::Node;

struct Token {
  enum class Kind { Word, Quoted, Open, Close, End } kind;
  std::string text;
  std::size_t offset;
};

[[noreturn]] void malformed(const std::string& what, std::size_t offset) {
  throw errors::invalidMetadataFilter(what + " at character " + std::to_string(offset + 1));
}

std::vector<Token> tokenize(const std::string& text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '(' || c == ')') {
      tokens.push_back({c == '(' ? Token::Kind::Open : Token::Kind::Close, std::string(1, c), i});
      ++i;
    } else if (c == '\'') {
      const std::size_t start = i++;
      std::string value;
      for (;;) {
        if (i >= text.size()) malformed("unterminated quoted value", start);
        if (text[i] == '\'') {
          if (i + 1 < text.size() && text[i + 1] == '\'') {
            value += '\'';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        value += text[i++];
      }
      tokens.push_back({Token::Kind::Quoted, std::move(value), start});
    } else {
      const std::size_t start = i;
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != '(' &&
             text[i] != ')' && text[i] != '\'') {
        ++i;
      }
      tokens.push_back({Token::Kind::Word, text.substr(start, i - start), start});
    }
  }
  tokens.push_back({Token::Kind::End, "", text.size()});
  return tokens;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  std::shared_ptr<const Node> parseAll() {
    std::shared_ptr<const Node> root = expression();
    if (peek().kind != Token::Kind::End) malformed("unexpected '" + peek().text + "'", peek().offset);
    return root;
  }

 private:
  const Token& peek() const { return tokens_[position_]; }
  const Token& next() { return tokens_[position_++]; }
  bool nextIsKeyword(const char* keyword) const {
    return peek().kind == Token::Kind::Word && equalsIgnoreCase(peek().text, keyword);
  }

  std::shared_ptr<const Node> expression() {
    std::shared_ptr<const Node> left = conjunction();
    while (nextIsKeyword("or")) {
      next();
      left = std::make_shared<const Node>(Node{Node::Kind::Or, "", "", left, conjunction()});
    }
    return left;
  }

  std::shared_ptr<const Node> conjunction() {
    std::shared_ptr<const Node> left = term();
    while (nextIsKeyword("and")) {
      next();
      left = std::make_shared<const Node>(Node{Node::Kind::And, "", "", left, term()});
    }
    return left;
  }

  std::shared_ptr<const Node> term() {
    if (peek().kind == Token::Kind::Open) {
      next();
      std::shared_ptr<const Node> inner = expression();
      if (peek().kind != Token::Kind::Close) malformed("missing ')'", peek().offset);
      next();
      return inner;
    }
    const Token& key = next();
    if (key.kind != Token::Kind::Word) malformed("expected a metadata key", key.offset);
    const Token& op = next();
    const bool equal = op.kind == Token::Kind::Word && equalsIgnoreCase(op.text, "eq");
    if (!equal && !(op.kind == Token::Kind::Word && equalsIgnoreCase(op.text, "ne"))) {
      malformed("expected eq or ne after '" + key.text + "'", op.offset);
    }
    const Token& value = next();
    if (value.kind != Token::Kind::Quoted) malformed("expected a quoted value", value.offset);
    return std::make_shared<const Node>(
        Node{equal ? Node::Kind::Equal : Node::Kind::NotEqual, key.text, value.text, nullptr, nullptr});
  }

  std::vector<Token> tokens_;
  std::size_t position_ = 0;
};

bool evaluate(const Node& node, const std::map<std::string, std::string>& metadata) {
  switch (node.kind) {
    case Node::Kind::And:
      return evaluate(*node.left, metadata) && evaluate(*node.right, metadata);
    case Node::Kind::Or:
      return evaluate(*node.left, metadata) || evaluate(*node.right, metadata);
    case Node::Kind::Equal:
    case Node::Kind::NotEqual: {
      auto found = metadata.find(node.key);
      const bool equal = found != metadata.end() && found->second == node.value;
      return node.kind == Node::Kind::Equal ? equal : !equal;
    }
  }
  return false;
}

}  // namespace

MetadataFilter MetadataFilter::parse(const std::string& text) {
  return MetadataFilter(Parser(tokenize(text)).parseAll());
}

bool MetadataFilter::matches(const std::map<std::string, std::string>& metadata) const {
  return evaluate(*root_, metadata);
}

}  // namespace cvmock::server
