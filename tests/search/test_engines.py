"""The OpenSearch settings of docs/deploy.md, run through modelsearch's own mapping code (no server)."""

import re
from pathlib import Path

import pytest
from modelsearch.backends import get_search_backend

from search.engines import INDEX_SETTINGS, opensearch_backends
from search.models import SearchEntry
from search.tokens import TOKEN_ANALYZER, folded_tokens

BUILT_IN_TOKENIZERS = {"whitespace", "standard", "keyword"}
BUILT_IN_FILTERS = {"lowercase", "asciifolding"}


def backend():
    params = opensearch_backends("http://127.0.0.1:9200")["default"]
    return get_search_backend(params.pop("BACKEND"), **params)


def test_the_index_settings_define_every_analyzer_the_mapping_of_entries_names():
    search = backend()
    mapping = search.mapping_class(SearchEntry).get_mapping()
    properties = mapping["properties"]
    analysis = search.settings["settings"]["analysis"]
    named = {field["analyzer"] for field in properties.values() if "analyzer" in field}
    assert TOKEN_ANALYZER in named
    assert named <= set(analysis["analyzer"])
    # Ours merged into modelsearch's own settings (its autocomplete analyzers are still there).
    assert {"edgengram_analyzer", TOKEN_ANALYZER} <= set(analysis["analyzer"])
    ours = analysis["analyzer"][TOKEN_ANALYZER]
    assert ours["tokenizer"] in BUILT_IN_TOKENIZERS and set(ours["filter"]) <= BUILT_IN_FILTERS
    # The locale filter the public search applies is indexed as a keyword filter.
    assert any(name.startswith("locale") for name in properties)


@pytest.mark.django_db
def test_an_entry_reaches_the_engine_as_the_tokens_the_database_backends_index(newsroom):
    from wagtail.models import Locale, Page

    page = Page.objects.filter(depth=2).first()
    entry = SearchEntry(
        page=page,
        locale=Locale.objects.get(language_code="vi"),
        kind="page",
        title="Đồng",
        title_folded=" dong ",
        text_folded=" dong bao khmer ",
        text_exact=" đồng bào khmer ",
    )
    document = backend().mapping_class(SearchEntry).get_document(entry)
    values = [value for key, value in document.items() if "folded_tokens" in key]
    assert values == [folded_tokens(["dong", "bao", "khmer"])]
    # Every token is one whitespace-free run of ASCII letters and digits: the whitespace analyzer
    # (and the standard one of the catch-all field) keeps it whole.
    assert all(re.fullmatch(r"[a-z0-9]+", token) for token in values[0].split())


def test_the_deploy_guide_shows_these_settings():
    guide = (Path(__file__).resolve().parents[2] / "docs" / "deploy.md").read_text()
    assert TOKEN_ANALYZER in guide
    assert "modelsearch.backends.opensearch3" in guide
    assert INDEX_SETTINGS["settings"]["analysis"]["analyzer"][TOKEN_ANALYZER]["tokenizer"] in guide
