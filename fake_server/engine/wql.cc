#include "engine/wql.h"

#include <cctype>
#include <charconv>

#include "core/value.h"
#include "engine/text.h"
#include "engine/values.h"

namespace cimulate::fake {
namespace {

struct Token {
  enum class Kind { kWord, kString, kNumber, kOp, kComma, kStar, kEnd };
  Kind kind = Kind::kEnd;
  std::string text;
  size_t at = 0;
};

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  bool Next(Token* t, std::string* error) {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    t->at = pos_;
    t->text.clear();
    if (pos_ >= text_.size()) {
      t->kind = Token::Kind::kEnd;
      return true;
    }
    char c = text_[pos_];
    if (c == '\'' || c == '"') return String(c, t, error);
    if (std::isdigit(static_cast<unsigned char>(c)) || ((c == '-' || c == '+' || c == '.') && pos_ + 1 < text_.size() &&
                                                        std::isdigit(static_cast<unsigned char>(text_[pos_ + 1])))) {
      return Number(t);
    }
    if (IsWordChar(c)) {
      while (pos_ < text_.size() && IsWordChar(text_[pos_])) t->text += text_[pos_++];
      t->kind = Token::Kind::kWord;
      return true;
    }
    return Punctuation(t, error);
  }

 private:
  bool String(char quote, Token* t, std::string* error) {
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      // WQL escapes with a backslash: 'O\'Brien'.
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      t->text += text_[pos_++];
    }
    if (pos_ >= text_.size()) {
      *error = "unterminated string starting at offset " + std::to_string(t->at);
      return false;
    }
    ++pos_;
    t->kind = Token::Kind::kString;
    return true;
  }

