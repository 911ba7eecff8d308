"""Commendation proposals and their decisions, and the public hall of honour."""

from commendations.models.hall import HallOfHonourPage
from commendations.models.proposals import CommendationProposal, ProposalDocument, ProposalStatus

__all__ = ["CommendationProposal", "HallOfHonourPage", "ProposalDocument", "ProposalStatus"]
