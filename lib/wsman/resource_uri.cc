#include "wsman/resource_uri.h"

#include "wsman/namespaces.h"

namespace cimulate::wsman {

std::string NormalizeNamespace(std::string_view name_space) {
  std::string out(name_space);
  for (char& c : out) {
    if (c == '\\') c = '/';
  }
  size_t begin = out.find_first_not_of('/');
  if (begin == std::string::npos) return std::string();
  size_t end = out.find_last_not_of('/');
  return out.substr(begin, end - begin + 1);
}

std::string WmiResourceUri(std::string_view name_space, std::string_view class_name) {
  std::string ns = NormalizeNamespace(name_space);
  std::string uri = uri::kWmiPrefix;
  if (!ns.empty()) uri += ns + "/";
  uri += class_name;
  return uri;
}

std::string DmtfResourceUri(std::string_view class_name) { return uri::kDmtfPrefix + std::string(class_name); }

std::string QueryResourceUri(std::string_view name_space) { return WmiResourceUri(name_space, "*"); }

ResourceUriParts SplitResourceUri(std::string_view uri, std::string_view cim_namespace) {
  ResourceUriParts parts;
  std::string_view wmi = uri::kWmiPrefix;
  std::string_view dmtf = uri::kDmtfPrefix;
  std::string_view dmtf_all = uri::kDmtfAll;
  if (uri.starts_with(wmi)) {
    std::string_view rest = uri.substr(wmi.size());
    size_t slash = rest.rfind('/');
    parts.form = ResourceUriForm::kWmi;
    if (slash == std::string_view::npos) {
      parts.class_name = std::string(rest);
    } else {
      parts.name_space = NormalizeNamespace(rest.substr(0, slash));
      parts.class_name = std::string(rest.substr(slash + 1));
    }
    if (parts.name_space.empty()) parts.name_space = NormalizeNamespace(cim_namespace);
    return parts;
  }
  if (uri.starts_with(dmtf) || uri == dmtf_all) {
    parts.form = ResourceUriForm::kDmtf;
    parts.class_name = uri == dmtf_all ? "*" : std::string(uri.substr(dmtf.size()));
    parts.name_space = NormalizeNamespace(cim_namespace);
    return parts;
  }
  size_t slash = uri.rfind('/');
  parts.class_name = std::string(slash == std::string_view::npos ? uri : uri.substr(slash + 1));
  parts.name_space = NormalizeNamespace(cim_namespace);
  return parts;
}

}  // namespace cimulate::wsman
