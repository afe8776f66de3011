from tests.factories import CareerFactory


def test_sitemap_lists_published_guides_only(client, clerk_guide):
    CareerFactory(title="Baker", slug="baker")

    response = client.get("/sitemap.xml")

    xml = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert "<loc>http://testserver/careers/customer-service-clerk/</loc>" in xml
    assert "<loc>http://testserver/careers/baker/</loc>" in xml
    assert "<loc>http://testserver/careers/</loc>" in xml
    assert "customer-service-assistant" not in xml  # a draft
    assert "<lastmod>" in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_private_areas_out(client, db):
    response = client.get("/robots.txt")

    text = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /tracker/" in text
    assert "Disallow: /admin/" in text


def test_the_careers_index_has_a_canonical_link(client, db):
    page = client.get("/careers/?sort=pay").content.decode()

    assert '<link rel="canonical" href="http://testserver/careers/">' in page
