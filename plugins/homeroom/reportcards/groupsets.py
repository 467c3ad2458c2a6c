"""Student groups and the sets of them that add up to all students.

A *group set* is a list of groups that, together, are every student once: the federal
race and ethnicity categories, or a pair such as students learning English and those who
are not. Complementary suppression must know every such set, or a hidden small group
could be worked out by subtracting the others from all students. The sets are data: a
district declares its state's own in ``_district.yml`` under ``group_sets:`` (California,
for example, reports Filipino students apart from Asian students), and those replace the
defaults of the same name.

A group that is in no set (students in foster care, when the file has no "not in foster
care" row) adds up to nothing: it is shown alone, and nothing is subtracted from it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: The seven federal race and ethnicity categories (US Department of Education, 2007),
#: in the order report cards list them. Hispanic or Latino students of any race are
#: counted once, as Hispanic or Latino.
FEDERAL_RACE = (
    "american_indian",
    "asian",
    "black",
    "hispanic",
    "pacific_islander",
    "white",
    "two_or_more",
)

#: Group sets every site has unless ``_district.yml`` replaces them (name -> members).
DEFAULT_SETS: Mapping[str, tuple[str, ...]] = {
    "race": FEDERAL_RACE,
    "sex": ("female", "male"),
    "english_learners": ("english_learners", "not_english_learners"),
    "low_income": ("low_income", "not_low_income"),
    "disability": ("disability", "no_disability"),
    "homeless": ("homeless", "not_homeless"),
    "foster": ("foster", "not_foster"),
    "military": ("military", "not_military"),
    "migrant": ("migrant", "not_migrant"),
}

#: Groups that may appear without their complement: shown alone, in no set.
SINGLE_GROUPS = ("homeless", "foster", "military", "migrant")

#: The order of sets on a page: race and ethnicity first, as ESSA lists them.
SET_ORDER = (
    "race",
    "sex",
    "english_learners",
    "low_income",
    "disability",
    "homeless",
    "foster",
    "military",
    "migrant",
)


@dataclass(frozen=True)
class GroupSets:
    """Every set of groups that adds up to all students, and every group a site knows."""

    sets: Mapping[str, tuple[str, ...]]

    @classmethod
    def with_overrides(cls, overrides: Mapping[str, Sequence[str]] | None) -> GroupSets:
        """The defaults, with the district's sets replacing (or adding to) them."""
        sets = dict(DEFAULT_SETS)
        for name, members in (overrides or {}).items():
            sets[str(name)] = tuple(str(m) for m in members)
        return cls(sets)

    @property
    def groups(self) -> tuple[str, ...]:
        """Every group a school file may name, "all" first."""
        seen: list[str] = ["all"]
        for name in self.ordered():
            for member in self.sets[name]:
                if member not in seen:
                    seen.append(member)
        return tuple(seen)

    def ordered(self) -> list[str]:
        """Set names in page order: the known ones first, then the district's own."""
        known = [s for s in SET_ORDER if s in self.sets]
        return known + sorted(s for s in self.sets if s not in SET_ORDER)

    def set_of(self, group: str) -> str | None:
        """The name of the set ``group`` belongs to, if any."""
        for name in self.ordered():
            if group in self.sets[name]:
                return name
        return None

    def present(self, rows: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
        """(set, members) for each set with at least one member among ``rows``.

        Members missing from ``rows`` are still listed: the state did not publish them, and
        they must be protected as hidden values, not left out of the sum.
        """
        found = []
        for name in self.ordered():
            members = self.sets[name]
            if any(m in rows for m in members):
                found.append((name, members))
        return found
