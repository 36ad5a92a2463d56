# Prints the request stubs impacket 0.10 builds for the MS-WMI calls that the
# shared captures do not contain, one "name hex" line each; the output is
# checked in as impacket_stubs.txt. Field assignments follow impacket's own
# IWbemServices/IEnumWbemClassObject/IWbemLevel1Login methods (dcom/wmi.py).
# Run with /usr/bin/python3 (Debian's python3-impacket).
import binascii

from impacket.dcerpc.v5.dcom import wmi
from impacket.dcerpc.v5.dcomrt import ORPCTHIS
from impacket.dcerpc.v5.dtypes import NULL

OBJECT = b'MEOW' + bytes(range(20))  # opaque OBJREF bytes for this layer


def orpc(req):
    req['ORPCthis'] = ORPCTHIS()
    req['ORPCthis']['cid'] = b'C' * 16
    req['ORPCthis']['extensions'] = NULL
    return req


def emit(name, req):
    print(name, binascii.hexlify(req.getData()).decode())


req = orpc(wmi.IWbemLevel1Login_EstablishPosition())
req['reserved1'] = NULL
req['reserved2'] = 0
emit('EstablishPosition', req)

req = orpc(wmi.IWbemServices_OpenNamespace())
req['strNamespace']['asData'] = 'subspace'
req['lFlags'] = 0
req['pCtx'] = NULL
emit('OpenNamespace', req)

req = orpc(wmi.IWbemServices_CreateInstanceEnum())
req['strSuperClass']['asData'] = 'Win32_Service\x00'
req['lFlags'] = 0x30
req['pCtx'] = NULL
emit('CreateInstanceEnum', req)

req = orpc(wmi.IWbemServices_DeleteInstance())
req['strObjectPath']['asData'] = 'Fake_Thing.Name="a"\x00'
req['lFlags'] = 0
req['pCtx'] = NULL
emit('DeleteInstance', req)

req = orpc(wmi.IWbemServices_PutInstance())
req['pInst']['ulCntData'] = len(OBJECT)
req['pInst']['abData'] = list(OBJECT)
req['lFlags'] = 2
req['pCtx'] = NULL
emit('PutInstance', req)

# As IWbemServices.ExecMethod does with pInParams and ppOutParams=NULL.
req = orpc(wmi.IWbemServices_ExecMethod())
req['strObjectPath']['asData'] = 'Win32_Process\x00'
req['strMethodName']['asData'] = 'Create\x00'
req['lFlags'] = 0
req['pCtx'] = NULL
req['pInParams']['ulCntData'] = len(OBJECT)
req['pInParams']['abData'] = list(OBJECT)
req.fields['ppCallResult'] = NULL
req.fields['ppOutParams'].fields['Data'] = NULL
emit('ExecMethod', req)

emit('Reset', orpc(wmi.IEnumWbemClassObject_Reset()))
emit('Clone', orpc(wmi.IEnumWbemClassObject_Clone()))

req = orpc(wmi.IEnumWbemClassObject_Skip())
req['lTimeout'] = 5000
req['uCount'] = 7
emit('Skip', req)
