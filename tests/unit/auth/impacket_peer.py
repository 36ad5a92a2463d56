"""NTLM peer built from Debian's python3-impacket, for ntlm_impacket_test.

Each invocation runs one step and prints space-separated hex on stdout:
  type1                                   -> NEGOTIATE
  type3 CHALLENGE USER PASSWORD DOMAIN MSG -> AUTHENTICATE EXPORTED_KEY
                                              SEALED0 SIG0 SEALED1 SIG1
      (MSG sealed twice by the client, sequence 0 then 1, one RC4 stream)
  open FLAGS EXPORTED_KEY SEALED SIG      -> PLAINTEXT ok|bad
      (a server-to-client message at sequence 0)
  verify SERVER_CHALLENGE AUTHENTICATE USER PASSWORD DOMAIN SEALED SIG
                                          -> ok|bad EXPORTED_KEY PLAINTEXT
      (server-side NTLMv2 check of our client, then unseal its message 0)
Empty strings are passed as "-".
"""
import hashlib
import hmac
import sys

from Cryptodome.Cipher import ARC4
from impacket import ntlm

WORKSTATION = "IMPACKET"


def arg(value):
    return "" if value == "-" else value


def type1():
    return ntlm.getNTLMSSPType1(WORKSTATION, "", signingRequired=True)


def seal(flags, key, mode, messages):
    sign_key = ntlm.SIGNKEY(flags, key, mode)
    seal_key = ntlm.SEALKEY(flags, key, mode)
    handle = ARC4.new(seal_key).encrypt
    out = []
    for seq, message in enumerate(messages):
        sealed, sig = ntlm.SEAL(flags, sign_key, seal_key, message, message, seq, handle)
        out += [sealed.hex(), sig.getData().hex()]
    return out


def unseal(flags, key, mode, sealed, sig):
    sign_key = ntlm.SIGNKEY(flags, key, mode)
    seal_key = ntlm.SEALKEY(flags, key, mode)
    handle = ARC4.new(seal_key).encrypt
    plain = handle(sealed)
    expected = ntlm.MAC(flags, handle, sign_key, 0, plain).getData()
    return plain, expected == sig


def step_type3(challenge, user, password, domain, message):
    auth, exported = ntlm.getNTLMSSPType3(type1(), challenge, user, password, domain)
    flags = auth["flags"]
    return [auth.getData().hex(), exported.hex()] + seal(flags, exported, "Client",
                                                           [message, message])


def step_verify(server_challenge, data, user, password, domain, sealed, sig):
    auth = ntlm.NTLMAuthChallengeResponse()
    auth.fromString(data)
    response = auth["ntlm"]
    key = ntlm.NTOWFv2(user, password, domain)
    proof = hmac.new(key, server_challenge + response[16:], hashlib.md5).digest()
    if proof != response[:16]:
        return ["bad", "-", "-"]
    base_key = hmac.new(key, proof, hashlib.md5).digest()
    exported = ARC4.new(base_key).encrypt(auth["session_key"])
    plain, good = unseal(auth["flags"], exported, "Client", sealed, sig)
    return ["ok" if good else "bad", exported.hex(), plain.hex()]


def main(argv):
    step = argv[1]
    if step == "type1":
        out = [type1().getData().hex()]
    elif step == "type3":
        out = step_type3(bytes.fromhex(argv[2]), arg(argv[3]), arg(argv[4]), arg(argv[5]),
                         bytes.fromhex(argv[6]))
    elif step == "open":
        plain, good = unseal(int(argv[2], 16), bytes.fromhex(argv[3]), "Server",
                             bytes.fromhex(argv[4]), bytes.fromhex(argv[5]))
        out = [plain.hex(), "ok" if good else "bad"]
    elif step == "verify":
        out = step_verify(bytes.fromhex(argv[2]), bytes.fromhex(argv[3]), arg(argv[4]),
                          arg(argv[5]), arg(argv[6]), bytes.fromhex(argv[7]),
                          bytes.fromhex(argv[8]))
    else:
        sys.exit("unknown step " + step)
    print(" ".join(out))


if __name__ == "__main__":
    main(sys.argv)
