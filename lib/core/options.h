// Option bags behind MI_DestinationOptions, MI_OperationOptions and
// MI_SubscriptionDeliveryOptions.
//
// One bag type serves all three tables: named values (string, number, interval,
// datetime, or any MI_Type for custom operation options) plus credentials.
// Well-known names (__MI_DESTINATIONOPTIONS_*, __MI_OPERATIONOPTIONS_*) are checked
// for their type and range when set.  Protocol handlers read a session's or an
// operation's options through an immutable snapshot taken when it starts.
#ifndef CIMULATE_CORE_OPTIONS_H_
#define CIMULATE_CORE_OPTIONS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "MI.h"

namespace cimulate::core {

enum class OptionsKind { kDestination, kOperation, kSubscriptionDelivery };

struct OptionEntry {
  std::string name;
  MI_Type type = MI_STRING;
  MI_Value value{};  // owned
  MI_Uint32 flags = 0;
  bool custom = false;       // set with SetCustomOption (sent to the server as-is)
  bool must_comply = false;  // the server must fail if it cannot honour it
};

struct CredentialEntry {
  std::string option_name;
  std::string authentication_type;
  std::optional<std::string> domain;
  std::optional<std::string> username;
  std::optional<std::string> password;
  std::optional<std::string> certificate_thumbprint;
  MI_Uint32 flags = 0;
  MI_UserCredentials masked{};  // what GetCredentialsAt hands out: password "******"

  void RefreshMasked();
};

class OptionBag {
 public:
  explicit OptionBag(OptionsKind kind, bool custom_must_understand = false);
  OptionBag(const OptionBag& other);
  OptionBag& operator=(const OptionBag&) = delete;
  ~OptionBag();

  OptionsKind kind() const { return kind_; }

  MI_Result SetValue(const MI_Char* name, MI_Type type, const MI_Value& value, MI_Uint32 flags);
  MI_Result SetCustom(const MI_Char* name, MI_Type type, const MI_Value* value, MI_Boolean must_comply);
  MI_Result SetChannel(MI_Uint32 channel, bool enable);
  MI_Result AddCredentials(const MI_Char* name, const MI_UserCredentials* credentials, MI_Uint32 flags);

  // Lookups; an absent name is MI_RESULT_NO_SUCH_PROPERTY, another type MI_RESULT_TYPE_MISMATCH.
  MI_Result Get(const MI_Char* name, MI_Type type, MI_Value* value, MI_Uint32* index, MI_Uint32* flags) const;
  MI_Result GetAny(const MI_Char* name, MI_Value* value, MI_Type* type, MI_Uint32* index, MI_Uint32* flags) const;
  MI_Result GetAt(MI_Uint32 index, const MI_Char** name, MI_Value* value, MI_Type* type, MI_Uint32* flags) const;
  MI_Uint32 OptionCount() const { return static_cast<MI_Uint32>(entries_.size()); }
  MI_Uint32 CredentialCount() const { return static_cast<MI_Uint32>(credentials_.size()); }
  MI_Result GetCredentialsAt(MI_Uint32 index, const MI_Char** name, MI_UserCredentials* credentials,
                             MI_Uint32* flags) const;
  MI_Result GetPasswordAt(MI_Uint32 index, const MI_Char** name, MI_Char* buffer, MI_Uint32 buffer_length,
                          MI_Uint32* password_length, MI_Uint32* flags) const;
  MI_Result GetChannels(MI_Uint32* channels, MI_Uint32 buffer_length, MI_Uint32* count) const;

  // For protocol handlers.
  std::optional<std::string> String(std::string_view name) const;
  std::optional<MI_Uint32> Number(std::string_view name) const;
  std::optional<MI_Interval> Interval(std::string_view name) const;
  const std::vector<std::unique_ptr<OptionEntry>>& entries() const { return entries_; }
  const std::vector<std::unique_ptr<CredentialEntry>>& credentials() const { return credentials_; }
  bool custom_must_understand() const { return custom_must_understand_; }

 private:
  const OptionEntry* Find(std::string_view name, MI_Uint32* index) const;
  MI_Result Store(const MI_Char* name, MI_Type type, const MI_Value& value, MI_Uint32 flags, bool custom,
                  bool must_comply);

