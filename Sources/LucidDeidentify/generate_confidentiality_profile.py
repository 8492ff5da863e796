#!/usr/bin/env python3
"""Writes ConfidentialityProfile+Table.swift: DICOM PS3.15 Annex E, Table E.1-1 (Application Level
Confidentiality Profile Attributes), every row with its Basic Profile action code and the code of each
option column, as the standard prints them (D, Z, X, K, C, U, Z/D, X/Z, X/D, X/Z/D, X/Z/U*).

Sources (the table's content is the standard's; these files are only its machine-readable transcriptions):
  1. Every column: the rule sets that idiscore 1.6.0 (PyPI) ships in idiscore/_public_dicom.py, scraped
     from dicom.nema.org/medical/dicom/current/output/chtml/part15/chapter_E.html on 2025-06-24, that is
     the edition current on that day (PS3.15 2025b).
  2. The Basic Profile rows PS3.15 2026c adds to that edition (nine attributes), from
     dicomanonymizer/dicom_anonymization_databases/dicomfields_2026c.py of dicom-anonymizer 2.1.0 (PyPI),
     a transcription of the 2026c table's Basic Profile column. Their option columns are left empty,
     so an option never retains them: the conservative reading.

Usage: generate_confidentiality_profile.py IDISCORE_PUBLIC_DICOM_PY DICOMFIELDS_2026C_PY > OUT.swift
The script never fetches anything; both files come from `pip download --no-deps` of the packages above.
"""

import ast
import re
import sys

ACTION_NAMES = {
    "DUMMY": "D", "EMPTY": "Z", "REMOVE": "X", "KEEP": "K", "CLEAN": "C", "UID": "U",
    "EMPTY_OR_DUMMY": "Z/D", "REPLACE_OR_DUMMY": "X/Z", "REMOVE_OR_EMPTY": "X/Z", "REMOVE_OR_DUMMY": "X/D",
    "REMOVE_OR_EMPTY_OR_DUMMY": "X/Z/D", "REMOVE_OR_EMPTY_OR_UID": "X/Z/U*",
}
# The option columns of Table E.1-1, in the table's order, with the Swift case naming each.
OPTION_SETS = [
    ("retain_safe_private", "retainSafePrivate"), ("retain_uid", "retainUIDs"),
    ("retain_device_id", "retainDeviceIdentity"), ("retain_institution_id", "retainInstitutionIdentity"),
    ("retain_patient_characteristics", "retainPatientCharacteristics"),
    ("retain_full_dates", "retainLongitudinalFullDates"), ("retain_modified_dates", "retainLongitudinalModifiedDates"),
    ("clean_descriptors", "cleanDescriptors"), ("clean_structured_content", "cleanStructuredContent"),
    ("clean_graphics", "cleanGraphics"),
]
BASIC_2026C = {
    "D_TAGS": "D", "Z_TAGS": "Z", "X_TAGS": "X", "U_TAGS": "U", "Z_D_TAGS": "Z/D", "X_Z_TAGS": "X/Z",
    "X_D_TAGS": "X/D", "X_Z_D_TAGS": "X/Z/D", "X_Z_U_STAR_TAGS": "X/Z/U*",
}


def row_key(identifier):
    """(kind, tag text) for an idiscore identifier call: SingleTag, RepeatingGroup or PrivateTags."""
    kind = identifier.func.id
    if kind == "PrivateTags":
        return ("private", "")
    return (kind, identifier.args[0].value.upper().replace("X", "x"))


def idiscore_rule_sets(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    names = {}
    for line in open(path, encoding="utf-8"):
        match = re.search(r'"([0-9a-fA-Fx]{8})".*#\s*(\w+)', line)
        if match:
            names[match.group(1).upper().replace("X", "x")] = match.group(2)
    sets = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            keywords = {keyword.arg: keyword.value for keyword in node.value.keywords}
            rules = {}
            for element in keywords["rules"].elts:
                identifier, code = element.elts
                rules[row_key(identifier)] = ACTION_NAMES[code.attr]
            sets[node.targets[0].id] = rules
    return sets, names


def basic_2026c(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    rows, names = {}, {}
    for line in open(path, encoding="utf-8"):
        match = re.search(r"\(0x([0-9A-Fa-f]{4}), 0x([0-9A-Fa-f]{4})\),\s*#\s*(.+)", line)
        if match:
            names[(match.group(1) + match.group(2)).upper()] = match.group(3).strip().replace(" ", "")
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].id in BASIC_2026C:
            for element in node.value.elts:
                values = [item.value for item in element.elts]
                if len(values) == 2:
                    rows[("SingleTag", "%04X%04X" % tuple(values))] = BASIC_2026C[node.targets[0].id]
    return rows, names


def swift_row(key, basic, options, name):
    kind, text = key
    extras = "".join(f", {case}: \"{code}\"" for case, code in options)
    if kind == "private":
        return f"        .privateAttributes(\"{basic}\"{extras}),"
    if kind == "RepeatingGroup":
        value = text.replace("x", "0")
        mask = "".join("0" if c == "x" else "F" for c in text)
        return (f"        .repeating(0x{value[:4]}_{value[4:]}, mask: 0x{mask[:4]}_{mask[4:]}, \"{basic}\"{extras}),"
                f"  // {name}")
    return f"        .tag(0x{text[:4]}_{text[4:]}, \"{basic}\"{extras}),  // {name}"


def main():
    sets, names = idiscore_rule_sets(sys.argv[1])
    added, added_names = basic_2026c(sys.argv[2])
    for key in added:
        if key not in sets["basic_profile"] or names.get(key[1], "Unknown") == "Unknown":
            names[key[1]] = added_names.get(key[1], "")
    names.update({"50xxxxxx": "CurveData"})
    basic = dict(sets["basic_profile"])
    for key, code in added.items():
        basic.setdefault(key, code)
    order = sorted(basic, key=lambda key: (key[0] == "private", key[1]))
    print("// Generated by generate_confidentiality_profile.py (see its header for the sources); do not edit.")
    print("// swift-format-ignore-file")
    print()
    print("extension ConfidentialityProfile {")
    print("    /// PS3.15 Table E.1-1 as of 2025b, with the Basic Profile rows 2026c adds: one row per")
    print("    /// attribute (or repeating group, or all private attributes), the Basic Profile's action code")
    print("    /// and the code of each option column that names one, exactly as the table prints them.")
    print("    static let tableRows: [TableRow] = [")
    for key in order:
        options = [(case, sets[name][key]) for name, case in OPTION_SETS if key in sets[name]]
        name = names.get(key[1], "") if key[0] != "private" else ""
        print(swift_row(key, basic[key], options, name or "(name not transcribed)"))
    print("    ]")
    print("}")


main()
