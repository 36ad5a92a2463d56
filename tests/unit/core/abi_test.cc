// Pins the binary layout of MI.h to the figures measured on OMI's header
// (shared reference mi-abi.md): sizes, offsets, and the position of each
// function-table slot.  A failure here means the ABI drifted.
#include <cstddef>

#include <gtest/gtest.h>

#include "MI.h"

namespace {

// Byte offset of a function-table slot, for readable expectations.
#define SLOT(Table, Member) offsetof(Table, Member)
constexpr size_t kPointer = sizeof(void*);

TEST(AbiScalars, MatchTheUnixHeader) {
  EXPECT_EQ(sizeof(MI_Boolean), 1u);
  EXPECT_EQ(sizeof(MI_Char16), 2u);
  EXPECT_EQ(sizeof(MI_Char), 1u);
  EXPECT_EQ(sizeof(MI_Uint64), 8u);
  EXPECT_EQ(sizeof(MI_Type), 4u);
  EXPECT_EQ(sizeof(MI_Result), 4u);
  EXPECT_EQ(MI_ARRAY, 16);
  EXPECT_EQ(MI_INSTANCEA, 31);
  EXPECT_EQ(MI_RESULT_SERVER_IS_SHUTTING_DOWN, 28);
  EXPECT_EQ(MI_RESULT_NAMESPACE_NOT_EMPTY, 20);
  EXPECT_EQ(MI_ERRORCATEGORY_NOT_ENABLED, 31);
  EXPECT_EQ(MI_FLAG_NULL, 0x20000000);
  EXPECT_EQ(MI_FLAG_BORROW, 0x40000000);
  EXPECT_EQ(MI_FLAG_ADOPT, 0x80000000u);
  EXPECT_EQ(MI_FLAG_EXPENSIVE, 0x80000);
  EXPECT_EQ(MI_FLAG_READONLY, 0x200000);
  EXPECT_EQ(MI_OPERATIONFLAGS_POLYMORPHISM_DEEP_BASE_PROPS_ONLY, 0x180);
  EXPECT_EQ(MI_MAX_LOCALE_SIZE, 128);
}

TEST(AbiDatetime, TimestampIntervalAndUnion) {
  EXPECT_EQ(sizeof(MI_Timestamp), 32u);
  EXPECT_EQ(sizeof(MI_Interval), 32u);
  EXPECT_EQ(sizeof(MI_Datetime), 36u);
  EXPECT_EQ(alignof(MI_Datetime), 4u);
  EXPECT_EQ(offsetof(MI_Datetime, u), 4u);
  EXPECT_EQ(offsetof(MI_Datetime, u.timestamp.utc), 32u);
  EXPECT_EQ(offsetof(MI_Datetime, u.interval.microseconds), 20u);
}

TEST(AbiValue, ArraysAndTheValueUnion) {
  EXPECT_EQ(sizeof(MI_StringA), 16u);
  EXPECT_EQ(offsetof(MI_StringA, size), 8u);
  EXPECT_EQ(sizeof(MI_ConstInstanceA), 16u);
  EXPECT_EQ(sizeof(MI_Value), 40u);
  EXPECT_EQ(alignof(MI_Value), 8u);
}

TEST(AbiFields, ExistsFollowsTheValue) {
  EXPECT_EQ(sizeof(MI_BooleanField), 3u);
  EXPECT_EQ(sizeof(MI_Uint16Field), 4u);
  EXPECT_EQ(sizeof(MI_Uint32Field), 8u);
  EXPECT_EQ(offsetof(MI_Uint32Field, exists), 4u);
  EXPECT_EQ(sizeof(MI_Uint64Field), 16u);
  EXPECT_EQ(offsetof(MI_Uint64Field, flags), 9u);
  EXPECT_EQ(sizeof(MI_DatetimeField), 40u);
  EXPECT_EQ(offsetof(MI_DatetimeField, exists), 36u);
  EXPECT_EQ(sizeof(MI_StringField), 16u);
  EXPECT_EQ(offsetof(MI_StringField, exists), 8u);
  EXPECT_EQ(sizeof(MI_StringAField), 24u);
  EXPECT_EQ(offsetof(MI_StringAField, exists), 16u);
  EXPECT_EQ(offsetof(MI_ConstStringAField, flags), 17u);
}

TEST(AbiInstance, HeaderIsFtFirst) {
  EXPECT_EQ(sizeof(MI_Instance), 64u);
  EXPECT_EQ(offsetof(MI_Instance, ft), 0u);
  EXPECT_EQ(offsetof(MI_Instance, classDecl), 8u);
  EXPECT_EQ(offsetof(MI_Instance, serverName), 16u);
  EXPECT_EQ(offsetof(MI_Instance, nameSpace), 24u);
  EXPECT_EQ(offsetof(MI_Instance, reserved), 32u);
  EXPECT_EQ(sizeof(MI_InstanceFT), 18 * kPointer);
  EXPECT_EQ(SLOT(MI_InstanceFT, Clone), 0u);
  EXPECT_EQ(SLOT(MI_InstanceFT, IsA), 24u);
  EXPECT_EQ(SLOT(MI_InstanceFT, AddElement), 64u);
  EXPECT_EQ(SLOT(MI_InstanceFT, GetElement), 88u);
  EXPECT_EQ(SLOT(MI_InstanceFT, GetClass), 136u);
}

TEST(AbiDecls, FeatureObjectClassPropertyMethod) {
  EXPECT_EQ(sizeof(MI_FeatureDecl), 32u);
  EXPECT_EQ(sizeof(MI_ObjectDecl), 48u);
  EXPECT_EQ(sizeof(MI_ClassDecl), 104u);
  EXPECT_EQ(offsetof(MI_ClassDecl, properties), 32u);
  EXPECT_EQ(offsetof(MI_ClassDecl, size), 44u);
  EXPECT_EQ(offsetof(MI_ClassDecl, superClass), 48u);
  EXPECT_EQ(offsetof(MI_ClassDecl, methods), 64u);
  EXPECT_EQ(offsetof(MI_ClassDecl, schema), 80u);
  EXPECT_EQ(offsetof(MI_ClassDecl, providerFT), 88u);
  EXPECT_EQ(offsetof(MI_ClassDecl, owningClass), 96u);
  EXPECT_EQ(sizeof(MI_ParameterDecl), 48u);
  EXPECT_EQ(offsetof(MI_ParameterDecl, type), 28u);
  EXPECT_EQ(offsetof(MI_ParameterDecl, offset), 44u);
  EXPECT_EQ(sizeof(MI_PropertyDecl), 72u);
  EXPECT_EQ(offsetof(MI_PropertyDecl, value), 64u);
  EXPECT_EQ(sizeof(MI_MethodDecl), 88u);
  EXPECT_EQ(offsetof(MI_MethodDecl, returnType), 48u);
  EXPECT_EQ(offsetof(MI_MethodDecl, function), 80u);
  EXPECT_EQ(sizeof(MI_Qualifier), 24u);
  EXPECT_EQ(sizeof(MI_QualifierDecl), 32u);
  EXPECT_EQ(offsetof(MI_QualifierDecl, value), 24u);
  EXPECT_EQ(sizeof(MI_SchemaDecl), 32u);
}

TEST(AbiClass, NamespaceBeforeServer) {
  EXPECT_EQ(sizeof(MI_Class), 64u);
  EXPECT_EQ(offsetof(MI_Class, namespaceName), 16u);
  EXPECT_EQ(offsetof(MI_Class, serverName), 24u);
  EXPECT_EQ(sizeof(MI_ClassFT), 14 * kPointer);
  EXPECT_EQ(SLOT(MI_ClassFT, GetElement), 32u);
  EXPECT_EQ(SLOT(MI_ClassFT, GetParentClassName), 80u);
  EXPECT_EQ(SLOT(MI_ClassFT, Clone), 104u);
  EXPECT_EQ(sizeof(MI_QualifierSet), 24u);
  EXPECT_EQ(sizeof(MI_ParameterSet), 24u);
  EXPECT_EQ(sizeof(MI_QualifierSetFT), 3 * kPointer);
  EXPECT_EQ(sizeof(MI_ParameterSetFT), 4 * kPointer);
}

TEST(AbiProvider, ModuleProviderContextServer) {
  EXPECT_EQ(sizeof(MI_ProviderFT), 14 * kPointer);
  EXPECT_EQ(SLOT(MI_ProviderFT, EnumerateInstances), 24u);
  EXPECT_EQ(SLOT(MI_ProviderFT, Invoke), 104u);
  EXPECT_EQ(sizeof(MI_Module), 48u);
  EXPECT_EQ(offsetof(MI_Module, schemaDecl), 16u);
  EXPECT_EQ(offsetof(MI_Module, dynamicProviderFT), 40u);
  EXPECT_EQ(sizeof(MI_Context), 32u);
  EXPECT_EQ(sizeof(MI_ContextFT), 31 * kPointer);
  EXPECT_EQ(SLOT(MI_ContextFT, PostResult), 0u);
  EXPECT_EQ(SLOT(MI_ContextFT, GetLocalSession), 104u);
  EXPECT_EQ(SLOT(MI_ContextFT, WriteMessage), 160u);
  EXPECT_EQ(SLOT(MI_ContextFT, PostError), 216u);
  EXPECT_EQ(SLOT(MI_ContextFT, GetLifecycleIndicationContext), 240u);
  EXPECT_EQ(sizeof(MI_Server), 40u);
  EXPECT_EQ(sizeof(MI_PropertySet), 32u);
  EXPECT_EQ(sizeof(MI_PropertySetFT), 8 * kPointer);
  EXPECT_EQ(sizeof(MI_Filter), 32u);
  EXPECT_EQ(sizeof(MI_LifecycleIndicationContextFT), 14 * kPointer);
}

TEST(AbiClientHandles, ReservedWordsThenTable) {
  EXPECT_EQ(sizeof(MI_Application), 24u);
  EXPECT_EQ(offsetof(MI_Application, ft), 16u);
  EXPECT_EQ(sizeof(MI_Session), 24u);
  EXPECT_EQ(sizeof(MI_Operation), 24u);
  EXPECT_EQ(sizeof(MI_HostedProvider), 24u);
  EXPECT_EQ(sizeof(MI_DestinationOptions), 24u);
  EXPECT_EQ(sizeof(MI_OperationOptions), 24u);
  EXPECT_EQ(sizeof(MI_SubscriptionDeliveryOptions), 24u);
  EXPECT_EQ(sizeof(MI_Serializer), 16u);
  EXPECT_EQ(sizeof(MI_Deserializer), 16u);
}

TEST(AbiClientTables, SlotOrder) {
  EXPECT_EQ(sizeof(MI_ApplicationFT), 11 * kPointer);
  EXPECT_EQ(SLOT(MI_ApplicationFT, NewSession), 1 * kPointer);
  EXPECT_EQ(SLOT(MI_ApplicationFT, NewInstance), 3 * kPointer);
  EXPECT_EQ(SLOT(MI_ApplicationFT, NewInstanceFromClass), 9 * kPointer);
  EXPECT_EQ(SLOT(MI_ApplicationFT, NewClass), 10 * kPointer);
  EXPECT_EQ(sizeof(MI_SessionFT), 15 * kPointer);
  EXPECT_EQ(SLOT(MI_SessionFT, Invoke), 6 * kPointer);
  EXPECT_EQ(SLOT(MI_SessionFT, Subscribe), 11 * kPointer);
  EXPECT_EQ(SLOT(MI_SessionFT, TestConnection), 14 * kPointer);
  EXPECT_EQ(sizeof(MI_OperationFT), 6 * kPointer);
  EXPECT_EQ(SLOT(MI_OperationFT, GetInstance), 3 * kPointer);
  EXPECT_EQ(sizeof(MI_DestinationOptionsFT), 15 * kPointer);
  EXPECT_EQ(SLOT(MI_DestinationOptionsFT, AddCredentials), 3 * kPointer);
  EXPECT_EQ(SLOT(MI_DestinationOptionsFT, Clone), 12 * kPointer);
  EXPECT_EQ(SLOT(MI_DestinationOptionsFT, GetInterval), 14 * kPointer);
  EXPECT_EQ(sizeof(MI_OperationOptionsFT), 13 * kPointer);
  EXPECT_EQ(SLOT(MI_OperationOptionsFT, SetCustomOption), 3 * kPointer);
  EXPECT_EQ(SLOT(MI_OperationOptionsFT, GetEnabledChannels), 9 * kPointer);
  EXPECT_EQ(sizeof(MI_SubscriptionDeliveryOptionsFT), 17 * kPointer);
  EXPECT_EQ(SLOT(MI_SubscriptionDeliveryOptionsFT, Delete), 5 * kPointer);
  EXPECT_EQ(sizeof(MI_HostedProviderFT), 2 * kPointer);
  EXPECT_EQ(sizeof(MI_SerializerFT), 3 * kPointer);
  EXPECT_EQ(sizeof(MI_DeserializerFT), 6 * kPointer);
  EXPECT_EQ(sizeof(MI_UtilitiesFT), 2 * kPointer);
  EXPECT_EQ(sizeof(MI_ClientFT_V1), 80u);
  EXPECT_EQ(offsetof(MI_ClientFT_V1, destinationOptionsFT), 56u);
  EXPECT_EQ(offsetof(MI_ClientFT_V1, utilitiesFT), 72u);
}

TEST(AbiCallbacks, FieldOrder) {
  EXPECT_EQ(sizeof(MI_OperationCallbacks), 9 * kPointer);
  EXPECT_EQ(offsetof(MI_OperationCallbacks, instanceResult), 5 * kPointer);
  EXPECT_EQ(offsetof(MI_OperationCallbacks, classResult), 7 * kPointer);
  EXPECT_EQ(sizeof(MI_SessionCallbacks), 3 * kPointer);
  EXPECT_EQ(sizeof(MI_UserCredentials), 32u);
  EXPECT_EQ(offsetof(MI_UserCredentials, credentials), 8u);
}

}  // namespace
