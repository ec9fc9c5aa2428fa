"""Reads a dense MULAN ARFF file (numeric features; labels named in the .xml beside it) into numpy arrays.

Shared by the PyTorch reference scripts (scripts/parity, scripts/bench). Only what MULAN's dense
emotions / yeast / scene files need: numeric and {0,1} attributes, comma-separated data rows.
"""
import re
import xml.etree.ElementTree as ET

import numpy as np


def label_names(xml_path):
    """The <label name="..."> entries of a MULAN labels file, in order."""
    root = ET.parse(xml_path).getroot()
    return [el.attrib["name"] for el in root.iter() if el.tag.endswith("label")]


def read_mulan(arff_path, xml_path):
    """(features float64 [rows, d], labels float32 [rows, L]) of a dense MULAN ARFF file."""
    labels = set(label_names(xml_path))
    names = []
    rows = []
    in_data = False
    with open(arff_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("%"):
                continue
            if in_data:
                rows.append(line.split(","))
                continue
            low = line.lower()
            if low.startswith("@attribute"):
                m = re.match(r"@attribute\s+('([^']*)'|\"([^\"]*)\"|(\S+))", line, re.IGNORECASE)
                names.append(m.group(2) or m.group(3) or m.group(4))
            elif low.startswith("@data"):
                in_data = True
    table = np.array(rows, dtype=np.float64)
    label_cols = [i for i, n in enumerate(names) if n in labels]
    feature_cols = [i for i, n in enumerate(names) if n not in labels]
    ordered = [names.index(n) for n in label_names(xml_path)]
    assert sorted(ordered) == label_cols, "label attributes missing from the ARFF file"
    return table[:, feature_cols], table[:, ordered].astype(np.float32)
