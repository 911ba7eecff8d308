"""Who sees and does what in the proposals' admin, as each role would try it, forged POSTs included."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from commendations.models import CommendationProposal, ProposalStatus
from commendations.proposals import fill_from_source, send_to_council
from units.roles import ensure_unit_collection

INDEX = "commendation_proposals:index"
ADD = "commendation_proposals:add"


def logged_in(client, user):
    client.force_login(user)
    return client


def denied(response):
    """Wagtail's admin answers a refused page with 403, or (to a browser) back to the dashboard with its
    "no permission" message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def form_data(story=None, nomination=None, *, award_type, unit, reason="Thành tích xuất sắc trong sản xuất."):
    data = {"award_type": award_type.pk, "level": "", "proposing_unit": unit.pk, "reason": reason}
    if story is not None:
        data["story"] = story.pk
    if nomination is not None:
        data["nomination"] = nomination.pk
    data["documents"] = inline_formset([])
    return nested_form_data(data)


def make(story, merit, unit, status=ProposalStatus.PROPOSED):
    proposal = CommendationProposal(story=story, award_type=merit, proposing_unit=unit, reason="Lý do", status=status)
    fill_from_source(proposal)
    proposal.save()
    return proposal


@pytest.mark.parametrize("role", ["ks-contributor", "bst-editor", "bst-reporter"])
def test_other_roles_see_nothing(client, staff, role, story, merit, ke_sach_unit):
    proposal = make(story, merit, ke_sach_unit)
    logged_in(client, staff[role])
    assert "commendation_proposals" not in client.get(reverse("wagtailadmin_home")).content.decode()
    for url in (
        reverse(INDEX),
        reverse(ADD),
        reverse("commendation_proposals:edit", args=(proposal.pk,)),
        reverse("commendation_proposals:inspect", args=(proposal.pk,)),
        reverse("commendation_proposals:history", args=(proposal.pk,)),
        reverse("commendation_proposals:usage", args=(proposal.pk,)),
        reverse("commendation_proposals:send", args=(proposal.pk,)),
    ):
        assert denied(client.get(url)), url


def test_the_board_proposes_a_live_story(client, staff, story, merit, ke_sach_unit):
    logged_in(client, staff["board"])
    response = client.post(reverse(ADD), form_data(story, award_type=merit, unit=ke_sach_unit))
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal = CommendationProposal.objects.get()
    assert (proposal.story, proposal.proposed_by, proposal.level) == (story, staff["board"], merit.level)


def test_an_approver_proposes_their_units_live_story(client, staff, story, merit, ke_sach_unit):
    logged_in(client, staff["ks-approver"])
    form = client.get(reverse(ADD) + f"?story={story.pk}")
    assert form.status_code == 200
    assert story.summary in form.content.decode()
    response = client.post(reverse(ADD), form_data(story, award_type=merit, unit=ke_sach_unit))
    assert response.status_code == 302
    assert CommendationProposal.objects.get().proposing_unit == ke_sach_unit


def test_a_forged_post_naming_another_units_story_is_a_form_error(client, staff, y_te_story, merit, ke_sach_unit):
    logged_in(client, staff["ks-approver"])
    response = client.post(reverse(ADD), form_data(y_te_story, award_type=merit, unit=ke_sach_unit))
    assert response.status_code == 200
    assert response.context["form"].errors["story"]
    assert not CommendationProposal.objects.exists()


def test_a_draft_story_cannot_be_proposed(client, staff, draft_story, merit, ke_sach_unit):
    logged_in(client, staff["board"])
    response = client.post(reverse(ADD), form_data(draft_story, award_type=merit, unit=ke_sach_unit))
    assert response.status_code == 200
    assert response.context["form"].errors["story"]
    assert not CommendationProposal.objects.exists()


def test_an_approver_cannot_propose_for_another_unit(client, staff, story, merit, y_te_unit):
    logged_in(client, staff["ks-approver"])
    response = client.post(reverse(ADD), form_data(story, award_type=merit, unit=y_te_unit))
    assert response.status_code == 200
    assert response.context["form"].errors["proposing_unit"]


