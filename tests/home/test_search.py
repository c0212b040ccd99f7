"""Site search: a visitor finds techniques, conditions and other pages."""

import re

import pytest
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from techniques.factories import ConditionPageFactory, TechniquePageFactory


@pytest.fixture
def tremor(condition_index):
    return ConditionPageFactory(
        parent=condition_index,
        title="Essential tremor",
        summary="A shake of the hands that gets worse when you use them.",
        symptoms="<p>Shaking when writing or drinking from a cup.</p>",
    )


@pytest.fixture
def dbs(technique_index):
    return TechniquePageFactory(
        parent=technique_index,
        title="Deep brain stimulation",
        summary="Thin wires in the brain send small pulses to calm tremor.",
        how_it_works="<p>Pulses change signals in the thalamus.</p>",
    )


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html):
    return re.findall(r'class="search-result__title"><a href="[^"]+">([^<]+)</a>', html)


def test_finds_techniques_and_conditions_by_words_in_their_text(client, tremor, dbs):
    html = search(client, "thalamus")
    assert result_titles(html) == ["Deep brain stimulation"]

    html = search(client, "tremor")
    assert set(result_titles(html)) == {"Essential tremor", "Deep brain stimulation"}


def test_results_show_each_page_summary_and_kind(client, tremor, dbs):
    html = search(client, "thalamus")
    assert "Thin wires in the brain send small pulses to calm tremor." in html
    assert '<p class="search-result__kind">Treatment</p>' in html
    assert "1 result for ‘thalamus’" in html


def test_finds_general_pages(client, home_page):
    StandardPageFactory(
        parent=home_page,
        title="For referring clinicians",
        summary="How GPs refer patients to the clinic.",
    )
    assert result_titles(search(client, "referring")) == ["For referring clinicians"]


def test_drafts_and_private_pages_are_not_found(client, tremor, dbs, home_page):
    dbs.unpublish()
    private = StandardPageFactory(
        parent=home_page, title="Staff rota", summary="Tremor clinic rota."
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    titles = result_titles(search(client, "tremor"))
    assert titles == ["Essential tremor"]


def test_no_results_says_so_and_suggests_where_to_look(client, technique_index):
    technique_index.show_in_menus = True
    technique_index.save()
    html = search(client, "xylophone")
    assert "No results for ‘xylophone’" in html
    assert "check the spelling" in html
    assert f'href="{technique_index.url}"' in html


def test_results_are_paginated(client, technique_index):
    for number in range(12):
        TechniquePageFactory(
            parent=technique_index,
            title=f"Stimulation method {number:02d}",
            summary="A stimulation treatment.",
        )
    first = search(client, "stimulation")
    assert len(result_titles(first)) == 10
    assert "12 results for ‘stimulation’, page 1 of 2" in first
    assert 'rel="next"' in first and "page=2" in first

    second = search(client, "stimulation", page=2)
    assert len(result_titles(second)) == 2
    assert 'rel="prev"' in second
    assert not set(result_titles(first)) & set(result_titles(second))

    # A page number out of range shows the last page rather than an error.
    assert result_titles(search(client, "stimulation", page=99)) == result_titles(
        second
    )


@pytest.mark.parametrize(
    "query",
    ['"', "tremor*", "tremor AND (", "-tremor", "NOT", "tremor OR", "a" * 500, "'"],
)
def test_odd_queries_do_not_break_the_page(client, tremor, query):
    html = search(client, query)
    assert "<h1>Search results</h1>" in html


def test_an_empty_search_shows_the_form(client, home_page):
    html = search(client, "   ")
    assert "<h1>Search</h1>" in html
    assert 'id="search-q"' in html
    assert "search-results" not in html and "No results" not in html


def test_results_page_is_kept_out_of_search_engines(client, tremor):
    html = search(client, "tremor")
    assert '<meta name="robots" content="noindex">' in html
    assert "Search results for ‘tremor’" in re.search(r"<title>(.*?)</title>", html)[1]


def test_every_page_has_a_labelled_search_box_in_the_header(client, tremor):
    html = client.get(tremor.url).content.decode()
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    assert 'role="search"' in header
    assert '<label class="visually-hidden" for="site-search-q">' in header
    assert 'action="/search/"' in header


def test_pages_named_after_the_search_come_first(client, home_page, tremor):
    StandardPageFactory(
        parent=home_page,
        title="About the clinic",
        summary="Tremor, tremor and more tremor: our tremor service.",
    )
    assert result_titles(search(client, "tremor"))[0] == "Essential tremor"


def test_a_misspelt_search_suggests_the_word_the_site_uses(client, tremor):
    html = search(client, "tremmor")
    assert "No results for ‘tremmor’" in html
    assert 'Did you mean <a href="/search/?q=tremor">tremor</a>?' in html
