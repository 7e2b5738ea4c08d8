#!/usr/bin/env python3
"""Writes the spreadsheet-export fixtures of fixtures/exports/ (issue 15).

The LAPOR! admin area's export, as a public importer of it describes the format: a few
information rows, then the table whose header row starts with `Tracking ID`. The workbooks are
written with the standard library alone (zipfile, hand-written SpreadsheetML), the way Excel
writes them: shared strings, numbers as numbers, merged information cells.

    scripts/export-fixtures.py            write fixtures/exports/
    scripts/export-fixtures.py --check    fail when fixtures/exports/ differs (CI)
    scripts/export-fixtures.py --rows 50000 --out /tmp/big.xlsx
                                          a large realistic export, for timing an import
"""
import argparse
import filecmp
import io
import os
import random
import sys
import tempfile
import zipfile

COLUMNS = [
    "Tracking ID", "Tanggal Laporan Masuk", "Waktu Laporan Masuk", "Nama Pelapor", "Klasifikasi Laporan",
    "ID Kategori", "Kategori", "Judul Laporan", "Isi Laporan Awal", "Isi Laporan Akhir",
    "Tipe Laporan (Anonim/Rahasia)", "Sumber Laporan", "Instansi Induk", "ID Instansi Terdisposisi",
    "Instansi Terdisposisi", "Status Laporan", "Alasan Tunda/Arsip", "Provinsi", "Kota/Kabupaten",
    "Kecamatan", "Kelurahan", "Nomor SK", "Url SK", "Url Dokumen Laporan Tahunan",
    "Laporan yang Masuk melalui Kanal Aduan Setwapres", "Rating",
]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_ID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # zip entry times: the same bytes every run

UNITS = [
    ("3171", "Dinas Bina Marga Provinsi DKI Jakarta", "DKI Jakarta", "Jakarta Selatan", "Tebet", "Manggarai"),
    ("3172", "Dinas Kesehatan Provinsi DKI Jakarta", "DKI Jakarta", "Jakarta Timur", "Matraman", "Pal Meriam"),
    ("5171", "Dinas PUPR Kota Denpasar", "Bali", "Kota Denpasar", "Denpasar Barat", "Dauh Puri"),
    ("9171", "Dinas Perhubungan Kota Jayapura", "Papua", "Kota Jayapura", "Jayapura Utara", "Gurabesi"),
]
CATEGORIES = [("101", "Infrastruktur"), ("102", "Kesehatan"), ("103", "Perhubungan"), ("104", "Lingkungan Hidup")]
TOPICS = [
    ("Jalan berlubang di {kel}", "Jalan utama di {kel} berlubang sejak dua minggu dan membahayakan pengendara motor."),
    ("Lampu jalan mati di {kel}", "Lampu penerangan jalan di {kel} mati total, warga khawatir saat malam."),
    ("Antrean puskesmas {kel} terlalu panjang", "Pasien menunggu lebih dari empat jam di puskesmas {kel}."),
    ("Saluran air tersumbat di {kel}", "Saluran air di {kel} tersumbat sampah sehingga banjir saat hujan."),
    ("Angkot ngetem sembarangan di {kel}", "Angkutan kota berhenti lama di persimpangan {kel} dan menyebabkan macet."),
]
NAMES = ["Budi Santoso", "Siti Aminah", "Agus Wijaya", "Dewi Lestari", "I Made Sutrisna", "Yohanes Wenda", "Rina Marlina"]
SOURCES = ["Website", "SMS 1708", "Android", "WhatsApp", "Twitter"]
STATUSES = [
    "Terdisposisi ke {unit}", "Terdisposisi ke {unit}", "Ditindaklanjuti oleh Instansi", "Ditanggapi oleh Pelapor",
    "Ditutup oleh Admin", "Ditutup oleh Sistem", "Diarsipkan oleh Admin", "Diarsipkan oleh Sistem",
]


