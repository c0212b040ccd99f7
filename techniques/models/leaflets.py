"""Patient leaflets: documents attached to a technique page, in editors' order."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class TechniqueLeaflet(Orderable):
    """A downloadable leaflet (a Wagtail document) listed on a technique page."""

    page = ParentalKey("techniques.TechniquePage", related_name="leaflets")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The leaflet file, e.g. a PDF patients can print.",
    )
    title = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional: the link text patients see. Leave empty to use "
        "the document's own title.",
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.document.title

    @property
    def file_type(self):
        """The file's type as patients know it: 'PDF', 'DOCX'."""
        return self.document.file_extension.upper()
