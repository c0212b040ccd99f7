"""One list of sections per clinical page type drives everything that shows
or finds them: site search, both APIs, the page (contents list, sections,
print) and its JSON-LD.

Every test is parametrised over the declarations themselves
(``TechniquePage.SECTIONS``, ``ConditionPage.SECTIONS``), so a section added
later is tested without touching this file.
"""

import json
import re

import pytest

from techniques.factories import ConditionPageFactory, TechniquePageFactory
from techniques.models import ConditionPage, TechniquePage

PAGE_TYPES = {
    TechniquePage: ("technique_index", TechniquePageFactory),
    ConditionPage: ("condition_index", ConditionPageFactory),
}
EVERY_SECTION = [
    pytest.param(page_type, section, id=f"{page_type.__name__}.{section.name}")
    for page_type in PAGE_TYPES
    for section in page_type.SECTIONS
]
APIS = ["v2", "v3"]
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def marker(section):
    """A made-up word found in no other section, page or stemming dictionary."""
    return "zq" + section.name.replace("_", "")


def sample(section, word):
    """A stored value for ``section`` whose text holds ``word``."""
    text = f"<p>Patients often ask about {word}.</p>"
    if section.kind == "questions":
        answer = {"question": f"What is {word}?", "answer": text}
        return json.dumps([{"type": "question", "value": answer}])
    return text


def make_page(request, page_type, sections, **kwargs):
    """A published page of ``page_type`` with ``sections`` filled in (each
    with its marker word) and every other section empty."""
    index_fixture, factory = PAGE_TYPES[page_type]
    values = {section.name: "" for section in page_type.SECTIONS}
    values.update(
        {section.name: sample(section, marker(section)) for section in sections}
    )
    return factory(parent=request.getfixturevalue(index_fixture), **values, **kwargs)


def search_result_links(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return re.findall(
        r'class="search-result__title"><a href="([^"]+)"', response.content.decode()
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("page_type", "section"), EVERY_SECTION)
def test_every_section_is_found_by_the_site_search(client, request, page_type, section):
    page = make_page(request, page_type, [section], title="Sectioned page")

    assert search_result_links(client, marker(section)) == [page.url]


def test_the_demo_techniques_recovery_words_are_found(client, demo_site):
    """The words the issue reported as unfindable, in the demo's spinal cord
    stimulation page (its recovery section)."""
    scs = TechniquePage.objects.get(slug="spinal-cord-stimulation")
    for word in ["recharging", "wounds"]:
        assert scs.url in search_result_links(client, word), word


def section_in_api(section, value):
    """The text of a section as an API field gives it."""
    if section.kind == "questions":
        return " ".join(block["value"]["answer"] for block in value)
    return value


@pytest.mark.django_db
@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_the_api_detail_carries_every_section(client, request, api, page_type):
    page = make_page(request, page_type, page_type.SECTIONS)

    response = client.get(f"/api/{api}/pages/{page.pk}/")
    assert response.status_code == 200
    data = response.json()

    for section in page_type.SECTIONS:
        assert marker(section) in section_in_api(section, data[section.name])
    listed = data["sections"]
    assert [(item["id"], item["field"], item["heading"]) for item in listed] == [
        (section.anchor, section.name, section.heading)
        for section in page_type.SECTIONS
    ]
    for section, item in zip(page_type.SECTIONS, listed, strict=True):
        assert marker(section) in item["html"]


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_the_page_and_its_json_ld_show_every_section_with_its_heading(
    client, request, page_type
):
    page = make_page(request, page_type, page_type.SECTIONS)

    html = client.get(page.url).content.decode()

    has_contents_list = 'id="contents-heading"' in html
    for section in page_type.SECTIONS:
        body = re.search(
            rf'<section class="page-section" id="{section.anchor}".*?</section>',
            html,
            re.S,
        )
        assert body, section.name
        assert f'<h2 id="{section.anchor}-heading">{section.heading}</h2>' in (
            body.group()
        )
        assert marker(section) in body.group()
        if has_contents_list:
            assert f'<a href="#{section.anchor}">{section.heading}</a>' in html
    if page_type is TechniquePage:
        assert has_contents_list

    (script,) = JSON_LD.findall(html)
    nodes = {node["@type"]: node for node in json.loads(script)["@graph"]}
    web_page = nodes["MedicalWebPage"]
    parts = web_page["hasPart"]
    assert [(part["@id"], part["name"]) for part in parts] == [
        (f"{web_page['@id']}#{section.anchor}", section.heading)
        for section in page_type.SECTIONS
    ]
    for section, part in zip(page_type.SECTIONS, parts, strict=True):
        assert part["@type"] == "WebPageElement"
        assert marker(section) in part["text"]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_editors_get_a_panel_with_help_text_for_every_section(page_type):
    form_class = page_type.get_edit_handler().get_form_class()

    for section in page_type.SECTIONS:
        field = form_class.base_fields[section.name]
        assert field.label == section.heading
        assert field.help_text == section.help_text
