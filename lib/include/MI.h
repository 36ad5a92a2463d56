/*
 * MI.h: the Management Infrastructure (MI) C API, as cimulate implements it.
 *
 * This header is binary compatible with the Unix MI.h shipped by OMI (MI_Char is
 * UTF-8 'char', MI_API_VERSION 2, LP64): identical constants, struct layouts and
 * function-table slot orders, so that programs and providers built against OMI's
 * header run against libcimulate-mi.so and vice versa.  tests/unit/core/abi_test.cc
 * pins the sizes, offsets and slot positions.
 *
 * Shape of the API:
 *   - Handles (MI_Application, MI_Session, MI_Operation, the option objects) are
 *     small caller-owned structs whose last member is a function table ('ft').
 *   - Every MI_Xxx_Yyy function below is a static inline wrapper that checks the
 *     handle and its ft, then calls through the table.  The only exported
 *     function is MI_Application_InitializeV1; the only exported data symbol is
 *     mi_clientFT_V1, behind the MI_Serializer_* and MI_Utilities_* macros.
 *   - Instances and classes carry their 'ft' first; provider-side objects
 *     (MI_Context, MI_PropertySet, MI_Filter) likewise.
 */
#ifndef CIMULATE_MI_H_
#define CIMULATE_MI_H_

#include <stddef.h>
#include <string.h>

/* Character type: 1 = char (UTF-8), the only width cimulate builds. */
#ifndef MI_CHAR_TYPE
#define MI_CHAR_TYPE 1
#endif
#if MI_CHAR_TYPE != 1
#error "cimulate's MI.h supports MI_CHAR_TYPE 1 (UTF-8 char) only"
#endif

/* OMI-built servers compile with -DMI_CONST= to relax constness; layouts are equal. */
#ifndef MI_CONST
#define MI_CONST const
#endif

#ifndef MI_API_VERSION
#define MI_API_VERSION 2
#endif
#if MI_API_VERSION != 1 && MI_API_VERSION != 2
#error "MI_API_VERSION must be 1 or 2"
#endif

/* Provider module version (MI_Module.version).  API v2 defaults to 1.1.0. */
#ifndef MI_MAJOR
#define MI_MAJOR ((MI_Uint32)1)
#endif
#ifndef MI_MINOR
#if MI_API_VERSION == 2
#define MI_MINOR ((MI_Uint32)1)
#else
#define MI_MINOR ((MI_Uint32)0)
#endif
#endif
#ifndef MI_REVISION
#define MI_REVISION ((MI_Uint32)0)
#endif
#define MI_MAKE_VERSION(MAJ, MIN, REV) ((MAJ << 16) | (MIN << 8) | REV)
#define MI_VERSION MI_MAKE_VERSION(MI_MAJOR, MI_MINOR, MI_REVISION)

#define MI_UNREFERENCED_PARAMETER(P) (void)(P)

/* Windows source annotations: empty here, defined so that annotated provider code compiles. */
#ifndef _In_
#define _In_
#endif
#ifndef _In_opt_
#define _In_opt_
#endif
#ifndef _In_z_
#define _In_z_
#endif
#ifndef _In_opt_z_
#define _In_opt_z_
#endif
#ifndef _Out_
#define _Out_
#endif
#ifndef _Out_opt_
#define _Out_opt_
#endif
#ifndef _Outptr_
#define _Outptr_
#endif
#ifndef _Outptr_result_z_
#define _Outptr_result_z_
#endif
#ifndef _Outptr_result_maybenull_
#define _Outptr_result_maybenull_
#endif
#ifndef _Outptr_opt_result_maybenull_
#define _Outptr_opt_result_maybenull_
#endif
#ifndef _Outptr_result_maybenull_z_
#define _Outptr_result_maybenull_z_
#endif
#ifndef _Outptr_opt_result_z_
#define _Outptr_opt_result_z_
#endif
#ifndef _Outptr_opt_result_maybenull_z_
#define _Outptr_opt_result_maybenull_z_
#endif
#ifndef _Inout_
#define _Inout_
#endif
#ifndef _Out_writes_z_
#define _Out_writes_z_(n)
#endif
#ifndef _Out_writes_bytes_
#define _Out_writes_bytes_(n)
#endif
#ifndef _Out_writes_opt_
#define _Out_writes_opt_(n)
#endif
#ifndef _Out_writes_to_opt_
#define _Out_writes_to_opt_(n, m)
#endif
#ifndef _In_reads_
#define _In_reads_(n)
#endif
#ifndef _In_reads_opt_
#define _In_reads_opt_(n)
#endif
#ifndef _Pre_writable_size_
#define _Pre_writable_size_(n)
#endif
#ifndef _Return_type_success_
#define _Return_type_success_(e)
#endif

#if defined(__GNUC__)
#define MI_EXPORT __attribute__((visibility("default")))
#else
#define MI_EXPORT
#endif
#define MI_IMPORT
#define MI_MAIN_CALL
#define MI_CALL
#define MI_INLINE static inline
#define MI_LINKAGE MI_EXPORT

#define MI_OFFSETOF(STRUCT, FIELD) (((ptrdiff_t) & (((STRUCT*)1)->FIELD)) - 1)

#ifdef __cplusplus
#define MI_EXTERN_C extern "C"
#else
#define MI_EXTERN_C extern
#endif

#define MI_COUNT(X) (sizeof(X) / sizeof(X[0]))
#define MI_T(STR) STR
#define MI_LL(X) X##LL
#define MI_ULL(X) X##ULL

