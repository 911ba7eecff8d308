from wagtail.admin.forms import WagtailAdminPageForm

from search.folding import slugify_vi


class NewsroomPageForm(WagtailAdminPageForm):
    """The page form of every page type here: addresses are ASCII, folded from Vietnamese.

    The admin's JavaScript fills the slug from the title keeping diacritics ("chị-thạch-thị");
    without Unicode it would drop each accented letter ("ch-thch-th"). Folding the Unicode slug on
    the server keeps every letter: "chi-thach-thi".
    """

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        return slugify_vi(slug, max_length=255) if slug else slug
