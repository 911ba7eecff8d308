"""Who may make, see and revoke a story's fact-check links.

- Make: while the story is in moderation, whoever may act at its current workflow step (the
  unit's approvers at the unit's step, the Board at its own) and the Board at any step. A
  contributor cannot: a link shows a draft outside the newsroom, which is the moderators' call.
- See and revoke: the Board and the approvers of the story's unit, in moderation or not, so a link
  made at the unit's step can still be withdrawn once the story has gone on to the Board.
- Superusers: everything. Nobody else: nothing (403), whatever they forge.
"""

from exemplars.models import ExemplarPage
from units.roles import acts_as_board, approver_group_for_page


def _is_staff_member(user):
    return user is not None and user.is_authenticated and user.is_active


def is_story(page):
    return isinstance(page, ExemplarPage) and not page.alias_of_id


def may_see_links(user, page):
    if not _is_staff_member(user) or not is_story(page):
        return False
    if acts_as_board(user):
        return True
    group = approver_group_for_page(page)
    return group is not None and user.groups.filter(pk=group.pk).exists()


def may_make_link(user, page):
    if not _is_staff_member(user) or not is_story(page) or not page.workflow_in_progress:
        return False
    if acts_as_board(user):
        return True
    task = page.current_workflow_task
    return task is not None and bool(task.specific.get_actions(page, user))


may_revoke_links = may_see_links
