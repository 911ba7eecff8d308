"""Creating the planned stories as ExemplarPages: live ones backdated (in bulk), drafts, and some
in moderation, at the unit's step, at the Board's step, or sent back by the Board."""

from wagtail.models import Locale, Revision, TaskState, WorkflowState

from demo.bulk import StoryWriter
from exemplars.models import AwardType, ExemplarAward, ExemplarIndexPage, ExemplarPage, Field, UnitSectionPage

# The demo users (users.py) who write, and approve, for their unit.
CONTRIBUTORS = {"huyen-ke-sach": "kesach-contributor", "so-y-te": "yte-contributor"}
APPROVERS = {"huyen-ke-sach": "kesach-approver", "so-y-te": "yte-approver"}
# Every so many stories, one also shows a second picture in its body.
BODY_IMAGE_EVERY = 4
BOARD_USER = "board"
# What the Board wrote when it sent the demo's one story back to its unit.
SENT_BACK_COMMENT = (
    "Đề nghị đơn vị bổ sung số, ngày quyết định khen thưởng và ảnh của nhân vật, "
    "kiểm tra lại số liệu trong phần thành tích rồi gửi lại để Ban xét duyệt."
)


def sections_by_unit():
    """The default locale's unit sections, by unit slug."""
    sections = UnitSectionPage.objects.filter(locale__language_code="vi").select_related("unit")
    return {section.unit.slug: section for section in sections}


def existing_stories(index):
    """Stories already under ``index``, by (unit slug, slug)."""
    units = {s.path: s.unit.slug for s in UnitSectionPage.objects.child_of(index).select_related("unit")}
    found = {}
    for page in ExemplarPage.objects.descendant_of(index).order_by("path"):
        unit_slug = units.get(page.path[: -ExemplarPage.steplen])
        if unit_slug:
            found[(unit_slug, page.slug)] = page
    return found


def _body_with_image(story, number, images):
    if number % BODY_IMAGE_EVERY or not story.image_key:
        return story.body
    motif, variant = story.image_key.rsplit("-", 1)
    other = images.get(f"{motif}-{3 - int(variant)}")
    if other is None:
        return story.body
    block = {
        "type": "image",
        "value": {
            "image": {"image": other.pk, "decorative": False, "alt_text": other.description},
            "caption": other.description,
            "credit": "Ảnh minh họa",
        },
    }
    return story.body[:1] + [block] + story.body[1:]


def _page(story, number, fields, award_types, campaigns, images):
    image = images.get(story.image_key)
    page = ExemplarPage(
        title=story.title,
        slug=story.slug,
        kind=story.kind,
        subject_kind=story.subject_kind,
        subject_name=story.subject_name,
        position=story.position,
        locality=story.locality,
        summary=story.summary,
        main_image=image,
        main_image_alt=story.image_alt,
        campaign=campaigns.get(story.campaign_key),
        body=_body_with_image(story, number, images),
    )
    page.fields = [fields[slug] for slug in story.fields if slug in fields]
    awards = []
    for name, year, awarded_by, decision_number in story.awards:
        award_type = award_types.get(name)
        if award_type is not None and award_type.is_for(story.subject_kind):
            awards.append(
                ExemplarAward(award_type=award_type, year=year, awarded_by=awarded_by, decision_number=decision_number)
            )
    page.awards = awards
    return page


def ensure_stories(plan, campaigns, images, users, tally, progress=iter):
    """Create the planned stories that are missing; returns every planned story's page, by (unit slug, slug).

    ``progress`` wraps the plan for a progress bar. Live stories are published as of their date
    (by the unit's demo contributor where there is one), in bulk; drafts get one revision; stories
    "in moderation" enter the exemplar workflow, "unit-approved" ones pass the unit's step and
    "sent-back" ones are also returned by the Board with a comment. A story whose title another
    story already has (one planned under another date) is not created: no title repeats.
    """
    index = ExemplarIndexPage.objects.filter(locale__language_code="vi").first()
    sections = sections_by_unit()
    found = existing_stories(index)
    titles = {page.title for page in found.values()}
    fields = {field.slug: field for field in Field.objects.all()}
    award_types = {award.name: award for award in AwardType.objects.all()}
    writer = StoryWriter(Locale.objects.get(language_code="vi"))
    pages, unpublished = {}, []
    for number, story in enumerate(progress(plan)):
        key = (story.unit_slug, story.slug)
        section = sections.get(story.unit_slug)
        if key in found:
            pages[key] = found[key]
            tally.record(_label(story), "unchanged")
            continue
        if section is None or story.title in titles:
            continue
        titles.add(story.title)
        page = _page(story, number, fields, award_types, campaigns, images)
        contributor = users.get(CONTRIBUTORS.get(story.unit_slug, ""))
        if story.status == "live":
            writer.add(section, page, story.published_at, user=contributor)
        else:
            unpublished.append((section, page, story, contributor))
        tally.record(_label(story), "created")
        pages[key] = page
    writer.flush()
    # After the bulk write, whose tree paths were computed without these pages.
    for section, page, story, contributor in unpublished:
        _create_unpublished(section, page, story, contributor, users)
    return pages


def _label(story):
    return {
        "live": "stories (live)",
        "draft": "stories (draft)",
        "moderation": "stories (in moderation)",
        "unit-approved": "stories (in moderation)",
        "sent-back": "stories (sent back)",
    }[story.status]


def _create_unpublished(section, page, story, contributor, users):
    page.live = False
    section.add_child(instance=page)
    page.save_revision(user=contributor)
    if story.status == "draft":
        return
    workflow = page.get_workflow()
    if workflow is None:
        return
    workflow.start(page, contributor)
    if story.status in ("unit-approved", "sent-back"):
        approver = users.get(APPROVERS.get(story.unit_slug, ""))
        page.current_workflow_task_state.approve(user=approver)
    if story.status == "sent-back":
        page.current_workflow_task_state.reject(user=users.get(BOARD_USER), comment=SENT_BACK_COMMENT)
    _backdate_submission(page, story.published_at)


def _backdate_submission(page, when):
    """Date the submission, its steps and the revision at the story's date, so the Board's
    backlog shows how long the story has waited and the report counts it in its period."""
    ExemplarPage.objects.filter(pk=page.pk).update(first_submitted_at=when, latest_revision_created_at=when)
    Revision.page_revisions.filter(object_id=str(page.pk)).update(created_at=when)
    states = WorkflowState.objects.for_instance(page)
    states.update(created_at=when)
    TaskState.objects.filter(workflow_state__in=states).update(started_at=when)
    TaskState.objects.filter(workflow_state__in=states, finished_at__isnull=False).update(finished_at=when)