def xml_escape(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def column_name(index):
    name = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name


def date_text(year, month, day, style):
    if style == "en":
        return f"{day} {MONTHS_EN[month - 1]} {year}"
    if style == "id":
        return f"{day} {MONTHS_ID[month - 1]} {year}"
    # A spreadsheet serial (days since 1899-12-30), as a number cell.
    import datetime
    return (datetime.date(year, month, day) - datetime.date(1899, 12, 30)).days


def realistic_rows(count, seed=7, start_id=4100001):
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        unit = UNITS[i % len(UNITS)]
        category = CATEGORIES[i % len(CATEGORIES)]
        title, body = TOPICS[i % len(TOPICS)]
        # Spread over October and November 2026 (the last days of November near "today").
        month = 10 + (i % 2)
        day = 1 + (i * 7) % (30 if month == 11 else 31)
        if month == 11 and day > 24:
            day -= 10
        style = ["en", "id", "serial"][i % 3]
        hour, minute = 7 + i % 11, (i * 13) % 60
        time = f"{hour:02d}:{minute:02d}" if i % 4 else f"{hour:02d}:{minute:02d}:{(i * 7) % 60:02d}"
        status = STATUSES[i % len(STATUSES)].format(unit=unit[1])
        privacy = ["", "Anonim", "Rahasia", ""][i % 4]
        rows.append([
            str(start_id + i), date_text(2026, month, day, style), time, NAMES[i % len(NAMES)],
            ["Pengaduan", "Pengaduan", "Aspirasi", "Permintaan Informasi"][i % 4], category[0], category[1],
            title.format(kel=unit[5]), body.format(kel=unit[5]),
            body.format(kel=unit[5]) + (" Mohon segera ditindaklanjuti." if i % 2 else ""), privacy,
            SOURCES[i % len(SOURCES)], "Pemerintah Provinsi DKI Jakarta" if unit[2] == "DKI Jakarta" else "Kementerian Dalam Negeri",
            unit[0], unit[1], status, "Laporan ganda" if status.startswith("Diarsipkan") else "", unit[2], unit[3], unit[4], unit[5],
            "", "", "", "Tidak", str(1 + rng.randrange(5)) if status.startswith("Ditutup") else "",
        ])
    return rows


def sample_rows():
    rows = realistic_rows(36)
    # The variants a real export holds, and rows that must be refused.
    rows[5][15] = "Menunggu Verifikasi Ulang"  # a label lapor does not know: status unknown
    rows[6][4] = "Keluhan"  # a classification not known: counted as pengaduan, noted
    rows[7][2] = ""  # no time: 00:00, noted
    rows[8][7] = ""  # no title
    rows[9][10] = "Anonim dan Rahasia"
    rows.append(["ABC123", "3 Nov 2026", "09:00"] + [""] * 4 + ["Tracking ID bukan angka"] + [""] * 18)  # rejected
    rows.append(["4100099", "", "09:00"] + [""] * 4 + ["Tanpa tanggal"] + [""] * 18)  # rejected: no date
    duplicate = list(rows[0])
    duplicate[7] = "Baris ganda"
    rows.append(duplicate)  # rejected: the same tracking ID twice
    return rows


def shared_string_workbook(rows, info=True, formulas=False):
    """Like Excel: shared strings, numbers as numbers, merged information cells above the table."""
    strings, index = [], {}

    def sid(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    table = []
    if info:
        table += [["Judul Laporan: Rekap Laporan Instansi"], ["Nama Instansi: Pemerintah Provinsi DKI Jakarta"],
                  ["Tanggal Generate: 26 Nov 2026 08:00"], []]
    header_row = len(table) + 1
    table.append(COLUMNS)
    table += rows
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
    out.write('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    for r, row in enumerate(table, start=1):
        out.write(f'<row r="{r}">')
        for c, value in enumerate(row):
            ref = f"{column_name(c)}{r}"
            if value == "" or value is None:
                continue
            if isinstance(value, int):
                out.write(f'<c r="{ref}"><v>{value}</v></c>')
            elif formulas and r > header_row and c == 7:
                # A title computed by a formula: its cached value is what the sheet shows.
                out.write(f'<c r="{ref}" t="str"><f>TRIM("{xml_escape(value)}")</f><v>{xml_escape(value)}</v></c>')
            elif r > header_row and c == 0 and value.isdigit():
                out.write(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                out.write(f'<c r="{ref}" t="s"><v>{sid(value)}</v></c>')
        out.write("</row>")
    out.write("</sheetData>")
    if info:
        out.write('<mergeCells count="3"><mergeCell ref="A1:F1"/><mergeCell ref="A2:F2"/><mergeCell ref="A3:F3"/></mergeCells>')
    out.write("</worksheet>")
    sst = io.StringIO()
    sst.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
    sst.write(f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">')
    for s in strings:
        sst.write(f'<si><t xml:space="preserve">{xml_escape(s)}</t></si>')
    sst.write("</sst>")
    return package(out.getvalue(), sst.getvalue())


def package(sheet, shared=None):
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if shared else "")
            + "</Types>"),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Laporan" sheetId="1" r:id="rId3"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"),
        "xl/worksheets/sheet1.xml": sheet,
    }
    if shared:
        parts["xl/sharedStrings.xml"] = shared
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def csv_bytes(rows):
    """As a spreadsheet program saves "CSV UTF-8" in an Indonesian locale: BOM, `;`, CRLF."""
    def cell(value):
        value = str(value)
        if any(ch in value for ch in ';"\r\n'):
            value = '"' + value.replace('"', '""') + '"'
        return value
    lines = [";".join(cell(v) for v in row) for row in [COLUMNS] + rows]
    return b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n"


def newer_rows():
    """The next week's export: two reports moved on, one gone, two new."""
    rows = realistic_rows(36)
    rows[0][15] = "Ditindaklanjuti oleh Instansi"
    rows[1][9] = rows[1][9] + " Pelapor menambahkan foto."
    del rows[2]
    rows += realistic_rows(2, seed=9, start_id=4100201)
    return rows


def entity_bomb():
    sheet = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
             '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>Tracking ID</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>')
    return package(sheet)


