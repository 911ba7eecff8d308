"""The stories and what classifies them (exemplars/models/taxonomy.py, exemplars/models/pages.py)."""

from exemplars.models.pages import (
    ExemplarAward,
    ExemplarIndexPage,
    ExemplarPage,
    ExemplarRelatedStory,
    UnitSectionPage,
)
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
    "SubjectKind",
    "UnitSectionPage",
]
