"""A page type's fixed sections, declared once and read by everything else.

A clinical page is a run of headed sections ("What it is", "Risks and side
effects", "Frequently asked questions"...). Each page type declares them once,
in page order, as ``Sections(Section(...), ...)``; from that one declaration
come the model fields (with the editor's help text), the editor panels,
``search_fields``, ``api_fields``, ``BasePage.sections()`` (the contents list,
the sections the template and its print view show, the API's ``sections``)
and the JSON-LD. When the list was written out in each of those places they
drifted apart (four sections of a technique were never searchable), so
nothing else may spell the list out: add a section here and every one of them
follows, tests included.
"""

from dataclasses import dataclass
from itertools import groupby

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import expand_db_html, get_text_for_indexing
from wagtail.search import index

from .blocks import FAQStreamBlock

# What editors may use inside a rich-text section: subheadings under the
# section's own <h2>, emphasis, links and lists.
SECTION_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


def plain_text(rich_text):
    """Rich text as one line of plain text ("" for none)."""
    return " ".join(get_text_for_indexing(rich_text or "").split())


@dataclass(frozen=True)
class Section:
    """One optional rich-text section: the field ``name`` holds it, patients
    see it under ``heading``, editors read ``help_text`` under the field.

    Consecutive sections with the same ``group`` share one editor panel under
    that heading. Every section may be empty, so a half-written page can
    still be saved as a draft.
    """

    name: str
    heading: str
    help_text: str
    group: str = ""

    kind = "rich_text"

    @property
    def anchor(self):
        """The section's id in the page, e.g. ``what-it-is``."""
        return self.name.replace("_", "-")

    def make_field(self):
        return RichTextField(
            verbose_name=self.heading,
            features=SECTION_FEATURES,
            blank=True,
            help_text=self.help_text,
        )

    def html(self, value):
        """Display HTML, internal links expanded (for the APIs)."""
        return expand_db_html(value)

    def plain_text(self, value):
        return plain_text(value)


@dataclass(frozen=True)
class QuestionsSection(Section):
    """A section of questions and answers (a StreamField of FAQ blocks)."""

    kind = "questions"

    def make_field(self):
        return StreamField(
            FAQStreamBlock(),
            verbose_name=self.heading,
            blank=True,
            help_text=self.help_text,
        )

    def html(self, value):
        return str(value.render_as_block())

    def plain_text(self, value):
        return " ".join(
            f"{block.value['question']} {plain_text(block.value['answer'].source)}"
            for block in value
        )


@dataclass(frozen=True)
class FilledSection:
    """A section an editor has filled in, with its value, for templates,
    the APIs and the JSON-LD."""

    section: Section
    value: object

    @property
    def id(self):
        return self.section.anchor

    @property
    def field(self):
        return self.section.name

    @property
    def heading(self):
        return self.section.heading

    @property
    def kind(self):
        return self.section.kind

    def html(self):
        return self.section.html(self.value)

    def plain_text(self):
        return self.section.plain_text(self.value)


class Sections(tuple):
    """A page type's sections in page order, and what each consumer needs."""

    def __new__(cls, *sections):
        names = [section.name for section in sections]
        if len(set(names)) != len(names):
            raise ValueError(f"Section names must be unique: {names}")
        return super().__new__(cls, sections)

    def __getnewargs__(self):  # copy and pickle pass the sections back one by one
        return tuple(self)

    def model(self, name, module):
        """An abstract model with one field per section, for the page type to
        inherit (so the fields are declared here and nowhere else)."""
        attrs = {section.name: section.make_field() for section in self}
        attrs["Meta"] = type("Meta", (), {"abstract": True})
        attrs["__module__"] = module
        return type(name, (models.Model,), attrs)

    def panels(self):
        """Editor panels in page order; a ``group`` becomes one panel."""
        panels = []
        for group, sections in groupby(self, key=lambda section: section.group):
            fields = [FieldPanel(section.name) for section in sections]
            if group:
                panels.append(MultiFieldPanel(fields, heading=group))
            else:
                panels.extend(fields)
        return panels

    def search_fields(self):
        return [index.SearchField(section.name) for section in self]

    def api_fields(self):
        return [APIField(section.name) for section in self]

    def filled(self, page):
        """The sections of ``page`` that hold something, in page order."""
        return [
            FilledSection(section, value)
            for section in self
            if (value := getattr(page, section.name))
        ]
