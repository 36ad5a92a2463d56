// A protocol whose wire implementation is not part of this build: sessions open
// (no I/O, as for any protocol) and every operation fails with
// MI_RESULT_NOT_SUPPORTED and an extended error that says so.
#ifndef CIMULATE_API_UNAVAILABLE_PROTOCOL_H_
#define CIMULATE_API_UNAVAILABLE_PROTOCOL_H_

#include <string>

#include "core/protocol.h"

namespace cimulate::api {

class UnavailableProtocol : public core::ProtocolHandler {
 public:
  explicit UnavailableProtocol(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }
  MI_Result OpenSession(const core::SessionConfig& config, std::unique_ptr<core::ProtocolSession>* session,
                        core::ErrorInfo* error) override;

 private:
  std::string name_;
};

}  // namespace cimulate::api

#endif  // CIMULATE_API_UNAVAILABLE_PROTOCOL_H_
