"""impacket's DCOM runtime classes against cimulate-server's WMIDCOM ports.

usage: impacket_object_exporter.py SERVER SCENARIO

Starts SERVER --scenario SCENARIO --wmidcom 127.0.0.1:0 (no root needed:
impacket's RPC classes take any port), then with NTLM at PKT_PRIVACY on the
activation port: IRemoteSCMActivator.RemoteCreateInstance(CLSID_WbemLevel1Login),
IObjectExporter ServerAlive, ServerAlive2, ResolveOxid2 (the OXID it got and an
unknown one), SimplePing, ComplexPing.  Prints OK; exit 1 with the reason otherwise.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

from impacket.dcerpc.v5 import transport
from impacket.dcerpc.v5.dcom.wmi import CLSID_WbemLevel1Login, IID_IWbemLevel1Login
from impacket.dcerpc.v5.dcomrt import IID_IObjectExporter, IObjectExporter, IRemoteSCMActivator
from impacket.dcerpc.v5.rpcrt import DCERPCException, RPC_C_AUTHN_LEVEL_PKT_PRIVACY


def connect(port, iid=None):
    rpc = transport.DCERPCTransportFactory('ncacn_ip_tcp:127.0.0.1[%d]' % port)
    rpc.set_credentials('alice', 'Passw0rd!', 'FAKEDOM')
    dce = rpc.get_dce_rpc()
    dce.set_auth_level(RPC_C_AUTHN_LEVEL_PKT_PRIVACY)
    dce.connect()
    if iid is not None:  # RemoteCreateInstance binds by itself
        dce.bind(iid)
    return dce


def check(port):
    activator = IRemoteSCMActivator(connect(port))
    login = activator.RemoteCreateInstance(CLSID_WbemLevel1Login, IID_IWbemLevel1Login)
    oxid = login.get_oxid()
    bindings = login.get_cinstance().get_string_bindings()
    if not any(b['aNetworkAddr'].startswith('127.0.0.1[') for b in bindings):
        raise AssertionError('no 127.0.0.1 string binding in %r' % bindings)

    exporter = IObjectExporter(connect(port, IID_IObjectExporter))
    exporter.ServerAlive()
    alive = exporter.ServerAlive2()
    if not any(b['aNetworkAddr'].startswith('127.0.0.1[') for b in alive):
        raise AssertionError('ServerAlive2 bindings %r' % alive)
    resolved = exporter.ResolveOxid2(oxid, (7,))
    if not any(b['aNetworkAddr'] == bindings[0]['aNetworkAddr'] for b in resolved):
        raise AssertionError('ResolveOxid2 bindings %r, activation said %r' % (resolved, bindings))
    try:
        exporter.ResolveOxid2(oxid ^ 0xFFFF, (7,))
        raise AssertionError('ResolveOxid2 of an unknown OXID succeeded')
    except DCERPCException as e:
        if e.get_error_code() != 1910:
            raise AssertionError('unknown OXID: expected 1910 (OR_INVALID_OXID), got %r' % e.get_error_code())
    resp = exporter.ComplexPing(0, 0, [], [])
    set_id = resp['pSetId']
    exporter.SimplePing(set_id)


def main():
    server, scenario = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix='cimulate-exporter.')
    ready = os.path.join(work, 'ready.json')
    proc = subprocess.Popen([server, '--scenario', scenario, '--wmidcom', '127.0.0.1:0', '--ready-file', ready],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while not os.path.exists(ready):
            if proc.poll() is not None or time.monotonic() > deadline:
                print('FAIL: cimulate-server did not get ready: %s' % proc.stderr.read().decode(errors='replace'))
                return 1
            time.sleep(0.05)
        with open(ready) as f:
            port = int(json.load(f)['wmidcom'].rsplit(':', 1)[1])
        check(port)
        print('OK')
        return 0
    except Exception as e:  # any failure is the test's verdict, with its reason
        print('FAIL: %s: %s' % (type(e).__name__, e))
        return 1
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == '__main__':
    sys.exit(main())