def test_only_the_board_proposes_from_a_nomination(client, staff, nomination, merit, ke_sach_unit):
    logged_in(client, staff["ks-approver"])
    client.post(reverse(ADD), form_data(nomination=nomination, award_type=merit, unit=ke_sach_unit))
    assert not CommendationProposal.objects.exists()
    logged_in(client, staff["board"])
    form = client.get(reverse(ADD) + f"?nomination={nomination.pk}")
    assert nomination.achievements in form.content.decode()
    response = client.post(reverse(ADD), form_data(nomination=nomination, award_type=merit, unit=ke_sach_unit))
    assert response.status_code == 302
    assert CommendationProposal.objects.get().subject_name == "Ông Thạch Sang"


@pytest.mark.parametrize("query", ["story=abc", "story=1%3B", "nomination=-1", "story=" + "9" * 30])
def test_a_malformed_prefill_is_a_bad_request(client, staff, query):
    logged_in(client, staff["board"])
    assert client.get(reverse(ADD) + "?" + query).status_code == 400


def test_an_approver_sees_only_their_units_proposals(client, staff, story, y_te_story, merit, ke_sach_unit, y_te_unit):
    own = make(story, merit, ke_sach_unit)
    other = make(y_te_story, merit, y_te_unit)
    logged_in(client, staff["ks-approver"])
    listing = client.get(reverse(INDEX)).content.decode()
    assert own.subject_name in listing and other.subject_name not in listing
    for name in ("inspect", "edit", "history", "usage"):
        assert denied(client.get(reverse(f"commendation_proposals:{name}", args=(other.pk,)))), name
    assert client.get(reverse("commendation_proposals:inspect", args=(own.pk,))).status_code == 200


def test_an_approver_edits_their_proposal_only_while_proposed(client, staff, story, merit, ke_sach_unit):
    proposal = make(story, merit, ke_sach_unit)
    logged_in(client, staff["ks-approver"])
    edit = reverse("commendation_proposals:edit", args=(proposal.pk,))
    assert client.get(edit).status_code == 200
    response = client.post(edit, form_data(award_type=merit, unit=ke_sach_unit, reason="Lý do mới"))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.reason == "Lý do mới"
    send_to_council(proposal, staff["board"])
    assert denied(client.get(edit))
    assert denied(client.post(edit, form_data(award_type=merit, unit=ke_sach_unit, reason="Sửa lén")))
    proposal.refresh_from_db()
    assert proposal.reason == "Lý do mới"


@pytest.mark.parametrize("step", ["send", "decide", "decline"])
def test_an_approver_cannot_take_the_boards_steps(client, staff, story, merit, ke_sach_unit, step):
    proposal = make(story, merit, ke_sach_unit, status=ProposalStatus.SENT if step == "decide" else "proposed")
    logged_in(client, staff["ks-approver"])
    url = reverse(f"commendation_proposals:{step}", args=(proposal.pk,))
    assert denied(client.get(url))
    assert denied(client.post(url, {"number": "1/QĐ", "date": "2026-01-02", "signer": "X", "reason": "Y"}))
    assert CommendationProposal.objects.get().status == proposal.status


def test_the_board_sends_decides_and_sees_illegal_steps_refused(client, staff, story, merit, ke_sach_unit):
    proposal = make(story, merit, ke_sach_unit)
    logged_in(client, staff["board"])
    send = reverse("commendation_proposals:send", args=(proposal.pk,))
    assert client.get(send).status_code == 200
    assert client.post(send).status_code == 302
    again = client.post(send, follow=True)
    assert again.status_code == 200
    assert any(m.level_tag == "error" for m in again.context["messages"])
    decide = reverse("commendation_proposals:decide", args=(proposal.pk,))
    bad = client.post(decide, {"number": "", "date": "không phải ngày", "signer": ""})
    assert bad.status_code == 200 and bad.context["form"].errors
    ok = client.post(decide, {"number": "15/QĐ-UBND", "date": "2026-02-03", "signer": "Chủ tịch UBND tỉnh"})
    assert ok.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECIDED
    assert story.awards.model.objects.filter(page=story, decision_number="15/QĐ-UBND").exists()
    decline = client.post(reverse("commendation_proposals:decline", args=(proposal.pk,)), {"reason": "x"}, follow=True)
    assert any(m.level_tag == "error" for m in decline.context["messages"])
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECIDED


