"""The committed errata matrix is what the probes find today on the two pinned tracks, for every probe."""

import json

import pytest

from agnocourse import errata_matrix
from agnocourse.errata_probe import PROBES

DATA = json.loads(errata_matrix.DATA.read_text(encoding="utf-8"))


def test_the_matrix_covers_four_releases_and_every_probe():
    assert [release["agno"] for release in DATA["releases"]] == errata_matrix.RELEASES
    for release in DATA["releases"]:
        assert list(release["outcomes"]) == list(PROBES), release["agno"]


@pytest.mark.parametrize("release", sorted(errata_matrix.PINNED))
def test_the_pinned_tracks_give_the_committed_outcomes(release: str):
    committed = next(r for r in DATA["releases"] if r["agno"] == release)
    fresh = errata_matrix.probe(errata_matrix.PINNED[release])
    assert fresh["agno"] == release
    assert fresh["outcomes"] == committed["outcomes"], "run `make errata-matrix` and commit book/errata_matrix.json"
