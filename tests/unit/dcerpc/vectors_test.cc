// Decodes the real wire data in shared/vectors/wmidcom: the request stubs
// impacket sent, and the PDUs of the anonymous capture checked against
// pdu_trace_anon.txt.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "dcerpc/ndr_reader.h"
#include "dcerpc/pdu.h"
#include "dcerpc/pdu_stream_reader.h"
#include "dcerpc/presentation.h"
#include "dcerpc/type_serialization.h"
#include "test_util.h"

namespace cimulate::dcerpc {
namespace {

using testing::Hex;

const std::string kVectorDir = CIMULATE_SOURCE_DIR "/../shared/vectors/wmidcom/";

struct StubVector {
  std::string iface;
  int opnum = -1;
  std::vector<uint8_t> request;
  std::vector<uint8_t> response;
};

// Just enough JSON for the flat one-object-per-line file.
std::string JsonField(const std::string& line, const std::string& key) {
  const std::string marker = "\"" + key + "\": ";
  size_t at = line.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  if (line[at] == '"') return line.substr(at + 1, line.find('"', at + 1) - at - 1);
  return line.substr(at, line.find_first_of(",}", at) - at);
}

std::vector<StubVector> LoadStubVectors() {
  std::vector<StubVector> vectors;
  std::ifstream in(kVectorDir + "stub_vectors.jsonl");
  for (std::string line; std::getline(in, line);) {
    StubVector v;
    v.iface = JsonField(line, "iface");
    v.opnum = std::stoi(JsonField(line, "opnum"));
    v.request = Hex(JsonField(line, "request_stub"));
    v.response = Hex(JsonField(line, "response_stub"));
    vectors.push_back(std::move(v));
  }
  return vectors;
}

class StubVectors : public ::testing::Test {
 protected:
  void SetUp() override {
    vectors_ = LoadStubVectors();
    if (vectors_.empty()) GTEST_SKIP() << "no " << kVectorDir << "stub_vectors.jsonl";
  }
  const StubVector& Find(const std::string& iface, int opnum) {
    for (const auto& v : vectors_) {
      if (v.iface == iface && v.opnum == opnum) return v;
    }
    ADD_FAILURE() << "no vector for " << iface << " opnum " << opnum;
    static const StubVector empty;
    return empty;
  }
  std::vector<StubVector> vectors_;
};

// ORPCTHIS { COMVERSION {u16 major, u16 minor}; u32 flags; u32 reserved1;
//            GUID cid; [unique] ORPC_EXTENT_ARRAY* extensions; }
void ReadOrpcThis(NdrReader& r, uint16_t* major, uint16_t* minor, Guid* cid) {
  uint32_t flags = 0, reserved = 0;
  bool extensions = true;
  r.Constructed([&](NdrReader& s) {
    s.U16(major);
    s.U16(minor);
    s.U32(&flags);
    s.U32(&reserved);
    s.ReadGuid(cid);
    s.Pointer(PointerKind::kUnique, &extensions,
              [](NdrReader& e) { e.Fail(ErrorCode::kUnsupported, "ORPC extensions"); });
  });
  EXPECT_FALSE(extensions);
}

TEST_F(StubVectors, NtlmLoginNamespace) {
  const StubVector& v = Find("IWbemLevel1Login", 6);
  NdrReader r(v.request);
  uint16_t major = 0, minor = 0;
  Guid cid;
  ReadOrpcThis(r, &major, &minor, &cid);
  std::optional<std::u16string> network_resource, locale;
  int32_t flags = -1;
  bool context = true;
  r.UniqueWideString(&network_resource);
  r.UniqueWideString(&locale);
  r.I32(&flags);
  r.Pointer(PointerKind::kUnique, &context, [](NdrReader&) {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(major, 5);
  EXPECT_EQ(minor, 7);
  EXPECT_FALSE(cid.IsNil());
  EXPECT_EQ(network_resource, u"//./root/cimv2");
  EXPECT_FALSE(locale.has_value());
  EXPECT_EQ(flags, 0);
  EXPECT_FALSE(context);
  EXPECT_EQ(r.remaining(), 0u);
}

TEST_F(StubVectors, ExecQueryBstrs) {
  const StubVector& v = Find("IWbemServices", 20);
  NdrReader r(v.request);
  uint16_t major = 0, minor = 0;
  Guid cid;
  ReadOrpcThis(r, &major, &minor, &cid);
  std::optional<std::u16string> language, query;
  int32_t flags = -1;
  bool context = true;
  r.Bstr(&language);
  r.Bstr(&query);
  r.I32(&flags);
  r.Pointer(PointerKind::kUnique, &context, [](NdrReader&) {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(language, u"WQL");
  EXPECT_EQ(query, u"SELECT Name FROM Win32_Service");
  EXPECT_EQ(r.remaining(), 0u);
}

TEST_F(StubVectors, NextRequestAndResponse) {
  const StubVector& v = Find("IEnumWbemClassObject", 4);
  NdrReader r(v.request);
  uint16_t major = 0, minor = 0;
  Guid cid;
  ReadOrpcThis(r, &major, &minor, &cid);
  int32_t timeout = 0;
  uint32_t count = 0;
  r.I32(&timeout);
  r.U32(&count);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(timeout, -1);  // WBEM_INFINITE
  EXPECT_EQ(count, 1u);

  // ORPCTHAT, then [size_is(uCount), length_is(*puReturned)] IWbemClassObject**,
  // then puReturned and the HRESULT.
  NdrReader out(v.response);
  uint32_t that_flags = 0, max = 0, offset = 0, actual = 0, returned = 0, hresult = 1;
  bool extensions = true;
  std::vector<std::vector<uint8_t>> objects;
  out.U32(&that_flags);
  out.Pointer(PointerKind::kUnique, &extensions, [](NdrReader&) {});
  out.Constructed([&](NdrReader& s) {
    s.MaxCount(&max, 4);
    s.VaryingCounts(max, 4, &offset, &actual);
    for (uint32_t i = 0; i < actual && s.ok(); ++i) {
      bool present = false;
      s.Pointer(PointerKind::kUnique, &present, [&](NdrReader& p) {
        uint32_t cnt_max = 0, cnt = 0;
        std::span<const uint8_t> data;
        p.MaxCount(&cnt_max, 1);
        p.U32(&cnt);
        if (p.Bytes(cnt, &data)) objects.emplace_back(data.begin(), data.end());
      });
    }
  });
  out.U32(&returned);
  out.U32(&hresult);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(max, 1u);
  EXPECT_EQ(actual, 1u);
  EXPECT_EQ(returned, 1u);
  EXPECT_EQ(hresult, 0u);
  ASSERT_EQ(objects.size(), 1u);
  // OBJREF signature "MEOW", flags 4 (OBJREF_CUSTOM).
  EXPECT_EQ(std::vector<uint8_t>(objects[0].begin(), objects[0].begin() + 8),
            Hex("4d454f5704000000"));
  EXPECT_EQ(out.remaining(), 0u);
}

TEST_F(StubVectors, ActivationBlobTypeSerializationHeader) {
  const StubVector& v = Find("IRemoteSCMActivator", 4);
  NdrReader r(v.request);
  uint16_t major = 0, minor = 0;
  Guid cid;
  ReadOrpcThis(r, &major, &minor, &cid);
  bool outer = true, props = false;
  std::vector<uint8_t> objref;
  r.Pointer(PointerKind::kUnique, &outer, [](NdrReader&) {});
  r.Pointer(PointerKind::kUnique, &props, [&](NdrReader& p) {
    uint32_t cnt_max = 0, cnt = 0;
    std::span<const uint8_t> data;
    p.MaxCount(&cnt_max, 1);
    p.U32(&cnt);
    if (p.Bytes(cnt, &data)) objref.assign(data.begin(), data.end());
  });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(outer);
  ASSERT_TRUE(props);
  // OBJREF_CUSTOM: signature, flags, iid, clsid, cbExtension, reserved, then
  // the ACTIVATION_BLOB {dwSize, dwReserved, CustomHeader (type serialized)...}.
  ASSERT_GT(objref.size(), 64u);
  NdrReader blob{std::span<const uint8_t>(objref).subspan(48)};
  uint32_t total_size = 0, reserved = 0;
  blob.U32(&total_size);
  blob.U32(&reserved);
  ASSERT_TRUE(blob.ok());
  EXPECT_EQ(total_size, objref.size() - 56);
  std::span<const uint8_t> header_body;
  size_t consumed = 0;
  Status status = DecodeTypeSerialized(std::span(objref).subspan(56), &header_body, &consumed);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(header_body.size(), 0x88u);
  // CustomHeader starts with totalSize, which covers the whole blob.
  NdrReader custom(header_body);
  uint32_t custom_total = 0, header_size = 0;
  custom.U32(&custom_total);
  custom.U32(&header_size);
  EXPECT_EQ(custom_total, total_size);
  EXPECT_EQ(header_size, consumed);
}

// ---- the anonymous capture

struct CapturedPdu {
  uint16_t source_port = 0;
  std::vector<uint8_t> bytes;
};

// Minimal pcap (microsecond, little-endian) + Ethernet + IPv4 + TCP reader;
// each direction of each connection goes through its own PduStreamReader.
std::vector<CapturedPdu> ReadCapture(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  std::vector<uint8_t> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<CapturedPdu> pdus;
  if (file.size() < 24 || file[0] != 0xd4 || file[1] != 0xc3) {
    *error = "not a little-endian pcap";
    return pdus;
  }
  auto u32 = [&](size_t at) {
    return uint32_t{file[at]} | uint32_t{file[at + 1]} << 8 | uint32_t{file[at + 2]} << 16 |
           uint32_t{file[at + 3]} << 24;
  };
  std::map<std::pair<uint16_t, uint16_t>, PduStreamReader> streams;
  for (size_t at = 24; at + 16 <= file.size();) {
    const size_t length = u32(at + 8);
    if (at + 16 + length > file.size()) break;
    const uint8_t* frame = file.data() + at + 16;
    at += 16 + length;
    if (length < 14 + 20 || frame[12] != 0x08 || frame[13] != 0x00) continue;  // IPv4 only
    const uint8_t* ip = frame + 14;
    const size_t ip_header = (ip[0] & 0x0f) * 4;
    const size_t ip_total = size_t{ip[2]} << 8 | ip[3];
    if (ip[9] != 6 || 14 + ip_total > length) continue;  // TCP only
    const uint8_t* tcp = ip + ip_header;
    const size_t tcp_header = (tcp[12] >> 4) * 4;
    const uint16_t source = static_cast<uint16_t>(tcp[0] << 8 | tcp[1]);
    const uint16_t destination = static_cast<uint16_t>(tcp[2] << 8 | tcp[3]);
    const size_t payload = ip_total - ip_header - tcp_header;
    if (payload == 0) continue;
    PduStreamReader& stream = streams[{source, destination}];
    stream.Append(std::span<const uint8_t>(tcp + tcp_header, payload));
    for (;;) {
      std::vector<uint8_t> pdu;
      bool complete = false;
      Status status = stream.Next(&pdu, &complete);
      if (!status.ok()) {
        *error = status.ToString();
        return pdus;
      }
      if (!complete) break;
      pdus.push_back({source, std::move(pdu)});
    }
  }
  return pdus;
}

// One line of pdu_trace_anon.txt as key=value pairs plus the PDU type name.
struct TraceLine {
  std::string type;
  std::map<std::string, std::string> fields;
  bool object_uuid = false;
};

std::vector<TraceLine> ReadTrace(const std::string& path) {
  std::vector<TraceLine> lines;
  std::ifstream in(path);
  for (std::string text; std::getline(in, text);) {
    std::istringstream words(text);
    std::vector<std::string> tokens;
    for (std::string w; words >> w;) tokens.push_back(w);
    if (tokens.size() < 4) continue;
    TraceLine line;
    line.type = tokens[3];
    for (size_t i = 4; i < tokens.size(); ++i) {
      if (tokens[i] == "+objuuid") line.object_uuid = true;
      const size_t eq = tokens[i].find('=');
      if (eq == std::string::npos) continue;
      const std::string key = tokens[i].substr(0, eq);
      std::string value = tokens[i].substr(eq + 1);
      if (value.empty() && i + 1 < tokens.size()) value = tokens[++i];  // "len= 112"
      line.fields[key] = value;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string LevelName(AuthLevel level) {
  switch (level) {
    case AuthLevel::kPktIntegrity: return "PKT_INTEGRITY";
    case AuthLevel::kPktPrivacy: return "PKT_PRIVACY";
    default: return std::to_string(static_cast<int>(level));
  }
}

TEST(AnonymousCapture, EveryPduMatchesTheTrace) {
  std::string error;
  const std::vector<CapturedPdu> pdus = ReadCapture(kVectorDir + "wmiquery_anon.pcap", &error);
  const std::vector<TraceLine> trace = ReadTrace(kVectorDir + "pdu_trace_anon.txt");
  if (pdus.empty() && trace.empty()) GTEST_SKIP() << "no capture in " << kVectorDir;
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_EQ(pdus.size(), trace.size());

  for (size_t i = 0; i < pdus.size(); ++i) {
    SCOPED_TRACE("PDU " + std::to_string(i) + " (" + trace[i].type + ")");
    Pdu pdu;
    Status status = DecodePdu(pdus[i].bytes, &pdu);
    ASSERT_TRUE(status.ok()) << status.ToString();
    const auto& want = trace[i].fields;
    EXPECT_EQ(PduTypeName(pdu.header.type), trace[i].type);
    EXPECT_EQ(std::to_string(pdu.header.frag_length), want.at("len"));
    EXPECT_EQ(std::to_string(pdu.header.auth_length), want.at("auth_len"));
    EXPECT_EQ(std::to_string(pdu.header.call_id), want.at("call_id"));
    if (const auto* request = std::get_if<RequestBody>(&pdu.body)) {
      EXPECT_EQ(std::to_string(request->context_id), want.at("ctx"));
      EXPECT_EQ(std::to_string(request->opnum), want.at("opnum"));
      EXPECT_EQ(request->object.has_value(), trace[i].object_uuid);
    }
    ASSERT_TRUE(pdu.auth.has_value());
    EXPECT_EQ(std::to_string(pdu.auth->trailer.auth_type), want.at("auth_type"));
    EXPECT_EQ(LevelName(pdu.auth->trailer.auth_level), want.at("level"));
    EXPECT_EQ(std::to_string(pdu.auth->trailer.auth_context_id), want.at("ctx_id"));
    if (pdu.header.type == PduType::kBind || pdu.header.type == PduType::kAlterContext) {
      const auto& bind = std::get<BindBody>(pdu.body);
      ASSERT_EQ(bind.contexts.size(), 1u);
      ASSERT_EQ(bind.contexts[0].transfer_syntaxes.size(), 1u);
      EXPECT_EQ(bind.contexts[0].transfer_syntaxes[0], Ndr20Syntax());
      // The NTLM token rides in the auth_value.
      EXPECT_EQ(std::vector<uint8_t>(pdu.auth->auth_value.begin(), pdu.auth->auth_value.begin() + 8),
                Hex("4e544c4d53535000"));
    }
    if (pdu.header.type == PduType::kBindAck) {
      const auto& ack = std::get<BindAckBody>(pdu.body);
      ASSERT_EQ(ack.results.size(), 1u);
      EXPECT_EQ(ack.results[0].result, ContextResultCode::kAcceptance);
      EXPECT_EQ(ack.results[0].transfer_syntax, Ndr20Syntax());
    }
  }

  // The first bind asks for IRemoteSCMActivator on port 135 and is acked there.
  Pdu first, ack;
  ASSERT_TRUE(DecodePdu(pdus[0].bytes, &first).ok());
  ASSERT_TRUE(DecodePdu(pdus[1].bytes, &ack).ok());
  EXPECT_EQ(std::get<BindBody>(first.body).contexts[0].abstract_syntax.uuid,
            *Guid::Parse("000001a0-0000-0000-c000-000000000046"));
  EXPECT_EQ(std::get<BindAckBody>(ack.body).secondary_address, "135");
  EXPECT_EQ(pdus[1].source_port, 135);
}

// The object connection runs at PKT_INTEGRITY, so its stubs are plaintext and
// must equal the anonymous run's entries (lines 21-30) in stub_vectors.jsonl.
TEST(AnonymousCapture, IntegrityStubsEqualRecordedStubs) {
  std::string error;
  const std::vector<CapturedPdu> pdus = ReadCapture(kVectorDir + "wmiquery_anon.pcap", &error);
  const std::vector<StubVector> vectors = LoadStubVectors();
  if (pdus.empty() || vectors.size() < 30) GTEST_SKIP() << "vectors missing in " << kVectorDir;
  ASSERT_TRUE(error.empty()) << error;

  std::vector<std::vector<uint8_t>> requests, responses;
  for (const CapturedPdu& captured : pdus) {
    Pdu pdu;
    ASSERT_TRUE(DecodePdu(captured.bytes, &pdu).ok());
    if (!pdu.auth || pdu.auth->trailer.auth_level != AuthLevel::kPktIntegrity) continue;
    if (auto* request = std::get_if<RequestBody>(&pdu.body)) requests.push_back(request->stub);
    if (auto* response = std::get_if<ResponseBody>(&pdu.body)) responses.push_back(response->stub);
  }
  ASSERT_EQ(requests.size(), 10u);
  ASSERT_EQ(responses.size(), 10u);
  for (size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(requests[i], vectors[20 + i].request) << "request " << i;
    EXPECT_EQ(responses[i], vectors[20 + i].response) << "response " << i;
  }
}

}  // namespace
}  // namespace cimulate::dcerpc
