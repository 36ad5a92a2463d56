// Encodes a client RemoteCreateInstance request and has impacket (the
// reference DCOM implementation) parse it as a server would. SKIPs when
// /usr/bin/python3 or impacket is missing.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "dcom/activation_properties.h"
#include "dcom/guids.h"
#include "dcom/remote_scm_activator.h"
#include "dcom_test_util.h"

namespace cimulate::dcom {
namespace {

const char kScript[] = CIMULATE_SOURCE_DIR "/tests/unit/dcom/impacket_parse_activation.py";

TEST(ImpacketView, ParsesOurRemoteCreateInstanceRequest) {
  if (access("/usr/bin/python3", X_OK) != 0) GTEST_SKIP() << "no /usr/bin/python3";
  ActivationPropertiesIn in;
  in.instantiation.clsid = kClsidWbemLevel1Login;
  in.instantiation.iids = {kIidIWbemLevel1Login};
  in.context = ActivationContextInfo{};
  in.location = ServerLocationInfo{};
  in.scm_request = ScmRequestInfo{};
  RemoteCreateInstanceRequest request;
  request.orpc_this.cid = *Guid::Parse("66a1f4d1-ea56-6861-c17c-e2719ed8821c");
  request.properties = MInterfacePointer{EncodeActivationPropertiesIn(in)};
  const std::string hex = testing::ToHex(EncodeRemoteCreateInstanceRequest(request));

  char input[] = "/tmp/dcom_impacket_XXXXXX";
  const int fd = mkstemp(input);
  ASSERT_GE(fd, 0);
  close(fd);
  std::ofstream(input) << hex;
  const std::string command = std::string("/usr/bin/python3 ") + kScript + " < " + input + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[512];
  while (fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  unlink(input);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 2) GTEST_SKIP() << "impacket not installed";
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;

  std::map<std::string, std::string> fields;
  size_t start = 0;
  for (size_t end; (end = output.find('\n', start)) != std::string::npos; start = end + 1) {
    const std::string line = output.substr(start, end - start);
    const size_t eq = line.find('=');
    if (eq != std::string::npos) fields[line.substr(0, eq)] = line.substr(eq + 1);
  }
  EXPECT_EQ(fields["version"], "5.7") << output;
  EXPECT_EQ(fields["objref_flags"], "4");
  EXPECT_EQ(fields["iid"], kIidIActivationPropertiesIn.ToString());
  EXPECT_EQ(fields["clsid"], kClsidActivationPropertiesIn.ToString());
  EXPECT_EQ(fields["cifs"], "4");
  EXPECT_EQ(fields["class"], kClsidWbemLevel1Login.ToString());
  EXPECT_EQ(fields["iid_count"], "1");
  EXPECT_EQ(fields["client_version"], "5.7");
  // The last property impacket found, by stepping through pSizes.
  EXPECT_EQ(fields["property"], kClsidScmRequestInfo.ToString());
}

}  // namespace
}  // namespace cimulate::dcom
