"""Drives cimulate's rpc::ServerAssociation with impacket as the client.

usage: impacket_echo_client.py PORT LEVEL USER PASSWORD MODE
  LEVEL: none | connect | integrity | privacy
  MODE:  echo    bind, echo stubs of several sizes (fragmented both ways),
                 alter_context to a second interface (a new NTLM context),
                 echo on both contexts; prints OK
         denied  expects rpc_s_access_denied on the first call; prints DENIED
Exit status 0 when the expectation held, 1 otherwise (reason on stdout).
"""
import sys

from impacket.dcerpc.v5 import transport
from impacket.dcerpc.v5.rpcrt import (DCERPCException, RPC_C_AUTHN_LEVEL_CONNECT,
                                      RPC_C_AUTHN_LEVEL_NONE,
                                      RPC_C_AUTHN_LEVEL_PKT_INTEGRITY,
                                      RPC_C_AUTHN_LEVEL_PKT_PRIVACY)
from impacket.uuid import string_to_bin, uuidtup_to_bin

ECHO = ('12345678-1234-abcd-ef00-0123456789ab', '1.0')
OTHER = ('000001a0-0000-0000-c000-000000000046', '0.0')
IPID = '00001234-0000-0000-0000-00000000abcd'
LEVELS = {
    'none': RPC_C_AUTHN_LEVEL_NONE,
    'connect': RPC_C_AUTHN_LEVEL_CONNECT,
    'integrity': RPC_C_AUTHN_LEVEL_PKT_INTEGRITY,
    'privacy': RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
}


def payload(size, seed):
    return bytes((i * 7 + seed) & 0xff for i in range(size))


def echo(dce, size, seed, object_uuid=None):
    data = payload(size, seed)
    dce.call(0, data, uuid=object_uuid)
    reply = dce.recv()
    if reply != data:
        raise AssertionError('echo of %d bytes came back as %d different bytes' % (size, len(reply)))


def main():
    port, level, user, password, mode = sys.argv[1:6]
    rpc = transport.DCERPCTransportFactory('ncacn_ip_tcp:127.0.0.1[%s]' % port)
    if level != 'none':
        rpc.set_credentials(user, password, 'FAKEDOM')
    dce = rpc.get_dce_rpc()
    dce.set_auth_level(LEVELS[level])
    dce.connect()
    dce.bind(uuidtup_to_bin(ECHO))
    if mode == 'denied':
        try:
            echo(dce, 16, 1)
        except DCERPCException as error:
            if 'rpc_s_access_denied' in str(error):
                print('DENIED')
                return 0
            print('unexpected error: %s' % error)
            return 1
        print('call succeeded with bad credentials')
        return 1
    for size, seed in ((16, 1), (5000, 2), (20000, 3)):
        echo(dce, size, seed, string_to_bin(IPID))
    other = dce.alter_ctx(uuidtup_to_bin(OTHER))
    echo(other, 9000, 4)
    echo(dce, 100, 5)
    echo(other, 100, 6)
    print('OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
