#include "core/class.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/instance.h"
#include "core/value.h"

namespace cimulate::core {
namespace {

// ---------------------------------------------------------------------------
// A schema written the way a provider generator writes it: static structs for the
// instance layout, static qualifiers, property/method/class decls.
// ---------------------------------------------------------------------------

struct Sample_Base {
  MI_Instance __instance;
  MI_ConstStringField Name;
};

struct Sample_Service {
  MI_Instance __instance;
  MI_ConstStringField Name;
  MI_ConstUint32Field Timeout;
  MI_ConstStringAField Tags;
  MI_ConstReferenceField Owner;
};

struct Sample_Service_Stop {
  MI_Instance __instance;
  MI_ConstUint32Field MIReturn;
  MI_ConstBooleanField Force;
  MI_ConstReferenceField Target;
};

constexpr MI_Uint32 kQualifierFlavor = MI_FLAG_ENABLEOVERRIDE | MI_FLAG_TOSUBCLASS;

const MI_Boolean kKeyValue = MI_TRUE;
const MI_Qualifier kKeyQualifier = {"Key", MI_BOOLEAN, MI_FLAG_DISABLEOVERRIDE | MI_FLAG_TOSUBCLASS, &kKeyValue};

const MI_Char* const kNameDescriptionValue = "The unique name of the service";
const MI_Qualifier kNameDescription = {"Description", MI_STRING, kQualifierFlavor | MI_FLAG_TRANSLATABLE,
                                       &kNameDescriptionValue};
const MI_Qualifier* const kNameQualifiers[] = {&kKeyQualifier, &kNameDescription};

const MI_PropertyDecl kBaseName = {
    MI_FLAG_PROPERTY | MI_FLAG_KEY, 0x006E6504, "Name", kNameQualifiers, 2, MI_STRING, nullptr, 0,
    offsetof(Sample_Base, Name), "Sample_Base", "Sample_Base", nullptr};
const MI_PropertyDecl* const kBaseProperties[] = {&kBaseName};

const MI_Char* const kBaseVersionValue = "1.0.0";
const MI_Qualifier kBaseVersion = {"ClassVersion", MI_STRING, kQualifierFlavor | MI_FLAG_RESTRICTED,
                                   &kBaseVersionValue};
const MI_Qualifier* const kBaseQualifiers[] = {&kBaseVersion};

const MI_ClassDecl kBaseDecl = {
    MI_FLAG_CLASS | MI_FLAG_ABSTRACT, 0x0073650B, "Sample_Base", kBaseQualifiers, 1, kBaseProperties, 1,
    sizeof(Sample_Base), nullptr, nullptr, nullptr, 0, nullptr, nullptr, nullptr};

// Sample_Service : Sample_Base.  Name is inherited and overridden here.
const MI_PropertyDecl kServiceName = {
    MI_FLAG_PROPERTY | MI_FLAG_KEY, 0x006E6504, "Name", kNameQualifiers, 2, MI_STRING, nullptr, 0,
    offsetof(Sample_Service, Name), "Sample_Base", "Sample_Service", nullptr};

const MI_Uint32 kTimeoutDefault = 42;
const MI_Sint64 kTimeoutMaxValue = -7;  // negative so a truncated copy would show
const MI_Qualifier kTimeoutMax = {"MaxValue", MI_SINT64, kQualifierFlavor, &kTimeoutMaxValue};
const MI_Qualifier* const kTimeoutQualifiers[] = {&kTimeoutMax};
const MI_PropertyDecl kServiceTimeout = {
    MI_FLAG_PROPERTY | MI_FLAG_READONLY, 0x00747407, "Timeout", kTimeoutQualifiers, 1, MI_UINT32, nullptr, 0,
    offsetof(Sample_Service, Timeout), "Sample_Service", "Sample_Service", &kTimeoutDefault};

const MI_Char* kTagsDefaultData[] = {"fast", "local"};
const MI_ConstStringA kTagsDefault = {kTagsDefaultData, 2};
const MI_PropertyDecl kServiceTags = {
    MI_FLAG_PROPERTY, 0x00747304, "Tags", nullptr, 0, MI_STRINGA, nullptr, 0,
    offsetof(Sample_Service, Tags), "Sample_Service", "Sample_Service", &kTagsDefault};

// Left with code 0, as hand-written decls often are.
const MI_PropertyDecl kServiceOwner = {
    MI_FLAG_PROPERTY, 0, "Owner", nullptr, 0, MI_REFERENCE, "Sample_Base", 0,
    offsetof(Sample_Service, Owner), "Sample_Service", "Sample_Service", nullptr};

const MI_PropertyDecl* const kServiceProperties[] = {&kServiceName, &kServiceTimeout, &kServiceTags,
                                                     &kServiceOwner};

const MI_Boolean kInValue = MI_TRUE;
const MI_Qualifier kInQualifier = {"In", MI_BOOLEAN, MI_FLAG_DISABLEOVERRIDE | MI_FLAG_TOSUBCLASS, &kInValue};
const MI_Qualifier* const kInQualifiers[] = {&kInQualifier};

const MI_ParameterDecl kStopReturn = {MI_FLAG_PARAMETER | MI_FLAG_OUT, 0x006D6E08, "MIReturn", nullptr, 0,
                                      MI_UINT32, nullptr, 0, offsetof(Sample_Service_Stop, MIReturn)};
const MI_ParameterDecl kStopForce = {MI_FLAG_PARAMETER | MI_FLAG_IN, 0x00666505, "Force", kInQualifiers, 1,
                                     MI_BOOLEAN, nullptr, 0, offsetof(Sample_Service_Stop, Force)};
const MI_ParameterDecl kStopTarget = {MI_FLAG_PARAMETER | MI_FLAG_IN, 0x00747406, "Target", kInQualifiers, 1,
                                      MI_REFERENCE, "Sample_Base", 0, offsetof(Sample_Service_Stop, Target)};
const MI_ParameterDecl* const kStopParameters[] = {&kStopReturn, &kStopForce, &kStopTarget};

const MI_Char* const kStopDescriptionValue = "Stops the service";
const MI_Qualifier kStopDescription = {"Description", MI_STRING, kQualifierFlavor, &kStopDescriptionValue};
const MI_Qualifier* const kStopQualifiers[] = {&kStopDescription};

void MI_CALL InvokeStop(void*, MI_Context*, const MI_Char*, const MI_Char*, const MI_Char*, const MI_Instance*,
                        const MI_Instance*) {}

const MI_MethodDecl kStopMethod = {
    MI_FLAG_METHOD, 0x00737004, "Stop", kStopQualifiers, 1, kStopParameters, 3, sizeof(Sample_Service_Stop),
    MI_UINT32, "Sample_Service", "Sample_Service", nullptr, InvokeStop};
const MI_MethodDecl* const kServiceMethods[] = {&kStopMethod};

const MI_Char* const kServiceDescriptionValue = "A sample service";
const MI_Qualifier kServiceDescription = {"Description", MI_STRING, kQualifierFlavor, &kServiceDescriptionValue};
const MI_Uint32 kServicePortsData[] = {80, 443};
const MI_ConstUint32A kServicePortsValue = {kServicePortsData, 2};
const MI_Qualifier kServicePorts = {"Ports", MI_UINT32A, kQualifierFlavor, &kServicePortsValue};
const MI_Qualifier* const kServiceQualifiers[] = {&kServiceDescription, &kServicePorts};

// Only its address matters: the class must pass it through untouched.
const MI_ProviderFT kServiceProviderFT = {};

const MI_SchemaDecl kSchema = {nullptr, 0, nullptr, 0};

const MI_ClassDecl kServiceDecl = {
    MI_FLAG_CLASS, 0x0073650E, "Sample_Service", kServiceQualifiers, 2, kServiceProperties, 4,
    sizeof(Sample_Service), "Sample_Base", &kBaseDecl, kServiceMethods, 1, &kSchema, &kServiceProviderFT, nullptr};

ClassPtr MakeClass(const MI_ClassDecl* decl, const MI_Char* name_space = "root/cimv2",
                   const MI_Char* server = "host1") {
  MI_Class* cls = nullptr;
  EXPECT_EQ(NewClass(decl, name_space, server, &cls), MI_RESULT_OK);
  return ClassPtr(cls);
}

// ---------------------------------------------------------------------------
// A heap copy of a decl graph, freed on demand, so that a class still pointing
// into it after the free trips AddressSanitizer.
// ---------------------------------------------------------------------------

class HeapDecl {
 public:
  explicit HeapDecl(const MI_ClassDecl* source) { decl_ = Class(source); }
  ~HeapDecl() { Free(); }

