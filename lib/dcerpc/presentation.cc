#include "dcerpc/presentation.h"

namespace cimulate::dcerpc {

const SyntaxId& Ndr20Syntax() {
  static const SyntaxId syntax{
      Guid{0x8a885d04, 0x1ceb, 0x11c9, {0x9f, 0xe8, 0x08, 0x00, 0x2b, 0x10, 0x48, 0x60}}, 2, 0};
  return syntax;
}

const SyntaxId& Ndr64Syntax() {
  static const SyntaxId syntax{
      Guid{0x71710533, 0xbeba, 0x4937, {0x83, 0x19, 0xb5, 0xdb, 0xef, 0x9c, 0xcc, 0x36}}, 1, 0};
  return syntax;
}

bool IsBindTimeFeatureNegotiation(const SyntaxId& syntax) {
  return syntax.uuid.data1 == 0x6cb71c2c && syntax.uuid.data2 == 0x9812 &&
         syntax.uuid.data3 == 0x4540;
}

ContextResult NegotiateContext(const ContextElement& element,
                               const AbstractSyntaxFilter& supported) {
  ContextResult rejected;
  rejected.result = ContextResultCode::kProviderRejection;
  if (!supported(element.abstract_syntax)) {
    rejected.reason = static_cast<uint16_t>(ProviderReason::kAbstractSyntaxNotSupported);
    return rejected;
  }
  for (const SyntaxId& transfer : element.transfer_syntaxes) {
    if (transfer == Ndr20Syntax()) {
      return ContextResult{ContextResultCode::kAcceptance, 0, transfer};
    }
  }
  rejected.reason = static_cast<uint16_t>(ProviderReason::kProposedTransferSyntaxesNotSupported);
  return rejected;
}

std::vector<ContextResult> NegotiateContexts(const std::vector<ContextElement>& elements,
                                             const AbstractSyntaxFilter& supported) {
  std::vector<ContextResult> results;
  results.reserve(elements.size());
  for (const ContextElement& element : elements) {
    results.push_back(NegotiateContext(element, supported));
  }
  return results;
}

}  // namespace cimulate::dcerpc