#ifdef __cplusplus
extern "C" {
#endif

/* ===========================================================================
 * Scalars, results and enumerations
 * ======================================================================== */

typedef unsigned char MI_Boolean;
typedef unsigned char MI_Uint8;
typedef signed char MI_Sint8;
typedef unsigned short MI_Uint16;
typedef signed short MI_Sint16;
typedef unsigned int MI_Uint32;
typedef signed int MI_Sint32;
typedef unsigned long long MI_Uint64;
typedef signed long long MI_Sint64;
typedef float MI_Real32;
typedef double MI_Real64;
typedef unsigned short MI_Char16; /* a UTF-16 code unit; not char16_t */
typedef char MI_Char;
typedef const MI_Char* MI_ConstStringPtr;

#define MI_TRUE ((MI_Boolean)1)
#define MI_FALSE ((MI_Boolean)0)

/* Result codes: the CIM status codes of DSP0200 (18 and 19 are unassigned). */
typedef enum _MI_Result {
    MI_RESULT_OK = 0,
    MI_RESULT_FAILED = 1,
    MI_RESULT_ACCESS_DENIED = 2,
    MI_RESULT_INVALID_NAMESPACE = 3,
    MI_RESULT_INVALID_PARAMETER = 4,
    MI_RESULT_INVALID_CLASS = 5,
    MI_RESULT_NOT_FOUND = 6,
    MI_RESULT_NOT_SUPPORTED = 7,
    MI_RESULT_CLASS_HAS_CHILDREN = 8,
    MI_RESULT_CLASS_HAS_INSTANCES = 9,
    MI_RESULT_INVALID_SUPERCLASS = 10,
    MI_RESULT_ALREADY_EXISTS = 11,
    MI_RESULT_NO_SUCH_PROPERTY = 12,
    MI_RESULT_TYPE_MISMATCH = 13,
    MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED = 14,
    MI_RESULT_INVALID_QUERY = 15,
    MI_RESULT_METHOD_NOT_AVAILABLE = 16,
    MI_RESULT_METHOD_NOT_FOUND = 17,
    MI_RESULT_NAMESPACE_NOT_EMPTY = 20,
    MI_RESULT_INVALID_ENUMERATION_CONTEXT = 21,
    MI_RESULT_INVALID_OPERATION_TIMEOUT = 22,
    MI_RESULT_PULL_HAS_BEEN_ABANDONED = 23,
    MI_RESULT_PULL_CANNOT_BE_ABANDONED = 24,
    MI_RESULT_FILTERED_ENUMERATION_NOT_SUPPORTED = 25,
    MI_RESULT_CONTINUATION_ON_ERROR_NOT_SUPPORTED = 26,
    MI_RESULT_SERVER_LIMITS_EXCEEDED = 27,
    MI_RESULT_SERVER_IS_SHUTTING_DOWN = 28
} MI_Result;

typedef enum _MI_ErrorCategory {
    MI_ERRORCATEGORY_NOT_SPECIFIED = 0,
    MI_ERRORCATEGORY_OPEN_ERROR = 1,
    MI_ERRORCATEGORY_CLOS_EERROR = 2, /* sic: the historical spelling is the API */
    MI_ERRORCATEGORY_DEVICE_ERROR = 3,
    MI_ERRORCATEGORY_DEADLOCK_DETECTED = 4,
    MI_ERRORCATEGORY_INVALID_ARGUMENT = 5,
    MI_ERRORCATEGORY_INVALID_DATA = 6,
    MI_ERRORCATEGORY_INVALID_OPERATION = 7,
    MI_ERRORCATEGORY_INVALID_RESULT = 8,
    MI_ERRORCATEGORY_INVALID_TYPE = 9,
    MI_ERRORCATEGORY_METADATA_ERROR = 10,
    MI_ERRORCATEGORY_NOT_IMPLEMENTED = 11,
    MI_ERRORCATEGORY_NOT_INSTALLED = 12,
    MI_ERRORCATEGORY_OBJECT_NOT_FOUND = 13,
    MI_ERRORCATEGORY_OPERATION_STOPPED = 14,
    MI_ERRORCATEGORY_OPERATION_TIMEOUT = 15,
    MI_ERRORCATEGORY_SYNTAX_ERROR = 16,
    MI_ERRORCATEGORY_PARSER_ERROR = 17,
    MI_ERRORCATEGORY_ACCESS_DENIED = 18,
    MI_ERRORCATEGORY_RESOURCE_BUSY = 19,
    MI_ERRORCATEGORY_RESOURCE_EXISTS = 20,
    MI_ERRORCATEGORY_RESOURCE_UNAVAILABLE = 21,
    MI_ERRORCATEGORY_READ_ERROR = 22,
    MI_ERRORCATEGORY_WRITE_ERROR = 23,
    MI_ERRORCATEGORY_FROM_STDERR = 24,
    MI_ERRORCATEGORY_SECURITY_ERROR = 25,
    MI_ERRORCATEGORY_PROTOCOL_ERROR = 26,
    MI_ERRORCATEGORY_CONNECTION_ERROR = 27,
    MI_ERRORCATEGORY_AUTHENTICATION_ERROR = 28,
    MI_ERRORCATEGORY_LIMITS_EXCEEDED = 29,
    MI_ERRORCATEGORY_QUOTA_EXCEEDED = 30,
    MI_ERRORCATEGORY_NOT_ENABLED = 31
} MI_ErrorCategory;

typedef enum _MI_PromptType { MI_PROMPTTYPE_NORMAL, MI_PROMPTTYPE_CRITICAL } MI_PromptType;

typedef enum _MI_CallbackMode {
    MI_CALLBACKMODE_REPORT,
    MI_CALLBACKMODE_INQUIRE,
    MI_CALLBACKMODE_IGNORE
} MI_CallbackMode;

typedef enum _MI_ProviderArchitecture {
    MI_PROVIDER_ARCHITECTURE_32BIT,
    MI_PROVIDER_ARCHITECTURE_64BIT
} MI_ProviderArchitecture;

#define MI_QUERY_DIALECT_WQL MI_T("WQL")
#define MI_QUERY_DIALECT_CQL MI_T("CQL")
#define MI_QUERY_DIALECT_SELECTOR MI_T("selectorFilter")

/* Meta types; also qualifier scopes. */
#define MI_FLAG_CLASS (1 << 0)
#define MI_FLAG_METHOD (1 << 1)
#define MI_FLAG_PROPERTY (1 << 2)
#define MI_FLAG_PARAMETER (1 << 3)
#define MI_FLAG_ASSOCIATION (1 << 4)
#define MI_FLAG_INDICATION (1 << 5)
#define MI_FLAG_REFERENCE (1 << 6)
#define MI_FLAG_ANY (1 | 2 | 4 | 8 | 16 | 32 | 64)
/* Qualifier flavors. */
#define MI_FLAG_ENABLEOVERRIDE (1 << 7)
#define MI_FLAG_DISABLEOVERRIDE (1 << 8)
#define MI_FLAG_RESTRICTED (1 << 9)
#define MI_FLAG_TOSUBCLASS (1 << 10)
#define MI_FLAG_TRANSLATABLE (1 << 11)
/* Boolean qualifiers carried as flags. */
#define MI_FLAG_KEY (1 << 12)
#define MI_FLAG_IN (1 << 13)
#define MI_FLAG_OUT (1 << 14)
#define MI_FLAG_REQUIRED (1 << 15)
#define MI_FLAG_STATIC (1 << 16)
#define MI_FLAG_ABSTRACT (1 << 17)
#define MI_FLAG_TERMINAL (1 << 18)
#define MI_FLAG_EXPENSIVE (1 << 19)
#define MI_FLAG_STREAM (1 << 20)
#define MI_FLAG_READONLY (1 << 21)
#define MI_FLAG_TOINSTANCE (1 << 22) /* accepted and ignored */
/* Value and memory-ownership flags. */
#define MI_FLAG_NOT_MODIFIED (1 << 25)
#define MI_FLAG_VERSION (1 << 26 | 1 << 27 | 1 << 28)
#define MI_FLAG_NULL (1 << 29)
#define MI_FLAG_BORROW (1 << 30)
#define MI_FLAG_ADOPT ((MI_Uint32)((MI_Uint32)1 << 31))

/* CIM type tags.  An array tag is its scalar tag with the MI_ARRAY bit (16) set. */
typedef enum _MI_Type {
    MI_BOOLEAN = 0,
    MI_UINT8 = 1,
    MI_SINT8 = 2,
    MI_UINT16 = 3,
    MI_SINT16 = 4,
    MI_UINT32 = 5,
    MI_SINT32 = 6,
    MI_UINT64 = 7,
    MI_SINT64 = 8,
    MI_REAL32 = 9,
    MI_REAL64 = 10,
    MI_CHAR16 = 11,
    MI_DATETIME = 12,
    MI_STRING = 13,
    MI_REFERENCE = 14,
    MI_INSTANCE = 15,
    MI_BOOLEANA = 16,
    MI_UINT8A = 17,
    MI_SINT8A = 18,
    MI_UINT16A = 19,
    MI_SINT16A = 20,
    MI_UINT32A = 21,
    MI_SINT32A = 22,
    MI_UINT64A = 23,
    MI_SINT64A = 24,
    MI_REAL32A = 25,
    MI_REAL64A = 26,
    MI_CHAR16A = 27,
    MI_DATETIMEA = 28,
    MI_STRINGA = 29,
    MI_REFERENCEA = 30,
    MI_INSTANCEA = 31,
    MI_ARRAY = 16
} MI_Type;

/* ===========================================================================
 * Datetime, arrays, MI_Value and the field layouts of instance storage
 * ======================================================================== */

/* A point in time (CIM yyyymmddHHMMSS.mmmmmmsUUU); utc is the offset in minutes. */
typedef struct _MI_Timestamp {
    MI_Uint32 year;
    MI_Uint32 month;
    MI_Uint32 day;
    MI_Uint32 hour;
    MI_Uint32 minute;
    MI_Uint32 second;
    MI_Uint32 microseconds;
    MI_Sint32 utc;
} MI_Timestamp;

/* A duration (CIM ddddddddHHMMSS.mmmmmm:000), padded to the size of MI_Timestamp. */
typedef struct _MI_Interval {
    MI_Uint32 days;
    MI_Uint32 hours;
    MI_Uint32 minutes;
    MI_Uint32 seconds;
    MI_Uint32 microseconds;
    MI_Uint32 __padding1;
    MI_Uint32 __padding2;
    MI_Uint32 __padding3;
} MI_Interval;

typedef struct _MI_Datetime {
    MI_Uint32 isTimestamp; /* a full 32-bit word, not an MI_Boolean */
    union {
        MI_Timestamp timestamp;
        MI_Interval interval;
    } u;
} MI_Datetime;

/* Forward declarations shared by both halves of the API. */
typedef struct _MI_Server MI_Server;
typedef struct _MI_Context MI_Context;
typedef struct _MI_ClassDecl MI_ClassDecl;
typedef struct _MI_Instance MI_Instance;
typedef struct _MI_Filter MI_Filter;
typedef struct _MI_PropertySet MI_PropertySet;
typedef struct _MI_Qualifier MI_Qualifier;
typedef struct _MI_Session MI_Session;
typedef struct _MI_ServerFT MI_ServerFT;
typedef struct _MI_ProviderFT MI_ProviderFT;
typedef struct _MI_PropertySetFT MI_PropertySetFT;
typedef struct _MI_InstanceFT MI_InstanceFT;
typedef struct _MI_ContextFT MI_ContextFT;
typedef struct _MI_FilterFT MI_FilterFT;
typedef struct _MI_Class MI_Class;

/* Arrays: { data, size }.  The Const twins share the layout. */
typedef struct _MI_BooleanA { MI_Boolean* data; MI_Uint32 size; } MI_BooleanA;
typedef struct _MI_Uint8A { MI_Uint8* data; MI_Uint32 size; } MI_Uint8A;
typedef struct _MI_Sint8A { MI_Sint8* data; MI_Uint32 size; } MI_Sint8A;
typedef struct _MI_Uint16A { MI_Uint16* data; MI_Uint32 size; } MI_Uint16A;
typedef struct _MI_Sint16A { MI_Sint16* data; MI_Uint32 size; } MI_Sint16A;
typedef struct _MI_Uint32A { MI_Uint32* data; MI_Uint32 size; } MI_Uint32A;
typedef struct _MI_Sint32A { MI_Sint32* data; MI_Uint32 size; } MI_Sint32A;
typedef struct _MI_Uint64A { MI_Uint64* data; MI_Uint32 size; } MI_Uint64A;
typedef struct _MI_Sint64A { MI_Sint64* data; MI_Uint32 size; } MI_Sint64A;
typedef struct _MI_Real32A { MI_Real32* data; MI_Uint32 size; } MI_Real32A;
typedef struct _MI_Real64A { MI_Real64* data; MI_Uint32 size; } MI_Real64A;
typedef struct _MI_Char16A { MI_Char16* data; MI_Uint32 size; } MI_Char16A;
typedef struct _MI_DatetimeA { MI_Datetime* data; MI_Uint32 size; } MI_DatetimeA;
typedef struct _MI_StringA { MI_Char** data; MI_Uint32 size; } MI_StringA;
typedef struct _MI_ReferenceA { struct _MI_Instance** data; MI_Uint32 size; } MI_ReferenceA;
typedef struct _MI_InstanceA { MI_Instance** data; MI_Uint32 size; } MI_InstanceA;
typedef struct _MI_Array { void* data; MI_Uint32 size; } MI_Array;

typedef struct _MI_ConstBooleanA { MI_CONST MI_Boolean* data; MI_Uint32 size; } MI_ConstBooleanA;
typedef struct _MI_ConstUint8A { MI_CONST MI_Uint8* data; MI_Uint32 size; } MI_ConstUint8A;
typedef struct _MI_ConstSint8A { MI_CONST MI_Sint8* data; MI_Uint32 size; } MI_ConstSint8A;
typedef struct _MI_ConstUint16A { MI_CONST MI_Uint16* data; MI_Uint32 size; } MI_ConstUint16A;
typedef struct _MI_ConstSint16A { MI_CONST MI_Sint16* data; MI_Uint32 size; } MI_ConstSint16A;
typedef struct _MI_ConstUint32A { MI_CONST MI_Uint32* data; MI_Uint32 size; } MI_ConstUint32A;
typedef struct _MI_ConstSint32A { MI_CONST MI_Sint32* data; MI_Uint32 size; } MI_ConstSint32A;
typedef struct _MI_ConstUint64A { MI_CONST MI_Uint64* data; MI_Uint32 size; } MI_ConstUint64A;
typedef struct _MI_ConstSint64A { MI_CONST MI_Sint64* data; MI_Uint32 size; } MI_ConstSint64A;
typedef struct _MI_ConstReal32A { MI_CONST MI_Real32* data; MI_Uint32 size; } MI_ConstReal32A;
typedef struct _MI_ConstReal64A { MI_CONST MI_Real64* data; MI_Uint32 size; } MI_ConstReal64A;
typedef struct _MI_ConstChar16A { MI_CONST MI_Char16* data; MI_Uint32 size; } MI_ConstChar16A;
typedef struct _MI_ConstDatetimeA { MI_CONST MI_Datetime* data; MI_Uint32 size; } MI_ConstDatetimeA;
typedef struct _MI_ConstStringA { MI_CONST MI_Char* MI_CONST* data; MI_Uint32 size; } MI_ConstStringA;
typedef struct _MI_ConstReferenceA { MI_CONST MI_Instance* MI_CONST* data; MI_Uint32 size; } MI_ConstReferenceA;
typedef struct _MI_ConstInstanceA { MI_CONST MI_Instance* MI_CONST* data; MI_Uint32 size; } MI_ConstInstanceA;

/* Any CIM value; the MI_Type travels beside it.  40 bytes, 8-byte aligned. */
typedef union _MI_Value {
    MI_Boolean boolean;
    MI_Uint8 uint8;
    MI_Sint8 sint8;
    MI_Uint16 uint16;
    MI_Sint16 sint16;
    MI_Uint32 uint32;
    MI_Sint32 sint32;
    MI_Uint64 uint64;
    MI_Sint64 sint64;
    MI_Real32 real32;
    MI_Real64 real64;
    MI_Char16 char16;
    MI_Datetime datetime;
    MI_Char* string;
    MI_Instance* instance;
    MI_Instance* reference;
    MI_BooleanA booleana;
    MI_Uint8A uint8a;
    MI_Sint8A sint8a;
    MI_Uint16A uint16a;
    MI_Sint16A sint16a;
    MI_Uint32A uint32a;
    MI_Sint32A sint32a;
    MI_Uint64A uint64a;
    MI_Sint64A sint64a;
    MI_Real32A real32a;
    MI_Real64A real64a;
    MI_Char16A char16a;
    MI_DatetimeA datetimea;
    MI_StringA stringa;
    MI_ReferenceA referencea;
    MI_InstanceA instancea;
    MI_Array array;
} MI_Value;

/*
 * Fields: how a property is stored inside an instance (and inside structs that
 * provider generators emit): the value, then 'exists' (non-NULL), then a byte of
 * flags private to the implementation.
 */
typedef struct _MI_BooleanField { MI_Boolean value; MI_Boolean exists; MI_Uint8 flags; } MI_BooleanField;
typedef struct _MI_Sint8Field { MI_Sint8 value; MI_Boolean exists; MI_Uint8 flags; } MI_Sint8Field;
typedef struct _MI_Uint8Field { MI_Uint8 value; MI_Boolean exists; MI_Uint8 flags; } MI_Uint8Field;
typedef struct _MI_Sint16Field { MI_Sint16 value; MI_Boolean exists; MI_Uint8 flags; } MI_Sint16Field;
typedef struct _MI_Uint16Field { MI_Uint16 value; MI_Boolean exists; MI_Uint8 flags; } MI_Uint16Field;
typedef struct _MI_Sint32Field { MI_Sint32 value; MI_Boolean exists; MI_Uint8 flags; } MI_Sint32Field;
typedef struct _MI_Uint32Field { MI_Uint32 value; MI_Boolean exists; MI_Uint8 flags; } MI_Uint32Field;
typedef struct _MI_Sint64Field { MI_Sint64 value; MI_Boolean exists; MI_Uint8 flags; } MI_Sint64Field;
typedef struct _MI_Uint64Field { MI_Uint64 value; MI_Boolean exists; MI_Uint8 flags; } MI_Uint64Field;
typedef struct _MI_Real32Field { MI_Real32 value; MI_Boolean exists; MI_Uint8 flags; } MI_Real32Field;
typedef struct _MI_Real64Field { MI_Real64 value; MI_Boolean exists; MI_Uint8 flags; } MI_Real64Field;
typedef struct _MI_Char16Field { MI_Char16 value; MI_Boolean exists; MI_Uint8 flags; } MI_Char16Field;
typedef struct _MI_DatetimeField { MI_Datetime value; MI_Boolean exists; MI_Uint8 flags; } MI_DatetimeField;
typedef struct _MI_StringField { MI_Char* value; MI_Boolean exists; MI_Uint8 flags; } MI_StringField;
typedef struct _MI_ReferenceField { MI_Instance* value; MI_Boolean exists; MI_Uint8 flags; } MI_ReferenceField;
typedef struct _MI_InstanceField { MI_Instance* value; MI_Boolean exists; MI_Uint8 flags; } MI_InstanceField;
typedef struct _MI_BooleanAField { MI_BooleanA value; MI_Boolean exists; MI_Uint8 flags; } MI_BooleanAField;
typedef struct _MI_Uint8AField { MI_Uint8A value; MI_Boolean exists; MI_Uint8 flags; } MI_Uint8AField;
typedef struct _MI_Sint8AField { MI_Sint8A value; MI_Boolean exists; MI_Uint8 flags; } MI_Sint8AField;
typedef struct _MI_Uint16AField { MI_Uint16A value; MI_Boolean exists; MI_Uint8 flags; } MI_Uint16AField;
typedef struct _MI_Sint16AField { MI_Sint16A value; MI_Boolean exists; MI_Uint8 flags; } MI_Sint16AField;
typedef struct _MI_Uint32AField { MI_Uint32A value; MI_Boolean exists; MI_Uint8 flags; } MI_Uint32AField;
typedef struct _MI_Sint32AField { MI_Sint32A value; MI_Boolean exists; MI_Uint8 flags; } MI_Sint32AField;
typedef struct _MI_Uint64AField { MI_Uint64A value; MI_Boolean exists; MI_Uint8 flags; } MI_Uint64AField;
typedef struct _MI_Sint64AField { MI_Sint64A value; MI_Boolean exists; MI_Uint8 flags; } MI_Sint64AField;
typedef struct _MI_Real32AField { MI_Real32A value; MI_Boolean exists; MI_Uint8 flags; } MI_Real32AField;
typedef struct _MI_Real64AField { MI_Real64A value; MI_Boolean exists; MI_Uint8 flags; } MI_Real64AField;
typedef struct _MI_Char16AField { MI_Char16A value; MI_Boolean exists; MI_Uint8 flags; } MI_Char16AField;
typedef struct _MI_DatetimeAField { MI_DatetimeA value; MI_Boolean exists; MI_Uint8 flags; } MI_DatetimeAField;
typedef struct _MI_StringAField { MI_StringA value; MI_Boolean exists; MI_Uint8 flags; } MI_StringAField;
typedef struct _MI_ReferenceAField { MI_ReferenceA value; MI_Boolean exists; MI_Uint8 flags; } MI_ReferenceAField;
typedef struct _MI_InstanceAField { MI_InstanceA value; MI_Boolean exists; MI_Uint8 flags; } MI_InstanceAField;
typedef struct _MI_ArrayField { MI_Array value; MI_Boolean exists; MI_Uint8 flags; } MI_ArrayField;

typedef struct _MI_ConstBooleanField { MI_Boolean value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstBooleanField;
typedef struct _MI_ConstSint8Field { MI_Sint8 value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstSint8Field;
typedef struct _MI_ConstUint8Field { MI_Uint8 value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstUint8Field;
typedef struct _MI_ConstSint16Field { MI_Sint16 value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstSint16Field;
typedef struct _MI_ConstUint16Field { MI_Uint16 value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstUint16Field;
typedef struct _MI_ConstSint32Field { MI_Sint32 value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstSint32Field;
typedef struct _MI_ConstUint32Field { MI_Uint32 value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstUint32Field;
typedef struct _MI_ConstSint64Field { MI_Sint64 value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstSint64Field;
typedef struct _MI_ConstUint64Field { MI_Uint64 value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstUint64Field;
typedef struct _MI_ConstReal32Field { MI_Real32 value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstReal32Field;
typedef struct _MI_ConstReal64Field { MI_Real64 value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstReal64Field;
typedef struct _MI_ConstChar16Field { MI_Char16 value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstChar16Field;
typedef struct _MI_ConstDatetimeField { MI_Datetime value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstDatetimeField;
typedef struct _MI_ConstStringField { MI_CONST MI_Char* value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstStringField;
typedef struct _MI_ConstReferenceField { MI_CONST MI_Instance* value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstReferenceField;
typedef struct _MI_ConstInstanceField { MI_CONST MI_Instance* value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstInstanceField;
typedef struct _MI_ConstBooleanAField { MI_ConstBooleanA value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstBooleanAField;
typedef struct _MI_ConstUint8AField { MI_ConstUint8A value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstUint8AField;
typedef struct _MI_ConstSint8AField { MI_ConstSint8A value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstSint8AField;
typedef struct _MI_ConstUint16AField { MI_ConstUint16A value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstUint16AField;
typedef struct _MI_ConstSint16AField { MI_ConstSint16A value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstSint16AField;
typedef struct _MI_ConstUint32AField { MI_ConstUint32A value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstUint32AField;
typedef struct _MI_ConstSint32AField { MI_ConstSint32A value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstSint32AField;
typedef struct _MI_ConstUint64AField { MI_ConstUint64A value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstUint64AField;
typedef struct _MI_ConstSint64AField { MI_ConstSint64A value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstSint64AField;
typedef struct _MI_ConstReal32AField { MI_ConstReal32A value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstReal32AField;
typedef struct _MI_ConstReal64AField { MI_ConstReal64A value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstReal64AField;
typedef struct _MI_ConstChar16AField { MI_ConstChar16A value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstChar16AField;
typedef struct _MI_ConstDatetimeAField { MI_ConstDatetimeA value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstDatetimeAField;
typedef struct _MI_ConstStringAField { MI_ConstStringA value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstStringAField;
typedef struct _MI_ConstReferenceAField { MI_ConstReferenceA value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstReferenceAField;
typedef struct _MI_ConstInstanceAField { MI_ConstInstanceA value; MI_Boolean exists; MI_Uint8 flags; } MI_ConstInstanceAField;

/* ===========================================================================
 * Provider side: server, filters, property sets
 * ======================================================================== */

struct _MI_ServerFT {
    MI_Result(MI_CALL* GetVersion)(MI_Uint32* version);
    MI_Result(MI_CALL* GetSystemName)(const MI_Char** systemName);
};

/* Handed to MI_Main: the host's tables for everything a provider may construct. */
struct _MI_Server {
    const MI_ServerFT* serverFT;
    const MI_ContextFT* contextFT;
    const MI_InstanceFT* instanceFT;
    const MI_PropertySetFT* propertySetFT;
    const MI_FilterFT* filterFT;
};

/* Declared here, defined by each provider module (generated code forwards them to the
 * MI_Server it was given); no library exports them. */
MI_Result MI_CALL MI_Server_GetVersion(MI_Uint32* version);
MI_Result MI_CALL MI_Server_GetSystemName(const MI_Char** systemName);

struct _MI_FilterFT {
    MI_Result(MI_CALL* Evaluate)(const MI_Filter* self, const MI_Instance* instance, MI_Boolean* result);
    MI_Result(MI_CALL* GetExpression)(const MI_Filter* self, const MI_Char** queryLang, const MI_Char** queryExpr);
};

struct _MI_Filter {
    const MI_FilterFT* ft;
    ptrdiff_t reserved[3];
};

MI_INLINE MI_Result MI_CALL MI_Filter_Evaluate(const MI_Filter* self, const MI_Instance* instance, MI_Boolean* result)
{
    return (self && self->ft) ? self->ft->Evaluate(self, instance, result) : MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_CALL MI_Filter_GetExpression(const MI_Filter* self, const MI_Char** queryLang, const MI_Char** queryExpr)
{
    return (self && self->ft) ? self->ft->GetExpression(self, queryLang, queryExpr) : MI_RESULT_INVALID_PARAMETER;
}

struct _MI_PropertySetFT {
    MI_Result(MI_CALL* GetElementCount)(const MI_PropertySet* self, MI_Uint32* count);
    MI_Result(MI_CALL* ContainsElement)(const MI_PropertySet* self, const MI_Char* name, MI_Boolean* flag);
    MI_Result(MI_CALL* AddElement)(MI_PropertySet* self, const MI_Char* name);
    MI_Result(MI_CALL* GetElementAt)(const MI_PropertySet* self, MI_Uint32 index, const MI_Char** name);
    MI_Result(MI_CALL* Clear)(MI_PropertySet* self);
    MI_Result(MI_CALL* Destruct)(MI_PropertySet* self);
    MI_Result(MI_CALL* Delete)(MI_PropertySet* self);
    MI_Result(MI_CALL* Clone)(const MI_PropertySet* self, MI_PropertySet** newPropertySet);
};

/* A set of property names: clients build them, providers read them. */
struct _MI_PropertySet {
    const MI_PropertySetFT* ft;
    ptrdiff_t reserved[3];
};

MI_INLINE MI_Result MI_CALL MI_PropertySet_GetElementCount(const MI_PropertySet* self, MI_Uint32* count)
{
    return (self && self->ft) ? self->ft->GetElementCount(self, count) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_PropertySet_ContainsElement(const MI_PropertySet* self, const MI_Char* name, MI_Boolean* flag)
{
    return (self && self->ft) ? self->ft->ContainsElement(self, name, flag) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_PropertySet_AddElement(MI_PropertySet* self, const MI_Char* name)
{
    return (self && self->ft) ? self->ft->AddElement(self, name) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_PropertySet_GetElementAt(const MI_PropertySet* self, MI_Uint32 index, const MI_Char** name)
{
    return (self && self->ft) ? self->ft->GetElementAt(self, index, name) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_PropertySet_Clear(MI_PropertySet* self)
{
    return (self && self->ft) ? self->ft->Clear(self) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_PropertySet_Destruct(MI_PropertySet* self)
{
    return (self && self->ft) ? self->ft->Destruct(self) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_PropertySet_Delete(MI_PropertySet* self)
{
    return (self && self->ft) ? self->ft->Delete(self) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_PropertySet_Clone(const MI_PropertySet* self, MI_PropertySet** newPropertySet)
{
    return (self && self->ft) ? self->ft->Clone(self, newPropertySet) : MI_RESULT_INVALID_PARAMETER;
}

/* ===========================================================================
 * Schema declarations (RTTI).  Every decl starts with the MI_FeatureDecl fields.
 * code = (tolower(name[0]) << 16) | (tolower(name[len-1]) << 8) | len.
 * ======================================================================== */

typedef struct _MI_FeatureDecl {
    MI_Uint32 flags;
    MI_Uint32 code;
    MI_CONST MI_Char* name;
    MI_Qualifier MI_CONST* MI_CONST* qualifiers;
    MI_Uint32 numQualifiers;
} MI_FeatureDecl;

/* Common head of classes and methods.  For methods 'properties' are parameters. */
typedef struct _MI_ObjectDecl {
    MI_Uint32 flags;
    MI_Uint32 code;
    MI_CONST MI_Char* name;
    MI_Qualifier MI_CONST* MI_CONST* qualifiers;
    MI_Uint32 numQualifiers;
    struct _MI_PropertyDecl MI_CONST* MI_CONST* properties;
    MI_Uint32 numProperties;
    MI_Uint32 size; /* bytes of the instance (or parameter) structure */
} MI_ObjectDecl;

struct _MI_ClassDecl {
    MI_Uint32 flags; /* MI_FLAG_CLASS, _ASSOCIATION, _INDICATION, _ABSTRACT, _TERMINAL */
    MI_Uint32 code;
    MI_CONST MI_Char* name;
    struct _MI_Qualifier MI_CONST* MI_CONST* qualifiers;
    MI_Uint32 numQualifiers;
    struct _MI_PropertyDecl MI_CONST* MI_CONST* properties;
    MI_Uint32 numProperties;
    MI_Uint32 size;
    MI_CONST MI_Char* superClass;
    MI_ClassDecl MI_CONST* superClassDecl;
    struct _MI_MethodDecl MI_CONST* MI_CONST* methods;
    MI_Uint32 numMethods;
    struct _MI_SchemaDecl MI_CONST* schema;
    MI_CONST MI_ProviderFT* providerFT; /* NULL: no provider serves this class */
    /* NULL for a static decl, (MI_Class*)-1 for one owned by a dynamic instance,
     * otherwise the MI_Class that owns this decl. */
    MI_Class* owningClass;
};

typedef struct _MI_ParameterDecl {
    MI_Uint32 flags;
    MI_Uint32 code;
    MI_CONST MI_Char* name;
    MI_Qualifier MI_CONST* MI_CONST* qualifiers;
    MI_Uint32 numQualifiers;
    MI_Uint32 type;                /* MI_Type */
    MI_CONST MI_Char* className;   /* class of a reference or embedded instance */
    MI_Uint32 subscript;           /* fixed array size, 0 if none */
    MI_Uint32 offset;              /* where the field lives in the instance */
} MI_ParameterDecl;

typedef struct _MI_PropertyDecl {
    MI_Uint32 flags;
    MI_Uint32 code;
    MI_CONST MI_Char* name;
    MI_Qualifier MI_CONST* MI_CONST* qualifiers;
    MI_Uint32 numQualifiers;
    MI_Uint32 type;
    MI_CONST MI_Char* className;
    MI_Uint32 subscript;
    MI_Uint32 offset;
    MI_CONST MI_Char* origin;      /* class that first declared the property */
    MI_CONST MI_Char* propagator;  /* class that last declared it */
    MI_CONST void* value;          /* default value, or NULL */
} MI_PropertyDecl;

typedef void(MI_CALL* MI_MethodDecl_Invoke)(void* self, MI_Context* context, const MI_Char* nameSpace,
                                            const MI_Char* className, const MI_Char* methodName,
                                            const MI_Instance* instanceName, const MI_Instance* parameters);

typedef struct _MI_MethodDecl {
    MI_Uint32 flags; /* MI_FLAG_METHOD, MI_FLAG_STATIC */
    MI_Uint32 code;
    MI_CONST MI_Char* name;
    struct _MI_Qualifier MI_CONST* MI_CONST* qualifiers;
    MI_Uint32 numQualifiers;
    struct _MI_ParameterDecl MI_CONST* MI_CONST* parameters;
    MI_Uint32 numParameters;
    MI_Uint32 size;
    MI_Uint32 returnType;
    MI_CONST MI_Char* origin;
    MI_CONST MI_Char* propagator;
    struct _MI_SchemaDecl MI_CONST* schema;
    MI_MethodDecl_Invoke function;
} MI_MethodDecl;

typedef struct _MI_QualifierDecl {
    MI_CONST MI_Char* name;
    MI_Uint32 type;
    MI_Uint32 scope;
    MI_Uint32 flavor;
    MI_Uint32 subscript;
    MI_CONST void* value;
} MI_QualifierDecl;

struct _MI_Qualifier {
    MI_CONST MI_Char* name;
    MI_Uint32 type;
    MI_Uint32 flavor;
    MI_CONST void* value;
};

typedef struct _MI_SchemaDecl {
    MI_QualifierDecl MI_CONST* MI_CONST* qualifierDecls;
    MI_Uint32 numQualifierDecls;
    MI_ClassDecl MI_CONST* MI_CONST* classDecls;
    MI_Uint32 numClassDecls;
} MI_SchemaDecl;

/* ===========================================================================
 * Provider function table and module
 * ======================================================================== */

typedef struct _MI_Module_Self MI_Module_Self; /* defined by each provider module */

typedef void(MI_CALL* MI_ProviderFT_Load)(void** self, MI_Module_Self* selfModule, MI_Context* context);
typedef void(MI_CALL* MI_ProviderFT_Unload)(void* self, MI_Context* context);
typedef void(MI_CALL* MI_ProviderFT_GetInstance)(void* self, MI_Context* context, const MI_Char* nameSpace,
                                                 const MI_Char* className, const MI_Instance* instanceName,
                                                 const MI_PropertySet* propertySet);
typedef void(MI_CALL* MI_ProviderFT_EnumerateInstances)(void* self, MI_Context* context, const MI_Char* nameSpace,
                                                        const MI_Char* className, const MI_PropertySet* propertySet,
                                                        MI_Boolean keysOnly, const MI_Filter* filter);
typedef void(MI_CALL* MI_ProviderFT_CreateInstance)(void* self, MI_Context* context, const MI_Char* nameSpace,
                                                    const MI_Char* className, const MI_Instance* newInstance);
typedef void(MI_CALL* MI_ProviderFT_ModifyInstance)(void* self, MI_Context* context, const MI_Char* nameSpace,
                                                    const MI_Char* className, const MI_Instance* modifiedInstance,
                                                    const MI_PropertySet* propertySet);
typedef void(MI_CALL* MI_ProviderFT_DeleteInstance)(void* self, MI_Context* context, const MI_Char* nameSpace,
                                                    const MI_Char* className, const MI_Instance* instanceName);
typedef void(MI_CALL* MI_ProviderFT_AssociatorInstances)(void* self, MI_Context* context, const MI_Char* nameSpace,
                                                         const MI_Char* className, const MI_Instance* instanceName,
                                                         const MI_Char* resultClass, const MI_Char* role,
                                                         const MI_Char* resultRole, const MI_PropertySet* propertySet,
                                                         MI_Boolean keysOnly, const MI_Filter* filter);
typedef void(MI_CALL* MI_ProviderFT_ReferenceInstances)(void* self, MI_Context* context, const MI_Char* nameSpace,
                                                        const MI_Char* className, const MI_Instance* instanceName,
                                                        const MI_Char* role, const MI_PropertySet* propertySet,
                                                        MI_Boolean keysOnly, const MI_Filter* filter);
typedef void(MI_CALL* MI_ProviderFT_EnableIndications)(void* self, MI_Context* indicationsContext,
                                                       const MI_Char* nameSpace, const MI_Char* className);
typedef void(MI_CALL* MI_ProviderFT_DisableIndications)(void* self, MI_Context* indicationsContext,
                                                        const MI_Char* nameSpace, const MI_Char* className);
typedef void(MI_CALL* MI_ProviderFT_Subscribe)(void* self, MI_Context* context, const MI_Char* nameSpace,
                                               const MI_Char* className, const MI_Filter* filter,
                                               const MI_Char* bookmark, MI_Uint64 subscriptionID,
                                               void** subscriptionSelf);
typedef void(MI_CALL* MI_ProviderFT_Unsubscribe)(void* self, MI_Context* context, const MI_Char* nameSpace,
                                                 const MI_Char* className, MI_Uint64 subscriptionID,
                                                 void* subscriptionSelf);
typedef void(MI_CALL* MI_ProviderFT_Invoke)(void* self, MI_Context* context, const MI_Char* nameSpace,
                                            const MI_Char* className, const MI_Char* methodName,
                                            const MI_Instance* instanceName, const MI_Instance* inputParameters);

struct _MI_ProviderFT {
    MI_ProviderFT_Load Load;
    MI_ProviderFT_Unload Unload;
    MI_ProviderFT_GetInstance GetInstance;
    MI_ProviderFT_EnumerateInstances EnumerateInstances;
    MI_ProviderFT_CreateInstance CreateInstance;
    MI_ProviderFT_ModifyInstance ModifyInstance;
    MI_ProviderFT_DeleteInstance DeleteInstance;
    MI_ProviderFT_AssociatorInstances AssociatorInstances;
    MI_ProviderFT_ReferenceInstances ReferenceInstances;
    MI_ProviderFT_EnableIndications EnableIndications;
    MI_ProviderFT_DisableIndications DisableIndications;
    MI_ProviderFT_Subscribe Subscribe;
    MI_ProviderFT_Unsubscribe Unsubscribe;
    MI_ProviderFT_Invoke Invoke;
};

#define MI_MODULE_FLAG_STANDARD_QUALIFIERS (1 << 0)
#define MI_MODULE_FLAG_DESCRIPTIONS (1 << 1)
#define MI_MODULE_FLAG_VALUES (1 << 2)
#define MI_MODULE_FLAG_MAPPING_STRINGS (1 << 3)
#define MI_MODULE_FLAG_BOOLEANS (1 << 4)
#define MI_MODULE_FLAG_CPLUSPLUS (1 << 5)
#define MI_MODULE_FLAG_LOCALIZED (1 << 6)
#define MI_MODULE_FLAG_FILTER_SUPPORT (1 << 7)

typedef void(MI_CALL* MI_Module_Load)(MI_Module_Self** self, MI_Context* context);
typedef void(MI_CALL* MI_Module_Unload)(MI_Module_Self* self, MI_Context* context);

/* What a provider library's MI_Main returns. */
typedef struct _MI_Module {
    MI_Uint32 version;           /* MI_VERSION of the header it was built with */
    MI_Uint32 generatorVersion;
    MI_Uint32 flags;             /* MI_MODULE_FLAG_* */
    MI_Uint32 charSize;          /* sizeof(MI_Char) */
    MI_SchemaDecl* schemaDecl;
    MI_Module_Load Load;
    MI_Module_Unload Unload;
    const MI_ProviderFT* dynamicProviderFT;
} MI_Module;

#if defined(GetClassName)
#undef GetClassName
#endif

/* ===========================================================================
 * MI_Instance
 * ======================================================================== */

struct _MI_InstanceFT {
    MI_Result(MI_CALL* Clone)(const MI_Instance* self, MI_Instance** newInstance);
    MI_Result(MI_CALL* Destruct)(MI_Instance* self);
    MI_Result(MI_CALL* Delete)(MI_Instance* self);
    MI_Result(MI_CALL* IsA)(const MI_Instance* self, const MI_ClassDecl* classDecl, MI_Boolean* flag);
    MI_Result(MI_CALL* GetClassName)(const MI_Instance* self, const MI_Char** className);
    MI_Result(MI_CALL* SetNameSpace)(MI_Instance* self, const MI_Char* nameSpace);
    MI_Result(MI_CALL* GetNameSpace)(const MI_Instance* self, const MI_Char** nameSpace);
    MI_Result(MI_CALL* GetElementCount)(const MI_Instance* self, MI_Uint32* count);
    MI_Result(MI_CALL* AddElement)(MI_Instance* self, const MI_Char* name, const MI_Value* value, MI_Type type,
                                   MI_Uint32 flags);
    MI_Result(MI_CALL* SetElement)(MI_Instance* self, const MI_Char* name, const MI_Value* value, MI_Type type,
                                   MI_Uint32 flags);
    MI_Result(MI_CALL* SetElementAt)(MI_Instance* self, MI_Uint32 index, const MI_Value* value, MI_Type type,
                                     MI_Uint32 flags);
    MI_Result(MI_CALL* GetElement)(const MI_Instance* self, const MI_Char* name, MI_Value* value, MI_Type* type,
                                   MI_Uint32* flags, MI_Uint32* index);
    MI_Result(MI_CALL* GetElementAt)(const MI_Instance* self, MI_Uint32 index, const MI_Char** name, MI_Value* value,
                                     MI_Type* type, MI_Uint32* flags);
    MI_Result(MI_CALL* ClearElement)(MI_Instance* self, const MI_Char* name);
    MI_Result(MI_CALL* ClearElementAt)(MI_Instance* self, MI_Uint32 index);
    MI_Result(MI_CALL* GetServerName)(const MI_Instance* self, const MI_Char** name);
    MI_Result(MI_CALL* SetServerName)(MI_Instance* self, const MI_Char* name);
    MI_Result(MI_CALL* GetClass)(const MI_Instance* self, MI_Class** instanceClass);
};

/*
 * A CIM instance.  Property values follow this 64-byte header at the offsets the
 * class declaration gives, in the MI_XxxField layout; generated provider structs
 * begin with an MI_Instance named __instance.  'reserved' belongs to the
 * implementation that created the instance.
 */
struct _MI_Instance {
    const MI_InstanceFT* ft;
    const MI_ClassDecl* classDecl;
    const MI_Char* serverName; /* optional */
    const MI_Char* nameSpace;  /* optional */
    ptrdiff_t reserved[4];
};

#define MI_InstanceOf(inst) (&(inst)->__instance)

MI_INLINE MI_Result MI_CALL MI_Instance_Clone(const MI_Instance* self, MI_Instance** newInstance)
{
    return (self && self->ft) ? self->ft->Clone(self, newInstance) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_Destruct(MI_Instance* self)
{
    return (self && self->ft) ? self->ft->Destruct(self) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_Delete(MI_Instance* self)
{
    return (self && self->ft) ? self->ft->Delete(self) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_IsA(const MI_Instance* self, const MI_ClassDecl* classDecl, MI_Boolean* flag)
{
    return (self && self->ft) ? self->ft->IsA(self, classDecl, flag) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_GetClassName(const MI_Instance* self, const MI_Char** className)
{
    return (self && self->ft) ? self->ft->GetClassName(self, className) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_SetNameSpace(MI_Instance* self, const MI_Char* nameSpace)
{
    return (self && self->ft) ? self->ft->SetNameSpace(self, nameSpace) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_GetNameSpace(const MI_Instance* self, const MI_Char** nameSpace)
{
    return (self && self->ft) ? self->ft->GetNameSpace(self, nameSpace) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_GetElementCount(const MI_Instance* self, MI_Uint32* count)
{
    return (self && self->ft) ? self->ft->GetElementCount(self, count) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_AddElement(MI_Instance* self, const MI_Char* name, const MI_Value* value,
                                                   MI_Type type, MI_Uint32 flags)
{
    return (self && self->ft) ? self->ft->AddElement(self, name, value, type, flags) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_SetElementAt(MI_Instance* self, MI_Uint32 index, const MI_Value* value,
                                                     MI_Type type, MI_Uint32 flags)
{
    return (self && self->ft) ? self->ft->SetElementAt(self, index, value, type, flags) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_SetElement(MI_Instance* self, const MI_Char* name, const MI_Value* value,
                                                   MI_Type type, MI_Uint32 flags)
{
    return (self && self->ft) ? self->ft->SetElement(self, name, value, type, flags) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_GetElement(const MI_Instance* self, const MI_Char* name, MI_Value* value,
                                                   MI_Type* type, MI_Uint32* flags, MI_Uint32* index)
{
    return (self && self->ft) ? self->ft->GetElement(self, name, value, type, flags, index)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_GetElementAt(const MI_Instance* self, MI_Uint32 index, const MI_Char** name,
                                                     MI_Value* value, MI_Type* type, MI_Uint32* flags)
{
    return (self && self->ft) ? self->ft->GetElementAt(self, index, name, value, type, flags)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_ClearElement(MI_Instance* self, const MI_Char* name)
{
    return (self && self->ft) ? self->ft->ClearElement(self, name) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_ClearElementAt(MI_Instance* self, MI_Uint32 index)
{
    return (self && self->ft) ? self->ft->ClearElementAt(self, index) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_GetServerName(const MI_Instance* self, const MI_Char** name)
{
    return (self && self->ft) ? self->ft->GetServerName(self, name) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_SetServerName(MI_Instance* self, const MI_Char* name)
{
    return (self && self->ft) ? self->ft->SetServerName(self, name) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Instance_GetClass(const MI_Instance* self, MI_Class** instanceClass)
{
    return (self && self->ft) ? self->ft->GetClass(self, instanceClass) : MI_RESULT_INVALID_PARAMETER;
}

/* ===========================================================================
 * MI_Context: what a provider talks to while it serves one request
 * ======================================================================== */

#define MI_MAX_LOCALE_SIZE 128

typedef enum _MI_LocaleType {
    MI_LOCALE_TYPE_REQUESTED_UI,
    MI_LOCALE_TYPE_REQUESTED_DATA,
    MI_LOCALE_TYPE_CLOSEST_UI,
    MI_LOCALE_TYPE_CLOSEST_DATA
} MI_LocaleType;

typedef enum _MI_CancellationReason {
    MI_REASON_NONE,
    MI_REASON_TIMEOUT,
    MI_REASON_SHUTDOWN,
    MI_REASON_SERVICESTOP
} MI_CancellationReason;

typedef void(MI_CALL* MI_CancelCallback)(MI_CancellationReason reason, void* callbackData);

#define MI_WRITEMESSAGE_CHANNEL_WARNING 0
#define MI_WRITEMESSAGE_CHANNEL_VERBOSE 1
#define MI_WRITEMESSAGE_CHANNEL_DEBUG 2

#define MI_RESULT_TYPE_MI MI_T("MI")
#define MI_RESULT_TYPE_HRESULT MI_T("HRESULT")
#define MI_RESULT_TYPE_WIN32 MI_T("WIN32")
#define MI_RESULT_TYPE_ERRNO MI_T("ERRNO")
#define MI_RESULT_TYPE_WINRM MI_T("WINRM")

#if MI_API_VERSION == 2
typedef struct _MI_LifecycleIndicationContext MI_LifecycleIndicationContext;
#endif

struct _MI_ContextFT {
    /* Posting results */
    MI_Result(MI_CALL* PostResult)(MI_Context* context, MI_Result result);
    MI_Result(MI_CALL* PostInstance)(MI_Context* context, const MI_Instance* instance);
    MI_Result(MI_CALL* PostIndication)(MI_Context* context, const MI_Instance* indication,
                                       MI_Uint32 subscriptionIDCount, const MI_Char* bookmark);
    /* Factories */
    MI_Result(MI_CALL* ConstructInstance)(MI_Context* context, const MI_ClassDecl* classDecl, MI_Instance* instance);
    MI_Result(MI_CALL* ConstructParameters)(MI_Context* context, const MI_MethodDecl* methodDecl,
                                            MI_Instance* instance);
    MI_Result(MI_CALL* NewInstance)(MI_Context* context, const MI_ClassDecl* classDecl, MI_Instance** instance);
    MI_Result(MI_CALL* NewDynamicInstance)(MI_Context* context, const MI_Char* className, MI_Uint32 flags,
                                           MI_Instance** instance);
    MI_Result(MI_CALL* NewParameters)(MI_Context* context, const MI_MethodDecl* methodDecl, MI_Instance** instance);
    /* Request state */
    MI_Result(MI_CALL* Canceled)(const MI_Context* context, MI_Boolean* flag);
    MI_Result(MI_CALL* GetLocale)(const MI_Context* context, MI_LocaleType localeType,
                                  MI_Char locale[MI_MAX_LOCALE_SIZE]);
    MI_Result(MI_CALL* RegisterCancel)(MI_Context* context, MI_CancelCallback callback, void* callbackData);
    MI_Result(MI_CALL* RequestUnload)(MI_Context* context);
    MI_Result(MI_CALL* RefuseUnload)(MI_Context* context);
    MI_Result(MI_CALL* GetLocalSession)(const MI_Context* context, MI_Session* session);
    MI_Result(MI_CALL* SetStringOption)(MI_Context* context, const MI_Char* name, const MI_Char* value);
    /* Operation options of the request */
    MI_Result(MI_CALL* GetStringOption)(MI_Context* context, const MI_Char* name, const MI_Char** value);
    MI_Result(MI_CALL* GetNumberOption)(MI_Context* context, const MI_Char* name, MI_Uint32* value);
    MI_Result(MI_CALL* GetCustomOption)(MI_Context* context, const MI_Char* name, MI_Type* valueType,
                                        MI_Value* value);
    MI_Result(MI_CALL* GetCustomOptionCount)(MI_Context* context, MI_Uint32* count);
    MI_Result(MI_CALL* GetCustomOptionAt)(MI_Context* context, MI_Uint32 index, const MI_Char** name,
                                          MI_Type* valueType, MI_Value* value);
    /* CIM extensions */
    MI_Result(MI_CALL* WriteMessage)(MI_Context* context, MI_Uint32 channel, const MI_Char* message);
    MI_Result(MI_CALL* WriteProgress)(MI_Context* context, const MI_Char* activity, const MI_Char* currentOperation,
                                      const MI_Char* statusDescription, MI_Uint32 percentComplete,
                                      MI_Uint32 secondsRemaining);
    MI_Result(MI_CALL* WriteStreamParameter)(MI_Context* context, const MI_Char* name, const MI_Value* value,
                                             MI_Type type, MI_Uint32 flags);
    MI_Result(MI_CALL* WriteCimError)(MI_Context* context, const MI_Instance* error, MI_Boolean* flag);
    MI_Result(MI_CALL* PromptUser)(MI_Context* context, const MI_Char* message, MI_PromptType promptType,
                                   MI_Boolean* result);
    MI_Result(MI_CALL* ShouldProcess)(MI_Context* context, const MI_Char* target, const MI_Char* action,
                                      MI_Boolean* result);
    MI_Result(MI_CALL* ShouldContinue)(MI_Context* context, const MI_Char* message, MI_Boolean* result);
    MI_Result(MI_CALL* PostError)(MI_Context* context, MI_Uint32 resultCode, const MI_Char* resultType,
                                  const MI_Char* errorMessage);
    MI_Result(MI_CALL* PostCimError)(MI_Context* context, const MI_Instance* error);
    MI_Result(MI_CALL* WriteError)(MI_Context* context, MI_Uint32 resultCode, const MI_Char* resultType,
                                   const MI_Char* errorMessage, MI_Boolean* flag);
#if MI_API_VERSION == 2
    MI_Result(MI_CALL* GetLifecycleIndicationContext)(const MI_Context* context,
                                                      MI_LifecycleIndicationContext** lifecycleContext);
#endif
};

struct _MI_Context {
    const MI_ContextFT* ft;
    ptrdiff_t reserved[3];
};

MI_INLINE MI_Result MI_CALL MI_Context_PostResult(MI_Context* context, MI_Result result)
{
    return (context && context->ft) ? context->ft->PostResult(context, result) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_PostCimError(MI_Context* context, const MI_Instance* error)
{
    return (context && context->ft) ? context->ft->PostCimError(context, error) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_PostError(MI_Context* context, MI_Uint32 resultCode, const MI_Char* resultType,
                                                 const MI_Char* errorMessage)
{
    return (context && context->ft) ? context->ft->PostError(context, resultCode, resultType, errorMessage)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_PostInstance(MI_Context* context, const MI_Instance* instance)
{
    return (context && context->ft) ? context->ft->PostInstance(context, instance) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_PostIndication(MI_Context* context, const MI_Instance* indication,
                                                      MI_Uint32 subscriptionIDCount, const MI_Char* bookmark)
{
    return (context && context->ft) ? context->ft->PostIndication(context, indication, subscriptionIDCount, bookmark)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_ConstructInstance(MI_Context* context, const MI_ClassDecl* classDecl,
                                                         MI_Instance* instance)
{
    return (context && context->ft) ? context->ft->ConstructInstance(context, classDecl, instance)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_ConstructParameters(MI_Context* context, const MI_MethodDecl* methodDecl,
                                                           MI_Instance* instance)
{
    return (context && context->ft) ? context->ft->ConstructParameters(context, methodDecl, instance)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_NewInstance(MI_Context* context, const MI_ClassDecl* classDecl,
                                                   MI_Instance** instance)
{
    return (context && context->ft) ? context->ft->NewInstance(context, classDecl, instance)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_NewDynamicInstance(MI_Context* context, const MI_Char* className,
                                                          MI_Uint32 flags, MI_Instance** instance)
{
    return (context && context->ft) ? context->ft->NewDynamicInstance(context, className, flags, instance)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_NewParameters(MI_Context* context, const MI_MethodDecl* methodDecl,
                                                     MI_Instance** instance)
{
    return (context && context->ft) ? context->ft->NewParameters(context, methodDecl, instance)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_Canceled(const MI_Context* context, MI_Boolean* flag)
{
    return (context && context->ft) ? context->ft->Canceled(context, flag) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_GetLocale(const MI_Context* context, MI_LocaleType localeType,
                                                 MI_Char locale[MI_MAX_LOCALE_SIZE])
{
    if (locale)
        locale[0] = 0;
    return (context && context->ft) ? context->ft->GetLocale(context, localeType, locale)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_RegisterCancel(MI_Context* context, MI_CancelCallback callback,
                                                      void* callbackData)
{
    return (context && context->ft) ? context->ft->RegisterCancel(context, callback, callbackData)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_RequestUnload(MI_Context* context)
{
    return (context && context->ft) ? context->ft->RequestUnload(context) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_RefuseUnload(MI_Context* context)
{
    return (context && context->ft) ? context->ft->RefuseUnload(context) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_SetStringOption(MI_Context* context, const MI_Char* name, const MI_Char* value)
{
    return (context && context->ft) ? context->ft->SetStringOption(context, name, value)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_GetStringOption(MI_Context* context, const MI_Char* name, const MI_Char** value)
{
    return (context && context->ft) ? context->ft->GetStringOption(context, name, value)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_GetNumberOption(MI_Context* context, const MI_Char* name, MI_Uint32* value)
{
    return (context && context->ft) ? context->ft->GetNumberOption(context, name, value)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_GetCustomOption(MI_Context* context, const MI_Char* name, MI_Type* valueType,
                                                       MI_Value* value)
{
    return (context && context->ft) ? context->ft->GetCustomOption(context, name, valueType, value)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_GetCustomOptionCount(MI_Context* context, MI_Uint32* count)
{
    return (context && context->ft) ? context->ft->GetCustomOptionCount(context, count)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_GetCustomOptionAt(MI_Context* context, MI_Uint32 index, const MI_Char** name,
                                                         MI_Type* valueType, MI_Value* value)
{
    return (context && context->ft) ? context->ft->GetCustomOptionAt(context, index, name, valueType, value)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_ShouldProcess(MI_Context* context, const MI_Char* target, const MI_Char* action,
                                                     MI_Boolean* flag)
{
    return (context && context->ft) ? context->ft->ShouldProcess(context, target, action, flag)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_ShouldContinue(MI_Context* context, const MI_Char* message, MI_Boolean* flag)
{
    return (context && context->ft) ? context->ft->ShouldContinue(context, message, flag)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_PromptUser(MI_Context* context, const MI_Char* message,
                                                  MI_PromptType promptType, MI_Boolean* flag)
{
    return (context && context->ft) ? context->ft->PromptUser(context, message, promptType, flag)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_WriteError(MI_Context* context, MI_Uint32 resultCode, const MI_Char* resultType,
                                                  const MI_Char* errorMessage, MI_Boolean* flag)
{
    return (context && context->ft) ? context->ft->WriteError(context, resultCode, resultType, errorMessage, flag)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_WriteCimError(MI_Context* context, const MI_Instance* error, MI_Boolean* flag)
{
    return (context && context->ft) ? context->ft->WriteCimError(context, error, flag)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_WriteMessage(MI_Context* context, MI_Uint32 channel, const MI_Char* message)
{
    return (context && context->ft) ? context->ft->WriteMessage(context, channel, message)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_WriteProgress(MI_Context* context, const MI_Char* activity,
                                                     const MI_Char* currentOperation,
                                                     const MI_Char* statusDescription, MI_Uint32 percentComplete,
                                                     MI_Uint32 secondsRemaining)
{
    return (context && context->ft)
               ? context->ft->WriteProgress(context, activity, currentOperation, statusDescription, percentComplete,
                                            secondsRemaining)
               : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_WriteStreamParameter(MI_Context* self, const MI_Char* name,
                                                            const MI_Value* value, MI_Type type, MI_Uint32 flags)
{
    return (self && self->ft) ? self->ft->WriteStreamParameter(self, name, value, type, flags)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Context_WriteWarning(MI_Context* context, const MI_Char* message)
{
    return MI_Context_WriteMessage(context, MI_WRITEMESSAGE_CHANNEL_WARNING, message);
}
MI_INLINE MI_Result MI_CALL MI_Context_WriteVerbose(MI_Context* context, const MI_Char* message)
{
    return MI_Context_WriteMessage(context, MI_WRITEMESSAGE_CHANNEL_VERBOSE, message);
}
MI_INLINE MI_Result MI_CALL MI_Context_WriteDebug(MI_Context* context, const MI_Char* message)
{
    return MI_Context_WriteMessage(context, MI_WRITEMESSAGE_CHANNEL_DEBUG, message);
}
#if MI_API_VERSION == 2
MI_INLINE MI_Result MI_CALL MI_Context_GetLifecycleIndicationContext(const MI_Context* context,
                                                                     MI_LifecycleIndicationContext** lifecycleContext)
{
    if (context && context->ft)
        return context->ft->GetLifecycleIndicationContext(context, lifecycleContext);
    *lifecycleContext = NULL;
    return MI_RESULT_INVALID_PARAMETER;
}
#endif

/* ===========================================================================
 * Client side: classes, qualifier and parameter sets
 * ======================================================================== */

typedef struct _MI_Module*(MI_MAIN_CALL* MI_MainFunction)(struct _MI_Server* server);

typedef struct _MI_QualifierSet MI_QualifierSet;
typedef struct _MI_QualifierSetFT {
    MI_Result(MI_CALL* GetQualifierCount)(const MI_QualifierSet* self, MI_Uint32* count);
    MI_Result(MI_CALL* GetQualifierAt)(const MI_QualifierSet* self, MI_Uint32 index, const MI_Char** name,
                                       MI_Type* qualifierType, MI_Uint32* qualifierFlags, MI_Value* qualifierValue);
    MI_Result(MI_CALL* GetQualifier)(const MI_QualifierSet* self, const MI_Char* name, MI_Type* qualifierType,
                                     MI_Uint32* qualifierFlags, MI_Value* qualifierValue, MI_Uint32* index);
} MI_QualifierSetFT;

struct _MI_QualifierSet {
    MI_Uint64 reserved1;
    ptrdiff_t reserved2;
    const MI_QualifierSetFT* ft;
};

typedef struct _MI_ParameterSet MI_ParameterSet;
typedef struct _MI_ParameterSetFT {
    MI_Result(MI_CALL* GetMethodReturnType)(const MI_ParameterSet* self, MI_Type* returnType,
                                            MI_QualifierSet* qualifierSet);
    MI_Result(MI_CALL* GetParameterCount)(const MI_ParameterSet* self, MI_Uint32* count);
    MI_Result(MI_CALL* GetParameterAt)(const MI_ParameterSet* self, MI_Uint32 index, const MI_Char** name,
                                       MI_Type* parameterType, MI_Char** referenceClass,
                                       MI_QualifierSet* qualifierSet);
    MI_Result(MI_CALL* GetParameter)(const MI_ParameterSet* self, const MI_Char* name, MI_Type* parameterType,
                                     MI_Char** referenceClass, MI_QualifierSet* qualifierSet, MI_Uint32* index);
} MI_ParameterSetFT;

struct _MI_ParameterSet {
    MI_Uint64 reserved1;
    ptrdiff_t reserved2;
    const MI_ParameterSetFT* ft;
};

typedef struct _MI_ClassFT {
    MI_Result(MI_CALL* GetClassName)(const MI_Class* self, const MI_Char** className);
    MI_Result(MI_CALL* GetNameSpace)(const MI_Class* self, const MI_Char** nameSpace);
    MI_Result(MI_CALL* GetServerName)(const MI_Class* self, const MI_Char** serverName);
    MI_Result(MI_CALL* GetElementCount)(const MI_Class* self, MI_Uint32* count);
    MI_Result(MI_CALL* GetElement)(const MI_Class* self, const MI_Char* name, MI_Value* value,
                                   MI_Boolean* valueExists, MI_Type* type, MI_Char** referenceClass,
                                   MI_QualifierSet* qualifierSet, MI_Uint32* flags, MI_Uint32* index);
    MI_Result(MI_CALL* GetElementAt)(const MI_Class* self, MI_Uint32 index, const MI_Char** name, MI_Value* value,
                                     MI_Boolean* valueExists, MI_Type* type, MI_Char** referenceClass,
                                     MI_QualifierSet* qualifierSet, MI_Uint32* flags);
    MI_Result(MI_CALL* GetClassQualifierSet)(const MI_Class* self, MI_QualifierSet* qualifierSet);
    MI_Result(MI_CALL* GetMethodCount)(const MI_Class* self, MI_Uint32* count);
    MI_Result(MI_CALL* GetMethodAt)(const MI_Class* self, MI_Uint32 index, const MI_Char** name,
                                    MI_QualifierSet* qualifierSet, MI_ParameterSet* parameterSet);
    MI_Result(MI_CALL* GetMethod)(const MI_Class* self, const MI_Char* name, MI_QualifierSet* qualifierSet,
                                  MI_ParameterSet* parameterSet, MI_Uint32* index);
    MI_Result(MI_CALL* GetParentClassName)(const MI_Class* self, const MI_Char** name);
    MI_Result(MI_CALL* GetParentClass)(const MI_Class* self, MI_Class** parentClass);
    MI_Result(MI_CALL* Delete)(MI_Class* self);
    MI_Result(MI_CALL* Clone)(const MI_Class* self, MI_Class** newClass);
} MI_ClassFT;

/* Note the order: an MI_Class names the namespace before the server (MI_Instance the reverse). */
struct _MI_Class {
    const MI_ClassFT* ft;
    MI_CONST MI_ClassDecl* classDecl;
    MI_CONST MI_Char* namespaceName;
    MI_CONST MI_Char* serverName;
    ptrdiff_t reserved[4];
};

/* ===========================================================================
 * Client handles and callbacks
 * ======================================================================== */

typedef struct _MI_Application MI_Application;
typedef struct _MI_Operation MI_Operation;
typedef struct _MI_HostedProvider MI_HostedProvider;
typedef struct _MI_DestinationOptions MI_DestinationOptions;
typedef struct _MI_OperationOptions MI_OperationOptions;

typedef enum _MI_OperationCallback_ResponseType {
    MI_OperationCallback_ResponseType_No,
    MI_OperationCallback_ResponseType_Yes,
    MI_OperationCallback_ResponseType_NoToAll,
    MI_OperationCallback_ResponseType_YesToAll
} MI_OperationCallback_ResponseType;

typedef void(MI_CALL* MI_OperationCallback_PromptUser)(
    MI_Operation* operation, void* callbackContext, const MI_Char* message, MI_PromptType promptType,
    MI_Result(MI_CALL* promptUserResult)(MI_Operation* operation, MI_OperationCallback_ResponseType response));

typedef void(MI_CALL* MI_OperationCallback_WriteError)(
    MI_Operation* operation, void* callbackContext, MI_Instance* instance,
    MI_Result(MI_CALL* writeErrorResult)(MI_Operation* operation, MI_OperationCallback_ResponseType response));

typedef void(MI_CALL* MI_OperationCallback_WriteMessage)(MI_Operation* operation, void* callbackContext,
                                                          MI_Uint32 channel, const MI_Char* message);

typedef void(MI_CALL* MI_OperationCallback_WriteProgress)(MI_Operation* operation, void* callbackContext,
                                                           const MI_Char* activity, const MI_Char* currentOperation,
                                                           const MI_Char* statusDescription,
                                                           MI_Uint32 percentageComplete, MI_Uint32 secondsRemaining);

/* Instance results of Get/Modify/Create/Delete/Enumerate/Query/Invoke/association
 * operations.  With manual acknowledgement, the next result waits until
 * resultAcknowledgement is called; the arguments stay valid until then. */
typedef void(MI_CALL* MI_OperationCallback_Instance)(MI_Operation* operation, void* callbackContext,
                                                      const MI_Instance* instance, MI_Boolean moreResults,
                                                      MI_Result resultCode, const MI_Char* errorString,
                                                      const MI_Instance* errorDetails,
                                                      MI_Result(MI_CALL* resultAcknowledgement)(MI_Operation* operation));

typedef void(MI_CALL* MI_OperationCallback_StreamedParameter)(
    MI_Operation* operation, void* callbackContext, const MI_Char* parameterName, MI_Type resultType,
    const MI_Value* result, MI_Result(MI_CALL* resultAcknowledgement)(MI_Operation* operation));

typedef void(MI_CALL* MI_OperationCallback_Indication)(
    MI_Operation* operation, void* callbackContext, const MI_Instance* instance, const MI_Char* bookmark,
    const MI_Char* machineID, MI_Boolean moreResults, MI_Result resultCode, const MI_Char* errorString,
    const MI_Instance* errorDetails, MI_Result(MI_CALL* resultAcknowledgement)(MI_Operation* operation));

typedef void(MI_CALL* MI_OperationCallback_Class)(MI_Operation* operation, void* callbackContext,
                                                   const MI_Class* classResult, MI_Boolean moreResults,
                                                   MI_Result resultCode, const MI_Char* errorString,
                                                   const MI_Instance* errorDetails,
                                                   MI_Result(MI_CALL* resultAcknowledgement)(MI_Operation* operation));

/* An operation whose result callback is NULL runs synchronously: the caller drains it
 * with MI_Operation_GetInstance / GetClass / GetIndication. */
typedef struct _MI_OperationCallbacks {
    void* callbackContext;
    MI_OperationCallback_PromptUser promptUser;
    MI_OperationCallback_WriteError writeError;
    MI_OperationCallback_WriteMessage writeMessage;
    MI_OperationCallback_WriteProgress writeProgress;
    MI_OperationCallback_Instance instanceResult;
    MI_OperationCallback_Indication indicationResult;
    MI_OperationCallback_Class classResult;
    MI_OperationCallback_StreamedParameter streamedParameterResult;
} MI_OperationCallbacks;

#define MI_OPERATIONCALLBACKS_NULL {NULL}

/* Messages and errors raised while a session is being created. */
typedef struct _MI_SessionCallbacks {
    void* callbackContext;
    void(MI_CALL* writeMessage)(MI_Application* application, void* callbackContext, MI_Uint32 channel,
                                const MI_Char* message);
    void(MI_CALL* writeError)(MI_Application* application, void* callbackContext, MI_Instance* instance);
} MI_SessionCallbacks;

#define MI_SESSIONCALLBACKS_NULL {NULL}

/* Operation flags; one value per group may be combined. */
#define MI_OPERATIONFLAGS_MANUAL_ACK_RESULTS 0x0001 /* automatic acknowledgement is 0 */
#define MI_OPERATIONFLAGS_NO_RTTI 0x0400
#define MI_OPERATIONFLAGS_BASIC_RTTI 0x0002
#define MI_OPERATIONFLAGS_STANDARD_RTTI 0x0800
#define MI_OPERATIONFLAGS_FULL_RTTI 0x0004
#define MI_OPERATIONFLAGS_DEFAULT_RTTI 0
#define MI_OPERATIONFLAGS_LOCALIZED_QUALIFIERS 0x0008
#define MI_OPERATIONFLAGS_EXPENSIVE_PROPERTIES 0x0040
#define MI_OPERATIONFLAGS_POLYMORPHISM_SHALLOW 0x0080
#define MI_OPERATIONFLAGS_POLYMORPHISM_DEEP_BASE_PROPS_ONLY 0x0180
#define MI_OPERATIONFLAGS_REPORT_OPERATION_STARTED 0x0200

#define MI_AUTH_TYPE_DEFAULT MI_T("Default")
#define MI_AUTH_TYPE_NONE MI_T("None")
#define MI_AUTH_TYPE_DIGEST MI_T("Digest")
#define MI_AUTH_TYPE_NEGO_WITH_CREDS MI_T("NegoWithCreds")
#define MI_AUTH_TYPE_NEGO_NO_CREDS MI_T("NegoNoCreds")
#define MI_AUTH_TYPE_BASIC MI_T("Basic")
#define MI_AUTH_TYPE_KERBEROS MI_T("Kerberos")
#define MI_AUTH_TYPE_CLIENT_CERTS MI_T("ClientCerts")
#define MI_AUTH_TYPE_NTLM MI_T("Ntlmdomain")
#define MI_AUTH_TYPE_ISSUER_CERT MI_T("IssuerCert")

typedef struct _MI_UsernamePasswordCreds {
    const MI_Char* domain;
    const MI_Char* username;
    const MI_Char* password;
} MI_UsernamePasswordCreds;

typedef struct _MI_UserCredentials {
    const MI_Char* authenticationType; /* an MI_AUTH_TYPE_* value */
    union {
        MI_UsernamePasswordCreds usernamePassword;
        const MI_Char* certificateThumbprint;
    } credentials;
} MI_UserCredentials;

typedef enum _MI_SubscriptionDeliveryType {
    MI_SubscriptionDeliveryType_Pull = 1,
    MI_SubscriptionDeliveryType_Push = 2
} MI_SubscriptionDeliveryType;

typedef struct _MI_SubscriptionDeliveryOptions MI_SubscriptionDeliveryOptions;
typedef struct _MI_SubscriptionDeliveryOptionsFT {
    MI_Result(MI_CALL* SetString)(MI_SubscriptionDeliveryOptions* options, const MI_Char* optionName,
                                  const MI_Char* value, MI_Uint32 flags);
    MI_Result(MI_CALL* SetNumber)(MI_SubscriptionDeliveryOptions* options, const MI_Char* optionName,
                                  MI_Uint32 value, MI_Uint32 flags);
    MI_Result(MI_CALL* SetDateTime)(MI_SubscriptionDeliveryOptions* options, const MI_Char* optionName,
                                    const MI_Datetime* value, MI_Uint32 flags);
    MI_Result(MI_CALL* SetInterval)(MI_SubscriptionDeliveryOptions* options, const MI_Char* optionName,
                                    const MI_Interval* value, MI_Uint32 flags);
    MI_Result(MI_CALL* AddCredentials)(MI_SubscriptionDeliveryOptions* options, const MI_Char* optionName,
                                       const MI_UserCredentials* credentials, MI_Uint32 flags);
    MI_Result(MI_CALL* Delete)(MI_SubscriptionDeliveryOptions* self);
    MI_Result(MI_CALL* GetString)(const MI_SubscriptionDeliveryOptions* options, const MI_Char* optionName,
                                  const MI_Char** value, MI_Uint32* index, MI_Uint32* flags);
    MI_Result(MI_CALL* GetNumber)(const MI_SubscriptionDeliveryOptions* options, const MI_Char* optionName,
                                  MI_Uint32* value, MI_Uint32* index, MI_Uint32* flags);
    MI_Result(MI_CALL* GetDateTime)(const MI_SubscriptionDeliveryOptions* options, const MI_Char* optionName,
                                    MI_Datetime* value, MI_Uint32* index, MI_Uint32* flags);
    MI_Result(MI_CALL* GetInterval)(const MI_SubscriptionDeliveryOptions* options, const MI_Char* optionName,
                                    MI_Interval* value, MI_Uint32* index, MI_Uint32* flags);
    MI_Result(MI_CALL* GetOptionCount)(const MI_SubscriptionDeliveryOptions* options, MI_Uint32* count);
    MI_Result(MI_CALL* GetOptionAt)(const MI_SubscriptionDeliveryOptions* options, MI_Uint32 index,
                                    const MI_Char** optionName, MI_Value* value, MI_Type* type, MI_Uint32* flags);
    MI_Result(MI_CALL* GetOption)(const MI_SubscriptionDeliveryOptions* options, const MI_Char* optionName,
                                  MI_Value* value, MI_Type* type, MI_Uint32* index, MI_Uint32* flags);
    MI_Result(MI_CALL* GetCredentialsCount)(const MI_SubscriptionDeliveryOptions* options, MI_Uint32* count);
    MI_Result(MI_CALL* GetCredentialsAt)(const MI_SubscriptionDeliveryOptions* options, MI_Uint32 index,
                                         const MI_Char** optionName, MI_UserCredentials* credentials,
                                         MI_Uint32* flags);
    MI_Result(MI_CALL* GetCredentialsPasswordAt)(const MI_SubscriptionDeliveryOptions* options, MI_Uint32 index,
                                                 const MI_Char** optionName, MI_Char* password,
                                                 MI_Uint32 bufferLength, MI_Uint32* passwordLength,
                                                 MI_Uint32* flags);
    MI_Result(MI_CALL* Clone)(const MI_SubscriptionDeliveryOptions* self,
                              MI_SubscriptionDeliveryOptions* newSubscriptionDeliveryOptions);
} MI_SubscriptionDeliveryOptionsFT;

struct _MI_SubscriptionDeliveryOptions {
    MI_Uint64 reserved1;
    ptrdiff_t reserved2;
    const MI_SubscriptionDeliveryOptionsFT* ft;
};
#define MI_SUBSCRIPTIONDELIVERYOPTIONS_NULL {0, 0, NULL}

/* Serializers have no ft of their own: calls go through mi_clientFT_V1. */
typedef struct _MI_Serializer MI_Serializer;
typedef struct _MI_SerializerFT MI_SerializerFT;
typedef struct _MI_Deserializer MI_Deserializer;
typedef struct _MI_DeserializerFT MI_DeserializerFT;

struct _MI_Serializer {
    MI_Uint64 reserved1;
    ptrdiff_t reserved2;
};
struct _MI_Deserializer {
    MI_Uint64 reserved1;
    ptrdiff_t reserved2;
};

struct _MI_SerializerFT {
    MI_Result(MI_CALL* Close)(MI_Serializer* serializer);
    MI_Result(MI_CALL* SerializeClass)(MI_Serializer* serializer, MI_Uint32 flags, const MI_Class* classObject,
                                       MI_Uint8* clientBuffer, MI_Uint32 clientBufferLength,
                                       MI_Uint32* clientBufferNeeded);
    MI_Result(MI_CALL* SerializeInstance)(MI_Serializer* serializer, MI_Uint32 flags,
                                          const MI_Instance* instanceObject, MI_Uint8* clientBuffer,
                                          MI_Uint32 clientBufferLength, MI_Uint32* clientBufferNeeded);
};

typedef MI_Result(MI_CALL* MI_Deserializer_ClassObjectNeeded)(void* context, const MI_Char* serverName,
                                                              const MI_Char* namespaceName,
                                                              const MI_Char* className,
                                                              MI_Class** requestedClassObject);

struct _MI_DeserializerFT {
    MI_Result(MI_CALL* Close)(MI_Deserializer* deserializer);
    MI_Result(MI_CALL* DeserializeClass)(MI_Deserializer* deserializer, MI_Uint32 flags, MI_Uint8* serializedBuffer,
                                         MI_Uint32 serializedBufferLength, MI_Class* parentClass,
                                         const MI_Char* serverName, const MI_Char* namespaceName,
                                         MI_Deserializer_ClassObjectNeeded classObjectNeeded,
                                         void* classObjectNeededContext, MI_Uint32* serializedBufferRead,
                                         MI_Class** classObject, MI_Instance** cimErrorDetails);
    MI_Result(MI_CALL* Class_GetClassName)(MI_Deserializer* deserializer, MI_Uint8* serializedBuffer,
                                           MI_Uint32 serializedBufferLength, MI_Char* className,
                                           MI_Uint32* classNameLength, MI_Instance** cimErrorDetails);
    MI_Result(MI_CALL* Class_GetParentClassName)(MI_Deserializer* deserializer, MI_Uint8* serializedBuffer,
                                                 MI_Uint32 serializedBufferLength, MI_Char* parentClassName,
                                                 MI_Uint32* parentClassNameLength, MI_Instance** cimErrorDetails);
    MI_Result(MI_CALL* DeserializeInstance)(MI_Deserializer* deserializer, MI_Uint32 flags,
                                            MI_Uint8* serializedBuffer, MI_Uint32 serializedBufferLength,
                                            MI_Class** classObjects, MI_Uint32 numberClassObjects,
                                            MI_Deserializer_ClassObjectNeeded classObjectNeeded,
                                            void* classObjectNeededContext, MI_Uint32* serializedBufferRead,
                                            MI_Instance** instanceObject, MI_Instance** cimErrorDetails);
    MI_Result(MI_CALL* Instance_GetClassName)(MI_Deserializer* deserializer, MI_Uint8* serializedBuffer,
                                              MI_Uint32 serializedBufferLength, MI_Char* className,
                                              MI_Uint32* classNameLength, MI_Instance** cimErrorDetails);
};

/* ===========================================================================
 * Function tables of the client handles (slot order is ABI)
 * ======================================================================== */

typedef struct _MI_ApplicationFT {
    MI_Result(MI_CALL* Close)(MI_Application* application);
    MI_Result(MI_CALL* NewSession)(MI_Application* application, const MI_Char* protocol,
                                   const MI_Char* destination, MI_DestinationOptions* options,
                                   MI_SessionCallbacks* callbacks, MI_Instance** extendedError,
                                   MI_Session* session);
    MI_Result(MI_CALL* NewHostedProvider)(MI_Application* application, const MI_Char* namespaceName,
                                          const MI_Char* providerName, MI_MainFunction mi_Main,
                                          MI_Instance** extendedError, MI_HostedProvider* provider);
    MI_Result(MI_CALL* NewInstance)(MI_Application* application, const MI_Char* className,
                                    const MI_ClassDecl* classRTTI, MI_Instance** instance);
    MI_Result(MI_CALL* NewDestinationOptions)(MI_Application* application, MI_DestinationOptions* options);
    MI_Result(MI_CALL* NewOperationOptions)(MI_Application* application, MI_Boolean customOptionsMustUnderstand,
                                            MI_OperationOptions* options);
    MI_Result(MI_CALL* NewSubscriptionDeliveryOptions)(MI_Application* application,
                                                       MI_SubscriptionDeliveryType deliveryType,
                                                       MI_SubscriptionDeliveryOptions* deliveryOptions);
    MI_Result(MI_CALL* NewSerializer)(MI_Application* application, MI_Uint32 flags, MI_Char* format,
                                      MI_Serializer* serializer);
    MI_Result(MI_CALL* NewDeserializer)(MI_Application* application, MI_Uint32 flags, MI_Char* format,
                                        MI_Deserializer* deserializer);
    MI_Result(MI_CALL* NewInstanceFromClass)(MI_Application* application, const MI_Char* className,
                                             const MI_Class* classObject, MI_Instance** instance);
    MI_Result(MI_CALL* NewClass)(MI_Application* application, const MI_ClassDecl* classDecl,
                                 const MI_Char* namespaceName, const MI_Char* serverName, MI_Class** classObject);
} MI_ApplicationFT;

typedef struct _MI_HostedProviderFT {
    MI_Result(MI_CALL* Close)(MI_HostedProvider* hostedProvider);
    MI_Result(MI_CALL* GetApplication)(MI_HostedProvider* hostedProvider, MI_Application* application);
} MI_HostedProviderFT;

typedef struct _MI_SessionFT {
    MI_Result(MI_CALL* Close)(MI_Session* session, void* completionContext,
                              void(MI_CALL* completionCallback)(void* completionContext));
    MI_Result(MI_CALL* GetApplication)(MI_Session* session, MI_Application* application);
    void(MI_CALL* GetInstance)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                               const MI_Char* namespaceName, const MI_Instance* inboundInstance,
                               MI_OperationCallbacks* callbacks, MI_Operation* operation);
    void(MI_CALL* ModifyInstance)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                  const MI_Char* namespaceName, const MI_Instance* inboundInstance,
                                  MI_OperationCallbacks* callbacks, MI_Operation* operation);
    void(MI_CALL* CreateInstance)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                  const MI_Char* namespaceName, const MI_Instance* inboundInstance,
                                  MI_OperationCallbacks* callbacks, MI_Operation* operation);
    void(MI_CALL* DeleteInstance)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                  const MI_Char* namespaceName, const MI_Instance* inboundInstance,
                                  MI_OperationCallbacks* callbacks, MI_Operation* operation);
    void(MI_CALL* Invoke)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                          const MI_Char* namespaceName, const MI_Char* className, const MI_Char* methodName,
                          const MI_Instance* inboundInstance, const MI_Instance* inboundProperties,
                          MI_OperationCallbacks* callbacks, MI_Operation* operation);
    void(MI_CALL* EnumerateInstances)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                      const MI_Char* namespaceName, const MI_Char* className, MI_Boolean keysOnly,
                                      MI_OperationCallbacks* callbacks, MI_Operation* operation);
    void(MI_CALL* QueryInstances)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                  const MI_Char* namespaceName, const MI_Char* queryDialect,
                                  const MI_Char* queryExpression, MI_OperationCallbacks* callbacks,
                                  MI_Operation* operation);
    void(MI_CALL* AssociatorInstances)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                       const MI_Char* namespaceName, const MI_Instance* instanceKeys,
                                       const MI_Char* assocClass, const MI_Char* resultClass, const MI_Char* role,
                                       const MI_Char* resultRole, MI_Boolean keysOnly,
                                       MI_OperationCallbacks* callbacks, MI_Operation* operation);
    void(MI_CALL* ReferenceInstances)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                      const MI_Char* namespaceName, const MI_Instance* instanceKeys,
                                      const MI_Char* resultClass, const MI_Char* role, MI_Boolean keysOnly,
                                      MI_OperationCallbacks* callbacks, MI_Operation* operation);
    void(MI_CALL* Subscribe)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                             const MI_Char* namespaceName, const MI_Char* queryDialect,
                             const MI_Char* queryExpression, const MI_SubscriptionDeliveryOptions* deliverOptions,
                             MI_OperationCallbacks* callbacks, MI_Operation* operation);
    void(MI_CALL* GetClass)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                            const MI_Char* namespaceName, const MI_Char* className,
                            MI_OperationCallbacks* callbacks, MI_Operation* operation);
    void(MI_CALL* EnumerateClasses)(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                    const MI_Char* namespaceName, const MI_Char* className,
                                    MI_Boolean classNamesOnly, MI_OperationCallbacks* callbacks,
                                    MI_Operation* operation);
    void(MI_CALL* TestConnection)(MI_Session* session, MI_Uint32 flags, MI_OperationCallbacks* callbacks,
                                  MI_Operation* operation);
} MI_SessionFT;

typedef struct _MI_OperationFT {
    MI_Result(MI_CALL* Close)(MI_Operation* operation);
    MI_Result(MI_CALL* Cancel)(MI_Operation* operation, MI_CancellationReason reason);
    MI_Result(MI_CALL* GetSession)(MI_Operation* operation, MI_Session* session);
    MI_Result(MI_CALL* GetInstance)(MI_Operation* operation, const MI_Instance** instance, MI_Boolean* moreResults,
                                    MI_Result* result, const MI_Char** errorMessage,
                                    const MI_Instance** completionDetails);
    MI_Result(MI_CALL* GetIndication)(MI_Operation* operation, const MI_Instance** instance,
                                      const MI_Char** bookmark, const MI_Char** machineID, MI_Boolean* moreResults,
                                      MI_Result* result, const MI_Char** errorMessage,
                                      const MI_Instance** completionDetails);
    MI_Result(MI_CALL* GetClass)(MI_Operation* operation, const MI_Class** classResult, MI_Boolean* moreResults,
                                 MI_Result* result, const MI_Char** errorMessage,
                                 const MI_Instance** completionDetails);
} MI_OperationFT;

typedef struct _MI_DestinationOptionsFT {
    void(MI_CALL* Delete)(MI_DestinationOptions* options);
    MI_Result(MI_CALL* SetString)(MI_DestinationOptions* options, const MI_Char* optionName, const MI_Char* value,
                                  MI_Uint32 flags);
    MI_Result(MI_CALL* SetNumber)(MI_DestinationOptions* options, const MI_Char* optionName, MI_Uint32 value,
                                  MI_Uint32 flags);
    MI_Result(MI_CALL* AddCredentials)(MI_DestinationOptions* options, const MI_Char* optionName,
                                       const MI_UserCredentials* credentials, MI_Uint32 flags);
    MI_Result(MI_CALL* GetString)(const MI_DestinationOptions* options, const MI_Char* optionName,
                                  const MI_Char** value, MI_Uint32* index, MI_Uint32* flags);
    MI_Result(MI_CALL* GetNumber)(const MI_DestinationOptions* options, const MI_Char* optionName, MI_Uint32* value,
                                  MI_Uint32* index, MI_Uint32* flags);
    MI_Result(MI_CALL* GetOptionCount)(const MI_DestinationOptions* options, MI_Uint32* count);
    MI_Result(MI_CALL* GetOptionAt)(const MI_DestinationOptions* options, MI_Uint32 index,
                                    const MI_Char** optionName, MI_Value* value, MI_Type* type, MI_Uint32* flags);
    MI_Result(MI_CALL* GetOption)(const MI_DestinationOptions* options, const MI_Char* optionName, MI_Value* value,
                                  MI_Type* type, MI_Uint32* index, MI_Uint32* flags);
    MI_Result(MI_CALL* GetCredentialsCount)(const MI_DestinationOptions* options, MI_Uint32* count);
    /* The password comes back masked as "******". */
    MI_Result(MI_CALL* GetCredentialsAt)(const MI_DestinationOptions* options, MI_Uint32 index,
                                         const MI_Char** optionName, MI_UserCredentials* credentials,
                                         MI_Uint32* flags);
    MI_Result(MI_CALL* GetCredentialsPasswordAt)(const MI_DestinationOptions* options, MI_Uint32 index,
                                                 const MI_Char** optionName, MI_Char* password,
                                                 MI_Uint32 bufferLength, MI_Uint32* passwordLength,
                                                 MI_Uint32* flags);
    MI_Result(MI_CALL* Clone)(const MI_DestinationOptions* self, MI_DestinationOptions* newDestinationOptions);
    MI_Result(MI_CALL* SetInterval)(MI_DestinationOptions* options, const MI_Char* optionName,
                                    const MI_Interval* value, MI_Uint32 flags);
    MI_Result(MI_CALL* GetInterval)(const MI_DestinationOptions* options, const MI_Char* optionName,
                                    MI_Interval* value, MI_Uint32* index, MI_Uint32* flags);
} MI_DestinationOptionsFT;

typedef struct _MI_OperationOptionsFT {
    void(MI_CALL* Delete)(MI_OperationOptions* options);
    MI_Result(MI_CALL* SetString)(MI_OperationOptions* options, const MI_Char* optionName, const MI_Char* value,
                                  MI_Uint32 flags);
    MI_Result(MI_CALL* SetNumber)(MI_OperationOptions* options, const MI_Char* optionName, MI_Uint32 value,
                                  MI_Uint32 flags);
    MI_Result(MI_CALL* SetCustomOption)(MI_OperationOptions* options, const MI_Char* optionName, MI_Type valueType,
                                        const MI_Value* value, MI_Boolean mustComply, MI_Uint32 flags);
    MI_Result(MI_CALL* GetString)(const MI_OperationOptions* options, const MI_Char* optionName,
                                  const MI_Char** value, MI_Uint32* index, MI_Uint32* flags);
    MI_Result(MI_CALL* GetNumber)(const MI_OperationOptions* options, const MI_Char* optionName, MI_Uint32* value,
                                  MI_Uint32* index, MI_Uint32* flags);
    MI_Result(MI_CALL* GetOptionCount)(const MI_OperationOptions* options, MI_Uint32* count);
    MI_Result(MI_CALL* GetOptionAt)(const MI_OperationOptions* options, MI_Uint32 index, const MI_Char** optionName,
                                    MI_Value* value, MI_Type* type, MI_Uint32* flags);
    MI_Result(MI_CALL* GetOption)(const MI_OperationOptions* options, const MI_Char* optionName, MI_Value* value,
                                  MI_Type* type, MI_Uint32* index, MI_Uint32* flags);
    MI_Result(MI_CALL* GetEnabledChannels)(const MI_OperationOptions* options, const MI_Char* optionName,
                                           MI_Uint32* channels, MI_Uint32 bufferLength, MI_Uint32* channelCount,
                                           MI_Uint32* flags);
    MI_Result(MI_CALL* Clone)(const MI_OperationOptions* self, MI_OperationOptions* newOperationOptions);
    MI_Result(MI_CALL* SetInterval)(MI_OperationOptions* options, const MI_Char* optionName,
                                    const MI_Interval* value, MI_Uint32 flags);
    MI_Result(MI_CALL* GetInterval)(const MI_OperationOptions* options, const MI_Char* optionName,
                                    MI_Interval* value, MI_Uint32* index, MI_Uint32* flags);
} MI_OperationOptionsFT;

/* The client handles: two reserved words for the implementation, then the table. */
struct _MI_Application {
    MI_Uint64 reserved1;
    ptrdiff_t reserved2;
    const MI_ApplicationFT* ft;
};
#define MI_APPLICATION_NULL {0, 0, NULL}

struct _MI_Session {
    MI_Uint64 reserved1;
    ptrdiff_t reserved2;
    const MI_SessionFT* ft;
};
#define MI_SESSION_NULL {0, 0, NULL}

struct _MI_Operation {
    MI_Uint64 reserved1;
    ptrdiff_t reserved2;
    const MI_OperationFT* ft;
};
#define MI_OPERATION_NULL {0, 0, NULL}

struct _MI_HostedProvider {
    MI_Uint64 reserved1;
    ptrdiff_t reserved2;
    const MI_HostedProviderFT* ft;
};
#define MI_HOSTEDPROVIDER_NULL {0, 0, NULL}

struct _MI_DestinationOptions {
    MI_Uint64 reserved1;
    ptrdiff_t reserved2;
    const MI_DestinationOptionsFT* ft;
};
#define MI_DESTINATIONOPTIONS_NULL {0, 0, NULL}

struct _MI_OperationOptions {
    MI_Uint64 reserved1;
    ptrdiff_t reserved2;
    const MI_OperationOptionsFT* ft;
};
#define MI_OPERATIONOPTIONS_NULL {0, 0, NULL}

/* The pre-made session to the provider's own host.  Its lifetime is the context's:
 * the provider must not close it nor keep it beyond the current request. */
MI_INLINE MI_Result MI_CALL MI_Context_GetLocalSession(const MI_Context* context, MI_Session* session)
{
    return (context && context->ft) ? context->ft->GetLocalSession(context, session) : MI_RESULT_INVALID_PARAMETER;
}

typedef struct _MI_UtilitiesFT {
    MI_ErrorCategory(MI_CALL* MapErrorToMiErrorCategory)(const MI_Char* errorType, MI_Uint32 error);
    MI_Result(MI_CALL* CimErrorFromErrorCode)(MI_Uint32 error, const MI_Char* errorType, const MI_Char* errorMessage,
                                              MI_Instance** cimError);
} MI_UtilitiesFT;

typedef struct _MI_ClientFT_V1 {
    const MI_ApplicationFT* applicationFT;
    const MI_SessionFT* sessionFT;
    const MI_OperationFT* operationFT;
    const MI_HostedProviderFT* hostedProviderFT;
    const MI_SerializerFT* serializerFT;
    const MI_DeserializerFT* deserializerFT;
    const MI_SubscriptionDeliveryOptionsFT* subscribeDeliveryOptionsFT;
    const MI_DestinationOptionsFT* destinationOptionsFT;
    const MI_OperationOptionsFT* operationOptionsFT;
    const MI_UtilitiesFT* utilitiesFT;
} MI_ClientFT_V1;

/* Exported by the library: the tables behind MI_Serializer_* and MI_Utilities_*. */
extern MI_EXPORT const MI_ClientFT_V1* mi_clientFT_V1;
#define mi_clientFT mi_clientFT_V1

/*
 * The library's one exported function.  'flags' must be 0; 'extendedError', when
 * given, is set to NULL first and receives an error instance on failure.  Call
 * MI_Application_Close before the process exits.
 */
MI_EXPORT MI_Result MI_MAIN_CALL MI_Application_InitializeV1(MI_Uint32 flags, const MI_Char* applicationID,
                                                             MI_Instance** extendedError,
                                                             MI_Application* application);
#define MI_Application_Initialize MI_Application_InitializeV1

/* ===========================================================================
 * Application
 * ======================================================================== */

/* Blocks until every session of the application is closed; never call it from a callback. */
MI_INLINE MI_Result MI_Application_Close(MI_Application* application)
{
    return (application && application->ft) ? application->ft->Close(application) : MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Application_NewInstance(MI_Application* application, const MI_Char* className,
                                               const MI_ClassDecl* classRTTI, MI_Instance** instance)
{
    if (application && application->ft)
        return application->ft->NewInstance(application, className, classRTTI, instance);
    if (instance)
        *instance = NULL;
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Application_NewInstanceFromClass(MI_Application* application, const MI_Char* className,
                                                        const MI_Class* classObject, MI_Instance** instance)
{
    if (application && application->ft)
        return application->ft->NewInstanceFromClass(application, className, classObject, instance);
    if (instance)
        *instance = NULL;
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Application_NewParameterSet(MI_Application* application, const MI_ClassDecl* classRTTI,
                                                   MI_Instance** instance)
{
    if (application && application->ft)
        return application->ft->NewInstance(application, MI_T("Parameters"), classRTTI, instance);
    if (instance)
        *instance = NULL;
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Application_NewDestinationOptions(MI_Application* application, MI_DestinationOptions* options)
{
    if (application && application->ft)
        return application->ft->NewDestinationOptions(application, options);
    if (options)
        memset(options, 0, sizeof(MI_DestinationOptions));
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Application_NewOperationOptions(MI_Application* application, MI_Boolean mustUnderstand,
                                                       MI_OperationOptions* options)
{
    if (application && application->ft)
        return application->ft->NewOperationOptions(application, mustUnderstand, options);
    if (options)
        memset(options, 0, sizeof(MI_OperationOptions));
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Application_NewSubscriptionDeliveryOptions(MI_Application* application,
                                                                  MI_SubscriptionDeliveryType deliveryType,
                                                                  MI_SubscriptionDeliveryOptions* deliveryOptions)
{
    if (application && application->ft)
        return application->ft->NewSubscriptionDeliveryOptions(application, deliveryType, deliveryOptions);
    if (deliveryOptions)
        memset(deliveryOptions, 0, sizeof(MI_SubscriptionDeliveryOptions));
    return MI_RESULT_INVALID_PARAMETER;
}

/* Creating a session does not contact the destination; the first operation does. */
MI_INLINE MI_Result MI_Application_NewSession(MI_Application* application, const MI_Char* protocol,
                                              const MI_Char* destination, MI_DestinationOptions* options,
                                              MI_SessionCallbacks* callbacks, MI_Instance** extendedError,
                                              MI_Session* session)
{
    if (application && application->ft)
        return application->ft->NewSession(application, protocol, destination, options, callbacks, extendedError,
                                           session);
    if (session)
        memset(session, 0, sizeof(MI_Session));
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Application_NewHostedProvider(MI_Application* application, const MI_Char* namespaceName,
                                                     const MI_Char* providerName, MI_MainFunction mi_Main,
                                                     MI_Instance** extendedError, MI_HostedProvider* hostedProvider)
{
    if (application && application->ft)
        return application->ft->NewHostedProvider(application, namespaceName, providerName, mi_Main, extendedError,
                                                  hostedProvider);
    if (hostedProvider)
        memset(hostedProvider, 0, sizeof(MI_HostedProvider));
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Application_NewSerializer(MI_Application* application, MI_Uint32 flags, MI_Char* format,
                                                 MI_Serializer* serializer)
{
    if (application && application->ft)
        return application->ft->NewSerializer(application, flags, format, serializer);
    if (serializer)
        memset(serializer, 0, sizeof(MI_Serializer));
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Application_NewDeserializer(MI_Application* application, MI_Uint32 flags, MI_Char* format,
                                                   MI_Deserializer* deserializer)
{
    if (application && application->ft)
        return application->ft->NewDeserializer(application, flags, format, deserializer);
    if (deserializer)
        memset(deserializer, 0, sizeof(MI_Deserializer));
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_HostedProvider_Close(MI_HostedProvider* hostedProvider)
{
    return (hostedProvider && hostedProvider->ft) ? hostedProvider->ft->Close(hostedProvider)
                                                  : MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_HostedProvider_GetApplication(MI_HostedProvider* hostedProvider, MI_Application* application)
{
    if (hostedProvider && hostedProvider->ft)
        return hostedProvider->ft->GetApplication(hostedProvider, application);
    if (application)
        memset(application, 0, sizeof(MI_Application));
    return MI_RESULT_INVALID_PARAMETER;
}

/* ===========================================================================
 * Session
 * ======================================================================== */

/* With a NULL completionCallback the close blocks until every operation of the
 * session is closed; with one it returns at once and calls back exactly once. */
MI_INLINE MI_Result MI_Session_Close(MI_Session* session, void* completionContext,
                                     void(MI_CALL* completionCallback)(void* completionContext))
{
    if (session && session->ft)
        return session->ft->Close(session, completionContext, completionCallback);
    if (completionCallback) {
        completionCallback(completionContext);
        return MI_RESULT_OK;
    }
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Session_GetApplication(MI_Session* session, MI_Application* application)
{
    if (session && session->ft)
        return session->ft->GetApplication(session, application);
    if (application)
        memset(application, 0, sizeof(MI_Application));
    return MI_RESULT_INVALID_PARAMETER;
}

/* What every operation wrapper does with an unusable session handle: a cleared
 * operation, and the final result INVALID_PARAMETER through the instance callback. */
MI_INLINE void MI_SessionWrapper_InvalidHandle(MI_OperationCallbacks* callbacks, MI_Operation* operation)
{
    if (operation)
        memset(operation, 0, sizeof(*operation));
    if (callbacks && callbacks->instanceResult)
        callbacks->instanceResult(NULL, callbacks->callbackContext, NULL, MI_FALSE, MI_RESULT_INVALID_PARAMETER,
                                  NULL, NULL, NULL);
}

MI_INLINE void MI_Session_GetInstance(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                      const MI_Char* namespaceName, const MI_Instance* inboundInstance,
                                      MI_OperationCallbacks* callbacks, MI_Operation* operation)
{
    if (session && session->ft)
        session->ft->GetInstance(session, flags, options, namespaceName, inboundInstance, callbacks, operation);
    else
        MI_SessionWrapper_InvalidHandle(callbacks, operation);
}

MI_INLINE void MI_Session_ModifyInstance(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                         const MI_Char* namespaceName, const MI_Instance* inboundInstance,
                                         MI_OperationCallbacks* callbacks, MI_Operation* operation)
{
    if (session && session->ft)
        session->ft->ModifyInstance(session, flags, options, namespaceName, inboundInstance, callbacks, operation);
    else
        MI_SessionWrapper_InvalidHandle(callbacks, operation);
}

MI_INLINE void MI_Session_CreateInstance(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                         const MI_Char* namespaceName, const MI_Instance* inboundInstance,
                                         MI_OperationCallbacks* callbacks, MI_Operation* operation)
{
    if (session && session->ft)
        session->ft->CreateInstance(session, flags, options, namespaceName, inboundInstance, callbacks, operation);
    else
        MI_SessionWrapper_InvalidHandle(callbacks, operation);
}

MI_INLINE void MI_Session_DeleteInstance(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                         const MI_Char* namespaceName, const MI_Instance* inboundInstance,
                                         MI_OperationCallbacks* callbacks, MI_Operation* operation)
{
    if (session && session->ft)
        session->ft->DeleteInstance(session, flags, options, namespaceName, inboundInstance, callbacks, operation);
    else
        MI_SessionWrapper_InvalidHandle(callbacks, operation);
}

MI_INLINE void MI_Session_Invoke(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                 const MI_Char* namespaceName, const MI_Char* className, const MI_Char* methodName,
                                 const MI_Instance* inboundInstance, const MI_Instance* inboundProperties,
                                 MI_OperationCallbacks* callbacks, MI_Operation* operation)
{
    if (session && session->ft)
        session->ft->Invoke(session, flags, options, namespaceName, className, methodName, inboundInstance,
                            inboundProperties, callbacks, operation);
    else
        MI_SessionWrapper_InvalidHandle(callbacks, operation);
}

MI_INLINE void MI_Session_EnumerateInstances(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                             const MI_Char* namespaceName, const MI_Char* className,
                                             MI_Boolean keysOnly, MI_OperationCallbacks* callbacks,
                                             MI_Operation* operation)
{
    if (session && session->ft)
        session->ft->EnumerateInstances(session, flags, options, namespaceName, className, keysOnly, callbacks,
                                        operation);
    else
        MI_SessionWrapper_InvalidHandle(callbacks, operation);
}

MI_INLINE void MI_Session_QueryInstances(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                         const MI_Char* namespaceName, const MI_Char* queryDialect,
                                         const MI_Char* queryExpression, MI_OperationCallbacks* callbacks,
                                         MI_Operation* operation)
{
    if (session && session->ft)
        session->ft->QueryInstances(session, flags, options, namespaceName, queryDialect, queryExpression, callbacks,
                                    operation);
    else
        MI_SessionWrapper_InvalidHandle(callbacks, operation);
}

MI_INLINE void MI_Session_AssociatorInstances(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                              const MI_Char* namespaceName, const MI_Instance* instanceKey,
                                              const MI_Char* assocClass, const MI_Char* resultClass,
                                              const MI_Char* role, const MI_Char* resultRole, MI_Boolean keysOnly,
                                              MI_OperationCallbacks* callbacks, MI_Operation* operation)
{
    if (session && session->ft)
        session->ft->AssociatorInstances(session, flags, options, namespaceName, instanceKey, assocClass, resultClass,
                                         role, resultRole, keysOnly, callbacks, operation);
    else
        MI_SessionWrapper_InvalidHandle(callbacks, operation);
}

MI_INLINE void MI_Session_ReferenceInstances(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                             const MI_Char* namespaceName, const MI_Instance* instanceKey,
                                             const MI_Char* resultClass, const MI_Char* role, MI_Boolean keysOnly,
                                             MI_OperationCallbacks* callbacks, MI_Operation* operation)
{
    if (session && session->ft)
        session->ft->ReferenceInstances(session, flags, options, namespaceName, instanceKey, resultClass, role,
                                        keysOnly, callbacks, operation);
    else
        MI_SessionWrapper_InvalidHandle(callbacks, operation);
}

MI_INLINE void MI_Session_Subscribe(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                    const MI_Char* namespaceName, const MI_Char* queryDialect,
                                    const MI_Char* queryExpression,
                                    const MI_SubscriptionDeliveryOptions* deliverOptions,
                                    MI_OperationCallbacks* callbacks, MI_Operation* operation)
{
    if (session && session->ft) {
        session->ft->Subscribe(session, flags, options, namespaceName, queryDialect, queryExpression, deliverOptions,
                               callbacks, operation);
        return;
    }
    if (operation)
        memset(operation, 0, sizeof(*operation));
    if (callbacks && callbacks->indicationResult)
        callbacks->indicationResult(NULL, callbacks->callbackContext, NULL, NULL, NULL, MI_FALSE,
                                    MI_RESULT_INVALID_PARAMETER, NULL, NULL, NULL);
}

MI_INLINE void MI_Session_GetClass(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                   const MI_Char* namespaceName, const MI_Char* className,
                                   MI_OperationCallbacks* callbacks, MI_Operation* operation)
{
    if (session && session->ft) {
        session->ft->GetClass(session, flags, options, namespaceName, className, callbacks, operation);
        return;
    }
    if (operation)
        memset(operation, 0, sizeof(*operation));
    if (callbacks && callbacks->classResult)
        callbacks->classResult(NULL, callbacks->callbackContext, NULL, MI_FALSE, MI_RESULT_INVALID_PARAMETER, NULL,
                               NULL, NULL);
}

MI_INLINE void MI_Session_EnumerateClasses(MI_Session* session, MI_Uint32 flags, MI_OperationOptions* options,
                                           const MI_Char* namespaceName, const MI_Char* className,
                                           MI_Boolean classNamesOnly, MI_OperationCallbacks* callbacks,
                                           MI_Operation* operation)
{
    if (session && session->ft) {
        session->ft->EnumerateClasses(session, flags, options, namespaceName, className, classNamesOnly, callbacks,
                                      operation);
        return;
    }
    if (operation)
        memset(operation, 0, sizeof(*operation));
    if (callbacks && callbacks->classResult)
        callbacks->classResult(NULL, callbacks->callbackContext, NULL, MI_FALSE, MI_RESULT_INVALID_PARAMETER, NULL,
                               NULL, NULL);
}

MI_INLINE void MI_Session_TestConnection(MI_Session* session, MI_Uint32 flags, MI_OperationCallbacks* callbacks,
                                         MI_Operation* operation)
{
    if (session && session->ft)
        session->ft->TestConnection(session, flags, callbacks, operation);
    else
        MI_SessionWrapper_InvalidHandle(callbacks, operation);
}

/* ===========================================================================
 * Operation
 * ======================================================================== */

/* Synchronous results: blocks until the next result; call until moreResults is MI_FALSE. */
MI_INLINE MI_Result MI_Operation_GetInstance(MI_Operation* operation, const MI_Instance** instance,
                                             MI_Boolean* moreResults, MI_Result* result,
                                             const MI_Char** errorMessage, const MI_Instance** completionDetails)
{
    if (operation && operation->ft)
        return operation->ft->GetInstance(operation, instance, moreResults, result, errorMessage, completionDetails);
    if (result)
        *result = MI_RESULT_INVALID_PARAMETER;
    if (moreResults)
        *moreResults = MI_FALSE;
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Operation_GetIndication(MI_Operation* operation, const MI_Instance** instance,
                                               const MI_Char** bookmark, const MI_Char** machineID,
                                               MI_Boolean* moreResults, MI_Result* result,
                                               const MI_Char** errorMessage, const MI_Instance** completionDetails)
{
    if (operation && operation->ft)
        return operation->ft->GetIndication(operation, instance, bookmark, machineID, moreResults, result,
                                            errorMessage, completionDetails);
    if (result)
        *result = MI_RESULT_INVALID_PARAMETER;
    if (moreResults)
        *moreResults = MI_FALSE;
    return MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Operation_GetClass(MI_Operation* operation, const MI_Class** classResult,
                                          MI_Boolean* moreResults, MI_Result* result, const MI_Char** errorMessage,
                                          const MI_Instance** completionDetails)
{
    if (operation && operation->ft)
        return operation->ft->GetClass(operation, classResult, moreResults, result, errorMessage, completionDetails);
    if (result)
        *result = MI_RESULT_INVALID_PARAMETER;
    if (moreResults)
        *moreResults = MI_FALSE;
    return MI_RESULT_INVALID_PARAMETER;
}

/* Cancels the operation if it is still running.  No callback of the operation runs
 * after this returns. */
MI_INLINE MI_Result MI_Operation_Close(MI_Operation* operation)
{
    return (operation && operation->ft) ? operation->ft->Close(operation) : MI_RESULT_INVALID_PARAMETER;
}

/* Cancellation still delivers a final result; the operation must still be closed. */
MI_INLINE MI_Result MI_Operation_Cancel(MI_Operation* operation, MI_CancellationReason reason)
{
    return (operation && operation->ft) ? operation->ft->Cancel(operation, reason) : MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_Operation_GetSession(MI_Operation* operation, MI_Session* session)
{
    if (session)
        memset(session, 0, sizeof(MI_Session));
    return (operation && operation->ft) ? operation->ft->GetSession(operation, session) : MI_RESULT_INVALID_PARAMETER;
}

/* ===========================================================================
 * Destination options.  The named accessors read and write well-known option
 * names; MI_DESTINATIONOPTIONS_NAME_* spell them out.
 * ======================================================================== */

#define MI_DESTINATIONOPTIONS_PACKET_ENCODING_DEFAULT MI_T("default")
#define MI_DESTINATIONOPTIONS_PACKET_ENCODING_UTF8 MI_T("UTF8")
#define MI_DESTINATIONOPTIONS_PACKET_ENCODING_UTF16 MI_T("UTF16")
#define MI_DESTINATIONOPTIONS_TRANSPORT_HTTP MI_T("HTTP")
#define MI_DESTINATIONOPTIONS_TRANSPORT_HTTPS MI_T("HTTPS")
#define MI_DESTINATIONOPTIONS_PROXY_TYPE_IE MI_T("IE")
#define MI_DESTINATIONOPTIONS_PROXY_TYPE_WINHTTP MI_T("WinHTTP")
#define MI_DESTINATIONOPTIONS_PROXY_TYPE_AUTO MI_T("Auto")
#define MI_DESTINATIONOPTIONS_PROXY_TYPE_NONE MI_T("None")

typedef enum _MI_DestinationOptions_ImpersonationType {
    MI_DestinationOptions_ImpersonationType_Default = 0,
    MI_DestinationOptions_ImpersonationType_None = 1,
    MI_DestinationOptions_ImpersonationType_Identify = 2,
    MI_DestinationOptions_ImpersonationType_Impersonate = 3,
    MI_DestinationOptions_ImpersonationType_Delegate = 4
} MI_DestinationOptions_ImpersonationType;

/* Accessor generators for the named options (string, number, boolean, interval). */
#define MI_OPTIONS_STRING_ACCESSORS_(Handle, Name, KEY)                                                         \
    MI_INLINE MI_Result Handle##_Set##Name(Handle* options, const MI_Char* value)                               \
    {                                                                                                           \
        return (options && options->ft) ? options->ft->SetString(options, MI_T(KEY), value, 0)                  \
                                        : MI_RESULT_INVALID_PARAMETER;                                           \
    }                                                                                                           \
    MI_INLINE MI_Result Handle##_Get##Name(const Handle* options, const MI_Char** value)                        \
    {                                                                                                           \
        return (options && options->ft) ? options->ft->GetString(options, MI_T(KEY), value, NULL, NULL)         \
                                        : MI_RESULT_INVALID_PARAMETER;                                           \
    }
#define MI_OPTIONS_NUMBER_ACCESSORS_(Handle, Name, KEY)                                                         \
    MI_INLINE MI_Result Handle##_Set##Name(Handle* options, MI_Uint32 value)                                    \
    {                                                                                                           \
        return (options && options->ft) ? options->ft->SetNumber(options, MI_T(KEY), value, 0)                  \
                                        : MI_RESULT_INVALID_PARAMETER;                                           \
    }                                                                                                           \
    MI_INLINE MI_Result Handle##_Get##Name(const Handle* options, MI_Uint32* value)                             \
    {                                                                                                           \
        return (options && options->ft) ? options->ft->GetNumber(options, MI_T(KEY), value, NULL, NULL)         \
                                        : MI_RESULT_INVALID_PARAMETER;                                           \
    }
#define MI_OPTIONS_BOOLEAN_ACCESSORS_(Handle, Name, KEY)                                                        \
    MI_INLINE MI_Result Handle##_Set##Name(Handle* options, MI_Boolean value)                                   \
    {                                                                                                           \
        return (options && options->ft) ? options->ft->SetNumber(options, MI_T(KEY), value, 0)                  \
                                        : MI_RESULT_INVALID_PARAMETER;                                           \
    }                                                                                                           \
    MI_INLINE MI_Result Handle##_Get##Name(const Handle* options, MI_Boolean* value)                            \
    {                                                                                                           \
        MI_Uint32 number = 0;                                                                                   \
        MI_Result result;                                                                                       \
        if (!options || !options->ft)                                                                           \
            return MI_RESULT_INVALID_PARAMETER;                                                                 \
        result = options->ft->GetNumber(options, MI_T(KEY), &number, NULL, NULL);                               \
        if (result == MI_RESULT_OK)                                                                             \
            *value = (MI_Boolean)number;                                                                        \
        return result;                                                                                          \
    }
#define MI_OPTIONS_INTERVAL_ACCESSORS_(Handle, Name, KEY)                                                       \
    MI_INLINE MI_Result Handle##_Set##Name(Handle* options, const MI_Interval* value)                           \
    {                                                                                                           \
        return (options && options->ft) ? options->ft->SetInterval(options, MI_T(KEY), value, 0)                \
                                        : MI_RESULT_INVALID_PARAMETER;                                           \
    }                                                                                                           \
    MI_INLINE MI_Result Handle##_Get##Name(const Handle* options, MI_Interval* value)                           \
    {                                                                                                           \
        return (options && options->ft) ? options->ft->GetInterval(options, MI_T(KEY), value, NULL, NULL)       \
                                        : MI_RESULT_INVALID_PARAMETER;                                           \
    }

MI_INLINE void MI_DestinationOptions_Delete(MI_DestinationOptions* options)
{
    if (options && options->ft)
        options->ft->Delete(options);
}

MI_OPTIONS_INTERVAL_ACCESSORS_(MI_DestinationOptions, Timeout, "__MI_DESTINATIONOPTIONS_TIMEOUT")
MI_OPTIONS_BOOLEAN_ACCESSORS_(MI_DestinationOptions, CertCACheck, "__MI_DESTINATIONOPTIONS_CERT_CA_CHECK")
MI_OPTIONS_BOOLEAN_ACCESSORS_(MI_DestinationOptions, CertCNCheck, "__MI_DESTINATIONOPTIONS_CERT_CN_CHECK")
MI_OPTIONS_BOOLEAN_ACCESSORS_(MI_DestinationOptions, CertRevocationCheck,
                              "__MI_DESTINATIONOPTIONS_CERT_REVOCATION_CHECK")
MI_OPTIONS_BOOLEAN_ACCESSORS_(MI_DestinationOptions, PacketPrivacy, "__MI_DESTINATIONOPTIONS_PACKET_PRIVACY")
MI_OPTIONS_BOOLEAN_ACCESSORS_(MI_DestinationOptions, PacketIntegrity, "__MI_DESTINATIONOPTIONS_PACKET_INTEGRITY")
MI_OPTIONS_STRING_ACCESSORS_(MI_DestinationOptions, PacketEncoding, "__MI_DESTINATIONOPTIONS_PACKET_ENCODING")
MI_OPTIONS_STRING_ACCESSORS_(MI_DestinationOptions, DataLocale, "__MI_DESTINATIONOPTIONS_DATA_LOCALE")
MI_OPTIONS_STRING_ACCESSORS_(MI_DestinationOptions, UILocale, "__MI_DESTINATIONOPTIONS_UI_LOCALE")
MI_OPTIONS_NUMBER_ACCESSORS_(MI_DestinationOptions, MaxEnvelopeSize, "__MI_DESTINATIONOPTIONS_MAX_ENVELOPE_SIZE")
MI_OPTIONS_NUMBER_ACCESSORS_(MI_DestinationOptions, MaxElements, "__MI_DESTINATIONOPTIONS_MAX_ELEMENTS")
MI_OPTIONS_BOOLEAN_ACCESSORS_(MI_DestinationOptions, EncodePortInSPN, "__MI_DESTINATIONOPTIONS_ENCODE_PORT_IN_SPN")
MI_OPTIONS_STRING_ACCESSORS_(MI_DestinationOptions, HttpUrlPrefix, "__MI_DESTINATIONOPTIONS_HTTP_URL_PREFIX")
MI_OPTIONS_NUMBER_ACCESSORS_(MI_DestinationOptions, DestinationPort, "__MI_DESTINATIONOPTIONS_DESTINATION_PORT")
MI_OPTIONS_STRING_ACCESSORS_(MI_DestinationOptions, TrustedCertsDir, "__MI_DESTINATIONOPTIONS_TRUSTED_CERTS_DIR")
MI_OPTIONS_STRING_ACCESSORS_(MI_DestinationOptions, CertFile, "__MI_DESTINATIONOPTIONS_CERT_FILE")
MI_OPTIONS_STRING_ACCESSORS_(MI_DestinationOptions, PrivateKeyFile, "__MI_DESTINATIONOPTIONS_PRIVATE_KEY_FILE")
MI_OPTIONS_STRING_ACCESSORS_(MI_DestinationOptions, Transport, "__MI_DESTINATIONOPTIONS_TRANSPORT")
MI_OPTIONS_STRING_ACCESSORS_(MI_DestinationOptions, ProxyType, "__MI_DESTINATIONOPTIONS_PROXY_TYPE")
MI_OPTIONS_NUMBER_ACCESSORS_(MI_DestinationOptions, SslOptions, "__MI_DESTINATIONOPTIONS_SSL_OPTIONS")

MI_INLINE MI_Result MI_DestinationOptions_AddProxyCredentials(MI_DestinationOptions* options,
                                                              const MI_UserCredentials* credentials)
{
    return (options && options->ft)
               ? options->ft->AddCredentials(options, MI_T("__MI_DESTINATIONOPTIONS_PROXY_CREDENTIALS"), credentials, 0)
               : MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_DestinationOptions_AddDestinationCredentials(MI_DestinationOptions* options,
                                                                    const MI_UserCredentials* credentials)
{
    return (options && options->ft)
               ? options->ft->AddCredentials(options, MI_T("__MI_DESTINATIONOPTIONS_DESTINATION_CREDENTIALS"),
                                             credentials, 0)
               : MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_DestinationOptions_SetImpersonationType(MI_DestinationOptions* options,
                                                               MI_DestinationOptions_ImpersonationType type)
{
    return (options && options->ft)
               ? options->ft->SetNumber(options, MI_T("__MI_DESTINATIONOPTIONS_IMPERSONATION_TYPE"), type, 0)
               : MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_DestinationOptions_GetImpersonationType(const MI_DestinationOptions* options,
                                                               MI_DestinationOptions_ImpersonationType* type)
{
    MI_Uint32 number = 0;
    MI_Result result;
    if (!options || !options->ft)
        return MI_RESULT_INVALID_PARAMETER;
    result = options->ft->GetNumber(options, MI_T("__MI_DESTINATIONOPTIONS_IMPERSONATION_TYPE"), &number, NULL, NULL);
    if (result == MI_RESULT_OK)
        *type = (MI_DestinationOptions_ImpersonationType)number;
    return result;
}

MI_INLINE MI_Result MI_DestinationOptions_SetString(MI_DestinationOptions* options, const MI_Char* optionName,
                                                    const MI_Char* optionValue)
{
    return (options && options->ft) ? options->ft->SetString(options, optionName, optionValue, 0)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_DestinationOptions_GetString(const MI_DestinationOptions* options, const MI_Char* optionName,
                                                    const MI_Char** optionValue, MI_Uint32* index)
{
    return (options && options->ft) ? options->ft->GetString(options, optionName, optionValue, index, NULL)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_DestinationOptions_SetNumber(MI_DestinationOptions* options, const MI_Char* optionName,
                                                    MI_Uint32 optionValue)
{
    return (options && options->ft) ? options->ft->SetNumber(options, optionName, optionValue, 0)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_DestinationOptions_GetNumber(const MI_DestinationOptions* options, const MI_Char* optionName,
                                                    MI_Uint32* optionValue, MI_Uint32* index)
{
    return (options && options->ft) ? options->ft->GetNumber(options, optionName, optionValue, index, NULL)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_DestinationOptions_GetOptionCount(const MI_DestinationOptions* options, MI_Uint32* count)
{
    return (options && options->ft) ? options->ft->GetOptionCount(options, count) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_DestinationOptions_GetOptionAt(const MI_DestinationOptions* options, MI_Uint32 index,
                                                      const MI_Char** optionName, MI_Value* value, MI_Type* type,
                                                      MI_Uint32* flags)
{
    return (options && options->ft) ? options->ft->GetOptionAt(options, index, optionName, value, type, flags)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_DestinationOptions_GetOption(const MI_DestinationOptions* options, const MI_Char* optionName,
                                                    MI_Value* value, MI_Type* type, MI_Uint32* index,
                                                    MI_Uint32* flags)
{
    return (options && options->ft) ? options->ft->GetOption(options, optionName, value, type, index, flags)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_DestinationOptions_GetCredentialsCount(const MI_DestinationOptions* options, MI_Uint32* count)
{
    return (options && options->ft) ? options->ft->GetCredentialsCount(options, count)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_DestinationOptions_GetCredentialsAt(const MI_DestinationOptions* options, MI_Uint32 index,
                                                           const MI_Char** optionName,
                                                           MI_UserCredentials* credentials, MI_Uint32* flags)
{
    return (options && options->ft) ? options->ft->GetCredentialsAt(options, index, optionName, credentials, flags)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_DestinationOptions_GetCredentialsPasswordAt(const MI_DestinationOptions* options,
                                                                   MI_Uint32 index, const MI_Char** optionName,
                                                                   MI_Char* password, MI_Uint32 bufferLength,
                                                                   MI_Uint32* passwordLength, MI_Uint32* flags)
{
    return (options && options->ft) ? options->ft->GetCredentialsPasswordAt(options, index, optionName, password,
                                                                            bufferLength, passwordLength, flags)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_DestinationOptions_Clone(const MI_DestinationOptions* self,
                                                        MI_DestinationOptions* newDestinationOptions)
{
    return (self && self->ft) ? self->ft->Clone(self, newDestinationOptions) : MI_RESULT_INVALID_PARAMETER;
}

/* ===========================================================================
 * Operation options
 * ======================================================================== */

MI_INLINE void MI_OperationOptions_Delete(MI_OperationOptions* options)
{
    if (options && options->ft)
        options->ft->Delete(options);
}

MI_INLINE MI_Result MI_OperationOptions_SetWriteErrorMode(MI_OperationOptions* options, MI_CallbackMode mode)
{
    return (options && options->ft)
               ? options->ft->SetNumber(options, MI_T("__MI_OPERATIONOPTIONS_WRITEERRORMODE"), mode, 0)
               : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_OperationOptions_GetWriteErrorMode(const MI_OperationOptions* options, MI_CallbackMode* mode)
{
    MI_Uint32 number = 0;
    MI_Result result;
    if (!options || !options->ft)
        return MI_RESULT_INVALID_PARAMETER;
    result = options->ft->GetNumber(options, MI_T("__MI_OPERATIONOPTIONS_WRITEERRORMODE"), &number, NULL, NULL);
    if (result == MI_RESULT_OK)
        *mode = (MI_CallbackMode)number;
    return result;
}
MI_INLINE MI_Result MI_OperationOptions_SetPromptUserMode(MI_OperationOptions* options, MI_CallbackMode mode)
{
    return (options && options->ft)
               ? options->ft->SetNumber(options, MI_T("__MI_OPERATIONOPTIONS_PROMPTUSERMODE"), mode, 0)
               : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_OperationOptions_GetPromptUserMode(const MI_OperationOptions* options, MI_CallbackMode* mode)
{
    MI_Uint32 number = 0;
    MI_Result result;
    if (!options || !options->ft)
        return MI_RESULT_INVALID_PARAMETER;
    result = options->ft->GetNumber(options, MI_T("__MI_OPERATIONOPTIONS_PROMPTUSERMODE"), &number, NULL, NULL);
    if (result == MI_RESULT_OK)
        *mode = (MI_CallbackMode)number;
    return result;
}
MI_INLINE MI_Result MI_OperationOptions_SetPromptUserRegularMode(MI_OperationOptions* options, MI_CallbackMode mode,
                                                                 MI_Boolean ackValue)
{
    MI_Result result;
    if (!options || !options->ft)
        return MI_RESULT_INVALID_PARAMETER;
    result = options->ft->SetNumber(options, MI_T("__MI_OPERATIONOPTIONS_PROMPTUSERMODE"), mode, 0);
    if (result != MI_RESULT_OK)
        return result;
    return options->ft->SetNumber(options, MI_T("__MI_OPERATIONOPTIONS_PROMPTUSERMODEREGULAR_ACKVALUE"), ackValue, 0);
}
MI_INLINE MI_Result MI_OperationOptions_GetPromptUserRegularMode(const MI_OperationOptions* options,
                                                                 MI_CallbackMode* mode, MI_Boolean* ackValue)
{
    MI_Uint32 modeNumber = 0, ackNumber = 0;
    MI_Result result;
    if (!options || !options->ft)
        return MI_RESULT_INVALID_PARAMETER;
    result = options->ft->GetNumber(options, MI_T("__MI_OPERATIONOPTIONS_PROMPTUSERMODE"), &modeNumber, NULL, NULL);
    if (result != MI_RESULT_OK)
        return result;
    result = options->ft->GetNumber(options, MI_T("__MI_OPERATIONOPTIONS_PROMPTUSERMODEREGULAR_ACKVALUE"),
                                    &ackNumber, NULL, NULL);
    if (result == MI_RESULT_OK) {
        *mode = (MI_CallbackMode)modeNumber;
        *ackValue = (MI_Boolean)ackNumber;
    }
    return result;
}
MI_INLINE MI_Result MI_OperationOptions_SetProviderArchitecture(MI_OperationOptions* options,
                                                                MI_ProviderArchitecture architecture,
                                                                MI_Boolean mustComply)
{
    MI_Result result;
    if (!options || !options->ft)
        return MI_RESULT_INVALID_PARAMETER;
    result = options->ft->SetNumber(options, MI_T("__MI_OPERATIONOPTIONS_PROVIDER_ARCHITECTURE"), architecture, 0);
    if (result != MI_RESULT_OK)
        return result;
    return options->ft->SetNumber(options, MI_T("__MI_OPERATIONOPTIONS_REQUIRED_ARCHITECTURE"), mustComply, 0);
}
MI_INLINE MI_Result MI_OperationOptions_GetProviderArchitecture(const MI_OperationOptions* options,
                                                                MI_ProviderArchitecture* architecture,
                                                                MI_Boolean* mustComply)
{
    MI_Uint32 archNumber = 0, complyNumber = 0;
    MI_Result result;
    if (!options || !options->ft)
        return MI_RESULT_INVALID_PARAMETER;
    result = options->ft->GetNumber(options, MI_T("__MI_OPERATIONOPTIONS_PROVIDER_ARCHITECTURE"), &archNumber, NULL,
                                    NULL);
    if (result != MI_RESULT_OK)
        return result;
    result = options->ft->GetNumber(options, MI_T("__MI_OPERATIONOPTIONS_REQUIRED_ARCHITECTURE"), &complyNumber,
                                    NULL, NULL);
    if (result == MI_RESULT_OK) {
        *architecture = (MI_ProviderArchitecture)archNumber;
        *mustComply = (MI_Boolean)complyNumber;
    }
    return result;
}
/* Channels are a multi-valued option: flags 0 enables one, flags 1 disables it. */
MI_INLINE MI_Result MI_OperationOptions_EnableChannel(MI_OperationOptions* options, MI_Uint32 channel)
{
    return (options && options->ft) ? options->ft->SetNumber(options, MI_T("__MI_OPERATIONOPTIONS_CHANNEL"), channel, 0)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_OperationOptions_DisableChannel(MI_OperationOptions* options, MI_Uint32 channel)
{
    return (options && options->ft) ? options->ft->SetNumber(options, MI_T("__MI_OPERATIONOPTIONS_CHANNEL"), channel, 1)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_OperationOptions_GetEnabledChannels(const MI_OperationOptions* options, MI_Uint32* channels,
                                                           MI_Uint32 bufferLength, MI_Uint32* channelCount,
                                                           MI_Uint32* flags)
{
    return (options && options->ft)
               ? options->ft->GetEnabledChannels(options, MI_T("__MI_OPERATIONOPTIONS_CHANNEL"), channels, bufferLength,
                                                 channelCount, flags)
               : MI_RESULT_INVALID_PARAMETER;
}

MI_OPTIONS_INTERVAL_ACCESSORS_(MI_OperationOptions, Timeout, "__MI_OPERATIONOPTIONS_TIMEOUT")
MI_OPTIONS_STRING_ACCESSORS_(MI_OperationOptions, ResourceUriPrefix, "__MI_OPERATIONOPTIONS_RESOURCE_URI_PREFIX")
MI_OPTIONS_STRING_ACCESSORS_(MI_OperationOptions, ResourceUri, "__MI_OPERATIONOPTIONS_RESOURCE_URI")
MI_OPTIONS_BOOLEAN_ACCESSORS_(MI_OperationOptions, UseMachineID, "__MI_OPERATIONOPTIONS_USE_MACHINE_ID")

MI_INLINE MI_Result MI_OperationOptions_SetCustomOption(MI_OperationOptions* options, const MI_Char* optionName,
                                                        MI_Type optionValueType, const MI_Value* optionValue,
                                                        MI_Boolean mustComply)
{
    return (options && options->ft)
               ? options->ft->SetCustomOption(options, optionName, optionValueType, optionValue, mustComply, 0)
               : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_OperationOptions_GetOptionCount(const MI_OperationOptions* options, MI_Uint32* count)
{
    return (options && options->ft) ? options->ft->GetOptionCount(options, count) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_OperationOptions_GetOptionAt(const MI_OperationOptions* options, MI_Uint32 index,
                                                    const MI_Char** optionName, MI_Value* value, MI_Type* type,
                                                    MI_Uint32* flags)
{
    return (options && options->ft) ? options->ft->GetOptionAt(options, index, optionName, value, type, flags)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_OperationOptions_SetString(MI_OperationOptions* options, const MI_Char* optionName,
                                                  const MI_Char* value, MI_Uint32 flags)
{
    return (options && options->ft) ? options->ft->SetString(options, optionName, value, flags)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_OperationOptions_GetString(const MI_OperationOptions* options, const MI_Char* optionName,
                                                  const MI_Char** value, MI_Uint32* index, MI_Uint32* flags)
{
    return (options && options->ft) ? options->ft->GetString(options, optionName, value, index, flags)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_OperationOptions_SetNumber(MI_OperationOptions* options, const MI_Char* optionName,
                                                  MI_Uint32 value, MI_Uint32 flags)
{
    return (options && options->ft) ? options->ft->SetNumber(options, optionName, value, flags)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_OperationOptions_GetNumber(const MI_OperationOptions* options, const MI_Char* optionName,
                                                  MI_Uint32* value, MI_Uint32* index, MI_Uint32* flags)
{
    return (options && options->ft) ? options->ft->GetNumber(options, optionName, value, index, flags)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_OperationOptions_GetOption(const MI_OperationOptions* options, const MI_Char* optionName,
                                                  MI_Value* value, MI_Type* type, MI_Uint32* index, MI_Uint32* flags)
{
    return (options && options->ft) ? options->ft->GetOption(options, optionName, value, type, index, flags)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_OperationOptions_Clone(const MI_OperationOptions* self,
                                                      MI_OperationOptions* newOperationOptions)
{
    return (self && self->ft) ? self->ft->Clone(self, newOperationOptions) : MI_RESULT_INVALID_PARAMETER;
}

/* ===========================================================================
 * Class, parameter set and qualifier set
 * ======================================================================== */

MI_INLINE MI_Result MI_Class_GetClassName(const MI_Class* self, const MI_Char** className)
{
    return (self && self->ft) ? self->ft->GetClassName(self, className) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_GetNameSpace(const MI_Class* self, const MI_Char** nameSpace)
{
    return (self && self->ft) ? self->ft->GetNameSpace(self, nameSpace) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_GetServerName(const MI_Class* self, const MI_Char** serverName)
{
    return (self && self->ft) ? self->ft->GetServerName(self, serverName) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_GetElementCount(const MI_Class* self, MI_Uint32* count)
{
    return (self && self->ft) ? self->ft->GetElementCount(self, count) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_GetElement(const MI_Class* self, const MI_Char* name, MI_Value* value,
                                        MI_Boolean* valueExists, MI_Type* type, MI_Char** referenceClass,
                                        MI_QualifierSet* qualifierSet, MI_Uint32* flags, MI_Uint32* index)
{
    return (self && self->ft) ? self->ft->GetElement(self, name, value, valueExists, type, referenceClass,
                                                     qualifierSet, flags, index)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_GetElementAt(const MI_Class* self, MI_Uint32 index, const MI_Char** name,
                                          MI_Value* value, MI_Boolean* valueExists, MI_Type* type,
                                          MI_Char** referenceClass, MI_QualifierSet* qualifierSet, MI_Uint32* flags)
{
    return (self && self->ft) ? self->ft->GetElementAt(self, index, name, value, valueExists, type, referenceClass,
                                                       qualifierSet, flags)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_GetClassQualifierSet(const MI_Class* self, MI_QualifierSet* qualifierSet)
{
    return (self && self->ft) ? self->ft->GetClassQualifierSet(self, qualifierSet) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_GetMethodCount(const MI_Class* self, MI_Uint32* count)
{
    return (self && self->ft) ? self->ft->GetMethodCount(self, count) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_GetMethodAt(const MI_Class* self, MI_Uint32 index, const MI_Char** name,
                                         MI_QualifierSet* qualifierSet, MI_ParameterSet* parameterSet)
{
    return (self && self->ft) ? self->ft->GetMethodAt(self, index, name, qualifierSet, parameterSet)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_GetMethod(const MI_Class* self, const MI_Char* name, MI_QualifierSet* qualifierSet,
                                       MI_ParameterSet* parameterSet, MI_Uint32* index)
{
    return (self && self->ft) ? self->ft->GetMethod(self, name, qualifierSet, parameterSet, index)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_GetParentClassName(const MI_Class* self, const MI_Char** name)
{
    return (self && self->ft) ? self->ft->GetParentClassName(self, name) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_GetParentClass(const MI_Class* self, MI_Class** parentClass)
{
    return (self && self->ft) ? self->ft->GetParentClass(self, parentClass) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_Class_Delete(MI_Class* self)
{
    return (self && self->ft) ? self->ft->Delete(self) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_Class_Clone(const MI_Class* self, MI_Class** newClass)
{
    return (self && self->ft) ? self->ft->Clone(self, newClass) : MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_ParameterSet_GetMethodReturnType(const MI_ParameterSet* self, MI_Type* returnType,
                                                        MI_QualifierSet* qualifierSet)
{
    return (self && self->ft) ? self->ft->GetMethodReturnType(self, returnType, qualifierSet)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_ParameterSet_GetParameterCount(const MI_ParameterSet* self, MI_Uint32* count)
{
    return (self && self->ft) ? self->ft->GetParameterCount(self, count) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_ParameterSet_GetParameterAt(const MI_ParameterSet* self, MI_Uint32 index, const MI_Char** name,
                                                   MI_Type* parameterType, MI_Char** referenceClass,
                                                   MI_QualifierSet* qualifierSet)
{
    return (self && self->ft) ? self->ft->GetParameterAt(self, index, name, parameterType, referenceClass, qualifierSet)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_ParameterSet_GetParameter(const MI_ParameterSet* self, const MI_Char* name,
                                                 MI_Type* parameterType, MI_Char** referenceClass,
                                                 MI_QualifierSet* qualifierSet, MI_Uint32* index)
{
    return (self && self->ft) ? self->ft->GetParameter(self, name, parameterType, referenceClass, qualifierSet, index)
                              : MI_RESULT_INVALID_PARAMETER;
}

MI_INLINE MI_Result MI_QualifierSet_GetQualifierCount(const MI_QualifierSet* self, MI_Uint32* count)
{
    return (self && self->ft) ? self->ft->GetQualifierCount(self, count) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_QualifierSet_GetQualifierAt(const MI_QualifierSet* self, MI_Uint32 index, const MI_Char** name,
                                                   MI_Type* qualifierType, MI_Uint32* qualifierFlags,
                                                   MI_Value* qualifierValue)
{
    return (self && self->ft) ? self->ft->GetQualifierAt(self, index, name, qualifierType, qualifierFlags,
                                                         qualifierValue)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_QualifierSet_GetQualifier(const MI_QualifierSet* self, const MI_Char* name,
                                                 MI_Type* qualifierType, MI_Uint32* qualifierFlags,
                                                 MI_Value* qualifierValue, MI_Uint32* index)
{
    return (self && self->ft) ? self->ft->GetQualifier(self, name, qualifierType, qualifierFlags, qualifierValue, index)
                              : MI_RESULT_INVALID_PARAMETER;
}

/* ===========================================================================
 * Subscription delivery options
 * ======================================================================== */

#define MI_SUBSCRIBE_BOOKMARK_OLDEST MI_T("MI_SUBSCRIBE_BOOKMARK_OLDEST")
#define MI_SUBSCRIBE_BOOKMARK_NEWEST MI_T("MI_SUBSCRIBE_BOOKMARK_NEWEST")

MI_OPTIONS_INTERVAL_ACCESSORS_(MI_SubscriptionDeliveryOptions, MaximumLatency,
                               "__MI_SUBSCRIPTIONDELIVERYOPTIONS_SET_MAXIMUM_LATENCY")
MI_OPTIONS_INTERVAL_ACCESSORS_(MI_SubscriptionDeliveryOptions, HeartbeatInterval,
                               "__MI_SUBSCRIPTIONDELIVERYOPTIONS_SET_HEARTBEAT_INTERVAL")
MI_OPTIONS_STRING_ACCESSORS_(MI_SubscriptionDeliveryOptions, Bookmark, "__MI_SUBSCRIPTIONDELIVERYOPTIONS_SET_BOOKMARK")
MI_OPTIONS_STRING_ACCESSORS_(MI_SubscriptionDeliveryOptions, DeliveryDestination,
                             "__MI_SUBSCRIPTIONDELIVERYOPTIONS_SET_DELIVERY_DESTINATION")
MI_OPTIONS_NUMBER_ACCESSORS_(MI_SubscriptionDeliveryOptions, DeliveryPortNumber,
                             "__MI_SUBSCRIPTIONDELIVERYOPTIONS_SET_DELIVERY_PORT_NUMBER")
MI_OPTIONS_INTERVAL_ACCESSORS_(MI_SubscriptionDeliveryOptions, DeliveryRetryInterval,
                               "__MI_SUBSCRIPTIONDELIVERYOPTIONS_SET_DELIVERY_RETRY_INTERVAL")
MI_OPTIONS_NUMBER_ACCESSORS_(MI_SubscriptionDeliveryOptions, DeliveryRetryAttempts,
                             "__MI_SUBSCRIPTIONDELIVERYOPTIONS_SET_DELIVERY_RETRY_ATTEMPTS")

MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_SetExpirationTime(MI_SubscriptionDeliveryOptions* self,
                                                                     const MI_Datetime* value)
{
    return (self && self->ft)
               ? self->ft->SetDateTime(self, MI_T("__MI_SUBSCRIPTIONDELIVERYOPTIONS_SET_EXPIRATION_TIME"), value, 0)
               : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_GetExpirationTime(const MI_SubscriptionDeliveryOptions* self,
                                                                     MI_Datetime* value)
{
    return (self && self->ft) ? self->ft->GetDateTime(self, MI_T("__MI_SUBSCRIPTIONDELIVERYOPTIONS_SET_EXPIRATION_TIME"),
                                                      value, NULL, NULL)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_AddDeliveryCredentials(MI_SubscriptionDeliveryOptions* self,
                                                                          const MI_UserCredentials* value)
{
    return (self && self->ft)
               ? self->ft->AddCredentials(self, MI_T("__MI_SUBSCRIPTIONDELIVERYOPTIONS_ADD_DELIVERY_CREDENTIALS"),
                                          value, 0)
               : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_Delete(MI_SubscriptionDeliveryOptions* self)
{
    return (self && self->ft) ? self->ft->Delete(self) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_SetString(MI_SubscriptionDeliveryOptions* self,
                                                             const MI_Char* optionName, const MI_Char* value,
                                                             MI_Uint32 flags)
{
    return (self && self->ft) ? self->ft->SetString(self, optionName, value, flags) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_SetNumber(MI_SubscriptionDeliveryOptions* self,
                                                             const MI_Char* optionName, MI_Uint32 value,
                                                             MI_Uint32 flags)
{
    return (self && self->ft) ? self->ft->SetNumber(self, optionName, value, flags) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_SetDateTime(MI_SubscriptionDeliveryOptions* self,
                                                               const MI_Char* optionName, const MI_Datetime* value,
                                                               MI_Uint32 flags)
{
    return (self && self->ft) ? self->ft->SetDateTime(self, optionName, value, flags) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_SetInterval(MI_SubscriptionDeliveryOptions* self,
                                                               const MI_Char* optionName, const MI_Interval* value,
                                                               MI_Uint32 flags)
{
    return (self && self->ft) ? self->ft->SetInterval(self, optionName, value, flags) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_GetString(const MI_SubscriptionDeliveryOptions* self,
                                                             const MI_Char* optionName, const MI_Char** value,
                                                             MI_Uint32* index, MI_Uint32* flags)
{
    return (self && self->ft) ? self->ft->GetString(self, optionName, value, index, flags)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_GetNumber(const MI_SubscriptionDeliveryOptions* self,
                                                             const MI_Char* optionName, MI_Uint32* value,
                                                             MI_Uint32* index, MI_Uint32* flags)
{
    return (self && self->ft) ? self->ft->GetNumber(self, optionName, value, index, flags)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_GetDateTime(const MI_SubscriptionDeliveryOptions* self,
                                                               const MI_Char* optionName, MI_Datetime* value,
                                                               MI_Uint32* index, MI_Uint32* flags)
{
    return (self && self->ft) ? self->ft->GetDateTime(self, optionName, value, index, flags)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_GetInterval(const MI_SubscriptionDeliveryOptions* self,
                                                               const MI_Char* optionName, MI_Interval* value,
                                                               MI_Uint32* index, MI_Uint32* flags)
{
    return (self && self->ft) ? self->ft->GetInterval(self, optionName, value, index, flags)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_GetOptionCount(const MI_SubscriptionDeliveryOptions* self,
                                                                  MI_Uint32* count)
{
    return (self && self->ft) ? self->ft->GetOptionCount(self, count) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_GetOptionAt(const MI_SubscriptionDeliveryOptions* self,
                                                               MI_Uint32 index, const MI_Char** optionName,
                                                               MI_Value* value, MI_Type* type, MI_Uint32* flags)
{
    return (self && self->ft) ? self->ft->GetOptionAt(self, index, optionName, value, type, flags)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_GetOption(const MI_SubscriptionDeliveryOptions* self,
                                                             const MI_Char* optionName, MI_Value* value,
                                                             MI_Type* type, MI_Uint32* index, MI_Uint32* flags)
{
    return (self && self->ft) ? self->ft->GetOption(self, optionName, value, type, index, flags)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_GetCredentialsCount(const MI_SubscriptionDeliveryOptions* self,
                                                                       MI_Uint32* count)
{
    return (self && self->ft) ? self->ft->GetCredentialsCount(self, count) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_GetCredentialsAt(const MI_SubscriptionDeliveryOptions* self,
                                                                    MI_Uint32 index, const MI_Char** optionName,
                                                                    MI_UserCredentials* credentials,
                                                                    MI_Uint32* flags)
{
    return (self && self->ft) ? self->ft->GetCredentialsAt(self, index, optionName, credentials, flags)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_SubscriptionDeliveryOptions_GetCredentialsPasswordAt(
    const MI_SubscriptionDeliveryOptions* self, MI_Uint32 index, const MI_Char** optionName, MI_Char* password,
    MI_Uint32 bufferLength, MI_Uint32* passwordLength, MI_Uint32* flags)
{
    return (self && self->ft) ? self->ft->GetCredentialsPasswordAt(self, index, optionName, password, bufferLength,
                                                                   passwordLength, flags)
                              : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_SubscriptionDeliveryOptions_Clone(const MI_SubscriptionDeliveryOptions* self,
                                                                 MI_SubscriptionDeliveryOptions* newOptions)
{
    return (self && self->ft) ? self->ft->Clone(self, newOptions) : MI_RESULT_INVALID_PARAMETER;
}

/* ===========================================================================
 * Serializers and utilities go through the exported client table.
 * ======================================================================== */

#define MI_SERIALIZER_FLAGS_CLASS_DEEP 1
#define MI_SERIALIZER_FLAGS_INSTANCE_WITH_CLASS 1

#define MI_Serializer_Close (mi_clientFT->serializerFT->Close)
#define MI_Serializer_SerializeClass (mi_clientFT->serializerFT->SerializeClass)
#define MI_Serializer_SerializeInstance (mi_clientFT->serializerFT->SerializeInstance)
#define MI_Deserializer_Close (mi_clientFT->deserializerFT->Close)
#define MI_Deserializer_DeserializeClass (mi_clientFT->deserializerFT->DeserializeClass)
#define MI_Deserializer_Class_GetClassName (mi_clientFT->deserializerFT->Class_GetClassName)
#define MI_Deserializer_Class_GetParentClassName (mi_clientFT->deserializerFT->Class_GetParentClassName)
#define MI_Deserializer_DeserializeInstance (mi_clientFT->deserializerFT->DeserializeInstance)
#define MI_Deserializer_Instance_GetClassName (mi_clientFT->deserializerFT->Instance_GetClassName)
#define MI_Utilities_MapErrorToMiErrorCategory (mi_clientFT->utilitiesFT->MapErrorToMiErrorCategory)
#define MI_Utilities_CimErrorFromErrorCode (mi_clientFT->utilitiesFT->CimErrorFromErrorCode)

/* Older short names still found in provider code. */
#define MI_CancelationReason MI_CancellationReason
#define _MI_CancelationReason _MI_CancellationReason
#define MI_PostResult MI_Context_PostResult
#define MI_PostCimError MI_Context_PostCimError
#define MI_PostError MI_Context_PostError
#define MI_PostInstance MI_Context_PostInstance
#define MI_PostIndication MI_Context_PostIndication
#define MI_ConstructInstance MI_Context_ConstructInstance
#define MI_ConstructParameters MI_Context_ConstructParameters
#define MI_NewInstance MI_Context_NewInstance
#define MI_NewDynamicInstance MI_Context_NewDynamicInstance
#define MI_NewParameters MI_Context_NewParameters
#define MI_Canceled MI_Context_Canceled
#define MI_GetLocale MI_Context_GetLocale
#define MI_RegisterCancel MI_Context_RegisterCancel
#define MI_RequestUnload MI_Context_RequestUnload
#define MI_RefuseUnload MI_Context_RefuseUnload
#define MI_GetLocalSession MI_Context_GetLocalSession
#define MI_SetStringOption MI_Context_SetStringOption
#define MI_GetStringOption MI_Context_GetStringOption
#define MI_GetNumberOption MI_Context_GetNumberOption
#define MI_GetCustomOption MI_Context_GetCustomOption
#define MI_GetCustomOptionCount MI_Context_GetCustomOptionCount
#define MI_GetCustomOptionAt MI_Context_GetCustomOptionAt
#define MI_ShouldProcess MI_Context_ShouldProcess
#define MI_ShouldContinue MI_Context_ShouldContinue
#define MI_PromptUser MI_Context_PromptUser
#define MI_WriteError MI_Context_WriteError
#define MI_WriteCimError MI_Context_WriteCimError
#define MI_WriteMessage MI_Context_WriteMessage
#define MI_WriteProgress MI_Context_WriteProgress
#define MI_WriteStreamParameter MI_Context_WriteStreamParameter
#define MI_WriteWarning MI_Context_WriteWarning
#define MI_WriteVerbose MI_Context_WriteVerbose
#define MI_WriteDebug MI_Context_WriteDebug
#define MI_SubscriptionDeliveryOptions__SetExpirationTime MI_SubscriptionDeliveryOptions_SetExpirationTime
#define MI_SubscriptionDeliveryOptions__GetExpirationTime MI_SubscriptionDeliveryOptions_GetExpirationTime
#define MI_PropertySet_GetElement MI_PropertySet_GetElementAt

/* ===========================================================================
 * Lifecycle indications (API version 2)
 * ======================================================================== */

#if MI_API_VERSION == 2
#define MI_LIFECYCLE_INDICATION_NONE 0
#define MI_LIFECYCLE_INDICATION_CREATE 1
#define MI_LIFECYCLE_INDICATION_MODIFY 2
#define MI_LIFECYCLE_INDICATION_DELETE 4
#define MI_LIFECYCLE_INDICATION_READ 8
#define MI_LIFECYCLE_INDICATION_METHODCALL 16
#define MI_LIFECYCLE_INDICATION_ALL                                                                                \
    (MI_LIFECYCLE_INDICATION_CREATE | MI_LIFECYCLE_INDICATION_MODIFY | MI_LIFECYCLE_INDICATION_DELETE |           \
     MI_LIFECYCLE_INDICATION_READ | MI_LIFECYCLE_INDICATION_METHODCALL)

typedef void(MI_CALL* MI_LifecycleIndicationCallback)(MI_Uint32 types, void* callbackData);

typedef struct _MI_LifecycleIndicationContextFT MI_LifecycleIndicationContextFT;
struct _MI_LifecycleIndicationContextFT {
    MI_Result(MI_CALL* PostCreate)(MI_LifecycleIndicationContext* context, const MI_Instance* instance);
    MI_Result(MI_CALL* PostModify)(MI_LifecycleIndicationContext* context, const MI_Instance* originalInstance,
                                   const MI_Instance* instance);
    MI_Result(MI_CALL* PostDelete)(MI_LifecycleIndicationContext* context, const MI_Instance* originalInstance);
    MI_Result(MI_CALL* PostRead)(MI_LifecycleIndicationContext* context, const MI_Instance* instance);
    MI_Result(MI_CALL* PostMethodCall)(MI_LifecycleIndicationContext* context, const MI_Instance* instance,
                                       const MI_Char* methodName, MI_Boolean precall, const MI_Instance* parameter,
                                       const MI_Char* returnvalue);
    MI_Result(MI_CALL* PostResult)(MI_LifecycleIndicationContext* context, MI_Result result);
    MI_Result(MI_CALL* ConstructInstance)(MI_LifecycleIndicationContext* context, const MI_ClassDecl* classDecl,
                                          MI_Instance* instance);
    MI_Result(MI_CALL* ConstructParameters)(MI_LifecycleIndicationContext* context, const MI_MethodDecl* methodDecl,
                                            MI_Instance* instance);
    MI_Result(MI_CALL* NewInstance)(MI_LifecycleIndicationContext* context, const MI_ClassDecl* classDecl,
                                    MI_Instance** instance);
    MI_Result(MI_CALL* NewDynamicInstance)(MI_LifecycleIndicationContext* context, const MI_Char* className,
                                           MI_Uint32 flags, MI_Instance** instance);
    MI_Result(MI_CALL* NewParameters)(MI_LifecycleIndicationContext* context, const MI_MethodDecl* methodDecl,
                                      MI_Instance** instance);
    MI_Result(MI_CALL* SetSupportedTypes)(MI_LifecycleIndicationContext* context, MI_Uint32 types);
    MI_Result(MI_CALL* GetTypes)(MI_LifecycleIndicationContext* context, MI_Uint32* types);
    MI_Result(MI_CALL* RegisterCallback)(MI_LifecycleIndicationContext* context,
                                         MI_LifecycleIndicationCallback callback, void* callbackData);
};

struct _MI_LifecycleIndicationContext {
    const MI_LifecycleIndicationContextFT* ft;
    ptrdiff_t reserved[3];
};

MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_PostCreate(MI_LifecycleIndicationContext* context,
                                                                     const MI_Instance* instance)
{
    return (context && context->ft) ? context->ft->PostCreate(context, instance) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_PostModify(MI_LifecycleIndicationContext* context,
                                                                     const MI_Instance* originalInstance,
                                                                     const MI_Instance* instance)
{
    return (context && context->ft) ? context->ft->PostModify(context, originalInstance, instance)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_PostDelete(MI_LifecycleIndicationContext* context,
                                                                     const MI_Instance* originalInstance)
{
    return (context && context->ft) ? context->ft->PostDelete(context, originalInstance) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_PostRead(MI_LifecycleIndicationContext* context,
                                                                   const MI_Instance* instance)
{
    return (context && context->ft) ? context->ft->PostRead(context, instance) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_PostMethodCall_Before(MI_LifecycleIndicationContext* context,
                                                                                const MI_Instance* instance,
                                                                                const MI_Char* methodName,
                                                                                const MI_Instance* parameter)
{
    return (context && context->ft && instance && methodName)
               ? context->ft->PostMethodCall(context, instance, methodName, MI_TRUE, parameter, NULL)
               : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_PostMethodCall_After(MI_LifecycleIndicationContext* context,
                                                                               const MI_Instance* instance,
                                                                               const MI_Char* methodName,
                                                                               const MI_Instance* parameter,
                                                                               const MI_Char* returnvalue)
{
    return (context && context->ft && instance && methodName)
               ? context->ft->PostMethodCall(context, instance, methodName, MI_FALSE, parameter, returnvalue)
               : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_PostResult(MI_LifecycleIndicationContext* context,
                                                                     MI_Result result)
{
    return (context && context->ft) ? context->ft->PostResult(context, result) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_SetSupportedTypes(MI_LifecycleIndicationContext* context,
                                                                            MI_Uint32 types)
{
    return (context && context->ft) ? context->ft->SetSupportedTypes(context, types) : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_GetTypes(MI_LifecycleIndicationContext* context,
                                                                   MI_Uint32* types)
{
    if (context && context->ft)
        return context->ft->GetTypes(context, types);
    *types = 0;
    return MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_RegisterCallback(MI_LifecycleIndicationContext* context,
                                                                           MI_LifecycleIndicationCallback callback,
                                                                           void* callbackData)
{
    return (context && context->ft) ? context->ft->RegisterCallback(context, callback, callbackData)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_ConstructInstance(MI_LifecycleIndicationContext* context,
                                                                            const MI_ClassDecl* classDecl,
                                                                            MI_Instance* instance)
{
    return (context && context->ft) ? context->ft->ConstructInstance(context, classDecl, instance)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_ConstructParameters(MI_LifecycleIndicationContext* context,
                                                                              const MI_MethodDecl* methodDecl,
                                                                              MI_Instance* instance)
{
    return (context && context->ft) ? context->ft->ConstructParameters(context, methodDecl, instance)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_NewInstance(MI_LifecycleIndicationContext* context,
                                                                      const MI_ClassDecl* classDecl,
                                                                      MI_Instance** instance)
{
    return (context && context->ft) ? context->ft->NewInstance(context, classDecl, instance)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_NewDynamicInstance(MI_LifecycleIndicationContext* context,
                                                                             const MI_Char* className,
                                                                             MI_Uint32 flags, MI_Instance** instance)
{
    return (context && context->ft) ? context->ft->NewDynamicInstance(context, className, flags, instance)
                                    : MI_RESULT_INVALID_PARAMETER;
}
MI_INLINE MI_Result MI_CALL MI_LifecycleIndicationContext_NewParameters(MI_LifecycleIndicationContext* context,
                                                                        const MI_MethodDecl* methodDecl,
                                                                        MI_Instance** instance)
{
    return (context && context->ft) ? context->ft->NewParameters(context, methodDecl, instance)
                                    : MI_RESULT_INVALID_PARAMETER;
}

/* Negotiates who filters an enumeration: the provider (TRUE) or the server. */
MI_INLINE MI_Result MI_CALL MI_Context_SetFilterOption(MI_Context* context, MI_Boolean filterByProvider)
{
    return (context && context->ft)
               ? context->ft->SetStringOption(context, MI_T("__FilterByProvider"),
                                              filterByProvider == MI_TRUE ? MI_T("TRUE") : MI_T("FALSE"))
               : MI_RESULT_INVALID_PARAMETER;
}
#endif /* MI_API_VERSION == 2 */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CIMULATE_MI_H_ */
