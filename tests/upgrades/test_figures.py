"""upgrade_figures counts an existing site's content into the counters."""

from ..stats import brute
from ..stats import dataset
from zope.annotation.interfaces import IAnnotations


def test_the_upgrade_counts_what_the_site_holds(portal):
    from threeb.opgavegrupper.stats.counters import PREFIX
    from threeb.opgavegrupper.stats.figures import figures
    from threeb.opgavegrupper.upgrades.figures import upgrade_figures

    folder = dataset.build(portal)
    expected = brute.figures(folder)
    # A site from before the counters: nothing counted yet.
    annotations = IAnnotations(portal)
    for key in [key for key in annotations if key.startswith(PREFIX)]:
        del annotations[key]
    assert figures(folder)["participants_total"] == 0
    assert upgrade_figures(portal) == 4 + 4 + 7
    assert figures(folder) == expected
    assert figures(portal) == brute.figures(portal)
