// Turns a failed exchange into a TransportStatus that says what happened:
// from the ExchangeRecord (what the wire showed), not from httplib's error,
// which is mostly "Read".
#ifndef CIMULATE_WINRM_HTTP_FAILURE_H_
#define CIMULATE_WINRM_HTTP_FAILURE_H_

#include <cstddef>
#include <string>

#include "winrm/http/exchange_record.h"
#include "winrm/transport.h"

namespace cimulate::winrm::http {

// `httplib_error` is httplib::to_string() of its error, used only when the
// wire showed nothing wrong (the answer then did not parse).
TransportStatus DescribeFailure(const ExchangeRecord& record, const std::string& httplib_error,
                                const std::string& where, std::size_t max_response_bytes);

// True when a kept-alive connection turned out to be closed before any
// answer byte: the request can be sent again on a new one.
bool StaleConnection(const ExchangeRecord& record, const TransportStatus& status);

}  // namespace cimulate::winrm::http

#endif  // CIMULATE_WINRM_HTTP_FAILURE_H_
