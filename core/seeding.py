"""Idempotent seeding: create what is missing, update what differs, touch nothing else."""

from collections import Counter


class Tally(Counter):
    """Counts of created / updated / unchanged objects, by label."""

    def record(self, label, outcome):
        self[(label, outcome)] += 1

    @property
    def changed(self):
        return any(n for (label, outcome), n in self.items() if outcome != "unchanged")

    def lines(self):
        labels = sorted({label for label, _ in self})
        for label in labels:
            yield (
                f"{label}: {self[(label, 'created')]} created, {self[(label, 'updated')]} updated, "
                f"{self[(label, 'unchanged')]} unchanged"
            )


def upsert(model, lookup, values, tally=None, label=None):
    """Get the object matching ``lookup`` and make its ``values`` equal to those given.

    Returns the object; saves only when something differs, so a second run changes nothing.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean(exclude=_unvalidated(model, values))
        obj.save()
        outcome = "created"
    else:
        changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
        if changed:
            for name, value in changed.items():
                setattr(obj, name, value)
            obj.full_clean(exclude=_unvalidated(model, values))
            obj.save()
            outcome = "updated"
        else:
            outcome = "unchanged"
    if tally is not None:
        tally.record(label or model._meta.verbose_name_plural, outcome)
    return obj


def _unvalidated(model, values):
    # Foreign keys given as objects are validated by their own loaders.
    return [f.name for f in model._meta.fields if f.is_relation and f.name not in values]
