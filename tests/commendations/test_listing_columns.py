"""The proposals' listing reads Vietnamese in every column heading (the level's was "method")."""

import re

from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from commendations.models import CommendationProposal
from commendations.proposals import fill_from_source


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
