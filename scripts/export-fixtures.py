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
import json
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


# --- The corpus of shapes (issue 24) --------------------------------------------------------
# Each file carries reports whose true submission instant the generator knows; it writes them in
# the shapes spreadsheets and agencies produce, and `harapan.json` says what lapor must read:
# every report with its instant (RFC 3339 in the unit's zone), every rejected row with a phrase of
# its reason, or the sentence of a refused file. ImportCorpusTests holds lapor to it.

ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}
# (unit id, unit, province, zone): the zone lapor gives the unit by its province.
CORPUS_UNITS = [("3171", "Dinas Bina Marga Provinsi DKI Jakarta", "DKI Jakarta", "WIB"),
                ("5171", "Dinas PUPR Kota Denpasar", "Bali", "WITA"),
                ("9171", "Dinas Perhubungan Kota Jayapura", "Papua", "WIT")]
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS_ID_LONG = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                  "November", "Desember"]


def rfc3339(dt, zone):
    """The instant `dt` (naive, in `zone`'s wall clock) as RFC 3339 with the zone's offset."""
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + f"+{ZONES[zone]:02d}:00"


def corpus_row(track, unit, title, status="Terdisposisi ke {unit}", privacy="", name="Budi Santoso"):
    """The 26 cells of a report of `unit`, dates left for the variant to write."""
    cells = {c: "" for c in COLUMNS}
    cells.update({
        "Tracking ID": track, "Nama Pelapor": name, "Klasifikasi Laporan": "Pengaduan", "ID Kategori": "101",
        "Kategori": "Infrastruktur", "Judul Laporan": title, "Isi Laporan Awal": title + ": mohon ditindaklanjuti.",
        "Tipe Laporan (Anonim/Rahasia)": privacy, "Sumber Laporan": "Website", "Instansi Induk": "Kementerian Dalam Negeri",
        "ID Instansi Terdisposisi": unit[0], "Instansi Terdisposisi": unit[1], "Status Laporan": status.format(unit=unit[1]),
        "Provinsi": unit[2],
    })
    return cells


def serial(dt, epoch1904=False):
    """A spreadsheet serial of a naive datetime (1900 system, or 1904)."""
    import datetime
    zero = datetime.datetime(1904, 1, 1) if epoch1904 else datetime.datetime(1899, 12, 30)
    delta = dt - zero
    return delta.days + delta.seconds / 86400


