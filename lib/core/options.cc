#include "core/options.h"

#include <cstring>
#include <new>

#include "core/handle.h"
#include "core/value.h"

namespace cimulate::core {
namespace {

constexpr char kMaskedPassword[] = "******";

// The type and the accepted values of the well-known options.
struct WellKnownOption {
  const char* name;
  MI_Type type;               // MI_DATETIME means an interval here
  MI_Uint32 min, max;         // for numbers
  const char* const* values;  // for strings: accepted spellings (case-insensitive), or nullptr
};

const char* const kTransports[] = {"HTTP", "HTTPS", nullptr};
const char* const kEncodings[] = {"default", "UTF8", "UTF16", nullptr};
const char* const kProxyTypes[] = {"IE", "WinHTTP", "Auto", "None", nullptr};
constexpr MI_Uint32 kAny = 0xFFFFFFFFu;

const WellKnownOption kWellKnown[] = {
    {option::kTimeout, MI_DATETIME, 0, 0, nullptr},
    {option::kCertCaCheck, MI_UINT32, 0, 1, nullptr},
    {option::kCertCnCheck, MI_UINT32, 0, 1, nullptr},
    {option::kCertRevocationCheck, MI_UINT32, 0, 1, nullptr},
    {option::kPacketPrivacy, MI_UINT32, 0, 1, nullptr},
    {option::kPacketIntegrity, MI_UINT32, 0, 1, nullptr},
    {option::kPacketEncoding, MI_STRING, 0, 0, kEncodings},
    {option::kDataLocale, MI_STRING, 0, 0, nullptr},
    {option::kUiLocale, MI_STRING, 0, 0, nullptr},
    {option::kMaxEnvelopeSize, MI_UINT32, 1, kAny, nullptr},
    {option::kMaxElements, MI_UINT32, 1, kAny, nullptr},
    {option::kEncodePortInSpn, MI_UINT32, 0, 1, nullptr},
    {option::kHttpUrlPrefix, MI_STRING, 0, 0, nullptr},
    {option::kDestinationPort, MI_UINT32, 1, 65535, nullptr},
    {option::kTransport, MI_STRING, 0, 0, kTransports},
    {option::kProxyType, MI_STRING, 0, 0, kProxyTypes},
    {option::kSslOptions, MI_UINT32, 0, kAny, nullptr},
    {option::kImpersonationType, MI_UINT32, 0, 4, nullptr},
    {option::kTrustedCertsDir, MI_STRING, 0, 0, nullptr},
    {option::kCertFile, MI_STRING, 0, 0, nullptr},
    {option::kPrivateKeyFile, MI_STRING, 0, 0, nullptr},
    {option::kOperationTimeout, MI_DATETIME, 0, 0, nullptr},
    {option::kResourceUriPrefix, MI_STRING, 0, 0, nullptr},
    {option::kResourceUri, MI_STRING, 0, 0, nullptr},
    {"__MI_OPERATIONOPTIONS_WRITEERRORMODE", MI_UINT32, 0, 2, nullptr},
    {"__MI_OPERATIONOPTIONS_PROMPTUSERMODE", MI_UINT32, 0, 2, nullptr},
    {"__MI_OPERATIONOPTIONS_PROMPTUSERMODEREGULAR_ACKVALUE", MI_UINT32, 0, 1, nullptr},
    {"__MI_OPERATIONOPTIONS_PROVIDER_ARCHITECTURE", MI_UINT32, 0, 1, nullptr},
    {"__MI_OPERATIONOPTIONS_REQUIRED_ARCHITECTURE", MI_UINT32, 0, 1, nullptr},
    {"__MI_OPERATIONOPTIONS_USE_MACHINE_ID", MI_UINT32, 0, 1, nullptr},
};

const WellKnownOption* FindWellKnown(const char* name) {
  for (const auto& option : kWellKnown)
    if (std::strcmp(option.name, name) == 0) return &option;
  return nullptr;
}

MI_Result Validate(const char* name, MI_Type type, const MI_Value& value) {
  const WellKnownOption* known = FindWellKnown(name);
  if (known == nullptr) return MI_RESULT_OK;
  if (known->type != type) return MI_RESULT_INVALID_PARAMETER;
  if (type == MI_UINT32 && (value.uint32 < known->min || value.uint32 > known->max))
    return MI_RESULT_INVALID_PARAMETER;
  if (type == MI_DATETIME && value.datetime.isTimestamp) return MI_RESULT_INVALID_PARAMETER;
  if (type == MI_STRING && known->values != nullptr) {
    for (const char* const* accepted = known->values; *accepted; ++accepted)
      if (NamesEqual(*accepted, value.string)) return MI_RESULT_OK;
    return MI_RESULT_INVALID_PARAMETER;
  }
  return MI_RESULT_OK;
}

const char* const kAuthTypes[] = {MI_AUTH_TYPE_DEFAULT,  MI_AUTH_TYPE_NONE,         MI_AUTH_TYPE_DIGEST,
                                  MI_AUTH_TYPE_NEGO_WITH_CREDS, MI_AUTH_TYPE_NEGO_NO_CREDS, MI_AUTH_TYPE_BASIC,
                                  MI_AUTH_TYPE_KERBEROS, MI_AUTH_TYPE_CLIENT_CERTS, MI_AUTH_TYPE_NTLM,
                                  MI_AUTH_TYPE_ISSUER_CERT, "CredSSP"};

bool IsCertificateAuth(const char* type) {
  return NamesEqual(type, MI_AUTH_TYPE_CLIENT_CERTS) || NamesEqual(type, MI_AUTH_TYPE_ISSUER_CERT);
}

bool IsKnownAuthType(const char* type) {
  for (const char* known : kAuthTypes)
    if (NamesEqual(known, type)) return true;
  return false;
}

std::optional<std::string> Copy(const char* text) {
  return text ? std::optional<std::string>(text) : std::nullopt;
}

const char* CStr(const std::optional<std::string>& text) { return text ? text->c_str() : nullptr; }

}  // namespace

void CredentialEntry::RefreshMasked() {
  masked.authenticationType = authentication_type.c_str();
  if (certificate_thumbprint) {
    masked.credentials.certificateThumbprint = certificate_thumbprint->c_str();
  } else {
    masked.credentials.usernamePassword.domain = CStr(domain);
    masked.credentials.usernamePassword.username = CStr(username);
    masked.credentials.usernamePassword.password = password ? kMaskedPassword : nullptr;
  }
}

OptionBag::OptionBag(OptionsKind kind, bool custom_must_understand)
    : kind_(kind), custom_must_understand_(custom_must_understand) {}

OptionBag::OptionBag(const OptionBag& other)
    : kind_(other.kind_), custom_must_understand_(other.custom_must_understand_), channels_(other.channels_) {
  for (const auto& entry : other.entries_) {
    auto copy = std::make_unique<OptionEntry>(*entry);
    if (CopyValue(entry->type, entry->value, &copy->value) != MI_RESULT_OK) throw std::bad_alloc();
    entries_.push_back(std::move(copy));
  }
  for (const auto& credential : other.credentials_) {
    auto copy = std::make_unique<CredentialEntry>(*credential);
    copy->RefreshMasked();
    credentials_.push_back(std::move(copy));
  }
}

OptionBag::~OptionBag() {
  for (auto& entry : entries_) ReleaseValue(entry->type, &entry->value);
}

const OptionEntry* OptionBag::Find(std::string_view name, MI_Uint32* index) const {
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i]->name == name) {
      if (index) *index = static_cast<MI_Uint32>(i);
      return entries_[i].get();
    }
  }
  return nullptr;
}

