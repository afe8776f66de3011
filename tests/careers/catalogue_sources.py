"""Tiny copies of the O*NET, projections and OEWS files, laid out as the real ones."""

import gzip
import sqlite3
from pathlib import Path

import openpyxl

# Text standing in for O*NET's prose: it must never reach the pack.
DESCRIPTION = "Descriptive sentence written by O*NET analysts that must stay out"
CATEGORY_DEFINITION = "awarded for training completed after high school"

CODE = "O*NET-SOC Code"
OCCUPATIONS = {
    "43-4051.00": "Customer Service Representatives",
    "15-1299.08": "Computer Systems Engineers/Architects",
    "15-1299.09": "Information Technology Project Managers",
    "21-1011.00": "Substance Abuse and Behavioral Disorder Counselors",
    "45-3031.00": "Fishing and Hunting Workers",
    "25-2021.00": "Elementary School Teachers, Except Special Education",
    "27-2011.00": "Actors",
    "29-1022.00": "Oral and Maxillofacial Surgeons",
}
JOB_ZONES = {
    "43-4051.00": 2,
    "15-1299.08": 4,
    "15-1299.09": 4,
    "21-1011.00": 5,
    "45-3031.00": 1,
    "25-2021.00": 4,
    "27-2011.00": 2,
    "29-1022.00": 5,
}


def columns(names: str) -> list[str]:
    return names.split("|")


