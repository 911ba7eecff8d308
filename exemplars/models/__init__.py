"""The stories and what classifies them (exemplars/models/taxonomy.py, exemplars/models/pages.py), their
awards and related stories (exemplars/models/awards.py) and where they were replicated
(exemplars/models/replication.py)."""

from exemplars.models.awards import ExemplarAward, ExemplarRelatedStory
from exemplars.models.pages import ExemplarIndexPage, ExemplarPage, UnitSectionPage
from exemplars.models.replication import ReplicationPage, ScaleUnit
from exemplars.models.taxonomy import AwardCategory, AwardLevel, AwardType, ExemplarKind, Field, SubjectKind

__all__ = [
    "AwardCategory",
    "AwardLevel",
    "AwardType",
    "ExemplarAward",
    "ExemplarIndexPage",
    "ExemplarKind",
    "ExemplarPage",
    "ExemplarRelatedStory",
    "Field",
    "ReplicationPage",
    "ScaleUnit",
    "SubjectKind",
    "UnitSectionPage",
]
