"""Settings for running the public search on OpenSearch or Elasticsearch (docs/deploy.md).

The words are folded and cut by core.text before they reach any backend (search/tokens.py), so
the analyzer of the two indexed fields must leave each token exactly as it is: split on spaces,
nothing else (no stemming, no stop words, no second folding that could disagree with ours). It is
merged into the backend's index settings with ``INDEX_SETTINGS``; the fields name it through
``es_extra`` in SearchEntry.search_fields.
"""

from search.tokens import TOKEN_ANALYZER

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                TOKEN_ANALYZER: {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]},
            }
        }
    }
}


def opensearch_backends(url, index="newsroom"):
    """WAGTAILSEARCH_BACKENDS for OpenSearch at ``url``: one alias for the admin and the public search."""
    return {
        "default": {
            "BACKEND": "modelsearch.backends.opensearch3",
            "URLS": [url],
            "INDEX_PREFIX": f"{index}_",
            "TIMEOUT": 5,
            "INDEX_SETTINGS": INDEX_SETTINGS,
        }
    }
