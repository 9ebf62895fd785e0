#!/usr/bin/python3
"""The 「自社診断結果のまとめ」 workbook written with Python's XlsxWriter (Debian's python3-xlsxwriter):
the same sheets, cells, formats, drop-down lists, conditional format and radar chart as
src/exports/summary_xlsx.cpp, for the same generated 50-respondent round (the LCG of
tests/exports/report_fixture.cpp). Prints ms per export. Run by bench/export_bench.sh.

Usage: /usr/bin/python3 bench/export_bench.py [exports=50] [respondents=50]
"""
import io
import json
import math
import os
import sys
import time

import xlsxwriter

ROLES = [("owner", "経営者", 0x1F5EA8), ("manager", "管理者", 0xE08A1F), ("staff", "従業員", 0x3B994A)]
OVERALL_COLOUR = 0x595959
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise(text):
    text = str(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def load_instrument():
    path = os.path.join(os.path.dirname(__file__), "..", "content", "diagnosis", "ipa-5min-3.1.json")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    items = []
    for part in doc["parts"]:
        part["item_nos"] = [item["no"] for item in part["items"]]
        for item in part["items"]:
            items.append(dict(item, part_no=part["no"], part_title=part["title"]))
    doc["items"] = items
    return doc


def generated_sheets(count):
    keys = ["done", "done", "partial", "not_done", "unknown"]
    state = 20240601
    sheets = []
    for i in range(count):
        role = "owner" if i == 0 else ("manager" if i % 4 == 1 else "staff")
        answers = {}
        for no in range(1, 26):
            state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
            answers[no] = keys[(state >> 33) % 5]
        sheets.append({"role": role, "name": f"回答者{i + 1}", "department": "総務部" if i % 3 == 0 else "営業部",
                       "answers": answers})
    return sheets


def analyse(instrument, sheets):
    points = {c["key"]: c["points"] for c in instrument["choices"]}
    follow_up = {c["key"] for c in instrument["choices"] if c.get("follow_up")}
    best = max(c["points"] for c in instrument["choices"])
    people = []
    for sheet in sheets:
        parts = []
        for part in instrument["parts"]:
            parts.append({"points": sum(points[sheet["answers"][n]] for n in part["item_nos"]),
                          "max": best * len(part["item_nos"])})
        total = sum(p["points"] for p in parts)
        band = next(b for b in instrument["bands"] if b["min"] <= total <= b["max"])
        people.append(dict(sheet, total=total, band=band["label"], parts=parts,
                           unknown=sum(1 for a in sheet["answers"].values() if a in follow_up),
                           answered=len(sheet["answers"])))

    def group(members):
        n = len(members)
        if n == 0:
            return {"respondents": 0, "mean": 0.0, "percent": [0.0] * len(instrument["parts"])}
        return {"respondents": n, "mean": sum(p["total"] for p in members) / n,
                "percent": [sum(max(0, p["parts"][i]["points"]) * 100.0 / p["parts"][i]["max"] for p in members) / n
                            for i in range(len(instrument["parts"]))]}

    by_role = {key: group([p for p in people if p["role"] == key]) for key, _, _ in ROLES}
    items = []
    for item in instrument["items"]:
        no = item["no"]
        answers = [(s["role"], s["answers"][no]) for s in sheets if no in s["answers"]]
        counts = {}
        for _, key in answers:
            counts[key] = counts.get(key, 0) + 1
        role_means = {}
        for key, _, _ in ROLES:
            mine = [points[a] for r, a in answers if r == key]
            if mine:
                role_means[key] = sum(mine) / len(mine)
        gap = max(role_means.values()) - min(role_means.values()) if role_means else 0.0
        everyone = bool(answers) and counts.get("done", 0) == len(answers)
        items.append({"no": no, "respondents": len(answers), "counts": counts, "role_means": role_means,
                      "mean": sum(points[a] for _, a in answers) / len(answers) if answers else 0.0,
                      "gap": gap, "everyone_done": everyone, "drill": everyone or gap >= 2.0,
                      "unknown": sum(1 for _, a in answers if a in follow_up)})
    return {"people": people, "all": group(people), "by_role": by_role, "items": items}


def sample_priorities():
    return [
        {"item_no": 3, "notes": "全員が同じパスワードを使い回している。", "finding": "パスワードの長さと使い回し禁止を社内ルールにする。",
         "urgency": "高", "importance": "高", "difficulty": "易", "key": True},
        {"item_no": 11, "notes": "NASのみで世代管理がない。", "finding": "+外部媒体への週次バックアップを始める",
         "urgency": "高", "importance": "中", "difficulty": "中", "key": False},
        {"item_no": 20, "notes": "", "finding": "年1回の研修を計画する", "urgency": "中", "importance": "",
         "difficulty": "難", "key": False},
        {"item_no": 24, "notes": "連絡先一覧がない", "finding": "=HYPERLINK(\"http://evil.example\")", "urgency": "",
         "importance": "低", "difficulty": "", "key": False},
    ]


def band_of_mean(instrument, mean):
    points = math.floor(round(mean * 1e6) / 1e6)
    return next((b for b in instrument["bands"] if b["min"] <= points <= b["max"]), None)


def write_workbook(instrument, report):
    output = io.BytesIO()
    wb = xlsxwriter.Workbook(output, {"in_memory": True})
    wb.set_properties({"title": "自社診断結果のまとめ " + report["company"], "author": "shido"})
    border = {"border": 1, "border_color": "#A6A6A6", "valign": "top"}
    f = {
        "title": wb.add_format({"font_size": 16, "bold": True}),
        "subtitle": wb.add_format({"font_color": "#595959"}),
        "section": wb.add_format({"bold": True, "font_size": 12, "font_color": "#1F4E79"}),
        "header": wb.add_format(dict(border, bold=True, bg_color="#DDEBF7", text_wrap=True, align="center",
                                     valign="vcenter")),
        "label": wb.add_format(dict(border, bold=True, bg_color="#F2F2F2")),
        "text": wb.add_format(border),
        "wrap": wb.add_format(dict(border, text_wrap=True)),
        "centre": wb.add_format(dict(border, align="center")),
        "integer": wb.add_format(dict(border, num_format="0")),
        "points": wb.add_format(dict(border, num_format="0.0")),
        "percent": wb.add_format(dict(border, num_format="0.0")),
        "alert": wb.add_format(dict(border, num_format="0.0", bg_color="#FCE4D6", bold=True)),
        "note": wb.add_format({"font_color": "#595959", "text_wrap": True, "valign": "top"}),
    }
    analysis = report["analysis"]
    parts = instrument["parts"]
    p = len(parts)

    # サマリー
    ws = wb.add_worksheet("サマリー")
    last_col = 7 + p
    ws.set_column(0, 0, 14)
    ws.set_column(1, last_col, 13)
    ws.merge_range(0, 0, 0, last_col, neutralise("自社診断結果のまとめ"), f["title"])
    ws.set_row(0, 24)
    ws.merge_range(1, 0, 1, last_col, neutralise(f"{instrument['title']}（{instrument['edition']}）"), f["subtitle"])
    band = band_of_mean(instrument, analysis["all"]["mean"])
    row = 3
    for label, value in [("企業名", report["company"]), ("業種", "製造業"), ("担当専門家", "専門家 一郎"),
                         ("診断の回", "第1回 自社診断"), ("作成日", "2025年6月1日")]:
        ws.write_string(row, 0, neutralise(label), f["label"])
        ws.merge_range(row, 1, row, 5, neutralise(value), f["text"])
        row += 1
    ws.write_string(row, 0, "回答者数", f["label"])
    ws.write_number(row, 1, analysis["all"]["respondents"], f["integer"])
    ws.write_string(row, 2, "人", f["text"])
    row += 1
    ws.write_string(row, 0, "平均点", f["label"])
    ws.write_number(row, 1, analysis["all"]["mean"], f["points"])
    ws.write_string(row, 2, "点（100点満点）", f["text"])
    row += 1
    ws.write_string(row, 0, "判定", f["label"])
    ws.merge_range(row, 1, row, 5, neutralise(band["label"] if band else ""), f["text"])
    row += 1
    ws.write_string(row, 0, "判定の意味", f["label"])
    ws.merge_range(row, 1, row, last_col, neutralise(band["meaning"] if band else ""), f["wrap"])
    ws.set_row(row, 45)
    row += 2
    ws.write_string(row, 0, "回答者区分別の結果", f["section"])
    row += 1
    ws.merge_range(row, 0, row, last_col, "分野の値は実施率（%）: その分野の平均点を満点で割った割合です。", f["note"])
    row += 1
    role_header = row
    for col, text in enumerate(["区分", "回答者数", "平均点"] + [part["title"] for part in parts] + ["判定"]):
        ws.write_string(row, col, neutralise(text), f["header"])
    row += 1
    series_rows = []
    groups = [(label, analysis["by_role"][key], colour) for key, label, colour in ROLES
              if analysis["by_role"][key]["respondents"] > 0] + [("全体", analysis["all"], OVERALL_COLOUR)]
    for label, group, colour in groups:
        ws.write_string(row, 0, neutralise(label), f["text"])
        ws.write_number(row, 1, group["respondents"], f["integer"])
        ws.write_number(row, 2, group["mean"], f["points"])
        for i in range(p):
            ws.write_number(row, 3 + i, group["percent"][i], f["percent"])
        b = band_of_mean(instrument, group["mean"])
        ws.write_string(row, 3 + p, neutralise(b["label"] if b else ""), f["text"])
        series_rows.append((row, colour))
        row += 1
    chart = wb.add_chart({"type": "radar"})
    for series_row, colour in series_rows:
        chart.add_series({
            "categories": ["サマリー", role_header, 3, role_header, 2 + p],
            "values": ["サマリー", series_row, 3, series_row, 2 + p],
            "name": ["サマリー", series_row, 0],
            "line": {"color": f"#{colour:06X}", "width": 2.25,
                     **({"dash_type": "dash"} if series_row == series_rows[-1][0] else {})},
        })
    chart.set_title({"name": "分野別の実施率（%）"})
    chart.set_y_axis({"min": 0, "max": 100, "major_unit": 25})
    chart.set_legend({"position": "bottom"})
    ws.insert_chart(3, last_col + 2, chart, {"x_offset": 10, "y_offset": 0, "x_scale": 1.1, "y_scale": 1.4})
    row += 1
    ws.write_string(row, 0, "回答者別の結果", f["section"])
    row += 1
    headers = ["No", "区分", "氏名", "部署", "合計点", "判定"] + \
              [f"{part['title']}\n（{4 * len(part['item_nos'])}点）" for part in parts] + ["わからない", "回答数"]
    for col, text in enumerate(headers):
        ws.write_string(row, col, neutralise(text), f["header"])
    ws.set_row(row, 30)
    row += 1
    labels = {key: label for key, label, _ in ROLES}
    for no, person in enumerate(analysis["people"], 1):
        ws.write_number(row, 0, no, f["integer"])
        ws.write_string(row, 1, neutralise(labels[person["role"]]), f["text"])
        ws.write_string(row, 2, neutralise(person["name"] or "（無記名）"), f["wrap"])
        ws.write_string(row, 3, neutralise(person["department"]), f["wrap"])
        ws.write_number(row, 4, person["total"], f["integer"])
        ws.write_string(row, 5, neutralise(person["band"]), f["text"])
        for i in range(p):
            ws.write_number(row, 6 + i, person["parts"][i]["points"], f["integer"])
        ws.write_number(row, 6 + p, person["unknown"], f["integer"])
        ws.write_number(row, 7 + p, person["answered"], f["integer"])
        row += 1
    ws.freeze_panes(1, 0)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)

    # 項目別
    ws = wb.add_worksheet("項目別")
    choices = instrument["choices"]
    gap_col = 8 + len(choices)
    flag_col, reason_col = gap_col + 1, gap_col + 2
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 14)
    ws.set_column(2, 2, 34)
    ws.set_column(3, flag_col, 9)
    ws.set_column(reason_col, reason_col, 26)
    headers = ["No", "分野", "項目", "回答数", "平均点\n（全体）"] + [f"平均点\n（{label}）" for _, label, _ in ROLES] + \
              [c["label"] for c in choices] + ["区分間の差", "掘り下げ", "掘り下げの理由"]
    for col, text in enumerate(headers):
        ws.write_string(0, col, neutralise(text), f["header"])
    ws.set_row(0, 45)
    row = 1
    for item, stats in zip(instrument["items"], analysis["items"]):
        ws.write_number(row, 0, item["no"], f["integer"])
        ws.write_string(row, 1, neutralise(item["part_title"]), f["wrap"])
        ws.write_string(row, 2, neutralise(item["topic"]), f["wrap"])
        ws.write_number(row, 3, stats["respondents"], f["integer"])
        ws.write_number(row, 4, stats["mean"], f["points"])
        for i, (key, _, _) in enumerate(ROLES):
            if key in stats["role_means"]:
                ws.write_number(row, 5 + i, stats["role_means"][key], f["points"])
            else:
                ws.write_blank(row, 5 + i, None, f["points"])
        for i, choice in enumerate(choices):
            ws.write_number(row, 8 + i, stats["counts"].get(choice["key"], 0), f["integer"])
        ws.write_number(row, gap_col, stats["gap"], f["alert"] if stats["gap"] >= 2.0 else f["points"])
        ws.write_string(row, flag_col, "✔" if stats["drill"] else "", f["centre"])
        reason = []
        if stats["everyone_done"]:
            reason.append("全員が「実施している」")
        if stats["gap"] >= 2.0:
            reason.append(f"区分間の差 {stats['gap']:.1f}点")
        ws.write_string(row, reason_col, neutralise("、".join(reason)), f["wrap"])
        row += 1
    ws.conditional_format(1, 4, row - 1, 7, {"type": "3_color_scale", "min_type": "num", "min_value": -1,
                                             "min_color": "#F8696B", "mid_type": "num", "mid_value": 1.5,
                                             "mid_color": "#FFEB84", "max_type": "num", "max_value": 4,
                                             "max_color": "#63BE7B"})
    ws.autofilter(0, 0, row - 1, reason_col)
    ws.freeze_panes(1, 3)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0, 0)

    # 課題整理
    ws = wb.add_worksheet("課題整理")
    ws.set_column(0, 1, 6)
    ws.set_column(2, 2, 24)
    ws.set_column(3, 3, 44)
    ws.set_column(4, 7, 8)
    ws.set_column(8, 8, 44)
    for col, text in enumerate(["順位", "No", "項目", "課題", "緊急度", "重要度", "難易度", "重点", "掘り下げメモ"]):
        ws.write_string(0, col, text, f["header"])
    ws.set_row(0, 30)
    topics = {item["no"]: item["topic"] for item in instrument["items"]}
    row = 1
    for rank, finding in enumerate(report["priorities"], 1):
        ws.write_number(row, 0, rank, f["integer"])
        ws.write_number(row, 1, finding["item_no"], f["integer"])
        ws.write_string(row, 2, neutralise(topics[finding["item_no"]]), f["wrap"])
        ws.write_string(row, 3, neutralise(finding["finding"]), f["wrap"])
        ws.write_string(row, 4, neutralise(finding["urgency"]), f["centre"])
        ws.write_string(row, 5, neutralise(finding["importance"]), f["centre"])
        ws.write_string(row, 6, neutralise(finding["difficulty"]), f["centre"])
        ws.write_string(row, 7, "✔" if finding["key"] else "", f["centre"])
        ws.write_string(row, 8, neutralise(finding["notes"]), f["wrap"])
        row += 1
    last = len(report["priorities"]) + 50
    for col, values, message in [(4, ["高", "中", "低"], "高・中・低から選んでください。"),
                                 (5, ["高", "中", "低"], "高・中・低から選んでください。"),
                                 (6, ["易", "中", "難"], "易・中・難から選んでください。"),
                                 (7, ["✔"], "重点改善領域なら ✔ を選んでください。")]:
        ws.data_validation(1, col, last, col, {"validate": "list", "source": values, "error_type": "stop",
                                                "input_message": message, "error_title": "入力できない値です",
                                                "error_message": message})
    ws.freeze_panes(1, 0)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0, 0)
    wb.close()
    return output.getvalue()


def main():
    exports = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    respondents = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    instrument = load_instrument()
    report = {"company": "株式会社ベンチマーク", "analysis": analyse(instrument, generated_sheets(respondents)),
              "priorities": sample_priorities()}
    size = len(write_workbook(instrument, report))  # warm-up
    start = time.perf_counter()
    for _ in range(exports):
        size = len(write_workbook(instrument, report))
    elapsed = (time.perf_counter() - start) * 1000
    print(f"python xlsxwriter {xlsxwriter.__version__}: {exports} exports, {respondents} respondents, "
          f"{size} bytes, {elapsed / exports:.3f} ms per export")


if __name__ == "__main__":
    main()
