#!/usr/bin/python3
"""Drives Debian's python3-winrm (pywinrm 0.3.0) against cimulate-server.

Run by run_with_server.sh with CIMULATE_WINRM_HTTP=HOST:PORT, serving
scenarios/interop/pywinrm-shell.yaml.  Checks, in order:
  * Session.run_cmd through a WinRS shell: stdout, stderr and exit codes,
    output in several Receives after a Receive that timed out;
  * a wrong password is refused (401 -> InvalidCredentialsError);
  * a hand-built Get, a hand-built optimized Enumerate, a plain Enumerate
    followed by Pulls, and a WQL Enumerate, all sent through
    winrm.protocol.Protocol.send_message and parsed with xml.etree.
Prints one line per check; exits 1 with "FAIL: ..." on the first mismatch.
"""

import os
import sys
import uuid
import xml.etree.ElementTree as ET


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


try:
    import winrm
    import winrm.exceptions
except ImportError as error:
    fail("python3-winrm is not importable (%s); scripts/setup.sh installs it" % error)

# The account of scenarios/interop/pywinrm-shell.yaml.
USER = "vagrant"
PASSWORD = "Interop-Passw0rd"

NS = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "a": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "w": "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
    "n": "http://schemas.xmlsoap.org/ws/2004/09/enumeration",
}
WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/"
OS_NAME = "Microsoft Windows Server 2019 Datacenter|C:\\Windows|\\Device\\Harddisk0\\Partition2"
ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
WQL = "http://schemas.microsoft.com/wbem/wsman/1/WQL"


def check(condition, message):
    if not condition:
        fail(message)


def xml_text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def envelope(endpoint, action, resource_uri, message_id, extra_headers="", body=""):
    """A request as pywinrm itself would lay it out (s:, a:, w: prefixes)."""
    return (
        '<s:Envelope xmlns:s="{s}" xmlns:a="{a}" xmlns:w="{w}" xmlns:n="{n}">'
        "<s:Header>"
        "<a:To>{to}</a:To>"
        '<w:ResourceURI s:mustUnderstand="true">{uri}</w:ResourceURI>'
        '<a:ReplyTo><a:Address s:mustUnderstand="true">{anon}</a:Address></a:ReplyTo>'
        '<a:Action s:mustUnderstand="true">{action}</a:Action>'
        '<w:MaxEnvelopeSize s:mustUnderstand="true">153600</w:MaxEnvelopeSize>'
        "<a:MessageID>{mid}</a:MessageID>"
        '<w:Locale xml:lang="en-US" s:mustUnderstand="false"/>'
        "<w:OperationTimeout>PT20S</w:OperationTimeout>"
        "{extra}"
        "</s:Header>"
        "<s:Body>{body}</s:Body>"
        "</s:Envelope>"
    ).format(to=endpoint, uri=resource_uri, anon=ANONYMOUS, action=action, mid=message_id,
             extra=extra_headers, body=body, **NS)


class Client:
    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.session = winrm.Session(endpoint, auth=(USER, PASSWORD), transport="basic",
                                     read_timeout_sec=15, operation_timeout_sec=10)

    def send(self, action, resource_uri, extra_headers="", body=""):
        """Sends one envelope; returns the parsed reply after checking RelatesTo."""
        message_id = "uuid:" + str(uuid.uuid4()).upper()
        request = envelope(self.endpoint, action, resource_uri, message_id, extra_headers, body)
        reply = self.session.protocol.send_message(request)
        try:
            root = ET.fromstring(reply)
        except ET.ParseError as error:
            fail("%s: reply is not XML (%s): %r" % (action, error, reply[:400]))
        relates_to = root.findtext("s:Header/a:RelatesTo", namespaces=NS)
        check(relates_to == message_id, "%s: RelatesTo %r, sent MessageID %r" % (action, relates_to, message_id))
        return root


def instance_values(element):
    """{local property name: text} of one instance element."""
    return {child.tag.rsplit("}", 1)[-1]: child.text for child in element}


def instances_in(items, class_name):
    return [instance_values(e) for e in items if e.tag.endswith("}" + class_name)]


