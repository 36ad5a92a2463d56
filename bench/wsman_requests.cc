#include "wsman_requests.h"

#include <openssl/evp.h>

#include <vector>

namespace cimulate::bench {
namespace {

constexpr std::string_view kWmiUriPrefix = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
// MaxEnvelopeSize large enough for 1000 instances per response: the driver
// measures paging, not the envelope limit.
constexpr std::string_view kMaxEnvelopeSize = "16777216";

std::string Base64(std::string_view in) {
  std::vector<unsigned char> out(4 * ((in.size() + 2) / 3) + 1);
  int n = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size()));
  return std::string(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n));
}

std::string Http(const RequestTarget& target, const std::string& body) {
  std::string r = "POST /wsman HTTP/1.1\r\nHost: " + target.host_port + "\r\n";
  r += "Authorization: Basic " + Base64(target.user + ":" + target.password) + "\r\n";
  r += "User-Agent: cimulate-wsman-load\r\n";
  r += "Content-Type: application/soap+xml;charset=UTF-8\r\n";
  r += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  return r + body;
}

std::string Header(const RequestTarget& target, std::string_view action, std::string_view name_space,
                   std::string_view class_name, std::string_view extra) {
  std::string h =
      "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
      " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
      " xmlns:n=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\""
      " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\""
      " xmlns:p=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\">"
      "<s:Header><a:To>http://" + target.host_port + "/wsman</a:To>"
      "<w:ResourceURI s:mustUnderstand=\"true\">";
  h += kWmiUriPrefix;
  h += name_space;
  h += "/";
  h += class_name;
  h += "</w:ResourceURI><a:ReplyTo><a:Address s:mustUnderstand=\"true\">"
       "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>"
       "<a:Action s:mustUnderstand=\"true\">";
  h += action;
  h += "</a:Action><w:MaxEnvelopeSize s:mustUnderstand=\"true\">";
  h += kMaxEnvelopeSize;
  h += "</w:MaxEnvelopeSize>"
       // A fixed MessageID: the fake accepts repeats, and a fixed request keeps
       // the bytes every server sees identical.
       "<a:MessageID>uuid:6C1F0E2A-3B4D-4E5F-8A9B-0C1D2E3F4A5B</a:MessageID>"
       "<w:Locale xml:lang=\"en-US\" s:mustUnderstand=\"false\"/>"
       "<w:OperationTimeout>PT60.000S</w:OperationTimeout>";
  h += extra;
  h += "</s:Header>";
  return h;
}

}  // namespace

std::string IdentifyRequest(const RequestTarget& target) {
  return Http(target,
              "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
              " xmlns:wsmid=\"http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd\">"
              "<s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>");
}

std::string GetRequest(const RequestTarget& target, std::string_view name_space, std::string_view class_name,
                       std::string_view id) {
  std::string selectors = "<w:SelectorSet><w:Selector Name=\"Id\">" + std::string(id) + "</w:Selector></w:SelectorSet>";
  return Http(target, Header(target, "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", name_space, class_name,
                             selectors) +
                          "<s:Body/></s:Envelope>");
}

std::string EnumerateRequest(const RequestTarget& target, std::string_view name_space,
                             std::string_view class_name, std::size_t max_elements) {
  return Http(target, Header(target, "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate", name_space,
                             class_name, "") +
                          "<s:Body><n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>" +
                          std::to_string(max_elements) + "</w:MaxElements></n:Enumerate></s:Body></s:Envelope>");
}

std::string PullRequest(const RequestTarget& target, std::string_view name_space, std::string_view class_name,
                        std::string_view context, std::size_t max_elements) {
  return Http(target, Header(target, "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull", name_space,
                             class_name, "") +
                          "<s:Body><n:Pull><n:EnumerationContext>" + std::string(context) +
                          "</n:EnumerationContext><n:MaxElements>" + std::to_string(max_elements) +
                          "</n:MaxElements></n:Pull></s:Body></s:Envelope>");
}

std::string ElementText(std::string_view body, std::string_view local_name) {
  std::size_t at = 0;
  while ((at = body.find(local_name, at)) != std::string_view::npos) {
    std::size_t before = at;
    at += local_name.size();
    // An opening tag: preceded by '<' or ':' after a prefix, followed by '>'.
    bool opens = before > 0 && (body[before - 1] == '<' || body[before - 1] == ':') && at < body.size() &&
                 body[at] == '>';
    if (!opens) continue;
    if (body[before - 1] == ':') {
      std::size_t lt = body.rfind('<', before);
      if (lt == std::string_view::npos || body[lt + 1] == '/') continue;
    }
    std::size_t end = body.find('<', at + 1);
    if (end == std::string_view::npos) return "";
    return std::string(body.substr(at + 1, end - at - 1));
  }
  return "";
}

std::size_t CountOccurrences(std::string_view body, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = body.find(needle); at != std::string_view::npos; at = body.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace cimulate::bench