MI_Result OptionBag::Store(const MI_Char* name, MI_Type type, const MI_Value& value, MI_Uint32 flags, bool custom,
                           bool must_comply) {
  MI_Value copy;
  MI_Result result = CopyValue(type, value, &copy);
  if (result != MI_RESULT_OK) return result;
  MI_Uint32 index = 0;
  OptionEntry* entry = const_cast<OptionEntry*>(Find(name, &index));
  if (entry == nullptr) {
    entries_.push_back(std::make_unique<OptionEntry>());
    entry = entries_.back().get();
    entry->name = name;
  } else {
    ReleaseValue(entry->type, &entry->value);
  }
  entry->type = type;
  entry->value = copy;
  entry->flags = flags;
  entry->custom = custom;
  entry->must_comply = must_comply;
  return MI_RESULT_OK;
}

MI_Result OptionBag::SetValue(const MI_Char* name, MI_Type type, const MI_Value& value, MI_Uint32 flags) {
  if (name == nullptr || name[0] == '\0') return MI_RESULT_INVALID_PARAMETER;
  if (type == MI_STRING && value.string == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (std::strcmp(name, option::kChannel) == 0) {
    if (type != MI_UINT32) return MI_RESULT_INVALID_PARAMETER;
    return SetChannel(value.uint32, flags == 0);
  }
  MI_Result result = Validate(name, type, value);
  if (result != MI_RESULT_OK) return result;
  return Store(name, type, value, flags, false, false);
}

MI_Result OptionBag::SetCustom(const MI_Char* name, MI_Type type, const MI_Value* value, MI_Boolean must_comply) {
  if (name == nullptr || name[0] == '\0' || value == nullptr || !IsValidType(type)) return MI_RESULT_INVALID_PARAMETER;
  if (FindWellKnown(name) != nullptr) return MI_RESULT_INVALID_PARAMETER;
  return Store(name, type, *value, 0, true, must_comply != MI_FALSE);
}

MI_Result OptionBag::SetChannel(MI_Uint32 channel, bool enable) {
  for (auto it = channels_.begin(); it != channels_.end(); ++it) {
    if (*it == channel) {
      if (!enable) channels_.erase(it);
      return MI_RESULT_OK;
    }
  }
  if (enable) channels_.push_back(channel);
  return MI_RESULT_OK;
}

MI_Result OptionBag::AddCredentials(const MI_Char* name, const MI_UserCredentials* credentials, MI_Uint32 flags) {
  if (name == nullptr || credentials == nullptr || credentials->authenticationType == nullptr)
    return MI_RESULT_INVALID_PARAMETER;
  if (!IsKnownAuthType(credentials->authenticationType)) return MI_RESULT_INVALID_PARAMETER;
  auto entry = std::make_unique<CredentialEntry>();
  entry->option_name = name;
  entry->authentication_type = credentials->authenticationType;
  entry->flags = flags;
  if (IsCertificateAuth(credentials->authenticationType)) {
    if (credentials->credentials.certificateThumbprint == nullptr) return MI_RESULT_INVALID_PARAMETER;
    entry->certificate_thumbprint = credentials->credentials.certificateThumbprint;
  } else {
    entry->domain = Copy(credentials->credentials.usernamePassword.domain);
    entry->username = Copy(credentials->credentials.usernamePassword.username);
    entry->password = Copy(credentials->credentials.usernamePassword.password);
  }
  entry->RefreshMasked();
  credentials_.push_back(std::move(entry));
  return MI_RESULT_OK;
}

MI_Result OptionBag::Get(const MI_Char* name, MI_Type type, MI_Value* value, MI_Uint32* index,
                         MI_Uint32* flags) const {
  if (name == nullptr || value == nullptr) return MI_RESULT_INVALID_PARAMETER;
  const OptionEntry* entry = Find(name, index);
  if (entry == nullptr) return MI_RESULT_NO_SUCH_PROPERTY;
  if (entry->type != type) return MI_RESULT_TYPE_MISMATCH;
  if (type == MI_DATETIME && entry->value.datetime.isTimestamp != value->datetime.isTimestamp)
    return MI_RESULT_TYPE_MISMATCH;
  *value = entry->value;
  if (flags) *flags = entry->flags;
  return MI_RESULT_OK;
}

MI_Result OptionBag::GetAny(const MI_Char* name, MI_Value* value, MI_Type* type, MI_Uint32* index,
                            MI_Uint32* flags) const {
  if (name == nullptr || value == nullptr || type == nullptr) return MI_RESULT_INVALID_PARAMETER;
  const OptionEntry* entry = Find(name, index);
  if (entry == nullptr) return MI_RESULT_NO_SUCH_PROPERTY;
  *value = entry->value;
  *type = entry->type;
  if (flags) *flags = entry->flags;
  return MI_RESULT_OK;
}

MI_Result OptionBag::GetAt(MI_Uint32 index, const MI_Char** name, MI_Value* value, MI_Type* type,
                           MI_Uint32* flags) const {
  if (name == nullptr || value == nullptr || type == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (index >= entries_.size()) return MI_RESULT_NOT_FOUND;
  const OptionEntry& entry = *entries_[index];
  *name = entry.name.c_str();
  *value = entry.value;
  *type = entry.type;
  if (flags) *flags = entry.flags;
  return MI_RESULT_OK;
}

MI_Result OptionBag::GetCredentialsAt(MI_Uint32 index, const MI_Char** name, MI_UserCredentials* credentials,
                                      MI_Uint32* flags) const {
  if (name == nullptr || credentials == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (index >= credentials_.size()) return MI_RESULT_NOT_FOUND;
  const CredentialEntry& entry = *credentials_[index];
  *name = entry.option_name.c_str();
  *credentials = entry.masked;
  if (flags) *flags = entry.flags;
  return MI_RESULT_OK;
}

// Like the other MI implementations: a NULL buffer asks for the length (terminator
// included) and succeeds; a buffer that is too small fails and still reports it.
MI_Result OptionBag::GetPasswordAt(MI_Uint32 index, const MI_Char** name, MI_Char* buffer,
                                   MI_Uint32 buffer_length, MI_Uint32* password_length, MI_Uint32* flags) const {
  if (name == nullptr || password_length == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (index >= credentials_.size()) return MI_RESULT_NOT_FOUND;
  const CredentialEntry& entry = *credentials_[index];
  *name = entry.option_name.c_str();
  if (flags) *flags = entry.flags;
  if (!entry.password) return MI_RESULT_NOT_FOUND;
  auto needed = static_cast<MI_Uint32>(entry.password->size() + 1);
  *password_length = needed;
  if (buffer == nullptr) return MI_RESULT_OK;
  if (buffer_length < needed) return MI_RESULT_FAILED;
  std::memcpy(buffer, entry.password->c_str(), needed);
  return MI_RESULT_OK;
}

MI_Result OptionBag::GetChannels(MI_Uint32* channels, MI_Uint32 buffer_length, MI_Uint32* count) const {
  if (count == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *count = static_cast<MI_Uint32>(channels_.size());
  if (channels == nullptr) return MI_RESULT_OK;
  if (buffer_length < channels_.size()) return MI_RESULT_FAILED;
  for (size_t i = 0; i < channels_.size(); ++i) channels[i] = channels_[i];
  return MI_RESULT_OK;
}

std::optional<std::string> OptionBag::String(std::string_view name) const {
  const OptionEntry* entry = Find(name, nullptr);
  if (entry == nullptr || entry->type != MI_STRING || entry->value.string == nullptr) return std::nullopt;
  return std::string(entry->value.string);
}

std::optional<MI_Uint32> OptionBag::Number(std::string_view name) const {
  const OptionEntry* entry = Find(name, nullptr);
  if (entry == nullptr || entry->type != MI_UINT32) return std::nullopt;
  return entry->value.uint32;
}

std::optional<MI_Interval> OptionBag::Interval(std::string_view name) const {
  const OptionEntry* entry = Find(name, nullptr);
  if (entry == nullptr || entry->type != MI_DATETIME || entry->value.datetime.isTimestamp) return std::nullopt;
  return entry->value.datetime.u.interval;
}

// ---------------------------------------------------------------------------
// The three function tables share these bodies through a template on the handle.
// ---------------------------------------------------------------------------
namespace {

template <typename Handle>
struct BagOf;  // the registry kind per handle type
struct DestinationBag : OptionBag { using OptionBag::OptionBag; DestinationBag(const OptionBag& o) : OptionBag(o) {} };
struct OperationBag : OptionBag { using OptionBag::OptionBag; OperationBag(const OptionBag& o) : OptionBag(o) {} };
struct DeliveryBag : OptionBag { using OptionBag::OptionBag; DeliveryBag(const OptionBag& o) : OptionBag(o) {} };
template <> struct BagOf<MI_DestinationOptions> { using Type = DestinationBag; };
template <> struct BagOf<MI_OperationOptions> { using Type = OperationBag; };
template <> struct BagOf<MI_SubscriptionDeliveryOptions> { using Type = DeliveryBag; };

template <typename Handle>
std::shared_ptr<typename BagOf<Handle>::Type> BagFor(const Handle* handle) {
  return HandleRegistry<typename BagOf<Handle>::Type>::Instance().Find(handle);
}

template <typename Handle>
MI_Result Attach(std::shared_ptr<typename BagOf<Handle>::Type> bag, const decltype(Handle::ft) ft, Handle* out) {
  HandleRegistry<typename BagOf<Handle>::Type>::Instance().Attach(std::move(bag), ft, out);
  return MI_RESULT_OK;
}

template <typename Handle>
void DeleteBag(Handle* handle) {
  if (HandleRegistry<typename BagOf<Handle>::Type>::Instance().Remove(handle) != nullptr)
    std::memset(handle, 0, sizeof(*handle));
}

template <typename Handle>
MI_Result SetString(Handle* self, const MI_Char* name, const MI_Char* value, MI_Uint32 flags) {
  auto bag = BagFor(self);
  if (!bag || value == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_Value v;
  v.string = const_cast<MI_Char*>(value);
  return bag->SetValue(name, MI_STRING, v, flags);
}

template <typename Handle>
MI_Result SetNumber(Handle* self, const MI_Char* name, MI_Uint32 value, MI_Uint32 flags) {
  auto bag = BagFor(self);
  if (!bag) return MI_RESULT_INVALID_PARAMETER;
  MI_Value v;
  v.uint32 = value;
  return bag->SetValue(name, MI_UINT32, v, flags);
}

template <typename Handle>
MI_Result SetDatetimeValue(Handle* self, const MI_Char* name, const MI_Datetime& value, MI_Uint32 flags) {
  auto bag = BagFor(self);
  if (!bag) return MI_RESULT_INVALID_PARAMETER;
  MI_Value v;
  std::memset(&v, 0, sizeof(v));
  v.datetime = value;
  return bag->SetValue(name, MI_DATETIME, v, flags);
}

template <typename Handle>
MI_Result SetInterval(Handle* self, const MI_Char* name, const MI_Interval* value, MI_Uint32 flags) {
  if (value == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_Datetime datetime;
  std::memset(&datetime, 0, sizeof(datetime));
  datetime.isTimestamp = 0;
  datetime.u.interval = *value;
  return SetDatetimeValue(self, name, datetime, flags);
}

template <typename Handle>
MI_Result AddCredentials(Handle* self, const MI_Char* name, const MI_UserCredentials* credentials, MI_Uint32 flags) {
  auto bag = BagFor(self);
  return bag ? bag->AddCredentials(name, credentials, flags) : MI_RESULT_INVALID_PARAMETER;
}

template <typename Handle>
MI_Result GetString(const Handle* self, const MI_Char* name, const MI_Char** value, MI_Uint32* index,
                    MI_Uint32* flags) {
  auto bag = BagFor(self);
  if (!bag || value == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_Value v;
  MI_Result result = bag->Get(name, MI_STRING, &v, index, flags);
  if (result == MI_RESULT_OK) *value = v.string;
  return result;
}

template <typename Handle>
MI_Result GetNumber(const Handle* self, const MI_Char* name, MI_Uint32* value, MI_Uint32* index, MI_Uint32* flags) {
  auto bag = BagFor(self);
  if (!bag || value == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_Value v;
  MI_Result result = bag->Get(name, MI_UINT32, &v, index, flags);
  if (result == MI_RESULT_OK) *value = v.uint32;
  return result;
}

template <typename Handle>
MI_Result GetDatetimeValue(const Handle* self, const MI_Char* name, bool timestamp, MI_Datetime* value,
                           MI_Uint32* index, MI_Uint32* flags) {
  auto bag = BagFor(self);
  if (!bag || value == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_Value v;
  std::memset(&v, 0, sizeof(v));
  v.datetime.isTimestamp = timestamp ? 1 : 0;
  MI_Result result = bag->Get(name, MI_DATETIME, &v, index, flags);
  if (result == MI_RESULT_OK) *value = v.datetime;
  return result;
}

template <typename Handle>
MI_Result GetInterval(const Handle* self, const MI_Char* name, MI_Interval* value, MI_Uint32* index,
                      MI_Uint32* flags) {
  if (value == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_Datetime datetime;
  MI_Result result = GetDatetimeValue(self, name, false, &datetime, index, flags);
  if (result == MI_RESULT_OK) *value = datetime.u.interval;
  return result;
}

template <typename Handle>
MI_Result GetOptionCount(const Handle* self, MI_Uint32* count) {
  auto bag = BagFor(self);
  if (!bag || count == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *count = bag->OptionCount();
  return MI_RESULT_OK;
}

template <typename Handle>
MI_Result GetOptionAt(const Handle* self, MI_Uint32 index, const MI_Char** name, MI_Value* value, MI_Type* type,
                      MI_Uint32* flags) {
  auto bag = BagFor(self);
  return bag ? bag->GetAt(index, name, value, type, flags) : MI_RESULT_INVALID_PARAMETER;
}

template <typename Handle>
MI_Result GetOption(const Handle* self, const MI_Char* name, MI_Value* value, MI_Type* type, MI_Uint32* index,
                    MI_Uint32* flags) {
  auto bag = BagFor(self);
  return bag ? bag->GetAny(name, value, type, index, flags) : MI_RESULT_INVALID_PARAMETER;
}

template <typename Handle>
MI_Result GetCredentialsCount(const Handle* self, MI_Uint32* count) {
  auto bag = BagFor(self);
  if (!bag || count == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *count = bag->CredentialCount();
  return MI_RESULT_OK;
}

template <typename Handle>
MI_Result GetCredentialsAt(const Handle* self, MI_Uint32 index, const MI_Char** name,
                           MI_UserCredentials* credentials, MI_Uint32* flags) {
  auto bag = BagFor(self);
  return bag ? bag->GetCredentialsAt(index, name, credentials, flags) : MI_RESULT_INVALID_PARAMETER;
}

template <typename Handle>
MI_Result GetCredentialsPasswordAt(const Handle* self, MI_Uint32 index, const MI_Char** name, MI_Char* password,
                                   MI_Uint32 buffer_length, MI_Uint32* password_length, MI_Uint32* flags) {
  auto bag = BagFor(self);
  return bag ? bag->GetPasswordAt(index, name, password, buffer_length, password_length, flags)
             : MI_RESULT_INVALID_PARAMETER;
}

template <typename Handle>
MI_Result Clone(const Handle* self, Handle* copy) {
  if (copy == nullptr) return MI_RESULT_INVALID_PARAMETER;
  auto bag = BagFor(self);
  if (!bag) return MI_RESULT_INVALID_PARAMETER;
  try {
    auto duplicate = std::make_shared<typename BagOf<Handle>::Type>(static_cast<const OptionBag&>(*bag));
    return Attach(std::move(duplicate), self->ft, copy);
  } catch (const std::bad_alloc&) {
    return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  }
}

// Table entries (C linkage types are identical; MI_CALL is empty).
void MI_CALL DestinationDelete(MI_DestinationOptions* self) { DeleteBag(self); }
MI_Result MI_CALL OperationSetCustom(MI_OperationOptions* self, const MI_Char* name, MI_Type type,
                                     const MI_Value* value, MI_Boolean must_comply, MI_Uint32 flags) {
  auto bag = BagFor(self);
  return bag ? bag->SetCustom(name, type, value, must_comply) : MI_RESULT_INVALID_PARAMETER;
}
void MI_CALL OperationDelete(MI_OperationOptions* self) { DeleteBag(self); }
MI_Result MI_CALL OperationGetEnabledChannels(const MI_OperationOptions* self, const MI_Char* name,
                                              MI_Uint32* channels, MI_Uint32 buffer_length, MI_Uint32* count,
                                              MI_Uint32* flags) {
  auto bag = BagFor(self);
  if (!bag) return MI_RESULT_INVALID_PARAMETER;
  if (flags) *flags = 0;
  return bag->GetChannels(channels, buffer_length, count);
}
MI_Result MI_CALL DeliveryDelete(MI_SubscriptionDeliveryOptions* self) {
  if (!BagFor(self)) return MI_RESULT_INVALID_PARAMETER;
  DeleteBag(self);
  return MI_RESULT_OK;
}
MI_Result MI_CALL DeliverySetDateTime(MI_SubscriptionDeliveryOptions* self, const MI_Char* name,
                                      const MI_Datetime* value, MI_Uint32 flags) {
  if (value == nullptr || !value->isTimestamp) return MI_RESULT_INVALID_PARAMETER;
  return SetDatetimeValue(self, name, *value, flags);
}
MI_Result MI_CALL DeliveryGetDateTime(const MI_SubscriptionDeliveryOptions* self, const MI_Char* name,
                                      MI_Datetime* value, MI_Uint32* index, MI_Uint32* flags) {
  return GetDatetimeValue(self, name, true, value, index, flags);
}

template <typename Handle>
std::shared_ptr<const OptionBag> Snapshot(const Handle* handle, OptionsKind kind) {
  if (handle == nullptr || (handle->ft == nullptr && handle->reserved1 == 0 && handle->reserved2 == 0))
    return std::make_shared<OptionBag>(kind);
  auto bag = BagFor(handle);
  if (!bag) return nullptr;
  return std::make_shared<OptionBag>(static_cast<const OptionBag&>(*bag));
}

}  // namespace

const MI_DestinationOptionsFT kDestinationOptionsFT = {
    DestinationDelete,
    SetString<MI_DestinationOptions>,
    SetNumber<MI_DestinationOptions>,
    AddCredentials<MI_DestinationOptions>,
    GetString<MI_DestinationOptions>,
    GetNumber<MI_DestinationOptions>,
    GetOptionCount<MI_DestinationOptions>,
    GetOptionAt<MI_DestinationOptions>,
    GetOption<MI_DestinationOptions>,
    GetCredentialsCount<MI_DestinationOptions>,
    GetCredentialsAt<MI_DestinationOptions>,
    GetCredentialsPasswordAt<MI_DestinationOptions>,
    Clone<MI_DestinationOptions>,
    SetInterval<MI_DestinationOptions>,
    GetInterval<MI_DestinationOptions>,
};

const MI_OperationOptionsFT kOperationOptionsFT = {
    OperationDelete,
    SetString<MI_OperationOptions>,
    SetNumber<MI_OperationOptions>,
    OperationSetCustom,
    GetString<MI_OperationOptions>,
    GetNumber<MI_OperationOptions>,
    GetOptionCount<MI_OperationOptions>,
    GetOptionAt<MI_OperationOptions>,
    GetOption<MI_OperationOptions>,
    OperationGetEnabledChannels,
    Clone<MI_OperationOptions>,
    SetInterval<MI_OperationOptions>,
    GetInterval<MI_OperationOptions>,
};

const MI_SubscriptionDeliveryOptionsFT kSubscriptionDeliveryOptionsFT = {
    SetString<MI_SubscriptionDeliveryOptions>,
    SetNumber<MI_SubscriptionDeliveryOptions>,
    DeliverySetDateTime,
    SetInterval<MI_SubscriptionDeliveryOptions>,
    AddCredentials<MI_SubscriptionDeliveryOptions>,
    DeliveryDelete,
    GetString<MI_SubscriptionDeliveryOptions>,
    GetNumber<MI_SubscriptionDeliveryOptions>,
    DeliveryGetDateTime,
    GetInterval<MI_SubscriptionDeliveryOptions>,
    GetOptionCount<MI_SubscriptionDeliveryOptions>,
    GetOptionAt<MI_SubscriptionDeliveryOptions>,
    GetOption<MI_SubscriptionDeliveryOptions>,
    GetCredentialsCount<MI_SubscriptionDeliveryOptions>,
    GetCredentialsAt<MI_SubscriptionDeliveryOptions>,
    GetCredentialsPasswordAt<MI_SubscriptionDeliveryOptions>,
    Clone<MI_SubscriptionDeliveryOptions>,
};

MI_Result NewDestinationOptions(MI_DestinationOptions* out) {
  if (out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  return Attach(std::make_shared<DestinationBag>(OptionsKind::kDestination), &kDestinationOptionsFT, out);
}

MI_Result NewOperationOptions(MI_Boolean custom_must_understand, MI_OperationOptions* out) {
  if (out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  return Attach(std::make_shared<OperationBag>(OptionsKind::kOperation, custom_must_understand != MI_FALSE),
                &kOperationOptionsFT, out);
}

MI_Result NewSubscriptionDeliveryOptions(MI_SubscriptionDeliveryType type, MI_SubscriptionDeliveryOptions* out) {
  if (out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (type != MI_SubscriptionDeliveryType_Pull && type != MI_SubscriptionDeliveryType_Push) {
    std::memset(out, 0, sizeof(*out));
    return MI_RESULT_INVALID_PARAMETER;
  }
  return Attach(std::make_shared<DeliveryBag>(OptionsKind::kSubscriptionDelivery), &kSubscriptionDeliveryOptionsFT,
                out);
}

std::shared_ptr<const OptionBag> SnapshotOf(const MI_DestinationOptions* options) {
  return Snapshot(options, OptionsKind::kDestination);
}
std::shared_ptr<const OptionBag> SnapshotOf(const MI_OperationOptions* options) {
  return Snapshot(options, OptionsKind::kOperation);
}
std::shared_ptr<const OptionBag> SnapshotOf(const MI_SubscriptionDeliveryOptions* options) {
  return Snapshot(options, OptionsKind::kSubscriptionDelivery);
}

}  // namespace cimulate::core