def check_run_cmd(client, endpoint):
    echo = client.session.run_cmd("echo", ["hello"])
    check(b"hello" in echo.std_out, "run_cmd echo hello: std_out %r" % echo.std_out)
    check(echo.std_out == b"hello\r\n", "run_cmd echo hello: std_out %r, expected b'hello\\r\\n'" % echo.std_out)
    check(echo.std_err == b"", "run_cmd echo hello: std_err %r" % echo.std_err)
    check(echo.status_code == 0, "run_cmd echo hello: status_code %r" % echo.status_code)
    print("ok run_cmd echo hello -> %r, status 0" % echo.std_out)

    missing = client.session.run_cmd("type", ["missing.txt"])
    check(missing.status_code == 1, "run_cmd type missing.txt: status_code %r" % missing.status_code)
    check(b"cannot find the file" in missing.std_err, "run_cmd type: std_err %r" % missing.std_err)
    check(missing.std_out == b"", "run_cmd type: std_out %r" % missing.std_out)
    print("ok run_cmd type missing.txt -> status 1, stderr %r" % missing.std_err)

    ping = client.session.run_cmd("ping", ["-n", "2", "127.0.0.1"])
    expected_out = (b"\r\nPinging 127.0.0.1 with 32 bytes of data:\r\n"
                    + b"Reply from 127.0.0.1: bytes=32 time<1ms TTL=128\r\n" * 2)
    check(ping.std_out == expected_out, "run_cmd ping: std_out %r, expected %r" % (ping.std_out, expected_out))
    check(ping.std_err == b"warning: slow link\r\n", "run_cmd ping: std_err %r" % ping.std_err)
    check(ping.status_code == 0, "run_cmd ping: status_code %r" % ping.status_code)
    print("ok run_cmd ping (a timed-out Receive, then 3 chunks) -> %d bytes, status 0" % len(ping.std_out))

    unknown = client.session.run_cmd("nope")
    check(unknown.status_code == 1, "run_cmd nope: status_code %r" % unknown.status_code)
    check(b"'nope' is not recognized" in unknown.std_err, "run_cmd nope: std_err %r" % unknown.std_err)
    print("ok run_cmd nope -> status 1, not recognized")

    intruder = winrm.Session(endpoint, auth=(USER, "wrong"), transport="basic",
                             read_timeout_sec=15, operation_timeout_sec=10)
    try:
        intruder.run_cmd("echo", ["hello"])
        fail("run_cmd with a wrong password succeeded")
    except winrm.exceptions.InvalidCredentialsError:
        print("ok wrong password -> InvalidCredentialsError")


def check_get(client):
    selector = '<w:SelectorSet><w:Selector Name="Name">%s</w:Selector></w:SelectorSet>' % xml_text(OS_NAME)
    root = client.send("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
                       WMI + "Win32_OperatingSystem", selector)
    action = root.findtext("s:Header/a:Action", namespaces=NS)
    check(action == "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", "Get: Action %r" % action)
    found = root.find("s:Body/{%sWin32_OperatingSystem}Win32_OperatingSystem" % WMI, NS)
    check(found is not None, "Get: no Win32_OperatingSystem in the body: %s" % ET.tostring(root)[:600])
    values = instance_values(found)
    expected = {"Name": OS_NAME, "Caption": "Microsoft Windows Server 2019 Datacenter", "Version": "10.0.17763",
                "BuildNumber": "17763", "CSName": "WIN-INTEROP", "NumberOfProcesses": "87"}
    for name, value in expected.items():
        check(values.get(name) == value, "Get: %s is %r, expected %r" % (name, values.get(name), value))
    print("ok Get Win32_OperatingSystem -> Caption %r, CSName %r" % (values["Caption"], values["CSName"]))


def check_optimized_enumerate(client):
    body = "<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>32</w:MaxElements></n:Enumerate>"
    root = client.send("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate", WMI + "Win32_Service",
                       body=body)
    response = root.find("s:Body/n:EnumerateResponse", NS)
    check(response is not None, "Enumerate: no EnumerateResponse: %s" % ET.tostring(root)[:600])
    items = response.find("w:Items", NS)
    check(items is not None, "Enumerate: no w:Items in an optimized EnumerateResponse")
    check(response.find("w:EndOfSequence", NS) is not None, "Enumerate: all items fit, but no w:EndOfSequence")
    services = instances_in(items, "Win32_Service")
    check(len(services) == 3, "Enumerate: %d Win32_Service instances, expected 3" % len(services))
    names = [s.get("Name") for s in services]
    check(names == ["WinRM", "Spooler", "W32Time"], "Enumerate: names %r" % names)
    check(services[1].get("State") == "Stopped" and services[1].get("DisplayName") == "Print Spooler",
          "Enumerate: Spooler is %r" % services[1])
    print("ok optimized Enumerate Win32_Service -> %d instances %r" % (len(services), names))


