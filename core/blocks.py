"""The StreamField blocks every page type shares."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

# "document-link" lets a paragraph cite the plan or a decision by its file; the file stays private
# until a live public page uses it (units/private_documents.py).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Photo credit"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class AchievementsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, default=_("Achievements"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("Achievement"), max_length=500), label=_("Achievements"))

    class Meta:
        icon = "list-ul"
        label = _("Achievements list")
        template = "blocks/achievements.html"


class TableBlock(blocks.StructBlock):
    """A table of plain text cells (a Word file's table keeps its rows and columns here).

    Rows of cells rather than wagtail.contrib.table_block: wagtail-localize translates the text of
    struct and list blocks, so a table's cells reach the translators like any other text."""

    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    first_row_is_header = blocks.BooleanBlock(label=_("The first row is a header"), required=False, default=True)
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label=_("Cell"), required=False, max_length=2000), label=_("Row")),
        label=_("Rows"),
        min_num=1,
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table.html"


class MediaBlock(blocks.StructBlock):
    """A broadcast or a recording: uploaded audio or video, or a video from a hosting service."""

    audio = AudioChooserBlock(label=_("Audio"), required=False)
    video = VideoChooserBlock(label=_("Video"), required=False)
    embed = EmbedBlock(label=_("Video link"), required=False)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("audio") or value.get("video") or value.get("embed")):
            raise blocks.StructBlockValidationError(
                block_errors={"audio": ValidationError(_("Choose an audio file, a video file or a video link."))}
            )
        return value

    class Meta:
        icon = "media"
        label = _("Audio or video")
        template = "blocks/media.html"


class DocumentKind(models.TextChoices):
    """Kinds of official document (văn bản) the plan cites and the Board publishes."""

    PLAN = "plan", pgettext_lazy("document kind", "Plan")
    DIRECTIVE = "directive", pgettext_lazy("document kind", "Directive")
    LAW = "law", pgettext_lazy("document kind", "Law")
    DECREE = "decree", pgettext_lazy("document kind", "Decree")
    DECISION = "decision", pgettext_lazy("document kind", "Decision")
    REPORT = "report", pgettext_lazy("document kind", "Report")
    OTHER = "other", pgettext_lazy("document kind", "Other document")


class OfficialDocumentValue(blocks.StructValue):
    @property
    def kind_label(self):
        kind = self.get("kind")
        return DocumentKind(kind).label if kind in DocumentKind.values else DocumentKind.OTHER.label


class OfficialDocumentBlock(blocks.StructBlock):
    """An official document as readers cite it: its title, number, date of issue and file."""

    title = blocks.CharBlock(label=_("Title"), max_length=500)
    number = blocks.CharBlock(
        label=_("Document number"), required=False, max_length=100, help_text=_("E.g. 123/KH-UBND.")
    )
    issued_on = blocks.DateBlock(label=_("Date of issue"))
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=DocumentKind.choices, default=DocumentKind.OTHER)
    document = DocumentChooserBlock(label=_("File"))

    class Meta:
        icon = "doc-full"
        label = _("Official document")
        template = "blocks/official_document.html"
        value_class = OfficialDocumentValue


class DocumentsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    documents = blocks.ListBlock(
        OfficialDocumentBlock(), label=pgettext_lazy("official documents", "Documents"), min_num=1
    )

    class Meta:
        icon = "doc-full-inverse"
        label = pgettext_lazy("official documents", "Documents")
        template = "blocks/documents.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html"
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    achievements = AchievementsBlock()
    table = TableBlock()
    media = MediaBlock()
    documents = DocumentsBlock()
