#!/usr/bin/env python3
"""Writes StandardDictionary+Registry.swift: the data elements of PS3.6, one `GGGGEEEE VR Keyword`
line each, from pydicom's copy of the standard's dictionary (pydicom 3.0.2, `pip install
pydicom==3.0.2`; the same version the tests compare the dump's JSON with).

Usage: python3 Sources/LucidDICOM/generate_standard_dictionary.py > Sources/LucidDICOM/StandardDictionary+Registry.swift

Where PS3.6 allows two VRs the first is kept ("US or SS" -> US), and OB or OW is written OW, the VR of
Implicit VR data (PS3.5 A.1). Repeating tags keep their `x` digits (`60xx3000`, `002031xx`); the
item delimiters (VR "NONE") are not data elements and are left out.
"""
import pydicom
from pydicom._dicom_dict import DicomDictionary, RepeatersDictionary

HEADER = '''/// The registry of data elements of PS3.6, one `GGGGEEEE VR Keyword` line per attribute, retired
/// ones included; `x` in a tag stands for any hexadecimal digit (repeating groups such as overlays,
/// `60xx3000`). Where PS3.6 allows two VRs the first is given (`US` for US or SS), and `OW` for OB or
/// OW, the VR of Implicit VR data (PS3.5 A.1).
extension StandardDictionary {
    static let registry = """'''


def vr_of(text):
    choices = [part.strip() for part in text.split(" or ")]
    return "OW" if set(choices) == {"OB", "OW"} else choices[0]


def main():
    assert pydicom.__version__ == "3.0.2", "the registry is made from pydicom 3.0.2"
    rows = [(f"{tag:08X}", entry) for tag, entry in DicomDictionary.items()]
    rows += [(mask.upper().replace("X", "x"), entry) for mask, entry in RepeatersDictionary.items()]
    print(HEADER)
    for tag, (vr, _vm, _name, _retired, keyword) in sorted(rows, key=lambda row: row[0].replace("x", "0")):
        if keyword and vr != "NONE":
            print(f"        {tag} {vr_of(vr)} {keyword}")
    print('        """')
    print("}")


if __name__ == "__main__":
    main()