  const MI_ClassDecl* decl() const { return decl_; }

  // Overwrites, then frees everything.
  void Free() {
    for (auto& [block, size] : blocks_) {
      std::memset(block, 0xA5, size);
      std::free(block);
    }
    blocks_.clear();
    decl_ = nullptr;
  }

 private:
  void* Alloc(size_t size) {
    void* block = std::calloc(1, size);
    blocks_.emplace_back(block, size);
    return block;
  }

  template <typename T>
  T* Copy(const T& source) {
    auto* copy = static_cast<T*>(Alloc(sizeof(T)));
    std::memcpy(static_cast<void*>(copy), &source, sizeof(T));
    return copy;
  }

  const char* Str(const char* text) {
    if (text == nullptr) return nullptr;
    auto* copy = static_cast<char*>(Alloc(std::strlen(text) + 1));
    std::strcpy(copy, text);
    return copy;
  }

  const void* Value(MI_Uint32 type, const void* source) {
    if (source == nullptr) return nullptr;
    auto* value = static_cast<MI_Value*>(Alloc(sizeof(MI_Value)));
    std::memcpy(value, source, FieldValueSize(static_cast<MI_Type>(type)));
    if (type == MI_STRING) {
      value->string = const_cast<char*>(Str(value->string));
    } else if (type == MI_STRINGA) {
      auto** items = static_cast<MI_Char**>(Alloc(sizeof(MI_Char*) * value->stringa.size));
      for (MI_Uint32 i = 0; i < value->stringa.size; ++i)
        items[i] = const_cast<char*>(Str(value->stringa.data[i]));
      value->stringa.data = items;
    } else if (IsArrayType(static_cast<MI_Type>(type))) {
      size_t bytes = ElementSize(static_cast<MI_Type>(type)) * value->array.size;
      void* data = Alloc(bytes);
      std::memcpy(data, value->array.data, bytes);
      value->array.data = data;
    }
    return value;
  }