def workbook(path: Path, header: list, rows: list, *, title="Sheet", lead=None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    if lead:
        sheet.append(lead)
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    book.save(path)


def rating(code, element, name, scale, value, suppress="N"):
    title = OCCUPATIONS[code]
    return [code, title, element, name, scale, scale, value, 10, 0.1, 0, 0, suppress]


def write_onet(directory: Path, extra_occupations: dict) -> Path:
    directory.mkdir(parents=True)
    (directory / "Read Me.txt").write_text("O*NET 29.3 Database\nMay 2025 Release\n")
    occupations = OCCUPATIONS | extra_occupations
    workbook(
        directory / "Occupation Data.xlsx",
        [CODE, "Title", "Description"],
        [(c, t, DESCRIPTION) for c, t in occupations.items()]
        + [("15-1299.00", "Computer Occupations, All Other", DESCRIPTION)],
    )
    zones = JOB_ZONES | dict.fromkeys(extra_occupations, 3)
    workbook(
        directory / "Job Zones.xlsx",
        [CODE, "Title", "Job Zone", "Date", "Domain Source"],
        [(c, occupations[c], z, "08/2023", "Analyst") for c, z in zones.items()],
    )
    clerk = "43-4051.00"
    workbook(
        directory / "Alternate Titles.xlsx",
        [CODE, "Title", "Alternate Title", "Short Title", "Source(s)"],
        [
            (clerk, OCCUPATIONS[clerk], "Customer Service Representative", "CSR", "08"),
            (clerk, OCCUPATIONS[clerk], "Call Center Agent", None, "10"),
            (clerk, OCCUPATIONS[clerk], "Call Center Agent", None, "10"),
            ("15-1299.08", "x", "Systems Architect", None, "08"),
        ],
    )
    workbook(
        directory / "Sample of Reported Titles.xlsx",
        [CODE, "Title", "Reported Job Title", "Shown in My Next Move"],
        [
            (clerk, "x", "Customer Service Representative (CSR)", "Y"),
            (clerk, "x", "Call Center Representative", "N"),
        ],
    )
    header = [CODE, "Title", "Element ID", "Element Name", "Scale ID", "Scale Name"]
    header += ["Data Value", "N", "Standard Error", "Lower CI Bound"]
    header += ["Upper CI Bound", "Recommend Suppress"]
    workbook(
        directory / "Skills.xlsx",
        [*header, "Not Relevant", "Date", "Domain Source"],
        [
            rating(clerk, "2.A.1.a", "Reading Comprehension", "IM", 3.5),
            [*rating(clerk, "2.A.1.a", "Reading Comprehension", "LV", 3.62), "N"],
            rating(clerk, "2.B.1.a", "Social Perceptiveness", "IM", 3.75),
            [*rating(clerk, "2.B.1.a", "Social Perceptiveness", "LV", 3.9, "Y"), "N"],
            rating(clerk, "2.B.3.a", "Operations Analysis", "IM", 1),
            [*rating(clerk, "2.B.3.a", "Operations Analysis", "LV", 0, "N"), "Y"],
            rating(clerk, "2.B.2.i", "Complex Problem Solving", "IM", 2.88),
            [*rating(clerk, "2.B.2.i", "Complex Problem Solving", "LV", 3), "N"],
            rating("15-1299.08", "2.B.3.a", "Operations Analysis", "IM", 4.1),
            [*rating("15-1299.08", "2.B.3.a", "Operations Analysis", "LV", 5.2), "N"],
        ],
    )
    workbook(
        directory / "Knowledge.xlsx",
        [*header, "Not Relevant", "Date", "Domain Source"],
        [
            rating(clerk, "2.C.1.e", "Customer and Personal Service", "IM", 4.7),
            [
                *rating(clerk, "2.C.1.e", "Customer and Personal Service", "LV", 5.7),
                "N",
            ],
            rating(clerk, "2.C.4.d", "Biology", "IM", 1.2, "Y"),
            [*rating(clerk, "2.C.4.d", "Biology", "LV", 0.5, "Y"), "N"],
        ],
    )
    workbook(
        directory / "Work Styles.xlsx",
        [*header, "Date", "Domain Source"],
        [rating(clerk, "1.C.1.a", "Achievement/Effort", "IM", 3.9)],
    )
    workbook(
        directory / "Technology Skills.xlsx",
        columns(
            f"{CODE}|Title|Example|Commodity Code|Commodity Title|"
            "Hot Technology|In Demand"
        ),
        [
            (clerk, "x", "Zendesk", 1, "Customer relationship software", "N", "N"),
            (clerk, "x", "Microsoft Excel", 2, "Spreadsheet software", "Y", "Y"),
        ],
    )
    workbook(
        directory / "Tools Used.xlsx",
        [CODE, "Title", "Example", "Commodity Code", "Commodity Title"],
        [(clerk, "x", "Desktop computers", 3, "Desktop computers")],
    )
    workbook(
        directory / "Related Occupations.xlsx",
        columns(
            f"{CODE}|Title|Related O*NET-SOC Code|Related Title|Relatedness Tier|Index"
        ),
        [
            (clerk, "x", "15-1299.08", "x", "Primary-Short", 2),
            (clerk, "x", "21-1011.00", "x", "Primary-Short", 1),
            (clerk, "x", "27-2011.00", "x", "Supplemental", 3),
        ],
    )
    education = [CODE, "Title", "Element ID", "Element Name", "Scale ID"]
    education += ["Scale Name", "Category", "Data Value", "N", "Standard Error"]
    education += ["Lower CI Bound", "Upper CI Bound", "Recommend Suppress"]
    workbook(
        directory / "Education, Training, and Experience.xlsx",
        [*education, "Date", "Domain Source"],
        [
            (clerk, "x", "2.D.1", "x", "RL", "x", 1, 0, 20, 0, 0, 0, "N"),
            (clerk, "x", "2.D.1", "x", "RL", "x", 2, 60.5, 20, 0, 0, 0, "N"),
            (clerk, "x", "2.D.1", "x", "RL", "x", 3, 39.5, 20, 0, 0, 0, "N"),
            (clerk, "x", "2.D.1", "x", "RL", "x", 6, 12.0, 20, 0, 0, 0, "Y"),
            (clerk, "x", "3.A.1", "x", "RW", "x", 1, 80.0, 20, 0, 0, 0, "N"),
        ],
    )
    workbook(
        directory / "Education, Training, and Experience Categories.xlsx",
        columns(
            "Element ID|Element Name|Scale ID|Scale Name|Category|Category Description"
        ),
        [
            ("2.D.1", "x", "RL", "x", 1, "Less than a High School Diploma"),
            ("2.D.1", "x", "RL", "x", 2, "High School Diploma - or the equivalent"),
            ("2.D.1", "x", "RL", "x", 3, f"Certificate - {CATEGORY_DEFINITION}"),
            ("2.D.1", "x", "RL", "x", 6, "Bachelor's Degree"),
            ("3.A.1", "x", "RW", "x", 1, "None"),
        ],
    )
    interests = [(clerk, "x", "1.B.1.a", "Realistic", "OI", "x", 2.05)]
    interests += [(clerk, "x", "1.B.1.e", "Enterprising", "OI", "x", 5.11)]
    interests += [(clerk, "x", "1.B.1.f", "Conventional", "OI", "x", 6.16)]
    interests += [(clerk, "x", "1.B.1.g", "First Interest High-Point", "IH", "x", 6)]
    interests += [(clerk, "x", "1.B.1.h", "Second Interest High-Point", "IH", "x", 5)]
    interests += [(clerk, "x", "1.B.1.i", "Third Interest High-Point", "IH", "x", 0)]
    workbook(
        directory / "Interests.xlsx",
        columns(
            f"{CODE}|Title|Element ID|Element Name|Scale ID|Scale Name|Data Value|Date"
        ),
        interests,
    )
    return directory


PROJECTIONS_HEADER = [
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment distribution, percent, 2024",
    "Employment distribution, percent, 2034",
    "Employment change, numeric, 2024–34",
    "Employment change, percent, 2024–34",
    "Percent self employed, 2024",
    "Occupational openings, 2024–34 annual average",
    "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
    "Related Occupational Outlook Handbook (OOH) content xlsx",
]


def projection(code, kind, figures, facts=("—", "—", "—", "—")):
    """Return a Table 1.2 row; figures: 2024, 2034, change, %, openings (thousands)."""
    start, end, change, percent, openings = figures
    wage, education, experience, training = facts
    row = [f"  Occupation {code}", code, kind, start, end, 0.1, 0.1, change, percent]
    return [*row, 1.0, openings, wage, education, experience, training, "—"]


def write_projections(path: Path) -> Path:
    usual = (100, 110, 10, 10.0, 9.5)
    rows = [
        projection("00-0000", "Summary", (169956.1, 175167.9, 5211.8, 3.1, 18863.3)),
        projection(
            "43-4051",
            "Line item",
            (2814, 2660.3, -153.7, -5.5, 341.7),
            (
                42830,
                "High school diploma or equivalent",
                "None",
                "Short-term on-the-job training",
            ),
        ),
        projection(
            "15-1299", "Line item", usual, (108970, "Bachelor's degree", "None", "None")
        ),
        projection("21-1010", "Summary", usual),
        projection(
            "21-1018", "Line item", usual, (59190, "Master's degree", "None", "x")
        ),
        projection(
            "45-3031",
            "Line item",
            (21.9, 20.9, -1, -4.6, 2.8),
            ("—", "No formal educational credential", "None", "x"),
        ),
        projection(
            "25-2021", "Line item", usual, (63970, "Bachelor's degree", "None", "x")
        ),
        projection("27-2011", "Line item", usual, ("—", "Some college", "None", "x")),
        projection(
            "29-1022", "Line item", usual, (">=$239,200", "Doctoral", "None", "x")
        ),
    ]
    workbook(
        path,
        PROJECTIONS_HEADER,
        rows,
        title="Table 1.2",
        lead=["Table 1.2 Occupational projections, 2024–2034"],
    )
    return path


ANNUAL = ["04", "11", "12", "13", "14", "15"]
HOURLY = ["03", "06", "07", "08", "09", "10"]


def cell(key, employment, hourly=None, annual=None, footnotes=None):
    """Return a `cell` row: hourly and annual are [mean, p10, p25, median, p75, p90]."""
    values = {"01": employment}
    values |= dict(zip(HOURLY, hourly or ["-"] * 6, strict=True))
    values |= dict(zip(ANNUAL, annual or ["-"] * 6, strict=True))
    footnotes = footnotes or {}
    row = [key]
    row += [values.get(f"{n:02d}") for n in range(1, 18)]
    row += [footnotes.get(f"{n:02d}") for n in range(1, 18)]
    return row


def national(soc, industry="000000"):
    return f"OEUN0000000{industry}{soc.replace('-', '')}"


def state(area, soc):
    return f"OEUS{area}00000000000{soc.replace('-', '')}"


CLERK_HOURLY = ["22.40", "15.27", "17.72", "21.53", "24.89", "30.57"]
CLERK_ANNUAL = ["46590", "31750", "36870", "44770", "51780", "63590"]
ONLY = "4"


def write_oews(path: Path) -> Path:
    database = path.with_suffix("")
    connection = sqlite3.connect(database)
    columns = ", ".join(f"v{n:02d} TEXT" for n in range(1, 18))
    columns += ", " + ", ".join(f"f{n:02d} TEXT" for n in range(1, 18))
    connection.executescript(
        f"""
        CREATE TABLE cell (key TEXT PRIMARY KEY, {columns}) WITHOUT ROWID;
        CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT NOT NULL,
            state_code TEXT NOT NULL, area_name TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE industry (industry_code TEXT PRIMARY KEY, industry_name TEXT
            NOT NULL, display_level INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name
            TEXT NOT NULL, display_level INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE datatype (datatype_code TEXT PRIMARY KEY, datatype_name TEXT
            NOT NULL) WITHOUT ROWID;
        CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT
            NOT NULL) WITHOUT ROWID;
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        """
    )
    connection.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("release", "May 2025"), ("data_year", "2025"), ("period", "A01")],
    )
    connection.executemany(
        "INSERT INTO area VALUES (?, ?, ?, ?)",
        [
            ("0000000", "N", "00", "National"),
            ("0100000", "S", "01", "Alabama"),
            ("0600000", "S", "06", "California"),
            ("7200000", "S", "72", "Puerto Rico"),
            ("0010180", "M", "48", "Abilene, TX"),
        ],
    )
    connection.executemany(
        "INSERT INTO industry VALUES (?, ?, ?)",
        [
            ("000000", "Cross-Industry", 0),
            ("000001", "Cross-industry, Private Ownership only", 1),
            ("52--53", "Sector 52 - Finance and Insurance", 2),
            ("561000", "Administrative and Support Services", 3),
            ("524000", "Insurance Carriers and Related Activities", 3),
            ("455000", "General Merchandise Retailers", 3),
        ],
    )
    groups = [
        ("000000", "All Occupations"),
        ("150000", "Computer and Mathematical Occupations"),
        ("210000", "Community and Social Service Occupations"),
        ("250000", "Educational Instruction and Library Occupations"),
        ("270000", "Arts, Design, Entertainment, Sports, and Media Occupations"),
        ("290000", "Healthcare Practitioners and Technical Occupations"),
        ("430000", "Office and Administrative Support Occupations"),
        ("450000", "Farming, Fishing, and Forestry Occupations"),
    ]
    detailed = [
        ("434051", "Customer Service Representatives"),
        ("151299", "Computer Occupations, All Other"),
        (
            "211018",
            "Substance Abuse, Behavioral Disorder, and Mental Health Counselors",
        ),
        ("252021", "Elementary School Teachers, Except Special Education"),
        ("272011", "Actors"),
        ("291022", "Oral and Maxillofacial Surgeons"),
    ]
    connection.executemany(
        "INSERT INTO occupation VALUES (?, ?, ?)",
        [(c, n, 0) for c, n in groups] + [(c, n, 3) for c, n in detailed],
    )
    hourly_only = dict.fromkeys(ANNUAL, ONLY)
    annual_only = dict.fromkeys(HOURLY, ONLY)
    top = dict.fromkeys(["10", "15"], "5")
    cells = [
        cell(national("43-4051"), "2595750", CLERK_HOURLY, CLERK_ANNUAL),
        cell(national("43-4051", "000001"), "2501540", CLERK_HOURLY, CLERK_ANNUAL),
        cell(national("43-4051", "52--53"), "999999", CLERK_HOURLY, CLERK_ANNUAL),
        cell(national("43-4051", "561000"), "366290", CLERK_HOURLY, CLERK_ANNUAL),
        cell(national("43-4051", "524000"), "292830", CLERK_HOURLY, CLERK_ANNUAL),
        cell(national("43-4051", "455000"), "-", CLERK_HOURLY, CLERK_ANNUAL),
        # Alabama: employment suppressed ("-", no footnote); wages published.
        cell(state("01", "43-4051"), "-", CLERK_HOURLY, CLERK_ANNUAL),
        cell(state("06", "43-4051"), "300000", CLERK_HOURLY, CLERK_ANNUAL),
        cell("OEUM0010180000000434051", "1000", CLERK_HOURLY, CLERK_ANNUAL),
        cell(
            national("15-1299"),
            "435370",
            ["58.77", "26.89", "38.16", "56.05", "75.72", "90.61"],
            ["122230", "55940", "79370", "116580", "157500", "188470"],
        ),
        cell(
            national("21-1018"),
            "491930",
            ["30.98", "18.72", "22.65", "28.53", "36.80", "46.92"],
            ["64440", "38940", "47100", "59350", "76530", "97590"],
        ),
        cell(
            national("25-2021"),
            "1388390",
            None,
            ["72650", "47960", "57710", "63970", "81450", "104340"],
            annual_only,
        ),
        cell(
            national("27-2011"),
            "55000",
            ["58.29", "16.50", "20.34", "29.05", "97.95", "143.68"],
            None,
            hourly_only,
        ),
        cell(
            national("29-1022"),
            "4910",
            ["166.58", "41.47", "98.37", "169.34", "206.11", "299.35"],
            ["346490", "86250", "204610", "352220", "428710", "622640"],
        ),
        # Alabama: the 90th percentiles are top-coded (footnote 5).
        cell(
            state("01", "29-1022"),
            "130",
            ["100.00", "41.47", "80.00", "100.50", "110.00", "-"],
            ["208000", "86250", "166400", "209040", "228800", "-"],
            top,
        ),
    ]
    marks = ",".join("?" * 35)
    connection.executemany(f"INSERT INTO cell VALUES ({marks})", cells)
    connection.commit()
    connection.close()
    path.write_bytes(gzip.compress(database.read_bytes(), mtime=0))
    database.unlink()
    return path


def write_sources(directory: Path, extra_occupations=None) -> dict[str, Path]:
    """Write the tiny release files under `directory`; return the build arguments."""
    return {
        "onet_dir": write_onet(directory / "onet", extra_occupations or {}),
        "projections": write_projections(directory / "occupation.xlsx"),
        "oews": write_oews(directory / "oews.sqlite.gz"),
    }
