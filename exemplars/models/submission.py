"""When a story was first submitted belongs to the story, not to one of its revisions."""


class KeepsFirstSubmission:
    """A page mixin (before ``Page`` in the bases) keeping ``first_submitted_at`` across revisions."""

    def with_content_json(self, content):
        # Publishing writes a revision's fields over the page, and the revision the Board publishes
        # was usually saved just before the story was submitted, with no submission date: without
        # this, every story published through the workflow would count at its publication instead
        # of its first submission (DESIGN.md, "Counting contributions").
        obj = super().with_content_json(content)
        obj.first_submitted_at = self.first_submitted_at
        return obj