  bool Number(Token* t) {
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.' ||
                                   text_[pos_] == '-' || text_[pos_] == '+')) {
      t->text += text_[pos_++];
    }
    t->kind = Token::Kind::kNumber;
    return true;
  }

  bool Punctuation(Token* t, std::string* error) {
    static constexpr std::string_view kOps[] = {"<>", "!=", "<=", ">=", "=", "<", ">"};
    for (std::string_view op : kOps) {
      if (text_.substr(pos_).starts_with(op)) {
        t->kind = Token::Kind::kOp;
        t->text = std::string(op);
        pos_ += op.size();
        return true;
      }
    }
    char c = text_[pos_++];
    if (c == ',') t->kind = Token::Kind::kComma;
    else if (c == '*') t->kind = Token::Kind::kStar;
    else {
      *error = std::string("unexpected '") + c + "' at offset " + std::to_string(t->at);
      return false;
    }
    t->text = std::string(1, c);
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

class Parser {
 public:
  Parser(std::string_view text, std::string* error) : lexer_(text), error_(error) {}

  bool Parse(WqlQuery* q) {
    if (!Advance() || !Keyword("SELECT") || !Projection(q)) return false;
    if (!Keyword("FROM")) return false;
    if (tok_.kind != Token::Kind::kWord) return Expected("a class name");
    q->class_name = tok_.text;
    if (!Advance()) return false;
    if (tok_.kind == Token::Kind::kEnd) return true;
    if (!Keyword("WHERE")) return false;
    do {
      WqlCondition c;
      if (!Condition(&c)) return false;
      q->where.push_back(std::move(c));
    } while (IsKeyword("AND") && Advance());
    if (tok_.kind != Token::Kind::kEnd) return Expected("AND or the end of the query");
    return true;
  }

 private:
  bool Advance() { return lexer_.Next(&tok_, error_); }
  bool IsKeyword(const char* word) const { return tok_.kind == Token::Kind::kWord && EqualsIgnoreCase(tok_.text, word); }

  bool Expected(const std::string& what) {
    std::string found = tok_.kind == Token::Kind::kEnd ? "the end" : "'" + tok_.text + "'";
    *error_ = "expected " + what + " at offset " + std::to_string(tok_.at) + ", found " + found;
    return false;
  }

  bool Keyword(const char* word) {
    if (!IsKeyword(word)) return Expected(word);
    return Advance();
  }

  bool Projection(WqlQuery* q) {
    if (tok_.kind == Token::Kind::kStar) return Advance();
    while (true) {
      if (tok_.kind != Token::Kind::kWord || IsKeyword("FROM")) return Expected("* or a property name");
      q->properties.push_back(tok_.text);
      if (!Advance()) return false;
      if (tok_.kind != Token::Kind::kComma) return true;
      if (!Advance()) return false;
    }
  }

  bool Condition(WqlCondition* c) {
    if (tok_.kind != Token::Kind::kWord) return Expected("a property name");
    c->property = tok_.text;
    if (!Advance()) return false;
    if (tok_.kind != Token::Kind::kOp) return Expected("a comparison operator");
    const std::string& op = tok_.text;
    c->op = op == "=" ? WqlOp::kEq : op == "<>" || op == "!=" ? WqlOp::kNe : op == "<" ? WqlOp::kLt
          : op == ">" ? WqlOp::kGt : op == "<=" ? WqlOp::kLe : WqlOp::kGe;
    if (!Advance()) return false;
    if (!Literal(&c->literal)) return false;
    return Advance();
  }

  bool Literal(WqlLiteral* l) {
    if (tok_.kind == Token::Kind::kString) {
      l->kind = WqlLiteral::Kind::kString;
      l->text = tok_.text;
      return true;
    }
    if (tok_.kind == Token::Kind::kNumber) {
      l->kind = WqlLiteral::Kind::kNumber;
      l->text = tok_.text;
      const char* begin = tok_.text.data() + (tok_.text[0] == '+' ? 1 : 0);
      auto r = std::from_chars(begin, tok_.text.data() + tok_.text.size(), l->number);
      if (r.ec != std::errc() || r.ptr != tok_.text.data() + tok_.text.size()) return Expected("a number");
      return true;
    }
    if (IsKeyword("TRUE") || IsKeyword("FALSE")) {
      l->kind = WqlLiteral::Kind::kBoolean;
      l->boolean = IsKeyword("TRUE");
      l->text = l->boolean ? "true" : "false";
      return true;
    }
    return Expected("a string, number, TRUE or FALSE");
  }

  Lexer lexer_;
  Token tok_;
  std::string* error_;
};

template <typename T>
bool Ordered(WqlOp op, const T& a, const T& b) {
  switch (op) {
    case WqlOp::kEq: return a == b;
    case WqlOp::kNe: return !(a == b);
    case WqlOp::kLt: return a < b;
    case WqlOp::kGt: return b < a;
    case WqlOp::kLe: return !(b < a);
    case WqlOp::kGe: return !(a < b);
  }
  return false;
}

bool Holds(const WqlCondition& c, const MI_Instance* instance) {
  MI_Value v;
  MI_Type type;
  MI_Uint32 flags = 0;
  if (MI_Instance_GetElement(instance, c.property.c_str(), &v, &type, &flags, nullptr) != MI_RESULT_OK) return false;
  if ((flags & MI_FLAG_NULL) || core::IsArrayType(type)) return false;
  if (type == MI_BOOLEAN && c.literal.kind == WqlLiteral::Kind::kString) {
    return false;  // WMI does not compare booleans with strings
  }
  if (std::optional<double> number = NumericValue(type, v)) {
    double literal = c.literal.number;
    if (c.literal.kind == WqlLiteral::Kind::kBoolean) literal = c.literal.boolean ? 1 : 0;
    if (c.literal.kind == WqlLiteral::Kind::kString) {
      MI_Value parsed;
      std::string storage;
      if (!ParseScalar(MI_REAL64, c.literal.text, &parsed, &storage)) return false;
      literal = parsed.real64;
    }
    return Ordered(c.op, *number, literal);
  }
  std::string text;
  if (!PropertyText(instance, c.property.c_str(), &text)) return false;
  if (c.literal.kind == WqlLiteral::Kind::kBoolean) return false;
  return Ordered(c.op, ToLower(text), ToLower(c.literal.text));
}

}  // namespace

bool ParseWql(std::string_view text, WqlQuery* out, std::string* error) {
  WqlQuery q;
  Parser parser(text, error);
  if (!parser.Parse(&q)) return false;
  *out = std::move(q);
  return true;
}

bool WqlMatches(const WqlQuery& query, const MI_Instance* instance) {
  for (const WqlCondition& c : query.where) {
    if (!Holds(c, instance)) return false;
  }
  return true;
}

}  // namespace cimulate::fake
