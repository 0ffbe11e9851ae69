#!/usr/bin/env python3
"""Damages a bundle in one way, for the loader's rejection tests (docs/bundle-format.md).

mangle.py IN OUT truncate N      keep the first N bytes
mangle.py IN OUT flip OFFSET     flip bit 5 of one byte (a negative offset counts from the end)
mangle.py IN OUT append TEXT     add bytes at the end
mangle.py IN OUT version V       set the format version, checksum recomputed
mangle.py IN OUT signature HEX   set the module-signature hash, checksum recomputed
mangle.py IN OUT badcode         make the main function's 2nd instruction an unknown opcode,
                                 checksum recomputed (only the bytecode verifier can refuse it)
"""
import struct
import sys
import zlib


def reseal(data):
    crc = zlib.crc32(bytes(data[32:]), zlib.crc32(bytes(data[:28])))
    data[28:32] = struct.pack("<I", crc)


def varint(data, pos):
    value, shift = 0, 0
    while True:
        b = data[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, pos


def skip_string(data, pos):
    n, pos = varint(data, pos)
    return pos + n


def main():
    src, dst, op = sys.argv[1], sys.argv[2], sys.argv[3]
    data = bytearray(open(src, "rb").read())
    arg = sys.argv[4] if len(sys.argv) > 4 else None
    if op == "truncate":
        data = data[: int(arg)]
    elif op == "flip":
        data[int(arg)] ^= 0x20
    elif op == "append":
        data += arg.encode()
    elif op == "version":
        data[8:12] = struct.pack("<I", int(arg))
        reseal(data)
    elif op == "signature":
        data[16:24] = struct.pack("<Q", int(arg, 16))
        reseal(data)
    elif op == "badcode":
        pos = 32
        if data[12] == 1:  # a script bundle: metadata and source text come first
            pos = skip_string(data, skip_string(data, pos))
        pos = skip_string(data, pos)  # source name
        _, pos = varint(data, pos)  # linedefined
        _, pos = varint(data, pos)  # lastlinedefined
        pos += 3  # numparams, is_vararg, maxstacksize
        n, pos = varint(data, pos)
        assert n >= 2, "the main function is too short"
        data[pos + 4 : pos + 8] = struct.pack("<I", 0xFFFFFFFF)
        reseal(data)
    else:
        sys.exit("unknown operation " + op)
    open(dst, "wb").write(data)


main()
