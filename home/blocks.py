"""StreamField blocks shared by every page type.

Each block names its own template under ``components/streamfield/blocks/``.
"""

from django.db.models import prefetch_related_objects
from wagtail import blocks
from wagtail.images.blocks import ImageBlock as WagtailImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading whose level an editor picks, so screen-reader
    outlines stay right wherever the block is used."""

    text = blocks.CharBlock(max_length=120, help_text="The heading's words.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Heading 2"), ("h3", "Heading 3"), ("h4", "Heading 4")],
        default="h2",
        help_text="Heading 2 for a main section, 3 or 4 for a part of one.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        template = "components/streamfield/blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = "Paragraph"
        template = "components/streamfield/blocks/paragraph_block.html"


class FigureBlock(blocks.StructBlock):
    """An image with its required alternative text and an optional caption."""

    image = WagtailImageBlock(
        help_text="Describe the image in the alt text box for people who cannot see it."
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text="Optional caption shown below."
    )

    class Meta:
        icon = "image"
        label = "Image"
        template = "components/streamfield/blocks/figure_block.html"

    def bulk_to_python(self, values):
        """The figures of a body, with their images' renditions fetched in one
        query: otherwise each figure's ``{% image %}`` tag makes its own."""
        figures = super().bulk_to_python(values)
        images = [figure["image"] for figure in figures if figure["image"]]
        prefetch_related_objects(images, "renditions")
        return figures


class CalloutBlock(blocks.StructBlock):
    """A highlighted note, for example when to seek urgent help."""

    heading = blocks.CharBlock(max_length=120, help_text="A short heading.")
    text = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul"], help_text="The note itself."
    )

    class Meta:
        icon = "warning"
        label = "Callout"
        template = "components/streamfield/blocks/callout_block.html"


class QuestionAnswerBlock(blocks.StructBlock):
    """One frequently asked question and its answer."""

    question = blocks.CharBlock(
        max_length=200, help_text="The question a patient asks."
    )
    answer = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="A plain-English answer.",
    )

    class Meta:
        icon = "help"
        label = "Question and answer"
        template = "components/streamfield/blocks/question_answer_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The free-form body used on the home page and general pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    callout = CalloutBlock()
    question = QuestionAnswerBlock()


class FAQStreamBlock(blocks.StreamBlock):
    """Questions and answers only, for the FAQ section of a technique."""

    question = QuestionAnswerBlock()
