"""Script typed into any text field stays text: every page type and snippet of ours, with an XSS
payload in every editable text field (stream blocks and rich text included), renders inert on
the public site and in the admin.

Pages and snippets are built generically from their model definitions, so a new page type, field
or block is covered without changing this file. Rich text goes through the editor's own
conversion (Draftail's contentstate), as it does when staff save a page.
"""

import datetime
import json
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Collection, Locale, Page, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtailmedia.models import Media

from tests.helpers import png, published

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>\"'><svg onload=alert(1)>"
# For fields too short for the whole payload, the longest of these that fits.
SHORT_PAYLOADS = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>", '"><svg onload=alert(1)>']
URL_PAYLOAD = 'https://example.com/?q="><script>alert(1)</script>'
# What an attacker can send in place of the rich text editor's content: the payload as text,
# and a link to a javascript: URL.
CONTENTSTATE = {
    "blocks": [
        {
            "key": "xss01",
            "type": "unstyled",
            "depth": 0,
            "text": PAYLOAD + " link",
            "inlineStyleRanges": [{"offset": 0, "length": 8, "style": "BOLD"}],
            "entityRanges": [{"offset": len(PAYLOAD) + 1, "length": 4, "key": 0}],
            "data": {},
        }
    ],
    "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}},
}
PAGE_FIELDS_EDITORS_SET = {"title", "seo_title", "search_description"}
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


def ours(model):
    """Models of this project's apps, not of installed packages."""
    path = apps.get_app_config(model._meta.app_label).path
    return path.startswith(str(settings.BASE_DIR)) and ".venv" not in path


PAGE_MODELS = [m._meta.label for m in get_page_models() if ours(m) and not m._meta.abstract]
SNIPPET_MODELS = [m._meta.label for m in get_snippet_models() if ours(m)]
# A quota rule is for a kind of unit or for one unit, never both (its check constraint): the kind
# carries the payload.
SNIPPET_FIELDS_LEFT_EMPTY = {"units.QuotaRule": {"unit": None}}
# A replication record's scale is a number and its unit together, or neither.
PAGE_FIELDS_LEFT_EMPTY = {"exemplars.ReplicationPage": {"scale_unit": ""}}


def payload_for(max_length):
    if not max_length or max_length >= len(PAYLOAD):
        return PAYLOAD
    fitting = [p for p in SHORT_PAYLOADS if len(p) <= max_length]
    return fitting[0] if fitting else PAYLOAD[:max_length]


def rich_text(widget):
    """The HTML the editor stores when CONTENTSTATE is submitted through ``widget``."""
    return widget.value_from_datadict({"body": json.dumps(CONTENTSTATE)}, {}, "body")


