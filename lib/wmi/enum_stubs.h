// IEnumWbemClassObject stubs (MS-WMI 3.1.4.4): the semisynchronous
// enumerator ExecQuery and CreateInstanceEnum hand out.
//
// Next returns up to uCount objects as a conformant varying array of
// interface pointers (max_count = uCount, actual count = *puReturned) and
// WBEM_S_FALSE when it returns fewer than asked for; a client stops there.

#ifndef CIMULATE_WMI_ENUM_STUBS_H_
#define CIMULATE_WMI_ENUM_STUBS_H_

#include <cstdint>
#include <span>
#include <vector>

#include "wmi/stub_codec.h"

namespace cimulate::wmi {

// Reset (opnum 3).
struct ResetRequest {
  OrpcThis orpc;
  friend bool operator==(const ResetRequest&, const ResetRequest&) = default;
};

// The reply of every call that returns nothing but the HRESULT (Reset,
// NextAsync, Skip).
struct HResultResponse {
  OrpcThat orpc;
  HResult hresult = kWbemSNoError;
  friend bool operator==(const HResultResponse&, const HResultResponse&) = default;
};

// Next (opnum 4). timeout is in milliseconds; kWbemInfinite waits forever.
struct NextRequest {
  OrpcThis orpc;
  int32_t timeout = -1;
  uint32_t count = 1;
  friend bool operator==(const NextRequest&, const NextRequest&) = default;
};

// `objects.size()` is *puReturned. `max_count` is the array's conformance,
// which servers set to the request's uCount; Encode writes at least
// objects.size().
struct NextResponse {
  OrpcThat orpc;
  uint32_t max_count = 0;
  std::vector<MInterfacePointer> objects;  // IWbemClassObject, by value
  HResult hresult = kWbemSNoError;
  friend bool operator==(const NextResponse&, const NextResponse&) = default;
};

// More objects than this in one Next reply are rejected before anything is
// allocated; each needs at least 12 bytes, so the input bounds it anyway.
inline constexpr uint32_t kMaxNextObjects = 1 << 20;

// NextAsync (opnum 5): results go to the client's sink.
struct NextAsyncRequest {
  OrpcThis orpc;
  uint32_t count = 1;
  InterfacePtr sink;  // IWbemObjectSink
  friend bool operator==(const NextAsyncRequest&, const NextAsyncRequest&) = default;
};

// Clone (opnum 6).
struct CloneRequest {
  OrpcThis orpc;
  friend bool operator==(const CloneRequest&, const CloneRequest&) = default;
};
struct CloneResponse {
  OrpcThat orpc;
  InterfacePtr enumerator;  // IEnumWbemClassObject
  HResult hresult = kWbemSNoError;
  friend bool operator==(const CloneResponse&, const CloneResponse&) = default;
};

// Skip (opnum 7).
struct SkipRequest {
  OrpcThis orpc;
  int32_t timeout = -1;
  uint32_t count = 0;
  friend bool operator==(const SkipRequest&, const SkipRequest&) = default;
};

std::vector<uint8_t> Encode(const ResetRequest& value);
std::vector<uint8_t> Encode(const HResultResponse& value);
std::vector<uint8_t> Encode(const NextRequest& value);
std::vector<uint8_t> Encode(const NextResponse& value);
std::vector<uint8_t> Encode(const NextAsyncRequest& value);
std::vector<uint8_t> Encode(const CloneRequest& value);
std::vector<uint8_t> Encode(const CloneResponse& value);
std::vector<uint8_t> Encode(const SkipRequest& value);

Status Decode(std::span<const uint8_t> stub, ResetRequest* value);
Status Decode(std::span<const uint8_t> stub, HResultResponse* value);
Status Decode(std::span<const uint8_t> stub, NextRequest* value);
Status Decode(std::span<const uint8_t> stub, NextResponse* value);
Status Decode(std::span<const uint8_t> stub, NextAsyncRequest* value);
Status Decode(std::span<const uint8_t> stub, CloneRequest* value);
Status Decode(std::span<const uint8_t> stub, CloneResponse* value);
Status Decode(std::span<const uint8_t> stub, SkipRequest* value);

}  // namespace cimulate::wmi

#endif  // CIMULATE_WMI_ENUM_STUBS_H_