  template <typename T, typename F>
  const T* const* Table(const T* const* source, MI_Uint32 count, F copy) {
    if (source == nullptr) return nullptr;
    auto** table = static_cast<const T**>(Alloc(sizeof(T*) * count));
    for (MI_Uint32 i = 0; i < count; ++i) table[i] = copy(source[i]);
    return table;
  }

  const MI_Qualifier* const* Qualifiers(const MI_Qualifier* const* source, MI_Uint32 count) {
    return Table(source, count, [this](const MI_Qualifier* q) {
      MI_Qualifier* copy = Copy(*q);
      copy->name = Str(q->name);
      copy->value = Value(q->type, q->value);
      return copy;
    });
  }

  const MI_ClassDecl* Class(const MI_ClassDecl* source) {
    MI_ClassDecl* copy = Copy(*source);
    copy->name = Str(source->name);
    copy->superClass = Str(source->superClass);
    copy->qualifiers = Qualifiers(source->qualifiers, source->numQualifiers);
    copy->properties = Table(source->properties, source->numProperties, [this](const MI_PropertyDecl* p) {
      MI_PropertyDecl* property = Copy(*p);
      property->name = Str(p->name);
      property->className = Str(p->className);
      property->origin = Str(p->origin);
      property->propagator = Str(p->propagator);
      property->qualifiers = Qualifiers(p->qualifiers, p->numQualifiers);
      property->value = Value(p->type, p->value);
      return property;
    });
    copy->methods = Table(source->methods, source->numMethods, [this](const MI_MethodDecl* m) {
      MI_MethodDecl* method = Copy(*m);
      method->name = Str(m->name);
      method->origin = Str(m->origin);
      method->propagator = Str(m->propagator);
      method->qualifiers = Qualifiers(m->qualifiers, m->numQualifiers);
      method->parameters = Table(m->parameters, m->numParameters, [this](const MI_ParameterDecl* p) {
        MI_ParameterDecl* parameter = Copy(*p);
        parameter->name = Str(p->name);
        parameter->className = Str(p->className);
        parameter->qualifiers = Qualifiers(p->qualifiers, p->numQualifiers);
        return parameter;
      });
      return method;
    });
    if (source->superClassDecl) copy->superClassDecl = Class(source->superClassDecl);
    return copy;
  }

