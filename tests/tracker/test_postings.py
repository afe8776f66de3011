"""Reading a pasted posting (issue 16): a schema.org JobPosting block when the
page has one, otherwise the text. Fixtures are made here, never fetched."""

import json
from datetime import date
from decimal import Decimal
from html import escape

from tracker.models import EmploymentType, PayPeriod, WorkMode
from tracker.postings import html_to_text, looks_binary, read_posting


def page(*blocks: str, body: str = "<h1>Careers</h1><p>Join us.</p>") -> str:
    scripts = "".join(
        f'<script type="application/ld+json">{block}</script>' for block in blocks
    )
    return (
        "<!doctype html><html><head><title>Jobs | Example</title>"
        f"<script>var tracking = 1;</script>{scripts}<style>p {{color: red}}</style>"
        f"</head><body>{body}</body></html>"
    )


HOURLY = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Warehouse Associate",
    "hiringOrganization": {"@type": "Organization", "name": "Northwind Traders"},
    "jobLocation": {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Reno",
            "addressRegion": "NV",
            "addressCountry": "US",
        },
    },
    "employmentType": ["PART_TIME", "TEMPORARY"],
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 18,
            "maxValue": 22.5,
            "unitText": "HOUR",
        },
    },
    "datePosted": "2026-03-02T09:00:00Z",
    "validThrough": "2026-04-30",
    "url": "https://jobs.example.com/northwind/123",
    "description": "<p>Pick and pack orders.</p><ul><li>Lift 20 kg</li></ul>",
}


def test_a_job_posting_with_an_hourly_range_fills_every_field():
    read = read_posting(page(json.dumps(HOURLY)))

    assert read.from_structured_data
    assert read.values == {
        "company": "Northwind Traders",
        "role_title": "Warehouse Associate",
        "location": "Reno, NV, US",
        "posting_url": "https://jobs.example.com/northwind/123",
        "employment_type": EmploymentType.PART_TIME,
        "salary_min": Decimal(18),
        "salary_max": Decimal("22.50"),
        "salary_period": PayPeriod.HOUR,
        "salary_currency": "USD",
        "posted_on": date(2026, 3, 2),
        "closes_on": date(2026, 4, 30),
        "job_description": "Pick and pack orders.\n\nLift 20 kg",
    }


def test_a_yearly_range_several_locations_and_remote():
    posting = {
        "@type": "JobPosting",
        "title": "Data Analyst",
        "hiringOrganization": "Contoso Ltd",
        "jobLocationType": "TELECOMMUTE",
        "jobLocation": [
            {
                "@type": "Place",
                "address": {"addressLocality": "Leeds", "addressCountry": "GB"},
            },
            {
                "@type": "Place",
                "address": {"addressLocality": "York", "addressCountry": "GB"},
            },
            {"@type": "Place", "address": "Manchester"},
        ],
        "baseSalary": {
            "currency": "GBP",
            "value": {"minValue": 45000, "maxValue": 55000, "unitText": "YEAR"},
        },
        "employmentType": "FULL_TIME",
    }

    read = read_posting(page(json.dumps(posting)))

    assert read.values["location"] == "Leeds, GB; York, GB; Manchester"
    assert read.values["work_mode"] == WorkMode.REMOTE
    assert read.values["company"] == "Contoso Ltd"
    assert (read.values["salary_min"], read.values["salary_max"]) == (45000, 55000)
    assert read.values["salary_period"] == PayPeriod.YEAR
    assert read.values["employment_type"] == EmploymentType.FULL_TIME


def test_many_locations_are_cut_to_what_the_field_holds():
    places = [{"address": {"addressLocality": f"Town number {n}"}} for n in range(40)]
    posting = {"@type": "JobPosting", "title": "Driver", "jobLocation": places}

    location = read_posting(page(json.dumps(posting))).values["location"]

    assert len(location) <= 200
    assert location.startswith("Town number 0; Town number 1;")
    assert location.endswith("more")


def test_a_posting_inside_a_graph_array_is_found():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Careers"},
            {"@type": "Organization", "name": "Ignored Org"},
            [
                {
                    "@type": ["JobPosting"],
                    "title": "Line Cook",
                    "hiringOrganization": {"name": "Bistro Co."},
                }
            ],
        ],
    }
    breadcrumbs = json.dumps({"@type": "BreadcrumbList", "itemListElement": []})

    read = read_posting(page(breadcrumbs, json.dumps(graph)))

    assert read.values["role_title"] == "Line Cook"
    assert read.values["company"] == "Bistro Co."


