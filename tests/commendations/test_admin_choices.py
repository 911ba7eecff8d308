"""The proposals' admin offers what a Board member can read and choose: every column of the listing headed
in Vietnamese (the level's was "method"), the award types as a list in the site's language."""

import re

from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from commendations.models import CommendationProposal
from commendations.proposals import fill_from_source
from exemplars.models import AwardType


def test_every_column_of_the_listing_is_headed_in_vietnamese(client, staff, story, merit, ke_sach_unit):
    proposal = CommendationProposal(story=story, award_type=merit, proposing_unit=ke_sach_unit, reason="Lý do")
    fill_from_source(proposal)
    proposal.save()
    client.force_login(staff["board"])
    html = client.get(reverse("commendation_proposals:index")).content.decode()
    thead = re.search(r"<thead>(.*?)</thead>", html, re.S).group(1)
    headings = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<th.*?</th>", thead, re.S)]
    level = CommendationProposal._meta.get_field("level").verbose_name
    with translation.override("vi"):
        assert capfirst(str(level)) in headings
    assert "method" not in " ".join(headings).lower()
    assert proposal.get_level_display() in html


def test_the_award_is_chosen_from_a_list_of_the_award_types(client, staff, story, merit):
    client.force_login(staff["board"])
    response = client.get(reverse("commendation_proposals:add"), {"story": story.pk})
    html = response.content.decode()
    select = re.search(r'<select name="award_type".*?</select>', html, re.S)
    assert select is not None
    offered = {int(pk) for pk in re.findall(r'<option value="([0-9]+)"', select.group(0))}
    assert merit.pk in offered and offered == set(AwardType.objects.values_list("pk", flat=True))
