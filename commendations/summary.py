"""A year of commendation proposals, for the Board's report documents (reports/documents).

Two queries whatever the year holds: one counting the year's proposals by status, one reading the
decisions dated in the year with what a table of them shows (award type and proposing unit joined).
"""

from dataclasses import dataclass

from django.db.models import Count

from commendations.models import CommendationProposal, ProposalStatus


@dataclass(frozen=True)
class DecidedProposal:
    subject_name: str
    unit_name: str
    award: str
    proposing_unit: str
    decision_number: str
    decision_date: object
    decision_signer: str


@dataclass(frozen=True)
class YearOfProposals:
    year: int
    by_status: tuple  # ((status label, count), …) in the order of ProposalStatus, every status
    decided: tuple  # (DecidedProposal, …) by decision date

    @property
    def total(self):
        return sum(count for _label, count in self.by_status)


def year_of_proposals(year):
    """The proposals made in ``year`` by status, and the decisions dated in ``year``."""
    counts = dict(
        CommendationProposal.objects.filter(proposed_at__year=year)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    decided = (
        CommendationProposal.objects.filter(status=ProposalStatus.DECIDED, decision_date__year=year)
        .select_related("award_type", "unit", "proposing_unit")
        .order_by("decision_date", "pk")
    )
    return YearOfProposals(
        year=year,
        by_status=tuple((str(label), counts.get(value, 0)) for value, label in ProposalStatus.choices),
        decided=tuple(
            DecidedProposal(
                subject_name=proposal.subject_name,
                unit_name=proposal.unit.name if proposal.unit else "",
                award=proposal.award_type.name,
                proposing_unit=proposal.proposing_unit.name,
                decision_number=proposal.decision_number,
                decision_date=proposal.decision_date,
                decision_signer=proposal.decision_signer,
            )
            for proposal in decided
        ),
    )
