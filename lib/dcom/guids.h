// The interface and class identifiers of the DCOM runtime (MS-DCOM 1.9) and
// of the WMI interfaces (MS-WMI 1.9) that the WMIDCOM client and fake
// endpoint use.

#ifndef CIMULATE_DCOM_GUIDS_H_
#define CIMULATE_DCOM_GUIDS_H_

#include "dcerpc/guid.h"

namespace cimulate::dcom {

namespace internal {
// Most DCOM runtime GUIDs are {xxxxxxxx-0000-0000-c000-000000000046}.
constexpr dcerpc::Guid ComGuid(uint32_t data1) {
  return dcerpc::Guid{data1, 0, 0, {0xc0, 0, 0, 0, 0, 0, 0, 0x46}};
}
}  // namespace internal

// DCOM runtime interfaces.
inline constexpr dcerpc::Guid kIidIUnknown = internal::ComGuid(0x00000000);
inline constexpr dcerpc::Guid kIidIRemoteScmActivator = internal::ComGuid(0x000001a0);
inline constexpr dcerpc::Guid kIidIRemUnknown = internal::ComGuid(0x00000131);
inline constexpr dcerpc::Guid kIidIRemUnknown2 = internal::ComGuid(0x00000143);
inline constexpr dcerpc::Guid kIidIActivationPropertiesIn = internal::ComGuid(0x000001a2);
inline constexpr dcerpc::Guid kIidIActivationPropertiesOut = internal::ComGuid(0x000001a3);
inline constexpr dcerpc::Guid kIidIObjectExporter{
    0x99fcfec4, 0x5260, 0x101b, {0xbb, 0xcb, 0x00, 0xaa, 0x00, 0x21, 0x34, 0x7a}};

// Activation blob classes and the property CLSIDs of its CustomHeader.
inline constexpr dcerpc::Guid kClsidActivationPropertiesIn = internal::ComGuid(0x00000338);
inline constexpr dcerpc::Guid kClsidActivationPropertiesOut = internal::ComGuid(0x00000339);
inline constexpr dcerpc::Guid kClsidInstantiationInfo = internal::ComGuid(0x000001ab);
inline constexpr dcerpc::Guid kClsidActivationContextInfo = internal::ComGuid(0x000001a5);
inline constexpr dcerpc::Guid kClsidServerLocationInfo = internal::ComGuid(0x000001a4);
inline constexpr dcerpc::Guid kClsidScmRequestInfo = internal::ComGuid(0x000001aa);
inline constexpr dcerpc::Guid kClsidScmReplyInfo = internal::ComGuid(0x000001b6);
inline constexpr dcerpc::Guid kClsidSecurityInfo = internal::ComGuid(0x000001a6);
inline constexpr dcerpc::Guid kClsidInstanceInfo = internal::ComGuid(0x000001ad);
inline constexpr dcerpc::Guid kClsidSpecialSystemProperties = internal::ComGuid(0x000001b9);
// Shares its value with CLSID_ActivationPropertiesOut (MS-DCOM 1.9).
inline constexpr dcerpc::Guid kClsidPropsOutInfo = internal::ComGuid(0x00000339);

// WMI (MS-WMI 1.9).
inline constexpr dcerpc::Guid kClsidWbemLevel1Login{
    0x8bc3f05e, 0xd86b, 0x11d0, {0xa0, 0x75, 0x00, 0xc0, 0x4f, 0xb6, 0x88, 0x20}};
inline constexpr dcerpc::Guid kIidIWbemLevel1Login{
    0xf309ad18, 0xd86a, 0x11d0, {0xa0, 0x75, 0x00, 0xc0, 0x4f, 0xb6, 0x88, 0x20}};
inline constexpr dcerpc::Guid kIidIWbemServices{
    0x9556dc99, 0x828c, 0x11cf, {0xa3, 0x7e, 0x00, 0xaa, 0x00, 0x32, 0x40, 0xc7}};
inline constexpr dcerpc::Guid kIidIEnumWbemClassObject{
    0x027947e1, 0xd731, 0x11ce, {0xa3, 0x57, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01}};
inline constexpr dcerpc::Guid kIidIWbemClassObject{
    0xdc12a681, 0x737f, 0x11cf, {0x88, 0x4d, 0x00, 0xaa, 0x00, 0x4b, 0x2e, 0x24}};
inline constexpr dcerpc::Guid kClsidWbemClassObject{
    0x4590f812, 0x1d3a, 0x11d0, {0x89, 0x1f, 0x00, 0xaa, 0x00, 0x4b, 0x2e, 0x24}};
inline constexpr dcerpc::Guid kIidIWbemCallResult{
    0x44aca675, 0xe8fc, 0x11d0, {0xa0, 0x7c, 0x00, 0xc0, 0x4f, 0xb6, 0x88, 0x20}};
inline constexpr dcerpc::Guid kIidIWbemContext{
    0x44aca674, 0xe8fc, 0x11d0, {0xa0, 0x7c, 0x00, 0xc0, 0x4f, 0xb6, 0x88, 0x20}};

}  // namespace cimulate::dcom

#endif  // CIMULATE_DCOM_GUIDS_H_
