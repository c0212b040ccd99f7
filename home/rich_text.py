"""Internal page links in rich text, rendered only to pages anyone may open.

Wagtail's own handler links to whatever page an editor chose, so a section
that links to a draft or to a page in a private section would print that
page's address on a public page (and in the APIs' display HTML). This one
reads the linked pages through ``home.visibility`` instead: a link to a page
that is not live, or is private, keeps its words but loses its address, which
is what Wagtail already does for a link to a deleted page (``<a>`` with no
``href``). Registered over the built-in "page" link type in
``home/wagtail_hooks.py``, as Wagtail's docs on rewrite handlers describe.

The APIs' ``?rich_text_format=markdown`` does not use link handlers: Wagtail
converts through the admin editor's own converter, which gives every page's
address (the editor must see them all). ``guard_markdown_output`` makes that
format read the text with such links already emptied.
"""

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import LinkRewriter

from home.visibility import visible


class VisiblePageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        # One query for every link in the text (Wagtail's handler takes two:
        # it reads each page's specific type, which no page type here needs
        # for its address).
        pages = visible(Page.objects.filter(id__in=[i for i in ids if i.isdigit()]))
        by_id = {str(page.pk): page for page in pages}
        return [by_id.get(page_id) for page_id in ids]


def _opening_tag(attrs):
    pairs = " ".join(f'{name}="{escape(value)}"' for name, value in attrs)
    return f"<a {pairs}>"


def without_hidden_page_links(html):
    """Database rich text whose links to pages nobody may open are emptied
    (``<a>``, words kept); other links are left exactly as stored."""

    def page_links(attrs_list):
        pages = VisiblePageLinkHandler.get_many(attrs_list)
        return [
            _opening_tag(attrs.items()) if page else "<a>"
            for attrs, page in zip(attrs_list, pages, strict=True)
        ]

    return LinkRewriter(bulk_rules={"page": page_links})(html)


def guard_markdown_output():
    """Make the APIs' ``markdown`` rich text format skip hidden pages' links.

    Wagtail offers no setting or hook for this, so its one serializer method
    is wrapped (called once, from ``HomeConfig.ready``).
    """
    from wagtail.api.rich_text import APIRichText

    original = APIRichText._serialize_markdown

    def serialize_markdown(value, *, features=None):
        return original(without_hidden_page_links(value), features=features)

    APIRichText._serialize_markdown = staticmethod(serialize_markdown)