  const MI_ClassDecl* decl_ = nullptr;
  std::vector<std::pair<void*, size_t>> blocks_;
};

// ---------------------------------------------------------------------------
// Readers that check the whole Sample_Service shape through MI.h's wrappers.
// ---------------------------------------------------------------------------

void ExpectQualifier(const MI_QualifierSet& set, const char* name, MI_Type type, MI_Uint32 flavor,
                     MI_Uint32 expected_index) {
  MI_Type actual_type = MI_BOOLEAN;
  MI_Uint32 flags = 0, index = 99;
  MI_Value value;
  ASSERT_EQ(MI_QualifierSet_GetQualifier(&set, name, &actual_type, &flags, &value, &index), MI_RESULT_OK) << name;
  EXPECT_EQ(actual_type, type) << name;
  EXPECT_EQ(flags, flavor) << name;
  EXPECT_EQ(index, expected_index) << name;
}

void ExpectServiceClass(const MI_Class* cls) {
  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_Class_GetClassName(cls, &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "Sample_Service");

  MI_Uint32 count = 0;
  ASSERT_EQ(MI_Class_GetElementCount(cls, &count), MI_RESULT_OK);
  ASSERT_EQ(count, 4u);

  // Name: key string, no default, two qualifiers.
  MI_Value value;
  MI_Boolean exists = MI_TRUE;
  MI_Type type = MI_BOOLEAN;
  MI_Char* reference_class = const_cast<MI_Char*>("garbage");
  MI_QualifierSet qualifiers{};
  MI_Uint32 flags = 0, index = 99;
  ASSERT_EQ(MI_Class_GetElement(cls, "name", &value, &exists, &type, &reference_class, &qualifiers, &flags, &index),
            MI_RESULT_OK);
  EXPECT_EQ(index, 0u);
  EXPECT_FALSE(exists);
  EXPECT_EQ(type, MI_STRING);
  EXPECT_EQ(reference_class, nullptr);
  EXPECT_EQ(flags, static_cast<MI_Uint32>(MI_FLAG_PROPERTY | MI_FLAG_KEY));
  ASSERT_EQ(MI_QualifierSet_GetQualifierCount(&qualifiers, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 2u);
  ExpectQualifier(qualifiers, "KEY", MI_BOOLEAN, MI_FLAG_DISABLEOVERRIDE | MI_FLAG_TOSUBCLASS, 0);
  MI_Value qualifier_value;
  ASSERT_EQ(MI_QualifierSet_GetQualifier(&qualifiers, "Key", nullptr, nullptr, &qualifier_value, nullptr),
            MI_RESULT_OK);
  EXPECT_EQ(qualifier_value.boolean, MI_TRUE);
  const MI_Char* qualifier_name = nullptr;
  ASSERT_EQ(MI_QualifierSet_GetQualifierAt(&qualifiers, 1, &qualifier_name, &type, &flags, &qualifier_value),
            MI_RESULT_OK);
  EXPECT_STREQ(qualifier_name, "Description");
  EXPECT_EQ(type, MI_STRING);
  EXPECT_EQ(flags, static_cast<MI_Uint32>(kQualifierFlavor | MI_FLAG_TRANSLATABLE));
  EXPECT_STREQ(qualifier_value.string, "The unique name of the service");

  // Timeout: default 42 and a sint64 qualifier.
  ASSERT_EQ(MI_Class_GetElementAt(cls, 1, &text, &value, &exists, &type, nullptr, &qualifiers, &flags),
            MI_RESULT_OK);
  EXPECT_STREQ(text, "Timeout");
  EXPECT_TRUE(exists);
  EXPECT_EQ(type, MI_UINT32);
  EXPECT_EQ(value.uint32, 42u);
  EXPECT_EQ(flags, static_cast<MI_Uint32>(MI_FLAG_PROPERTY | MI_FLAG_READONLY));
  ASSERT_EQ(MI_QualifierSet_GetQualifier(&qualifiers, "MaxValue", &type, nullptr, &qualifier_value, nullptr),
            MI_RESULT_OK);
  EXPECT_EQ(type, MI_SINT64);
  EXPECT_EQ(qualifier_value.sint64, -7);

  // Tags: string array default, no qualifiers.
  ASSERT_EQ(MI_Class_GetElement(cls, "TAGS", &value, &exists, &type, nullptr, &qualifiers, nullptr, &index),
            MI_RESULT_OK);
  EXPECT_EQ(index, 2u);
  EXPECT_TRUE(exists);
  EXPECT_EQ(type, MI_STRINGA);
  ASSERT_EQ(value.stringa.size, 2u);
  EXPECT_STREQ(value.stringa.data[0], "fast");
  EXPECT_STREQ(value.stringa.data[1], "local");
  ASSERT_EQ(MI_QualifierSet_GetQualifierCount(&qualifiers, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 0u);

  // Owner: a reference to Sample_Base.
  ASSERT_EQ(MI_Class_GetElementAt(cls, 3, &text, &value, &exists, &type, &reference_class, nullptr, nullptr),
            MI_RESULT_OK);
  EXPECT_STREQ(text, "Owner");
  EXPECT_FALSE(exists);
  EXPECT_EQ(value.instance, nullptr);
  EXPECT_EQ(type, MI_REFERENCE);
  EXPECT_STREQ(reference_class, "Sample_Base");

  // Class qualifiers, including a uint32 array.
  ASSERT_EQ(MI_Class_GetClassQualifierSet(cls, &qualifiers), MI_RESULT_OK);
  ASSERT_EQ(MI_QualifierSet_GetQualifierCount(&qualifiers, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 2u);
  ExpectQualifier(qualifiers, "description", MI_STRING, kQualifierFlavor, 0);
  ASSERT_EQ(MI_QualifierSet_GetQualifierAt(&qualifiers, 1, &qualifier_name, &type, &flags, &qualifier_value),
            MI_RESULT_OK);
  EXPECT_STREQ(qualifier_name, "Ports");
  EXPECT_EQ(type, MI_UINT32A);
  ASSERT_EQ(qualifier_value.uint32a.size, 2u);
  EXPECT_EQ(qualifier_value.uint32a.data[0], 80u);
  EXPECT_EQ(qualifier_value.uint32a.data[1], 443u);

  // Method Stop(Force, Target) : uint32.
  ASSERT_EQ(MI_Class_GetMethodCount(cls, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 1u);
  MI_ParameterSet parameters{};
  ASSERT_EQ(MI_Class_GetMethod(cls, "STOP", &qualifiers, &parameters, &index), MI_RESULT_OK);
  EXPECT_EQ(index, 0u);
  ExpectQualifier(qualifiers, "Description", MI_STRING, kQualifierFlavor, 0);
  MI_QualifierSet return_qualifiers{};
  ASSERT_EQ(MI_ParameterSet_GetMethodReturnType(&parameters, &type, &return_qualifiers), MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT32);
  ASSERT_EQ(MI_QualifierSet_GetQualifier(&return_qualifiers, "Description", nullptr, nullptr, &qualifier_value,
                                         nullptr),
            MI_RESULT_OK);
  EXPECT_STREQ(qualifier_value.string, "Stops the service");
  ASSERT_EQ(MI_ParameterSet_GetParameterCount(&parameters, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 3u);
  ASSERT_EQ(MI_ParameterSet_GetParameterAt(&parameters, 1, &text, &type, &reference_class, &qualifiers),
            MI_RESULT_OK);
  EXPECT_STREQ(text, "Force");
  EXPECT_EQ(type, MI_BOOLEAN);
  EXPECT_EQ(reference_class, nullptr);
  ExpectQualifier(qualifiers, "In", MI_BOOLEAN, MI_FLAG_DISABLEOVERRIDE | MI_FLAG_TOSUBCLASS, 0);
  ASSERT_EQ(MI_ParameterSet_GetParameter(&parameters, "target", &type, &reference_class, &qualifiers, &index),
            MI_RESULT_OK);
  EXPECT_EQ(index, 2u);
  EXPECT_EQ(type, MI_REFERENCE);
  EXPECT_STREQ(reference_class, "Sample_Base");

  ASSERT_EQ(MI_Class_GetParentClassName(cls, &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "Sample_Base");
}

// The raw decl must match the source field by field, with no pointer shared.
void ExpectDeclCopied(const MI_ClassDecl* copy, const MI_ClassDecl* source) {
  EXPECT_NE(copy, source);
  EXPECT_EQ(copy->flags, source->flags);
  EXPECT_EQ(copy->code, source->code);
  EXPECT_STREQ(copy->name, source->name);
  EXPECT_NE(copy->name, source->name);
  EXPECT_EQ(copy->size, source->size);
  EXPECT_EQ(copy->numProperties, source->numProperties);
  EXPECT_EQ(copy->numQualifiers, source->numQualifiers);
  EXPECT_EQ(copy->numMethods, source->numMethods);
  EXPECT_EQ(copy->schema, nullptr);
  for (MI_Uint32 i = 0; i < source->numProperties; ++i) {
    const MI_PropertyDecl* p = copy->properties[i];
    const MI_PropertyDecl* q = source->properties[i];
    EXPECT_NE(p, q);
    EXPECT_EQ(p->flags, q->flags);
    EXPECT_EQ(p->type, q->type);
    EXPECT_EQ(p->offset, q->offset);
    EXPECT_EQ(p->subscript, q->subscript);
    EXPECT_EQ(p->code, q->code != 0 ? q->code : FeatureCode(q->name));
    EXPECT_STREQ(p->origin, q->origin);
    EXPECT_STREQ(p->propagator, q->propagator);
    EXPECT_NE(p->origin, q->origin);
    EXPECT_EQ(p->numQualifiers, q->numQualifiers);
    EXPECT_EQ(p->value == nullptr, q->value == nullptr);
    if (p->value != nullptr) {
      EXPECT_NE(p->value, q->value);
    }
  }
}

TEST(ClassTest, CopiesEveryPartOfTheDecl) {
  ClassPtr cls = MakeClass(&kServiceDecl);
  ASSERT_NE(cls, nullptr);
  EXPECT_EQ(cls->ft, &kClassFT);
  ExpectServiceClass(cls.get());

  const MI_ClassDecl* decl = cls->classDecl;
  ExpectDeclCopied(decl, &kServiceDecl);
  EXPECT_EQ(decl->owningClass, cls.get());
  EXPECT_EQ(decl->providerFT, &kServiceProviderFT);
  EXPECT_STREQ(decl->superClass, "Sample_Base");
  ASSERT_NE(decl->superClassDecl, nullptr);
  ExpectDeclCopied(decl->superClassDecl, &kBaseDecl);
  EXPECT_EQ(decl->superClassDecl->superClassDecl, nullptr);
  EXPECT_EQ(decl->properties[3]->code, FeatureCode("Owner"));  // filled in

  const MI_MethodDecl* stop = decl->methods[0];
  EXPECT_NE(stop, &kStopMethod);
  EXPECT_EQ(stop->function, &InvokeStop);
  EXPECT_EQ(stop->returnType, static_cast<MI_Uint32>(MI_UINT32));
  EXPECT_EQ(stop->size, sizeof(Sample_Service_Stop));
  EXPECT_EQ(stop->parameters[2]->offset, offsetof(Sample_Service_Stop, Target));
  EXPECT_EQ(stop->parameters[1]->flags, static_cast<MI_Uint32>(MI_FLAG_PARAMETER | MI_FLAG_IN));
  EXPECT_NE(stop->parameters[1], &kStopForce);

  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_Class_GetNameSpace(cls.get(), &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "root/cimv2");
  ASSERT_EQ(MI_Class_GetServerName(cls.get(), &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "host1");
  EXPECT_STREQ(cls->namespaceName, "root/cimv2");
  EXPECT_STREQ(cls->serverName, "host1");
}

TEST(ClassTest, SurvivesTheSourceDecl) {
  std::string name_space = "root/standardcimv2";
  std::string server = "server.example";
  auto heap = std::make_unique<HeapDecl>(&kServiceDecl);
  MI_Class* raw = nullptr;
  ASSERT_EQ(NewClass(heap->decl(), name_space.c_str(), server.c_str(), &raw), MI_RESULT_OK);
  ClassPtr cls(raw);
  heap.reset();
  name_space.assign(name_space.size(), 'x');
  server.clear();

  ExpectServiceClass(cls.get());
  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_Class_GetNameSpace(cls.get(), &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "root/standardcimv2");
  ASSERT_EQ(MI_Class_GetServerName(cls.get(), &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "server.example");

  MI_Class* parent = nullptr;
  ASSERT_EQ(MI_Class_GetParentClass(cls.get(), &parent), MI_RESULT_OK);
  ClassPtr parent_owner(parent);
  ASSERT_EQ(MI_Class_GetClassName(parent, &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "Sample_Base");
}

TEST(ClassTest, NullNamesStayNull) {
  MI_Class* raw = nullptr;
  ASSERT_EQ(NewClass(&kBaseDecl, nullptr, nullptr, &raw), MI_RESULT_OK);
  ClassPtr cls(raw);
  const MI_Char* text = "garbage";
  ASSERT_EQ(MI_Class_GetNameSpace(cls.get(), &text), MI_RESULT_OK);
  EXPECT_EQ(text, nullptr);
  text = "garbage";
  ASSERT_EQ(MI_Class_GetServerName(cls.get(), &text), MI_RESULT_OK);
  EXPECT_EQ(text, nullptr);
  MI_Uint32 count = 99;
  ASSERT_EQ(MI_Class_GetMethodCount(cls.get(), &count), MI_RESULT_OK);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(cls->classDecl->methods, nullptr);
}

TEST(ClassTest, CloneIsIndependent) {
  ClassPtr original = MakeClass(&kServiceDecl);
  MI_Class* raw = nullptr;
  ASSERT_EQ(MI_Class_Clone(original.get(), &raw), MI_RESULT_OK);
  ClassPtr clone(raw);
  EXPECT_NE(clone.get(), original.get());
  EXPECT_NE(clone->classDecl, original->classDecl);
  EXPECT_EQ(clone->classDecl->owningClass, clone.get());
  original.reset();

  ExpectServiceClass(clone.get());
  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_Class_GetNameSpace(clone.get(), &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "root/cimv2");
  ASSERT_EQ(MI_Class_GetServerName(clone.get(), &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "host1");
}

TEST(ClassTest, ParentClass) {
  ClassPtr service = MakeClass(&kServiceDecl);
  MI_Class* raw = nullptr;
  ASSERT_EQ(MI_Class_GetParentClass(service.get(), &raw), MI_RESULT_OK);
  ClassPtr base(raw);
  service.reset();  // the parent must not depend on the child

  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_Class_GetClassName(base.get(), &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "Sample_Base");
  ASSERT_EQ(MI_Class_GetNameSpace(base.get(), &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "root/cimv2");
  EXPECT_EQ(base->classDecl->owningClass, base.get());
  EXPECT_EQ(base->classDecl->flags, static_cast<MI_Uint32>(MI_FLAG_CLASS | MI_FLAG_ABSTRACT));
  MI_Uint32 count = 0;
  ASSERT_EQ(MI_Class_GetElementCount(base.get(), &count), MI_RESULT_OK);
  EXPECT_EQ(count, 1u);
  MI_Uint32 flags = 0;
  ASSERT_EQ(MI_Class_GetElementAt(base.get(), 0, &text, nullptr, nullptr, nullptr, nullptr, nullptr, &flags),
            MI_RESULT_OK);
  EXPECT_STREQ(text, "Name");
  EXPECT_TRUE(flags & MI_FLAG_KEY);
  MI_QualifierSet qualifiers{};
  ASSERT_EQ(MI_Class_GetClassQualifierSet(base.get(), &qualifiers), MI_RESULT_OK);
  ExpectQualifier(qualifiers, "ClassVersion", MI_STRING, kQualifierFlavor | MI_FLAG_RESTRICTED, 0);

  text = "garbage";
  ASSERT_EQ(MI_Class_GetParentClassName(base.get(), &text), MI_RESULT_OK);
  EXPECT_EQ(text, nullptr);
  MI_Class* grandparent = reinterpret_cast<MI_Class*>(0x1);
  EXPECT_EQ(MI_Class_GetParentClass(base.get(), &grandparent), MI_RESULT_INVALID_SUPERCLASS);
  EXPECT_EQ(grandparent, nullptr);
}

TEST(ClassTest, ParentKnownOnlyByName) {
  MI_ClassDecl decl = kServiceDecl;
  decl.superClassDecl = nullptr;
  ClassPtr cls = MakeClass(&decl);
  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_Class_GetParentClassName(cls.get(), &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "Sample_Base");
  MI_Class* parent = nullptr;
  EXPECT_EQ(MI_Class_GetParentClass(cls.get(), &parent), MI_RESULT_INVALID_SUPERCLASS);
  EXPECT_EQ(parent, nullptr);
}

// A superclass copy has no MI_Class of its own, whatever the source said.
TEST(ClassTest, SuperclassCopyHasNoOwningClass) {
  MI_ClassDecl base = kBaseDecl;
  base.owningClass = reinterpret_cast<MI_Class*>(-1);
  MI_ClassDecl service = kServiceDecl;
  service.superClassDecl = &base;
  service.owningClass = reinterpret_cast<MI_Class*>(-1);
  ClassPtr cls = MakeClass(&service);
  EXPECT_EQ(cls->classDecl->owningClass, cls.get());
  ASSERT_NE(cls->classDecl->superClassDecl, nullptr);
  EXPECT_EQ(cls->classDecl->superClassDecl->owningClass, nullptr);
}

TEST(ClassTest, LookupErrors) {
  ClassPtr cls = MakeClass(&kServiceDecl);
  const MI_Class* c = cls.get();
  MI_Uint32 index = 0;
  EXPECT_EQ(MI_Class_GetElement(c, "Missing", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, &index),
            MI_RESULT_NO_SUCH_PROPERTY);
  EXPECT_EQ(MI_Class_GetElement(c, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, &index),
            MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Class_GetElementAt(c, 4, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr),
            MI_RESULT_NO_SUCH_PROPERTY);
  EXPECT_EQ(MI_Class_GetMethod(c, "Start", nullptr, nullptr, &index), MI_RESULT_METHOD_NOT_FOUND);
  EXPECT_EQ(MI_Class_GetMethodAt(c, 1, nullptr, nullptr, nullptr), MI_RESULT_METHOD_NOT_FOUND);

  MI_QualifierSet qualifiers{};
  ASSERT_EQ(MI_Class_GetClassQualifierSet(c, &qualifiers), MI_RESULT_OK);
  EXPECT_EQ(MI_QualifierSet_GetQualifier(&qualifiers, "Missing", nullptr, nullptr, nullptr, nullptr),
            MI_RESULT_NOT_FOUND);
  EXPECT_EQ(MI_QualifierSet_GetQualifierAt(&qualifiers, 2, nullptr, nullptr, nullptr, nullptr), MI_RESULT_NOT_FOUND);
  EXPECT_EQ(MI_QualifierSet_GetQualifier(&qualifiers, nullptr, nullptr, nullptr, nullptr, nullptr),
            MI_RESULT_INVALID_PARAMETER);

  MI_ParameterSet parameters{};
  ASSERT_EQ(MI_Class_GetMethodAt(c, 0, nullptr, nullptr, &parameters), MI_RESULT_OK);
  EXPECT_EQ(MI_ParameterSet_GetParameter(&parameters, "Missing", nullptr, nullptr, nullptr, nullptr),
            MI_RESULT_NOT_FOUND);
  EXPECT_EQ(MI_ParameterSet_GetParameterAt(&parameters, 3, nullptr, nullptr, nullptr, nullptr), MI_RESULT_NOT_FOUND);

  EXPECT_EQ(MI_Class_GetClassName(c, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Class_GetNameSpace(c, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Class_GetElementCount(c, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Class_GetMethodCount(c, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Class_GetClassQualifierSet(c, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Class_GetParentClassName(c, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Class_GetParentClass(c, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Class_Clone(c, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_QualifierSet_GetQualifierCount(&qualifiers, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_ParameterSet_GetParameterCount(&parameters, nullptr), MI_RESULT_INVALID_PARAMETER);
}

TEST(ClassTest, RejectsForeignHandles) {
  // Our ft and a plausible state pointer, but not made by NewClass: no marker.
  int not_a_class = 0;
  MI_Class fake{};
  fake.ft = &kClassFT;
  fake.classDecl = &kServiceDecl;
  fake.reserved[0] = reinterpret_cast<ptrdiff_t>(&not_a_class);
  const MI_Char* text = nullptr;
  EXPECT_EQ(MI_Class_GetClassName(&fake, &text), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Class_Delete(&fake), MI_RESULT_INVALID_PARAMETER);
  MI_Class* out = nullptr;
  EXPECT_EQ(MI_Class_Clone(&fake, &out), MI_RESULT_INVALID_PARAMETER);

  ClassPtr cls = MakeClass(&kServiceDecl);
  MI_QualifierSet qualifiers{};
  ASSERT_EQ(MI_Class_GetClassQualifierSet(cls.get(), &qualifiers), MI_RESULT_OK);
  MI_QualifierSet forged = qualifiers;
  forged.reserved1 = 2;  // right count, no marker
  MI_Uint32 count = 0;
  EXPECT_EQ(MI_QualifierSet_GetQualifierCount(&forged, &count), MI_RESULT_INVALID_PARAMETER);

  MI_ParameterSet parameters{};
  ASSERT_EQ(MI_Class_GetMethodAt(cls.get(), 0, nullptr, nullptr, &parameters), MI_RESULT_OK);
  MI_ParameterSet forged_parameters = parameters;
  forged_parameters.reserved1 = 0;
  EXPECT_EQ(MI_ParameterSet_GetParameterCount(&forged_parameters, &count), MI_RESULT_INVALID_PARAMETER);
}

TEST(ClassTest, RejectsBadDecls) {
  MI_Class* cls = reinterpret_cast<MI_Class*>(0x1);
  EXPECT_EQ(NewClass(nullptr, nullptr, nullptr, &cls), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(cls, nullptr);
  EXPECT_EQ(NewClass(&kServiceDecl, nullptr, nullptr, nullptr), MI_RESULT_INVALID_PARAMETER);

  MI_ClassDecl unnamed = kServiceDecl;
  unnamed.name = nullptr;
  EXPECT_EQ(NewClass(&unnamed, nullptr, nullptr, &cls), MI_RESULT_INVALID_PARAMETER);

  MI_ClassDecl missing_array = kServiceDecl;
  missing_array.properties = nullptr;
  EXPECT_EQ(NewClass(&missing_array, nullptr, nullptr, &cls), MI_RESULT_INVALID_PARAMETER);

  // Fails after the first properties were copied: nothing may leak (LeakSanitizer).
  MI_PropertyDecl nameless = kServiceTags;
  nameless.name = nullptr;
  const MI_PropertyDecl* properties[] = {&kServiceName, &kServiceTimeout, &nameless};
  MI_ClassDecl bad_property = kServiceDecl;
  bad_property.properties = properties;
  bad_property.numProperties = 3;
  EXPECT_EQ(NewClass(&bad_property, nullptr, nullptr, &cls), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(cls, nullptr);

  MI_Qualifier bad_type = kServiceDescription;
  bad_type.type = 99;
  const MI_Qualifier* qualifiers[] = {&bad_type};
  MI_ClassDecl bad_qualifier = kBaseDecl;
  bad_qualifier.qualifiers = qualifiers;
  EXPECT_EQ(NewClass(&bad_qualifier, nullptr, nullptr, &cls), MI_RESULT_INVALID_PARAMETER);

  MI_ClassDecl loop = kBaseDecl;
  loop.superClassDecl = &loop;
  EXPECT_EQ(NewClass(&loop, nullptr, nullptr, &cls), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(cls, nullptr);
}

TEST(ClassTest, EmptyArraysWithoutPointers) {
  MI_ClassDecl bare = {};
  bare.name = "Bare";
  bare.flags = MI_FLAG_CLASS;
  bare.size = sizeof(MI_Instance);
  ClassPtr cls = MakeClass(&bare, nullptr, nullptr);
  ASSERT_NE(cls, nullptr);
  EXPECT_EQ(cls->classDecl->code, FeatureCode("Bare"));
  MI_Uint32 count = 99;
  ASSERT_EQ(MI_Class_GetElementCount(cls.get(), &count), MI_RESULT_OK);
  EXPECT_EQ(count, 0u);
  MI_QualifierSet qualifiers{};
  ASSERT_EQ(MI_Class_GetClassQualifierSet(cls.get(), &qualifiers), MI_RESULT_OK);
  ASSERT_EQ(MI_QualifierSet_GetQualifierCount(&qualifiers, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(MI_QualifierSet_GetQualifierAt(&qualifiers, 0, nullptr, nullptr, nullptr, nullptr), MI_RESULT_NOT_FOUND);
}

TEST(ClassTest, DeclaredInstanceFromClassDecl) {
  ClassPtr cls = MakeClass(&kServiceDecl);
  MI_Instance* raw = nullptr;
  ASSERT_EQ(NewDeclaredInstance(cls->classDecl, &raw), MI_RESULT_OK);
  InstancePtr instance(raw);

  MI_Boolean is_a = MI_FALSE;
  ASSERT_EQ(MI_Instance_IsA(instance.get(), cls->classDecl, &is_a), MI_RESULT_OK);
  EXPECT_TRUE(is_a);
  is_a = MI_FALSE;
  ASSERT_EQ(MI_Instance_IsA(instance.get(), &kBaseDecl, &is_a), MI_RESULT_OK);
  EXPECT_TRUE(is_a);
  MI_ClassDecl other = kBaseDecl;
  other.name = "Other_Class";
  ASSERT_EQ(MI_Instance_IsA(instance.get(), &other, &is_a), MI_RESULT_OK);
  EXPECT_FALSE(is_a);

  MI_Uint32 count = 0;
  ASSERT_EQ(MI_Instance_GetElementCount(instance.get(), &count), MI_RESULT_OK);
  EXPECT_EQ(count, 4u);
  MI_Value value;
  MI_Type type;
  MI_Uint32 flags = 0;
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Timeout", &value, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT32);
  EXPECT_EQ(value.uint32, 42u);
  EXPECT_FALSE(flags & MI_FLAG_NULL);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Name", &value, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_NULL);

  // And back: the instance's class is a fresh copy of the same shape.
  MI_Class* from_instance = nullptr;
  ASSERT_EQ(MI_Instance_GetClass(instance.get(), &from_instance), MI_RESULT_OK);
  ClassPtr round_trip(from_instance);
  ExpectServiceClass(round_trip.get());
}

}  // namespace
}  // namespace cimulate::core
