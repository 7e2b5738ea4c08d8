#!/usr/bin/env python3
"""One-off converter: ../shared/holidays.md -> fixtures/holidays/YYYY.json.

The JSON files are the source of truth once written; run this again only when
the shared table changes, then run scripts/embed-holidays.py.
"""
import json, re, sys, pathlib

SOURCES = {
    2024: "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 855/2023, 3/2023, 4/2023",
    2025: "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1017/2024, 2/2024, 2/2024 (diubah Agustus 2025)",
    2026: "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497/2025, 2/2025, 5/2025",
    2027: "Perkiraan: SKB tahun 2027 belum ditetapkan; tanggal hari besar Islam masih perkiraan",
}
ONE_OFF = {
    "2024-02-14": "Keputusan Presiden No. 10 Tahun 2024 (hari pemungutan suara Pemilu)",
    "2024-11-27": "Keputusan Presiden No. 33 Tahun 2024 (hari pemungutan suara Pilkada)",
    "2025-08-18": "Perubahan SKB 2025 (Agustus 2025)",
}
PROVISIONAL = {2027}

def main(md_path, out_dir):
    text = pathlib.Path(md_path).read_text(encoding="utf-8")
    years = {}
    year = None
    for line in text.splitlines():
        m = re.match(r"^## (\d{4})", line)
        if m:
            year = int(m.group(1)); years[year] = []; continue
        m = re.match(r"^\| (\d{4}-\d{2}-\d{2}) \| \w{3} \| ([LC]) \| (.+?) \|$", line)
        if m and year:
            date, kind, name = m.groups()
            years[year].append({
                "date": date,
                "name": name,
                "kind": "libur_nasional" if kind == "L" else "cuti_bersama",
                "source": ONE_OFF.get(date, SOURCES[year]),
            })
    for y, hs in years.items():
        doc = {"year": y, "provisional": y in PROVISIONAL, "source": SOURCES[y], "holidays": hs}
        out = pathlib.Path(out_dir) / f"{y}.json"
        out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{out}: {len(hs)} entries")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/holidays.md",
         sys.argv[2] if len(sys.argv) > 2 else "fixtures/holidays")