def test_the_entry_points_show_to_whom_may_propose(client, staff, story, nomination):
    edit_page = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    add_url = reverse(ADD) + f"?story={story.pk}"
    for role, shown in (("board", True), ("ks-approver", True), ("ks-contributor", False), ("yt-approver", False)):
        response = logged_in(client, staff[role]).get(edit_page)
        assert (add_url in response.content.decode()) is shown, role
    nominations = reverse("wagtailsnippets_submissions_nomination:list")
    listing = logged_in(client, staff["board"]).get(nominations).content.decode()
    assert reverse(ADD) + f"?nomination={nomination.pk}" in listing


def test_the_listing_filters_by_status(client, staff, story, y_te_story, merit, ke_sach_unit, y_te_unit):
    make(story, merit, ke_sach_unit)
    make(y_te_story, merit, y_te_unit, status=ProposalStatus.SENT)
    logged_in(client, staff["board"])
    listing = client.get(reverse(INDEX), {"status": "sent"}).content.decode()
    assert "Bác sĩ Trần Thị Mai" in listing and "Ông Lý Văn Bảy" not in listing
    assert client.get(reverse(INDEX), {"year": "abc", "level": "nope"}).status_code == 200


@pytest.mark.parametrize("value", ["abc", "1;DROP", "9" * 30, "-1"])
def test_a_forged_nomination_is_a_form_error(client, staff, merit, ke_sach_unit, value):
    logged_in(client, staff["board"])
    data = form_data(award_type=merit, unit=ke_sach_unit)
    data["nomination"] = value
    response = client.post(reverse(ADD), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not CommendationProposal.objects.exists()


def test_supporting_documents_are_those_the_user_may_choose(
    client, staff, story, merit, ke_sach_unit, y_te_unit, media_root
):
    document_model = get_document_model()

    def document(unit, title):
        return document_model.objects.create(
            title=title, file=ContentFile(b"%PDF-1.4", name="to-trinh.pdf"), collection=ensure_unit_collection(unit)
        )

    own, other = document(ke_sach_unit, "Tờ trình của huyện"), document(y_te_unit, "Hồ sơ của Sở Y tế")
    logged_in(client, staff["ks-approver"])

    def post(doc):
        data = {"award_type": merit.pk, "level": "", "proposing_unit": ke_sach_unit.pk, "reason": "Lý do"}
        data.update(story=story.pk, documents=inline_formset([{"document": doc.pk}]))
        return client.post(reverse(ADD), nested_form_data(data))

    assert post(other).status_code == 200
    assert not CommendationProposal.objects.exists()
    assert post(own).status_code == 302
    assert [d.document for d in CommendationProposal.objects.get().documents.all()] == [own]


def test_a_proposal_shows_people_by_name_and_nothing_recorded_as_a_dash(client, staff, story, merit, ke_sach_unit):
    board = staff["board"]
    board.first_name, board.last_name = "Huỳnh Thanh Tâm", ""
    board.save()
    proposal = make(story, merit, ke_sach_unit)
    proposal.proposed_by = board
    proposal.save()
    logged_in(client, board)
    page = client.get(reverse("commendation_proposals:inspect", args=(proposal.pk,))).content.decode()
    assert "Huỳnh Thanh Tâm" in page
    assert ">None<" not in page.replace(" ", "").replace("\n", "")
    assert "—" in page