def test_an_html_escaped_description_is_kept_as_text():
    description = escape(
        "<p>You will <strong>design</strong> forms &amp; flows.</p><p>Remote-friendly, "
        "hybrid in Lyon.</p><script>alert(1)</script>"
    )
    posting = {"@type": "JobPosting", "title": "Designer", "description": description}

    read = read_posting(page(json.dumps(posting)))

    assert read.values["job_description"] == (
        "You will design forms & flows.\n\nRemote-friendly, hybrid in Lyon."
    )
    assert read.values["work_mode"] == WorkMode.HYBRID


def test_broken_json_ld_falls_back_to_the_text():
    broken = '{"@type": "JobPosting", "title": "Nope", '
    body = (
        "<h1>Support Engineer</h1><p>Globex Corporation</p><p>Austin, TX</p>"
        "<p>$70,000 - $85,000 per year</p><p>Full-time</p><p>Help customers.</p>"
    )

    read = read_posting(page(broken, body=body))

    assert not read.from_structured_data
    assert read.values["role_title"] == "Support Engineer"
    assert read.values["company"] == "Globex Corporation"
    assert read.values["location"] == "Austin, TX"
    assert (read.values["salary_min"], read.values["salary_max"]) == (70000, 85000)
    assert read.values["employment_type"] == EmploymentType.FULL_TIME
    assert "var tracking" not in read.values["job_description"]
    assert "color: red" not in read.values["job_description"]


def test_out_of_range_dates_and_odd_links_are_left_out():
    posting = {
        "@type": "JobPosting",
        "title": "Clerk",
        "datePosted": "0001-01-01",
        "validThrough": "not a date",
        "url": "javascript:alert(1)",
    }

    values = read_posting(page(json.dumps(posting))).values

    assert "posted_on" not in values
    assert "closes_on" not in values
    assert "posting_url" not in values


def test_pasted_text_from_a_job_board():
    text = """
Senior Product Designer
Acme Corp · Austin, TX (Hybrid)
$90,000 - $110,000 a year
Full-time

About the role
We are looking for a designer. We have 2,000 employees and a 401(k).
"""

    read = read_posting(text)

    assert read.values["role_title"] == "Senior Product Designer"
    assert read.values["company"] == "Acme Corp"
    assert read.values["location"] == "Austin, TX"
    assert read.values["work_mode"] == WorkMode.HYBRID
    assert (read.values["salary_min"], read.values["salary_max"]) == (90000, 110000)
    assert read.values["salary_currency"] == "USD"
    assert read.values["job_description"].startswith("Senior Product Designer\n")


def test_labelled_lines_are_read():
    text = (
        "Job title: Bookkeeper\nCompany: Initech LLC\nLocation: Remote\n"
        "Salary: 18-22 per hour\nClosing date: 2026-05-01\n"
        "Link: https://initech.example/jobs/7\n\nKeep the books."
    )

    values = read_posting(text).values

    assert values["role_title"] == "Bookkeeper"
    assert values["company"] == "Initech LLC"
    assert values["work_mode"] == WorkMode.REMOTE
    assert "location" not in values
    assert (values["salary_min"], values["salary_max"]) == (18, 22)
    assert values["salary_period"] == PayPeriod.HOUR
    assert values["closes_on"] == date(2026, 5, 1)
    assert values["posting_url"] == "https://initech.example/jobs/7"


def test_a_title_with_at_names_the_company():
    values = read_posting("Barista at Blue Bottle\nMake coffee.").values

    assert (values["role_title"], values["company"]) == ("Barista", "Blue Bottle")


def test_prose_with_no_posting_in_it_finds_nothing():
    read = read_posting("Dear diary, today I went for a walk. It rained.")

    assert read.nothing_found


def test_html_to_text_keeps_blocks_apart_and_drops_scripts():
    assert html_to_text("<div>One<br>Two</div><script>x()</script><p>Three</p>") == (
        "One\nTwo\n\nThree"
    )


def test_binary_is_told_from_text():
    assert looks_binary("%PDF-1.7\x00\x01\x02 stream")
    assert looks_binary("".join(chr(n) for n in range(1, 32)) * 10)
    assert not looks_binary("Café — naïve résumé\n\tTabs and “quotes”.")
