"""Parses EncodingUnits written by impacket_test.cc with impacket's MS-WMIO
parser, the way wmiquery.py reads objects, and prints what it found."""
import os
import sys

from impacket.dcerpc.v5.dcom import wmi


def main(folder):
    with open(os.path.join(folder, 'class.bin'), 'rb') as f:
        unit = wmi.ENCODING_UNIT(f.read())
    current = unit['ObjectBlock']['ClassType']['CurrentClass']
    print('class', current.getClassName())
    for name, prop in current.getProperties().items():
        print('property', name, prop['stype'] if 'stype' in prop else prop['type'])
    with open(os.path.join(folder, 'instance.bin'), 'rb') as f:
        unit = wmi.ENCODING_UNIT(f.read())
    block = unit['ObjectBlock']
    instance = block['InstanceType']
    props = instance['CurrentClass'].getProperties()
    values = instance.getValues(props)
    print('instance', instance['CurrentClass'].getClassName())
    for name, prop in values.items():
        print('%s=%s' % (name, prop['value']))


if __name__ == '__main__':
    main(sys.argv[1])