def pull_all(client, resource_uri, context, max_elements):
    """Pulls until the reply carries no context; returns the items' parents and the Pull count."""
    batches, pulls = [], 0
    while context:
        pulls += 1
        check(pulls <= 10, "Pull: still a context after 10 Pulls")
        body = ("<n:Pull><n:EnumerationContext>%s</n:EnumerationContext><n:MaxElements>%d</n:MaxElements></n:Pull>"
                % (context, max_elements))
        root = client.send("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull", resource_uri, body=body)
        response = root.find("s:Body/n:PullResponse", NS)
        check(response is not None, "Pull: no PullResponse: %s" % ET.tostring(root)[:600])
        items = response.find("n:Items", NS)
        if items is not None:
            batches.append(items)
        context = response.findtext("n:EnumerationContext", namespaces=NS)
        if not context:
            check(response.find("n:EndOfSequence", NS) is not None, "Pull: last PullResponse lacks EndOfSequence")
    return batches, pulls


def check_enumerate_and_pull(client):
    uri = WMI + "Win32_Service"
    root = client.send("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate", uri, body="<n:Enumerate/>")
    context = root.findtext("s:Body/n:EnumerateResponse/n:EnumerationContext", namespaces=NS)
    check(bool(context), "Enumerate: no EnumerationContext: %s" % ET.tostring(root)[:600])
    batches, pulls = pull_all(client, uri, context, 2)
    names = [s["Name"] for items in batches for s in instances_in(items, "Win32_Service")]
    check(names == ["WinRM", "Spooler", "W32Time"], "Enumerate+Pull: names %r" % names)
    check(pulls == 2, "Enumerate+Pull: %d Pulls of 2 for 3 instances, expected 2" % pulls)
    print("ok Enumerate + %d Pulls (MaxElements 2) -> %r" % (pulls, names))


def check_wql_enumerate(client):
    query = "SELECT Name, State FROM Win32_Service WHERE State = 'Running'"
    body = ('<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>32</w:MaxElements>'
            '<w:Filter Dialect="%s">%s</w:Filter></n:Enumerate>' % (WQL, xml_text(query)))
    root = client.send("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate", WMI + "*", body=body)
    items = root.find("s:Body/n:EnumerateResponse/w:Items", NS)
    check(items is not None, "WQL Enumerate: no w:Items: %s" % ET.tostring(root)[:600])
    running = instances_in(items, "Win32_Service")
    names = sorted(s.get("Name") for s in running)
    check(names == ["W32Time", "WinRM"], "WQL Enumerate: names %r, expected W32Time and WinRM" % names)
    check(all(s.get("State") == "Running" for s in running), "WQL Enumerate: states %r" % running)
    print("ok WQL Enumerate (State = 'Running') -> %r" % names)


def main():
    address = os.environ.get("CIMULATE_WINRM_HTTP")
    if not address:
        fail("CIMULATE_WINRM_HTTP (the server's HOST:PORT) is not set; run through run_with_server.sh")
    endpoint = "http://%s/wsman" % address
    print("pywinrm %s against %s" % (getattr(winrm, "__version__", "0.3.x"), endpoint))
    client = Client(endpoint)
    try:
        check_run_cmd(client, endpoint)
        check_get(client)
        check_optimized_enumerate(client)
        check_enumerate_and_pull(client)
        check_wql_enumerate(client)
    except winrm.exceptions.WinRMError as error:
        fail("pywinrm raised %s: %s" % (type(error).__name__, error))
    except OSError as error:  # requests' ConnectionError derives from it: server unreachable
        fail("transport error: %s" % error)
    print("PASS: pywinrm interop")


if __name__ == "__main__":
    main()
