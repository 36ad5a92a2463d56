#include "engine/shell_body.h"

#include "engine/text.h"
#include "wsman/namespaces.h"
#include "wsman/xml.h"

namespace cimulate::fake {
namespace {

using wsman::ns::kShell;

pugi::xml_node Root(const std::string& raw_body, pugi::xml_document* doc) {
  if (raw_body.empty() || !wsman::ParseXml(raw_body, wsman::ParseLimits{}, doc).ok()) return {};
  return doc->document_element();
}

}  // namespace

bool ParseCommandLine(const std::string& raw_body, CommandLine* out) {
  pugi::xml_document doc;
  pugi::xml_node root = Root(raw_body, &doc);
  if (!wsman::Is(root, kShell, "CommandLine")) return false;
  pugi::xml_node command = wsman::Child(root, kShell, "Command");
  if (!command) return false;
  out->command = Trim(command.text().get());
  out->arguments.clear();
  for (pugi::xml_node e = wsman::FirstElement(root); e; e = wsman::NextElement(e)) {
    if (wsman::Is(e, kShell, "Arguments")) out->arguments.push_back(e.text().get());
  }
  return true;
}

std::string ShellCommandId(const std::string& raw_body) {
  pugi::xml_document doc;
  pugi::xml_node root = Root(raw_body, &doc);
  pugi::xml_node holder;
  if (wsman::Is(root, kShell, "Receive")) holder = wsman::Child(root, kShell, "DesiredStream");
  else if (wsman::Is(root, kShell, "Signal")) holder = root;
  else if (wsman::Is(root, kShell, "Send")) holder = wsman::Child(root, kShell, "Stream");
  return holder ? Trim(holder.attribute("CommandId").value()) : std::string();
}

std::string SignalCode(const std::string& raw_body) {
  pugi::xml_document doc;
  pugi::xml_node root = Root(raw_body, &doc);
  return wsman::Is(root, kShell, "Signal") ? wsman::TrimmedText(wsman::Child(root, kShell, "Code")) : std::string();
}

}  // namespace cimulate::fake
