// Interface and class identifiers of MS-WMI and the opnums of the methods
// cimulate speaks. Values are from MS-WMI section 3.1.4 and Appendix A; each
// interface's opnums start at 3 because IUnknown's three methods come first.

#ifndef CIMULATE_WMI_WMI_IDS_H_
#define CIMULATE_WMI_WMI_IDS_H_

#include <cstdint>

#include "dcerpc/guid.h"

namespace cimulate::wmi {

using dcerpc::Guid;

// Interfaces (IIDs). Every one is version 0.0 on the wire.
inline constexpr Guid kIidIWbemLevel1Login{
    0xF309AD18, 0xD86A, 0x11D0, {0xA0, 0x75, 0x00, 0xC0, 0x4F, 0xB6, 0x88, 0x20}};
inline constexpr Guid kIidIWbemServices{
    0x9556DC99, 0x828C, 0x11CF, {0xA3, 0x7E, 0x00, 0xAA, 0x00, 0x32, 0x40, 0xC7}};
inline constexpr Guid kIidIEnumWbemClassObject{
    0x027947E1, 0xD731, 0x11CE, {0xA3, 0x57, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01}};
inline constexpr Guid kIidIWbemCallResult{
    0x44ACA675, 0xE8FC, 0x11D0, {0xA0, 0x7C, 0x00, 0xC0, 0x4F, 0xB6, 0x88, 0x20}};
inline constexpr Guid kIidIWbemContext{
    0x44ACA674, 0xE8FC, 0x11D0, {0xA0, 0x7C, 0x00, 0xC0, 0x4F, 0xB6, 0x88, 0x20}};
inline constexpr Guid kIidIWbemClassObject{
    0xDC12A681, 0x737F, 0x11CF, {0x88, 0x4D, 0x00, 0xAA, 0x00, 0x4B, 0x2E, 0x24}};
inline constexpr Guid kIidIWbemObjectSink{
    0x7C857801, 0x7381, 0x11CF, {0x88, 0x4D, 0x00, 0xAA, 0x00, 0x4B, 0x2E, 0x24}};
inline constexpr Guid kIidIWbemLoginClientID{
    0xD4781CD6, 0xE5D3, 0x44DF, {0xAD, 0x94, 0x93, 0x0E, 0xFE, 0x48, 0xA8, 0x87}};
inline constexpr Guid kIidIWbemLoginHelper{
    0x541679AB, 0x2E5F, 0x11D3, {0xB3, 0x4E, 0x00, 0x10, 0x4B, 0xCC, 0x4B, 0x4A}};

// Classes (CLSIDs). WbemLevel1Login is what a client activates;
// WbemClassObject is the unmarshaler named in every by-value object's
// OBJREF_CUSTOM.
inline constexpr Guid kClsidWbemLevel1Login{
    0x8BC3F05E, 0xD86B, 0x11D0, {0xA0, 0x75, 0x00, 0xC0, 0x4F, 0xB6, 0x88, 0x20}};
inline constexpr Guid kClsidWbemClassObject{
    0x4590F812, 0x1D3A, 0x11D0, {0x89, 0x1F, 0x00, 0xAA, 0x00, 0x4B, 0x2E, 0x24}};

// IWbemLevel1Login (MS-WMI 3.1.4.1).
namespace login_op {
inline constexpr uint16_t kEstablishPosition = 3;
inline constexpr uint16_t kRequestChallenge = 4;  // reserved: servers answer an error
inline constexpr uint16_t kWbemLogin = 5;         // reserved: servers answer an error
inline constexpr uint16_t kNtlmLogin = 6;
}  // namespace login_op

// IWbemServices (MS-WMI 3.1.4.3).
namespace services_op {
inline constexpr uint16_t kOpenNamespace = 3;
inline constexpr uint16_t kCancelAsyncCall = 4;
inline constexpr uint16_t kQueryObjectSink = 5;
inline constexpr uint16_t kGetObject = 6;
inline constexpr uint16_t kGetObjectAsync = 7;
inline constexpr uint16_t kPutClass = 8;
inline constexpr uint16_t kPutClassAsync = 9;
inline constexpr uint16_t kDeleteClass = 10;
inline constexpr uint16_t kDeleteClassAsync = 11;
inline constexpr uint16_t kCreateClassEnum = 12;
inline constexpr uint16_t kCreateClassEnumAsync = 13;
inline constexpr uint16_t kPutInstance = 14;
inline constexpr uint16_t kPutInstanceAsync = 15;
inline constexpr uint16_t kDeleteInstance = 16;
inline constexpr uint16_t kDeleteInstanceAsync = 17;
inline constexpr uint16_t kCreateInstanceEnum = 18;
inline constexpr uint16_t kCreateInstanceEnumAsync = 19;
inline constexpr uint16_t kExecQuery = 20;
inline constexpr uint16_t kExecQueryAsync = 21;
inline constexpr uint16_t kExecNotificationQuery = 22;
inline constexpr uint16_t kExecNotificationQueryAsync = 23;
inline constexpr uint16_t kExecMethod = 24;
inline constexpr uint16_t kExecMethodAsync = 25;
}  // namespace services_op

// IEnumWbemClassObject (MS-WMI 3.1.4.4).
namespace enum_op {
inline constexpr uint16_t kReset = 3;
inline constexpr uint16_t kNext = 4;
inline constexpr uint16_t kNextAsync = 5;
inline constexpr uint16_t kClone = 6;
inline constexpr uint16_t kSkip = 7;
}  // namespace enum_op

// IWbemCallResult (MS-WMI 3.1.4.5).
namespace call_result_op {
inline constexpr uint16_t kGetResultObject = 3;
inline constexpr uint16_t kGetResultString = 4;
inline constexpr uint16_t kGetResultServices = 5;
inline constexpr uint16_t kGetCallStatus = 6;
}  // namespace call_result_op

// lTimeout value meaning "wait as long as it takes" (MS-WMI 3.1.4.4.2).
inline constexpr int32_t kWbemInfinite = -1;

}  // namespace cimulate::wmi

#endif  // CIMULATE_WMI_WMI_IDS_H_