class Builder:
    """Instances of our models with the payload in every editable text field, built once each."""

    def __init__(self):
        self.locale = Locale.objects.get(language_code="vi")
        self.home = Page.objects.get(depth=2, locale=self.locale).specific
        self.built = {}
        self.image = get_image_model().objects.create(
            title=PAYLOAD, file=ContentFile(png(size=(60, 40)).file.getvalue(), name="xss.png")
        )
        self.document = get_document_model().objects.create(
            title=PAYLOAD, file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="xss.pdf")
        )
        self.media = Media.objects.create(
            title=PAYLOAD, type="video", duration=10, file=ContentFile(bytes(64), name="xss.mp4")
        )

    # Related objects -------------------------------------------------------------------------

    def related(self, model, owner, limit=None):
        if model is owner:
            return None
        if issubclass(model, get_image_model()):
            return self.image
        if issubclass(model, get_document_model()):
            return self.document
        if issubclass(model, Media):
            return self.media
        if model is Locale:
            return self.locale
        if model is Collection:
            return Collection.get_first_root_node()
        if issubclass(model, Page) or model._meta.label in SNIPPET_MODELS:
            return self.get(model, limit if isinstance(limit, dict) else None)
        return model._default_manager.first()

    # Field values ----------------------------------------------------------------------------

    def block_value(self, block):
        """Raw (JSON-ready) stream data for ``block``, with the payload in every text."""
        if isinstance(block, ImageBlock):
            return {"image": self.image.pk, "alt_text": PAYLOAD, "decorative": False}
        if isinstance(block, blocks.RichTextBlock):
            return rich_text(block.field.widget)
        if isinstance(block, blocks.StructBlock):
            return {name: self.block_value(child) for name, child in block.child_blocks.items()}
        if isinstance(block, blocks.ListBlock):
            return [self.block_value(block.child_block)]
        if isinstance(block, blocks.StreamBlock):
            return [{"type": name, "value": self.block_value(child)} for name, child in block.child_blocks.items()]
        if isinstance(block, blocks.ChooserBlock):
            # ``target_model`` may be a label ("wagtaildocs.Document"); ``model_class`` is the class.
            target = self.related(block.model_class, None)
            return target.pk if target else None
        if isinstance(block, EmbedBlock):
            return None  # would fetch from the network; the embed's own HTML is the provider's
        if isinstance(block, blocks.ChoiceBlock):
            return block.field.choices[-1][0]
        if isinstance(block, blocks.URLBlock):
            return URL_PAYLOAD
        if isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.RawHTMLBlock, blocks.BlockQuoteBlock)):
            return payload_for(getattr(block.field, "max_length", None))
        return block.get_prep_value(block.get_default())

    def field_value(self, field, instance):
        if field.choices:
            return field.choices[0][0]
        if isinstance(field, StreamField):
            return self.block_value(field.stream_block)
        if isinstance(field, RichTextField):
            return rich_text(field.formfield().widget)
        if isinstance(field, models.SlugField):
            return f"xss-{type(instance).__name__.lower()}-{len(self.built)}"
        if isinstance(field, models.EmailField):
            return "xss@example.invalid"
        if isinstance(field, models.URLField):
            return URL_PAYLOAD
        if isinstance(field, (models.CharField, models.TextField)):
            return payload_for(field.max_length)
        if isinstance(field, models.DateTimeField):
            return datetime.datetime(2020, 5, 12, 9, 0, tzinfo=datetime.UTC)
        if isinstance(field, models.DateField):
            return datetime.date(2020, 5, 12)
        if isinstance(field, (models.IntegerField, models.DecimalField, models.FloatField)):
            return 1
        return None

    def fill(self, instance, skip=()):
        """Give ``instance`` the payload in its text fields and values for what it requires."""
        for field in instance._meta.concrete_fields:
            if field.primary_key or field.name in skip or field.auto_created:
                continue
            if isinstance(instance, Page) and field.model in (Page,) and field.name not in PAGE_FIELDS_EDITORS_SET:
                continue
            if field.is_relation:
                # Required by the model or by its form (a replication record's story).
                required = not field.null or not field.blank
                if required or field.related_model._meta.label in SNIPPET_MODELS:
                    limit = field.remote_field.limit_choices_to
                    target = self.related(field.related_model, type(instance), limit)
                    if target is not None:
                        setattr(instance, field.name, target)
                continue
            is_text = isinstance(field, (models.CharField, models.TextField, StreamField, RichTextField))
            needs_value = not (field.null or field.blank or field.has_default())
            if (field.editable and is_text) or needs_value:
                value = self.field_value(field, instance)
                if value is not None:
                    setattr(instance, field.name, value)
        return instance

    def relate(self, instance):
        """Many-to-many links and inline children (InlinePanel) of ``instance``, filled too."""
        for field in instance._meta.many_to_many:
            target = self.related(field.related_model, type(instance))
            if target is not None and hasattr(field, "value_from_object"):
                setattr(instance, field.name, [target])
        for relation in get_all_child_relations(instance):
            child = relation.related_model(**{relation.field.name: instance})
            self.fill(child, skip={relation.field.name})
            required = [f for f in child._meta.concrete_fields if f.is_relation and not f.null]
            if all(getattr(child, f.attname) is not None for f in required if f.name != relation.field.name):
                setattr(instance, relation.get_accessor_name(), [child])

    # Building --------------------------------------------------------------------------------

    def get(self, model, limit=None):
        """The instance of ``model`` (meeting a field's ``limit_choices_to``), built on first use."""
        # repr: a limit may hold a list (e.g. kind__in), which is not hashable.
        key = (model, tuple(sorted((name, repr(value)) for name, value in (limit or {}).items())))
        if key not in self.built:
            self.built[key] = None  # being built: a link back to it (a related story) is left out
            self.built[key] = self.build_page(model) if issubclass(model, Page) else self.build_snippet(model, limit)
        return self.built[key]

    def build_snippet(self, model, limit):
        instance = self.fill(model())
        # A model whose check constraints refuse some combination of filled fields says which to leave empty.
        for name, value in {**SNIPPET_FIELDS_LEFT_EMPTY.get(model._meta.label, {}), **(limit or {})}.items():
            setattr(instance, name, value)
        if limit:
            # A second instance of the model: keep its name apart from the first one's.
            for field in model._meta.concrete_fields:
                if field.name == "name":
                    instance.name = f"{len(self.built)} {instance.name}"[: field.max_length]
        instance.save()
        self.relate(instance)
        if hasattr(instance, "save"):
            instance.save()
        return instance

    def build_page(self, model):
        parents = model.allowed_parent_page_models()
        page = self.fill(model(), skip={"slug"})
        for name, value in PAGE_FIELDS_LEFT_EMPTY.get(model._meta.label, {}).items():
            setattr(page, name, value)
        # A page that belongs to a snippet (a unit's section) may have been made with it: reuse it.
        owners = {
            f.name: getattr(page, f.name)
            for f in model._meta.concrete_fields
            if f.is_relation and f.model is not Page and not f.null and getattr(page, f.attname) is not None
        }
        # Site sections (the exemplar index, ...) exist once per language: reuse them too.
        site_section = all(p is Page or p is type(self.home) for p in parents)
        existing = model.objects.filter(locale=self.locale, **owners).first() if owners or site_section else None
        if existing is not None:
            page = self.fill(existing)
        else:
            parent = self.home if type(self.home) in parents else self.get(parents[0])
            page.slug = f"xss-{model._meta.model_name}-{len(self.built)}"
            self.relate(page)
            parent.add_child(instance=page)
        self.relate(page)
        return published(page)


