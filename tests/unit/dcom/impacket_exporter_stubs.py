#!/usr/bin/python3
"""Prints the IObjectExporter and IRemUnknown stubs impacket builds, one
"name hex" per line, without any network. Requests come from impacket's own
client methods (IObjectExporter.*, IRemUnknown.*) through a stand-in
connection that captures the request; replies are impacket's response
classes filled in by hand. The output is checked in as
impacket_exporter_stubs.txt; regenerate with
  /usr/bin/python3 impacket_exporter_stubs.py > impacket_exporter_stubs.txt
"""
import sys

from impacket.dcerpc.v5 import dcomrt
from impacket.dcerpc.v5.dtypes import NULL
from impacket.uuid import string_to_bin


class Captured(Exception):
    pass


class CapturingConnection:
    """Enough of DCERPC_v5 for the client methods to build their request."""

    def connect(self):
        pass

    def bind(self, *args, **kwargs):
        pass

    def request(self, request, *args, **kwargs):
        self.request_stub = request.getData()
        raise Captured()


def capture(call):
    connection = CapturingConnection()
    try:
        call(connection)
    except Captured:
        return connection.request_stub
    raise RuntimeError("no request was sent")


def emit(name, data):
    print(name, data.hex())


OXID = 0x1122334455667788
IPID = string_to_bin('00005c01-0aa4-1234-5678-9abcdef01234')
IID_WBEM_SERVICES = string_to_bin('9556dc99-828c-11cf-a37e-00aa003240c7')


def exporter(connection):
    return dcomrt.IObjectExporter(connection)


emit('ResolveOxid.request', capture(lambda c: exporter(c).ResolveOxid(OXID, [7])))
emit('SimplePing.request', capture(lambda c: exporter(c).SimplePing(0x0102030405060708)))
emit('ComplexPing.request.first', capture(lambda c: exporter(c).ComplexPing(0, 0, [0xaa01, 0xaa02], [])))
emit('ComplexPing.request.both', capture(lambda c: exporter(c).ComplexPing(0x55, 0, [0xbb01], [0xcc01, 0xcc02])))
emit('ComplexPing.request.empty', capture(lambda c: exporter(c).ComplexPing(0x77, 0, [], [])))
emit('ServerAlive.request', capture(lambda c: exporter(c).ServerAlive()))
emit('ResolveOxid2.request', capture(lambda c: exporter(c).ResolveOxid2(OXID, [7, 9])))
emit('ServerAlive2.request', capture(lambda c: exporter(c).ServerAlive2()))


def dual_string_array():
    """127.0.0.1[49701] over TCP, NTLM with an empty principal."""
    units = [7] + [ord(ch) for ch in '127.0.0.1[49701]'] + [0, 0]
    security_offset = len(units)
    units += [10, 0xffff, 0, 0]
    array = dcomrt.DUALSTRINGARRAY()
    array['wNumEntries'] = len(units)
    array['wSecurityOffset'] = security_offset
    array['aStringArray'] = units
    return array


def comversion():
    version = dcomrt.COMVERSION()
    version['MajorVersion'] = 5
    version['MinorVersion'] = 7
    return version


reply = dcomrt.ResolveOxidResponse()
reply['ppdsaOxidBindings'] = dual_string_array()
reply['pipidRemUnknown'] = IPID
reply['pAuthnHint'] = 5
reply['ErrorCode'] = 0
emit('ResolveOxid.response', reply.getData())

reply = dcomrt.ResolveOxid2Response()
reply['ppdsaOxidBindings'] = dual_string_array()
reply['pipidRemUnknown'] = IPID
reply['pAuthnHint'] = 6
reply['pComVersion'] = comversion()
reply['ErrorCode'] = 0
emit('ResolveOxid2.response', reply.getData())

reply = dcomrt.ComplexPingResponse()
reply['pSetId'] = 0x99
reply['pPingBackoffFactor'] = 3
reply['ErrorCode'] = 0
emit('ComplexPing.response', reply.getData())

reply = dcomrt.SimplePingResponse()
reply['ErrorCode'] = 0x0000057b  # OR_INVALID_SET
emit('SimplePing.response', reply.getData())

reply = dcomrt.ServerAlive2Response()
reply['pComVersion'] = comversion()
reply['ppdsaOrBindings'] = dual_string_array()
reply['pReserved'] = NULL
reply['ErrorCode'] = 0
emit('ServerAlive2.response', reply.getData())


def orpc_this():
    this = dcomrt.ORPCTHIS()
    this['version']['MajorVersion'] = 5
    this['version']['MinorVersion'] = 7
    this['cid'] = b'C' * 16
    this['extensions'] = NULL
    return this


# As IRemUnknown.RemQueryInterface builds it.
request = dcomrt.RemQueryInterface()
request['ORPCthis'] = orpc_this()
request['ripid'] = IPID
request['cRefs'] = 5
request['cIids'] = 1
iid = dcomrt.IID()
iid['Data'] = IID_WBEM_SERVICES
request['iids'].append(iid)
emit('RemQueryInterface.request', request.getData())

reply = dcomrt.RemAddRefResponse()
reply['ORPCthat'] = dcomrt.ORPCTHAT()
reply['ORPCthat']['extensions'] = NULL
for result in (0, 0x80070057):  # S_OK, E_INVALIDARG
    element = dcomrt.DWORD()
    element['Data'] = result
    reply['pResults'].append(element)
reply['ErrorCode'] = 0
emit('RemAddRef.response', reply.getData())
