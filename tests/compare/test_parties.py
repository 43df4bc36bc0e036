"""The registry screen of compare/parties.py never sets aside a name ``resolve`` knows."""

from __future__ import annotations

import factcheck.claims.registry as registry
from factcheck.compare.generate import claims_table
from factcheck.compare.parties import _screen, registry_party


def _names() -> list[str]:
    """Generated speakers, then every registry name and slips, additions and brackets."""
    names = list(dict.fromkeys(claims_table(3000, speakers=800, seed=11)["speaker"].tolist()))
    for entry in registry.load_registry().entries:
        for name in (*entry.names(), *entry.acronyms, *entry.exact):
            names += [name, f"{name} 12", name[:-1], f"{name}s", f"the {name}", name.upper(),
                      name.lower(), f"x {name}", f"{name} (X)", f"le {name[1:]}"]  # fmt: skip
    return names


def test_screen_sets_aside_only_unknown_names() -> None:
    screen = _screen(registry)
    assert screen is not None
    names = _names()
    unknown = [name for name in names if screen.unknown(name)]
    assert [name for name in unknown if registry.resolve(name) is not None] == []
    generated = set(claims_table(3000, speakers=800, seed=11)["speaker"].tolist())
    assert len(set(unknown) & generated) > 0.9 * len(generated)  # the screen does its work


def test_registry_party_is_the_party_resolve_gives() -> None:
    party = registry_party()
    assert party is not None
    for name in _names():
        entry = registry.resolve(name)
        assert party(name) == (entry.party if entry is not None else None), name
