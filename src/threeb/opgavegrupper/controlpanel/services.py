"""plone.restapi's @controlpanels, answering an unknown panel with a 404.

plone.restapi looks a panel up by name and uses what it found: a name that
is no panel (``PATCH @controlpanels/mail-controlpanel``: the panel is
``mail``) makes ``PATCH``, ``POST`` and ``DELETE`` fail on ``None`` with a
500, and ``GET`` answers an empty 404. Here an unknown name is a 404 naming
it, in the add-on's error shape, on all four methods; everything else is
plone.restapi's own service.
"""

from plone.restapi.services.controlpanels.add import ControlpanelsAdd
from plone.restapi.services.controlpanels.delete import ControlpanelsDelete
from plone.restapi.services.controlpanels.get import ControlpanelsGet
from plone.restapi.services.controlpanels.update import ControlpanelsUpdate
from threeb.opgavegrupper import _
from zExceptions import NotFound
from zope.i18n import translate


class KnownPanelOnly:
    def reply(self):
        if self.params and self.panel_by_name(self.params[0]) is None:
            raise NotFound(
                translate(
                    _(
                        "There is no control panel named ${name}. "
                        "GET @controlpanels lists them.",
                        mapping={"name": self.params[0][:100]},
                    ),
                    context=self.request,
                )
            )
        return super().reply()


class GuardedControlpanelsGet(KnownPanelOnly, ControlpanelsGet):
    pass


class GuardedControlpanelsUpdate(KnownPanelOnly, ControlpanelsUpdate):
    pass


class GuardedControlpanelsAdd(KnownPanelOnly, ControlpanelsAdd):
    pass


class GuardedControlpanelsDelete(KnownPanelOnly, ControlpanelsDelete):
    pass
