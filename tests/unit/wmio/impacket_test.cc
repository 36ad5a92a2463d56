// Cross-check with impacket's MS-WMIO parser: encodings written here are
// parsed by impacket_check.py (impacket.dcerpc.v5.dcom.wmi.ENCODING_UNIT and
// the accessors wmiquery uses), which prints what it read.  SKIPs when
// /usr/bin/python3 cannot import impacket.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "wmio/codec.h"

namespace cimulate::wmio {
namespace {

const std::string kScript = CIMULATE_SOURCE_DIR "/tests/unit/wmio/impacket_check.py";

std::string RunCommand(const std::string& command, int* exit_code) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return output;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  *exit_code = pclose(pipe);
  return output;
}

TEST(Impacket, ParsesOurClassAndInstance) {
  int code = -1;
  RunCommand("/usr/bin/python3 -c 'import impacket.dcerpc.v5.dcom.wmi' 2>/dev/null", &code);
  if (code != 0) GTEST_SKIP() << "impacket is not installed for /usr/bin/python3";

  auto cls = std::make_shared<Class>();
  cls->name = "Fake_Svc";
  cls->qualifiers = {{"dynamic", 0, Value::Boolean(true)}};
  cls->AddProperty("Name", CimType::kString).qualifiers.push_back({"key", 0, Value::Boolean(true)});
  cls->AddProperty("Pid", CimType::kUint32);
  cls->AddProperty("Neg", CimType::kSint16);
  cls->AddProperty("Big", CimType::kUint64);
  cls->AddProperty("On", CimType::kBoolean);
  cls->AddProperty("Off", CimType::kBoolean);
  cls->AddProperty("Tags", ArrayOf(CimType::kString));
  cls->AddProperty("Nums", ArrayOf(CimType::kUint16));
  cls->AddProperty("Missing", CimType::kString);
  cls->AddProperty("When", CimType::kDatetime);
  Instance instance;
  ASSERT_TRUE(Instance::Make(cls,
                             {{"Name", Value::String("Spooler")},
                              {"Pid", Value::Uint32(4242)},
                              {"Neg", Value::Sint16(-7)},
                              {"Big", Value::Uint64(1ull << 40)},
                              {"On", Value::Boolean(true)},
                              {"Off", Value::Boolean(false)},
                              {"Tags", Value::StringArray(ArrayOf(CimType::kString), {"a", "bc"})},
                              {"Nums", Value::UnsignedArray(ArrayOf(CimType::kUint16), {1, 65535})},
                              {"When", Value::Datetime("20240102030405.000000+000")}},
                             &instance)
                  .ok());
  Decoration decoration{"FAKEWMI", "ROOT\\cimv2"};
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("wmio_impacket_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (auto [file, object] : {std::pair{"class.bin", Object::ForClass(cls, decoration)},
                              std::pair{"instance.bin", Object::ForInstance(instance, decoration)}}) {
    std::vector<uint8_t> bytes;
    ASSERT_TRUE(EncodeEncodingUnit(object, &bytes).ok());
    std::ofstream(dir / file, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                      static_cast<std::streamsize>(bytes.size()));
  }
  std::string output = RunCommand("/usr/bin/python3 " + kScript + " " + dir.string() + " 2>&1", &code);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(code, 0) << output;
  EXPECT_NE(output.find("class Fake_Svc"), std::string::npos) << output;
  EXPECT_NE(output.find("Name=Spooler"), std::string::npos) << output;
  EXPECT_NE(output.find("Pid=4242"), std::string::npos) << output;
  EXPECT_NE(output.find("Neg=-7"), std::string::npos) << output;
  EXPECT_NE(output.find("Big=1099511627776"), std::string::npos) << output;
  EXPECT_NE(output.find("On=True"), std::string::npos) << output;
  EXPECT_NE(output.find("Off=False"), std::string::npos) << output;
  EXPECT_NE(output.find("Tags=['a', 'bc']"), std::string::npos) << output;
  EXPECT_NE(output.find("Nums=[1, 65535]"), std::string::npos) << output;
  EXPECT_NE(output.find("Missing=None"), std::string::npos) << output;
  EXPECT_NE(output.find("When=20240102030405.000000+000"), std::string::npos) << output;
}

}  // namespace
}  // namespace cimulate::wmio