class Inert(HTMLParser):
    """Finds what would run: live handlers, scripts carrying the payload, javascript: links."""

    def __init__(self, strict):
        super().__init__()
        # The type of the script element being read ("" when it has none), None outside scripts.
        self.strict, self.problems, self.script_type = strict, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on") and (self.strict or "alert(1)" in (value or "")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and attrs.get("src") == "x":
            self.problems.append("<img src=x>")
        if tag == "a" and (attrs.get("href") or "").strip().lower().startswith("javascript:"):
            self.problems.append(f"<a href={attrs['href']!r}>")
        if tag == "script":
            self.script_type = (attrs.get("type") or "").strip().lower()

    def handle_endtag(self, tag):
        if tag == "script":
            self.script_type = None

    def handle_data(self, data):
        if self.script_type in EXECUTABLE_SCRIPT_TYPES and "alert(1)" in data:
            self.problems.append(f"script: {data[:80]!r}")


def problems(response, strict):
    """What in ``response`` would execute the payload; ``strict`` (public pages) forbids any handler."""
    parser = Inert(strict)
    parser.feed(response.content.decode())
    return parser.problems


@pytest.fixture
def builder(newsroom, media_root):
    return Builder()


@pytest.mark.parametrize("label", PAGE_MODELS)
def test_page_text_renders_inert(client, admin_client, builder, label):
    page = builder.get(apps.get_model(label))
    public = [page, *page.get_ancestors().filter(depth__gte=2).specific()]

    # A replication record answers with its story (a redirect): readers read it there.
    for shown in public:
        response = client.get(shown.url, follow=True)
        assert response.status_code == 200, shown.url
        assert problems(response, strict=True) == [], shown.url
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert editor.status_code == 200
    assert problems(editor, strict=False) == []
    # The payload is shown to readers as the text it is.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(page.url, follow=True).content.decode()


@pytest.mark.parametrize("label", SNIPPET_MODELS)
def test_snippet_text_renders_inert_in_the_admin(admin_client, builder, label):
    model = apps.get_model(label)
    snippet = builder.get(model)
    viewset = model.snippet_viewset

    listing = admin_client.get(reverse(viewset.get_url_name("list")))
    editor = admin_client.get(reverse(viewset.get_url_name("edit"), args=[snippet.pk]))

    for response in (listing, editor):
        assert response.status_code == 200
        assert problems(response, strict=False) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in editor.content.decode()


def test_a_search_for_the_payload_renders_inert(client, builder):
    builder.get(apps.get_model("exemplars.ExemplarPage"))

    response = client.get(reverse("search"), {"q": PAYLOAD})

    assert response.status_code == 200
    assert problems(response, strict=True) == []
