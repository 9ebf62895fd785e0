"""Reads an .xlsx with openpyxl (Debian's python3-openpyxl) and prints what the tests check, as JSON.

Usage: /usr/bin/python3 inspect_xlsx.py FILE.xlsx
"""
import json
import sys
import zipfile

import openpyxl


def main(path):
    facts = {"sheets": [], "cells": {}, "formula_cells": [], "charts": {}, "validations": {},
             "freeze_panes": {}, "widths": {}, "chart_parts": []}
    workbook = openpyxl.load_workbook(path)  # formulas stay formulas: data_type "f"
    facts["sheets"] = workbook.sheetnames
    for sheet in workbook.worksheets:
        cells = []
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                cells.append([cell.row, cell.column, cell.value if isinstance(cell.value, (int, float, str)) else str(cell.value), cell.data_type])
                if cell.data_type == "f":
                    facts["formula_cells"].append(f"{sheet.title}!{cell.coordinate}")
        facts["cells"][sheet.title] = cells
        facts["charts"][sheet.title] = [
            {"type": type(chart).__name__, "series": len(chart.series)} for chart in sheet._charts]
        facts["validations"][sheet.title] = [
            {"range": str(v.sqref), "formula": v.formula1, "type": v.type}
            for v in sheet.data_validations.dataValidation]
        facts["freeze_panes"][sheet.title] = sheet.freeze_panes
        facts["widths"][sheet.title] = {
            key: dim.width for key, dim in sheet.column_dimensions.items() if dim.width}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/charts/chart"):
                xml = archive.read(name).decode("utf-8")
                facts["chart_parts"].append({"name": name, "radar": "<c:radarChart>" in xml})
            if name.startswith("xl/worksheets/sheet") and "<f>" in archive.read(name).decode("utf-8"):
                facts["formula_cells"].append(name)
    json.dump(facts, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
