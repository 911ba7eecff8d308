"""The StreamField blocks every page type shares."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


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


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html"
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    achievements = AchievementsBlock()
    media = MediaBlock()
