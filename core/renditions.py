"""Reading an image's rendition without writing it back to the cache each time."""


def rendition(image, spec):
    """``image``'s rendition for ``spec`` (made when missing), as ``image.get_rendition(spec)``.

    Wagtail's ``get_rendition`` writes the rendition to the cache on every call, even one it has
    just found among the renditions prefetched with the image: a pickled rendition sent to Redis
    per image, thirty per feed, most of the feed's time (profiled on the bench database).
    ``get_renditions`` finds it the same way (prefetched, then the cache, then the database) and
    writes back only what it did not find prefetched."""
    return image.get_renditions(spec)[spec]
