/*
 * mi_tour: a plain C client of libcimulate-mi.so, built only against MI.h.
 *
 * It walks the contract the library implements (protocol selection, deferred
 * connection, extended errors, the close rules) and prints each step.  It exits 0
 * when every step behaved as documented, 1 otherwise.
 */
#include <stdio.h>
#include <string.h>

#include "MI.h"

static int passes = 0;
static int failures = 0;

static void check(int ok, const char* what) {
    printf("%s  %s\n", ok ? "ok  " : "FAIL", what);
    if (ok) ++passes; else ++failures;
}

static const char* string_element(const MI_Instance* instance, const char* name) {
    MI_Value value;
    MI_Type type;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElement(instance, name, &value, &type, &flags, NULL) != MI_RESULT_OK || type != MI_STRING ||
        (flags & MI_FLAG_NULL))
        return "";
    return value.string;
}

static MI_Uint32 status_code(const MI_Instance* instance) {
    MI_Value value;
    if (MI_Instance_GetElement(instance, "CIMStatusCode", &value, NULL, NULL, NULL) != MI_RESULT_OK) return 9999;
    return value.uint32;
}

static void tour_protocol_selection(MI_Application* app) {
    MI_Session session = MI_SESSION_NULL;
    MI_Instance* error = NULL;
    MI_Result result = MI_Application_NewSession(app, NULL, NULL, NULL, NULL, &error, &session);
    check(result == MI_RESULT_OK && error == NULL, "NewSession(NULL protocol, NULL destination) succeeds (WMIDCOM)");
    check(MI_Session_Close(&session, NULL, NULL) == MI_RESULT_OK, "MI_Session_Close succeeds");
    check(MI_Session_Close(&session, NULL, NULL) == MI_RESULT_INVALID_PARAMETER,
          "a second MI_Session_Close is INVALID_PARAMETER");

    result = MI_Application_NewSession(app, "SOAP", "server01", NULL, NULL, &error, &session);
    check(result == MI_RESULT_NOT_SUPPORTED, "an unknown protocol name is NOT_SUPPORTED");
    check(error != NULL && status_code(error) == MI_RESULT_NOT_SUPPORTED,
          "  ... with an extended error whose CIMStatusCode is the result");
    if (error) {
        printf("        Message: %s\n", string_element(error, "Message"));
        MI_Instance_Delete(error);
    }
    check(MI_Session_Close(&session, NULL, NULL) == MI_RESULT_OK, "  ... and a handle that is safe to close");
}

static void tour_deferred_connection(MI_Application* app) {
    /* A name that cannot resolve: creating the session must not notice. */
    MI_Session session = MI_SESSION_NULL;
    MI_Result result =
        MI_Application_NewSession(app, NULL, "no-such-host.invalid", NULL, NULL, NULL, &session);
    check(result == MI_RESULT_OK, "NewSession to an unresolvable destination succeeds (no I/O at creation)");

    MI_Operation operation = MI_OPERATION_NULL;
    MI_Session_TestConnection(&session, 0, NULL, &operation);
    const MI_Instance* instance = NULL;
    const MI_Instance* details = NULL;
    const MI_Char* message = NULL;
    MI_Boolean more = MI_TRUE;
    MI_Result final_result = MI_RESULT_OK;
    result = MI_Operation_GetInstance(&operation, &instance, &more, &final_result, &message, &details);
    check(result == MI_RESULT_OK && more == MI_FALSE && final_result != MI_RESULT_OK,
          "the first operation reports the failure");
    check(details != NULL && status_code(details) == (MI_Uint32)final_result,
          "  ... with an extended error matching the result");
    printf("        result %d: %s\n", (int)final_result, message ? message : "(no message)");
    check(MI_Operation_Close(&operation) == MI_RESULT_OK, "MI_Operation_Close succeeds");
    check(MI_Session_Close(&session, NULL, NULL) == MI_RESULT_OK, "the session closes after its operation");
}

static void tour_instances(MI_Application* app) {
    MI_Instance* instance = NULL;
    MI_Value value;
    check(MI_Application_NewInstance(app, "Win32_Service", NULL, &instance) == MI_RESULT_OK, "NewInstance");
    value.string = (MI_Char*)"WinRM";
    check(MI_Instance_AddElement(instance, "Name", &value, MI_STRING, MI_FLAG_KEY) == MI_RESULT_OK,
          "AddElement(Name, string, KEY)");
    value.uint32 = 1234;
    check(MI_Instance_AddElement(instance, "ProcessId", &value, MI_UINT32, 0) == MI_RESULT_OK,
          "AddElement(ProcessId, uint32)");
    MI_Instance* copy = NULL;
    check(MI_Instance_Clone(instance, &copy) == MI_RESULT_OK, "Clone");
    MI_Instance_Delete(instance);
    check(strcmp(string_element(copy, "Name"), "WinRM") == 0, "the clone outlives the original");
    MI_Instance_Delete(copy);
}

int main(void) {
    MI_Application app = MI_APPLICATION_NULL;
    MI_Instance* error = (MI_Instance*)&app; /* not NULL: Initialize must clear it */
    check(MI_Application_Initialize(0, "mi_tour", &error, &app) == MI_RESULT_OK && error == NULL,
          "MI_Application_Initialize");
    tour_protocol_selection(&app);
    tour_deferred_connection(&app);
    tour_instances(&app);
    check(MI_Application_Close(&app) == MI_RESULT_OK, "MI_Application_Close with every session closed");
    check(MI_Application_Close(&app) == MI_RESULT_INVALID_PARAMETER, "a second close is INVALID_PARAMETER");
    printf("%d passed, %d failed\n", passes, failures);
    return failures ? 1 : 0;
}
