#!/usr/bin/python3
"""Parses a RemoteCreateInstance request stub (hex on stdin) the way an
impacket-based server would, and prints the fields that matter, one
key=value per line. Exit 2 when impacket is not installed (the test SKIPs).
"""
import sys

try:
    from impacket.dcerpc.v5 import dcomrt
    from impacket.dcerpc.v5.dcom import wmi
    from impacket.uuid import bin_to_string
except ImportError:
    sys.exit(2)

stub = bytes.fromhex(sys.stdin.read().strip())
request = dcomrt.RemoteCreateInstance()
request.fromString(stub)
print("version=%d.%d" % (request['ORPCthis']['version']['MajorVersion'],
                         request['ORPCthis']['version']['MinorVersion']))
objref = b''.join(request['pActProperties']['abData'])
custom = dcomrt.OBJREF_CUSTOM(objref)
print("objref_flags=%d" % custom['flags'])
print("iid=%s" % bin_to_string(custom['iid']).lower())
print("clsid=%s" % bin_to_string(custom['clsid']).lower())
blob = dcomrt.ACTIVATION_BLOB(custom['pObjectData'])
header = blob['CustomHeader']
print("cifs=%d" % header['cIfs'])
offset = 0
for index in range(header['cIfs']):
    clsid = header['pclsid'][index].getData()
    size = header['pSizes'][index]['Data']
    data = blob['Property'][offset:offset + size]
    offset += size
    if clsid == dcomrt.CLSID_InstantiationInfo:
        info = dcomrt.InstantiationInfoData()
        info.fromString(data)
        print("class=%s" % bin_to_string(info['classId']).lower())
        # impacket's TypeSerialization1.fromString leaves deferred pointees
        # (pIID, remoteRequest) unread, even for its own output, so only the
        # in-line fields are compared.
        print("iid_count=%d" % info['cIID'])
        print("client_version=%d.%d" % (info['clientCOMVersion']['MajorVersion'],
                                        info['clientCOMVersion']['MinorVersion']))
    print("property=%s" % bin_to_string(clsid).lower())