def styled_sheet(rows, header, kinds, epoch1904=False, with_refs=True, empty_cells="omit", shared=None):
    """Worksheet XML: text as shared or inline strings, numbers as numbers, and values of
    `kinds[column]` ('date', 'time', 'datetime' from a datetime; 'number') as styled numbers
    (style 1 date, 2 time, 3 date-time), the way Excel saves a file."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    table = [header] + rows
    for r, row in enumerate(table, start=1):
        out.append(f'<row r="{r}">' if with_refs else "<row>")
        for c, value in enumerate(row):
            ref = f' r="{column_name(c)}{r}"' if with_refs else ""
            kind = kinds.get(header[c]) if r > 1 and c < len(header) else None
            if value is None or value == "":
                if empty_cells == "element":
                    out.append(f"<c{ref}/>")
                elif empty_cells == "inline":
                    out.append(f'<c{ref} t="inlineStr"><is><t></t></is></c>')
                continue
            if isinstance(value, (int, float)):
                out.append(f"<c{ref}><v>{value}</v></c>")
            elif kind in ("date", "time", "datetime") and not isinstance(value, str):
                style = {"date": 1, "time": 2, "datetime": 3}[kind]
                number = serial(value, epoch1904)
                if kind == "time":
                    number -= int(number)
                if kind == "date":
                    number = int(number)
                out.append(f'<c{ref} s="{style}"><v>{number!r}</v></c>')
            elif shared is not None:
                if value not in shared:
                    shared[value] = len(shared)
                out.append(f'<c{ref} t="s"><v>{shared[value]}</v></c>')
            else:
                out.append(f'<c{ref} t="inlineStr"><is><t xml:space="preserve">{xml_escape(str(value))}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-421]dd/mm/yyyy\\ hh:mm;@"/></numFmts>'
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="4"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="20" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '</styleSheet>')


def workbook_package(sheets, shared=None, styles=None, date1904=False, sheet_xml_encoding=None):
    """A workbook of several sheets [(name, xml)], optionally with shared strings, styles and the
    1904 date system."""
    content = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    listed = []
    for i, (name, _) in enumerate(sheets, start=1):
        content.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                    f'Target="worksheets/sheet{i}.xml"/>')
        listed.append(f'<sheet name="{xml_escape(name)}" sheetId="{i}" r:id="rId{i}"/>')
    n = len(sheets)
    if styles:
        content.append('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>')
        rels.append(f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
    if shared:
        content.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        rels.append(f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
    parts = {
        "[Content_Types].xml": "".join(content) + "</Types>",
        "_rels/.rels": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                        "</Relationships>"),
        "xl/workbook.xml": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                            + ('<workbookPr date1904="1"/>' if date1904 else '<workbookPr defaultThemeVersion="164011"/>')
                            + "<sheets>" + "".join(listed) + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": "".join(rels) + "</Relationships>",
    }
    for i, (_, xml) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    if styles:
        parts["xl/styles.xml"] = styles
    if shared:
        items = sorted(shared.items(), key=lambda kv: kv[1])
        parts["xl/sharedStrings.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(items)}" uniqueCount="{len(items)}">'
            + "".join(f'<si><t xml:space="preserve">{xml_escape(t)}</t></si>' for t, _ in items) + "</sst>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            if sheet_xml_encoding and name.startswith("xl/worksheets/"):
                data = text.encode(sheet_xml_encoding)
            else:
                data = text.encode("utf-8")
            z.writestr(info, data)
    return buffer.getvalue()


def csv_text(lines, delimiter=";"):
    def cell(value):
        value = str(value)
        if any(ch in value for ch in delimiter + '"\r\n'):
            value = '"' + value.replace('"', '""') + '"'
        return value
    return b"\xef\xbb\xbf" + "\r\n".join(delimiter.join(cell(v) for v in row) for row in lines).encode("utf-8") + b"\r\n"


def variants():
    """The corpus: {file name: bytes} and what each must read as."""
    import datetime
    D = datetime.datetime
    files, expected = {}, {}
    wib, wita, wit = CORPUS_UNITS

    # 1. A workbook in the 1904 date system, dates and times as styled serials; one date a bare
    #    number (no style): the epoch holds for it too.
    reports = [("4200001", wib, D(2026, 12, 3, 14, 5)), ("4200002", wita, D(2026, 11, 30, 8, 0, 30)),
               ("4200003", wit, D(2027, 1, 4, 23, 59))]
    rows = []
    for track, unit, dt in reports:
        cells = corpus_row(track, unit, "Laporan 1904 " + track)
        cells["Tanggal Laporan Masuk"] = dt
        cells["Waktu Laporan Masuk"] = dt
        rows.append([cells[c] for c in COLUMNS])
    rows[2][1] = int(serial(reports[2][2], epoch1904=True))  # a bare number, no date style
    kinds = {"Tanggal Laporan Masuk": "date", "Waktu Laporan Masuk": "time"}
    sheet = styled_sheet(rows, COLUMNS, kinds, epoch1904=True)
    files["excel-1904.xlsx"] = workbook_package([("Laporan", sheet)], styles=STYLES, date1904=True)
    expected["excel-1904.xlsx"] = {"exit": 0, "reports": {t: rfc3339(dt, u[3]) for t, u, dt in reports}}

    # 2. OpenXML SDK style: no cell or row references, empty cells written as elements.
    reports = [("4200011", wib, D(2026, 12, 1, 9, 15)), ("4200012", wita, D(2026, 12, 2, 10, 30)),
               ("4200013", wit, D(2026, 12, 3, 11, 45))]
    rows = []
    for i, (track, unit, dt) in enumerate(reports):
        cells = corpus_row(track, unit, "Tanpa referensi " + track, name="")
        cells["Tanggal Laporan Masuk"] = dt.strftime("%Y-%m-%d")
        cells["Waktu Laporan Masuk"] = dt.strftime("%H:%M")
        rows.append([cells[c] for c in COLUMNS])
    sheet = styled_sheet(rows, COLUMNS, {}, with_refs=False, empty_cells="element")
    files["openxml-tanpa-referensi.xlsx"] = workbook_package([("Sheet1", sheet)])
    sheet = styled_sheet(rows, COLUMNS, {}, with_refs=False, empty_cells="inline")
    files["openxml-sel-kosong.xlsx"] = workbook_package([("Sheet1", sheet)])
    for name in ["openxml-tanpa-referensi.xlsx", "openxml-sel-kosong.xlsx"]:
        expected[name] = {"exit": 0, "reports": {t: rfc3339(dt, u[3]) for t, u, dt in reports},
                          "titles": {t: "Tanpa referensi " + t for t, _, _ in reports},
                          "statuses": {t: "dispatched" for t, _, _ in reports}}

    # 3. As Excel saves an export it opened: shared strings, the tracking ID and the rating as
    #    numbers, dates and times as styled serials, one date and time in one cell (Indonesian
    #    locale format), its time cell empty.
    reports = [("4200021", wib, D(2026, 12, 3, 14, 5), "4"), ("4200022", wita, D(2026, 11, 2, 7, 0), ""),
               ("4200023", wit, D(2026, 10, 15, 16, 20), "5")]
    rows = []
    for track, unit, dt, rating in reports:
        cells = corpus_row(track, unit, "Disimpan Excel " + track, status="Ditutup oleh Admin" if rating else "Terdisposisi ke {unit}")
        cells["Tracking ID"] = int(track)
        cells["Tanggal Laporan Masuk"] = dt
        cells["Waktu Laporan Masuk"] = dt
        cells["Rating"] = int(rating) if rating else ""
        rows.append([cells[c] for c in COLUMNS])
    rows[2][2] = ""  # no time cell: the date cell holds it
    shared = {}
    kinds = {"Tanggal Laporan Masuk": "date", "Waktu Laporan Masuk": "time"}
    sheet = styled_sheet(rows, COLUMNS, kinds, shared=shared)
    # The third date as a date and time in one cell (style 3, `dd/mm/yyyy hh:mm`).
    third = serial(reports[2][2])
    sheet = sheet.replace(f'<c r="B4" s="1"><v>{int(third)!r}</v></c>', f'<c r="B4" s="3"><v>{third!r}</v></c>')
    files["excel-disimpan-ulang.xlsx"] = workbook_package([("Rekap Laporan", sheet)], shared=shared, styles=STYLES)
    expected["excel-disimpan-ulang.xlsx"] = {"exit": 0, "reports": {t: rfc3339(dt, u[3]) for t, u, dt, _ in reports},
                                             "ratings": {"4200021": 4, "4200023": 5}}

    # 4. CSV as an Indonesian locale writes it: `;`, a title line above the header, day-first
    #    dates with the time in the date cell, dot times, long dates with weekdays and zones, ISO
    #    with an offset, decimal commas, Excel's text mark on IDs.
    lines = [["Rekap Laporan LAPOR! Desember 2026"], COLUMNS]
    cases = [
        ("4200031", wib, D(2026, 12, 3, 14, 5), "03/12/2026 14:05", "", "4,0"),
        ("4200032", wib, D(2026, 12, 3, 14, 5), "3 Desember 2026 14.05", "", ""),
        ("4200033", wita, D(2026, 12, 3, 9, 0), "Kamis, 3 Desember 2026", "09.00", ""),
        ("4200034", wita, D(2026, 12, 3, 14, 5), "03/12/2026", "14.05.00", "5,0"),
        # 14:05 WIT written with its offset, for a unit in WIB: 12:05 WIB.
        ("4200035", wib, D(2026, 12, 3, 12, 5), "2026-12-03T14:05:00+09:00", "", ""),
        # A serial with a decimal comma, and a time as a fraction with a decimal comma.
        ("4200036", wit, D(2026, 12, 3, 14, 5), "46359", "0,586805556", ""),
        ("4200037", wib, D(2026, 12, 4, 8, 30), "Jum'at, 4 Des 2026 pukul 08.30 WIB", "", ""),
        ("4200038", wita, D(2026, 12, 1, 0, 0), "01-12-2026", "", ""),
    ]
    for track, unit, dt, date_text, time_text, rating in cases:
        cells = corpus_row("'" + track, unit, "Format Indonesia " + track, status="Ditutup oleh Admin" if rating else "Terdisposisi ke {unit}")
        cells["Tanggal Laporan Masuk"] = date_text
        cells["Waktu Laporan Masuk"] = time_text
        cells["Rating"] = rating
        lines.append([cells[c] for c in COLUMNS])
    files["indonesia.csv"] = csv_text(lines)
    expected["indonesia.csv"] = {"exit": 0, "reports": {t: rfc3339(dt, u[3]) for t, u, dt, _, _, _ in cases},
                                 "ratings": {"4200031": 4, "4200034": 5},
                                 # 4200038 has no time at all: 00:00, noted.
                                 "notes": [[10, "no submission time"]]}

    # 5. Short Indonesian headers, a leading `No.` column, information rows above, numbered
    #    template rows below with nothing else in them.
    header = ["No.", "No. Tracking", "Tanggal Laporan", "Waktu", "Judul", "Isi Laporan", "Status", "Instansi", "Provinsi"]
    reports = [("4200041", wib, D(2026, 12, 2, 10, 0)), ("4200042", wit, D(2026, 12, 2, 11, 0))]
    table = [["Rekap Pengaduan"], ["Periode: Desember 2026"], [], header]
    for i, (track, unit, dt) in enumerate(reports, start=1):
        table.append([str(i), track, f"{dt.day} {MONTHS_ID_LONG[dt.month - 1]} {dt.year}", dt.strftime("%H.%M"),
                      "Judul pendek " + track, "Isi laporan " + track, "Ditindaklanjuti oleh Instansi", unit[1], unit[2]])
    for i in range(3, 8):
        table.append([str(i)] + [""] * 8)
    sheet = styled_sheet(table[1:], table[0], {})
    files["judul-pendek.xlsx"] = workbook_package([("Rekap", sheet)])
    expected["judul-pendek.xlsx"] = {"exit": 0, "reports": {t: rfc3339(dt, u[3]) for t, u, dt in reports},
                                     "titles": {t: "Judul pendek " + t for t, _, _ in reports},
                                     "statuses": {t: "followed_up" for t, _, _ in reports},
                                     # No Tipe Laporan column: every report hides its reporter (the safe side), said once.
                                     "privacies": {t: "rahasia" for t, _, _ in reports},
                                     "absent": ["every report is taken as rahasia", "every report is counted as a pengaduan"]}

    # 6. The data on the second sheet, a summary first.
    summary = styled_sheet([["Terdisposisi", "2"], ["Selesai", "0"]], ["Status", "Jumlah"], {})
    reports = [("4200051", wib, D(2026, 12, 1, 8, 0)), ("4200052", wita, D(2026, 12, 1, 9, 0))]
    rows = []
    for track, unit, dt in reports:
        cells = corpus_row(track, unit, "Lembar kedua " + track)
        cells["Tanggal Laporan Masuk"] = dt.strftime("%d/%m/%Y")
        cells["Waktu Laporan Masuk"] = dt.strftime("%H:%M")
        rows.append([cells[c] for c in COLUMNS])
    files["lembar-kedua.xlsx"] = workbook_package([("Ringkasan", summary), ("Data", styled_sheet(rows, COLUMNS, {}))])
    expected["lembar-kedua.xlsx"] = {"exit": 0, "reports": {t: rfc3339(dt, u[3]) for t, u, dt in reports}}

    # 7. Duplicates: the later copy by time wherever it stands; on a tie, the lower row.
    lines = [COLUMNS]
    dup = [("4200061", wib, D(2026, 12, 2, 10, 0), "Salinan terbaru"), ("4200061", wib, D(2026, 12, 1, 10, 0), "Salinan lama"),
           ("4200062", wita, D(2026, 12, 1, 10, 0), "Kembar atas"), ("4200062", wita, D(2026, 12, 1, 10, 0), "Kembar bawah")]
    for track, unit, dt, title in dup:
        cells = corpus_row(track, unit, title)
        cells["Tanggal Laporan Masuk"] = dt.strftime("%Y-%m-%d")
        cells["Waktu Laporan Masuk"] = dt.strftime("%H:%M:%S")
        lines.append([cells[c] for c in COLUMNS])
    files["ganda.csv"] = csv_text(lines, ",")
    expected["ganda.csv"] = {"exit": 5, "reports": {"4200061": rfc3339(dup[0][2], "WIB"), "4200062": rfc3339(dup[2][2], "WITA")},
                             "titles": {"4200061": "Salinan terbaru", "4200062": "Kembar bawah"},
                             "rejected": [[3, "also on row 2, whose time is later"], [4, "also on row 5 with the same time"]]}

    # 8. A file saved in a US locale: every date that reads one way only is month first.
    lines = [COLUMNS]
    us = [("4200071", wib, D(2026, 12, 25, 9, 0), "12/25/2026 9:00 AM"), ("4200072", wib, D(2026, 3, 4, 14, 5), "03/04/2026 2:05 PM")]
    for track, unit, dt, text in us:
        cells = corpus_row(track, unit, "Lokal AS " + track)
        cells["Tanggal Laporan Masuk"] = text
        lines.append([cells[c] for c in COLUMNS])
    files["bulan-dulu.csv"] = csv_text(lines, ",")
    expected["bulan-dulu.csv"] = {"exit": 0, "reports": {t: rfc3339(dt, u[3]) for t, u, dt, _ in us}}

    # 9. Refused rows, each with what would read: both orders in one file (03/04/2026 reads two
    #    ways), a two-digit year, a weekday that is not the date's, `0.25` (00.25 or 06:00),
    #    a date cell's time that is not the time cell's, a date that does not read.
    lines = [COLUMNS]
    bad = [("4200081", "25/12/2026", "10:00", None), ("4200082", "12/26/2026", "10:00", None),
           ("4200083", "03/04/2026", "10:00", "reads as 3 April 2026 or 4 March 2026"),
           ("4200084", "03/12/26", "10:00", "two-digit year"), ("4200085", "Senin, 3 Desember 2026", "10:00", "says Monday, but that date is a Thursday"),
           ("4200086", "3 Des 2026", "0.25", "reads as 00.25 or as a fraction of a day"),
           ("4200087", "2026-12-03 10:00", "14:05", "differs from the time in Tanggal Laporan Masuk"),
           ("4200088", "kemarin", "10:00", "does not read")]
    ok = {}
    rejected = []
    for i, (track, date_text, time_text, reason) in enumerate(bad, start=2):
        cells = corpus_row(track, wib, "Ditolak " + track)
        cells["Tanggal Laporan Masuk"] = date_text
        cells["Waktu Laporan Masuk"] = time_text
        lines.append([cells[c] for c in COLUMNS])
        if reason:
            rejected.append([i, reason])
    files["ditolak.csv"] = csv_text(lines, ",")
    expected["ditolak.csv"] = {"exit": 5, "reports": {"4200081": rfc3339(D(2026, 12, 25, 10, 0), "WIB"),
                                                      "4200082": rfc3339(D(2026, 12, 26, 10, 0), "WIB")},
                               "rejected": rejected}

    # 10. A CSV another program read as Latin-1 and saved again as UTF-8 (LibreOffice converting
    #     a CSV without being told its encoding): the BOM became "ï»¿", "é" became "Ã©".
    lines = [COLUMNS]
    garbled = [("4200091", wib, D(2026, 12, 2, 9, 0), "Trotoar rusak di depan kafé", "André Siregar"),
               ("4200092", wita, D(2026, 12, 2, 10, 0), "Lampu mati — Jalan Gatot Subroto", "Ni Luh Sri")]
    for track, unit, dt, title, name in garbled:
        cells = corpus_row(track, unit, title, name=name)
        cells["Tanggal Laporan Masuk"] = dt.strftime("%d/%m/%Y")
        cells["Waktu Laporan Masuk"] = dt.strftime("%H:%M")
        lines.append([cells[c] for c in COLUMNS])
    files["salah-kode.csv"] = csv_text(lines).decode("latin-1").encode("utf-8")
    expected["salah-kode.csv"] = {"exit": 0, "reports": {t: rfc3339(dt, u[3]) for t, u, dt, _, _ in garbled},
                                  "titles": {t: title for t, _, _, title, _ in garbled}, "repaired": True}

    # 11. Hostile parts: an entity bomb in UTF-16, a part in UTF-7.
    bomb = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Tracking ID</t></is></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    files["utf16-entitas.xlsx"] = workbook_package([("Laporan", bomb)], sheet_xml_encoding="utf-16")
    expected["utf16-entitas.xlsx"] = {"exit": 2, "failure": "declares XML entities"}
    utf7 = ('<?xml version="1.0" encoding="UTF-7"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData></sheetData></worksheet>')
    files["utf7.xlsx"] = workbook_package([("Laporan", utf7)])
    expected["utf7.xlsx"] = {"exit": 2, "failure": "in the encoding 'utf-7'"}
    return files, expected


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
    files = dict(fixtures())
    corpus, expected = variants()
    for name, data in corpus.items():
        files[os.path.join("varian", name)] = data
    files[os.path.join("varian", "harapan.json")] = (json.dumps(expected, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    os.makedirs(os.path.join(target, "varian"), exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(target, name), "wb") as f:
            f.write(data)
    if args.check:
        names = sorted(files)
        _, mismatch, errors = filecmp.cmpfiles(root, target, names, shallow=False)
        if mismatch or errors:
            print(f"fixtures/exports differs from scripts/export-fixtures.py: {mismatch + errors}; run the script and commit")
            return 1
        print("fixtures/exports is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