def fixtures():
    rows = sample_rows()
    sample = shared_string_workbook(rows)
    return {
        "contoh-ekspor.xlsx": sample,
        "contoh-ekspor-terbaru.xlsx": shared_string_workbook(newer_rows()),
        "contoh-ekspor.csv": csv_bytes([[str(v) for v in row] for row in realistic_rows(36)]),
        "rumus.xlsx": shared_string_workbook(realistic_rows(6), formulas=True),
        "tanpa-judul-tabel.xlsx": package(
            '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Rekap</t></is></c></row></sheetData></worksheet>'),
        "bom-entitas.xlsx": entity_bomb(),
        "terpotong.xlsx": sample[: len(sample) // 2],
        "bukan-ekspor.csv": b"nama;umur\r\nBudi;40\r\n",
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--rows", type=int)
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.rows:
        with open(args.out or "/tmp/ekspor-besar.xlsx", "wb") as f:
            f.write(shared_string_workbook(realistic_rows(args.rows, start_id=5000001)))
        return 0
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "exports")
    target = tempfile.mkdtemp() if args.check else root
    os.makedirs(target, exist_ok=True)
    for name, data in fixtures().items():
        with open(os.path.join(target, name), "wb") as f:
            f.write(data)
    if args.check:
        names = sorted(fixtures())
        _, mismatch, errors = filecmp.cmpfiles(root, target, names, shallow=False)
        if mismatch or errors:
            print(f"fixtures/exports differs from scripts/export-fixtures.py: {mismatch + errors}; run the script and commit")
            return 1
        print("fixtures/exports is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
