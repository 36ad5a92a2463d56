// The HRESULTs the fake WMIDCOM endpoint answers with (MS-WMI 2.2.11,
// MS-DCOM 2.2.x).  WBEM results travel in the normal response, not as
// fault PDUs, as Windows sends them.
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_WBEM_STATUS_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_WBEM_STATUS_H_

#include <cstdint>

namespace cimulate::fake::wmidcom {

inline constexpr std::uint32_t kS_OK = 0x00000000;
inline constexpr std::uint32_t kWbemSFalse = 0x00000001;
inline constexpr std::uint32_t kWbemSTimedOut = 0x00040004;
inline constexpr std::uint32_t kWbemEFailed = 0x80041001;
inline constexpr std::uint32_t kWbemENotFound = 0x80041002;
inline constexpr std::uint32_t kWbemEAccessDenied = 0x80041003;
inline constexpr std::uint32_t kWbemEInvalidParameter = 0x80041008;
inline constexpr std::uint32_t kWbemENotSupported = 0x8004100C;
inline constexpr std::uint32_t kWbemEInvalidNamespace = 0x8004100E;
inline constexpr std::uint32_t kWbemEInvalidClass = 0x80041010;
inline constexpr std::uint32_t kWbemEInvalidQuery = 0x80041017;
inline constexpr std::uint32_t kWbemEInvalidQueryType = 0x80041018;
inline constexpr std::uint32_t kWbemEAlreadyExists = 0x80041019;
inline constexpr std::uint32_t kWbemEInvalidMethod = 0x8004102E;
inline constexpr std::uint32_t kWbemEInvalidObjectPath = 0x8004103A;
inline constexpr std::uint32_t kEAccessDenied = 0x80070005;
inline constexpr std::uint32_t kENoInterface = 0x80004002;
inline constexpr std::uint32_t kRegdbEClassNotReg = 0x80040154;
inline constexpr std::uint32_t kRpcEDisconnected = 0x80010108;

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_WBEM_STATUS_H_
