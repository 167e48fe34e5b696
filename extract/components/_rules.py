"""One validated ``disabled_rules`` list per component: the rules a config turns off."""

from __future__ import annotations

from collections.abc import Iterable

from extract.errors import Errors


def enabled_rules(
    component: str,
    known: Iterable[str],
    disabled: Iterable[str],
    *,
    setting: str = "disabled_rules",
) -> frozenset[str]:
    """The rules of ``known`` that ``disabled`` (the config key ``setting``) leaves on; an
    unknown name is error E075."""
    known = tuple(known)
    unknown = sorted(set(disabled) - set(known))
    if unknown:
        raise ValueError(
            Errors.E075.format(
                component=component,
                unknown=", ".join(unknown),
                setting=setting,
                known=", ".join(known),
            )
        )
    return frozenset(known) - frozenset(disabled)