  OptionsKind kind_;
  bool custom_must_understand_;
  std::vector<std::unique_ptr<OptionEntry>> entries_;
  std::vector<std::unique_ptr<CredentialEntry>> credentials_;
  std::vector<MI_Uint32> channels_;
};

// Handle constructors (the MI_Application_New*Options entry points).
MI_Result NewDestinationOptions(MI_DestinationOptions* out);
MI_Result NewOperationOptions(MI_Boolean custom_must_understand, MI_OperationOptions* out);
MI_Result NewSubscriptionDeliveryOptions(MI_SubscriptionDeliveryType type, MI_SubscriptionDeliveryOptions* out);

// Deep copies for sessions and operations.  A NULL handle gives an empty bag; a
// handle that is not a live options object gives nullptr.
std::shared_ptr<const OptionBag> SnapshotOf(const MI_DestinationOptions* options);
std::shared_ptr<const OptionBag> SnapshotOf(const MI_OperationOptions* options);
std::shared_ptr<const OptionBag> SnapshotOf(const MI_SubscriptionDeliveryOptions* options);

extern const MI_DestinationOptionsFT kDestinationOptionsFT;
extern const MI_OperationOptionsFT kOperationOptionsFT;
extern const MI_SubscriptionDeliveryOptionsFT kSubscriptionDeliveryOptionsFT;

// Well-known option names.
namespace option {
inline constexpr char kTimeout[] = "__MI_DESTINATIONOPTIONS_TIMEOUT";
inline constexpr char kCertCaCheck[] = "__MI_DESTINATIONOPTIONS_CERT_CA_CHECK";
inline constexpr char kCertCnCheck[] = "__MI_DESTINATIONOPTIONS_CERT_CN_CHECK";
inline constexpr char kCertRevocationCheck[] = "__MI_DESTINATIONOPTIONS_CERT_REVOCATION_CHECK";
inline constexpr char kPacketPrivacy[] = "__MI_DESTINATIONOPTIONS_PACKET_PRIVACY";
inline constexpr char kPacketIntegrity[] = "__MI_DESTINATIONOPTIONS_PACKET_INTEGRITY";
inline constexpr char kPacketEncoding[] = "__MI_DESTINATIONOPTIONS_PACKET_ENCODING";
inline constexpr char kDataLocale[] = "__MI_DESTINATIONOPTIONS_DATA_LOCALE";
inline constexpr char kUiLocale[] = "__MI_DESTINATIONOPTIONS_UI_LOCALE";
inline constexpr char kMaxEnvelopeSize[] = "__MI_DESTINATIONOPTIONS_MAX_ENVELOPE_SIZE";
inline constexpr char kMaxElements[] = "__MI_DESTINATIONOPTIONS_MAX_ELEMENTS";
inline constexpr char kEncodePortInSpn[] = "__MI_DESTINATIONOPTIONS_ENCODE_PORT_IN_SPN";
inline constexpr char kHttpUrlPrefix[] = "__MI_DESTINATIONOPTIONS_HTTP_URL_PREFIX";
inline constexpr char kDestinationPort[] = "__MI_DESTINATIONOPTIONS_DESTINATION_PORT";
inline constexpr char kTransport[] = "__MI_DESTINATIONOPTIONS_TRANSPORT";
inline constexpr char kProxyType[] = "__MI_DESTINATIONOPTIONS_PROXY_TYPE";
inline constexpr char kSslOptions[] = "__MI_DESTINATIONOPTIONS_SSL_OPTIONS";
inline constexpr char kImpersonationType[] = "__MI_DESTINATIONOPTIONS_IMPERSONATION_TYPE";
inline constexpr char kTrustedCertsDir[] = "__MI_DESTINATIONOPTIONS_TRUSTED_CERTS_DIR";
inline constexpr char kCertFile[] = "__MI_DESTINATIONOPTIONS_CERT_FILE";
inline constexpr char kPrivateKeyFile[] = "__MI_DESTINATIONOPTIONS_PRIVATE_KEY_FILE";
inline constexpr char kDestinationCredentials[] = "__MI_DESTINATIONOPTIONS_DESTINATION_CREDENTIALS";
inline constexpr char kProxyCredentials[] = "__MI_DESTINATIONOPTIONS_PROXY_CREDENTIALS";
inline constexpr char kOperationTimeout[] = "__MI_OPERATIONOPTIONS_TIMEOUT";
inline constexpr char kResourceUriPrefix[] = "__MI_OPERATIONOPTIONS_RESOURCE_URI_PREFIX";
inline constexpr char kResourceUri[] = "__MI_OPERATIONOPTIONS_RESOURCE_URI";
inline constexpr char kChannel[] = "__MI_OPERATIONOPTIONS_CHANNEL";
}  // namespace option

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_OPTIONS_H_
