"""Classic UI paste (folder contents and the "Paste" action): an application
stays in its group.

Zope's paste asks the application itself (see ``participation.placement``),
but Plone's views answer its refusal badly: folder contents with an error
page, ``object_paste`` with "Item(s) pasted." while nothing was pasted. Both
check the clipboard first here and say why, changing nothing.
"""

from plone.app.content.browser.actions import ObjectPasteView as BaseObjectPasteView
from plone.app.content.browser.contents.paste import (
    PasteActionView as BasePasteActionView,
)
from threeb.opgavegrupper.participation import placement


class PasteActionView(BasePasteActionView):
    """@@fc-paste of folder contents."""

    def __call__(self):
        self.protect()
        parts = str(self.request.form["folder"].lstrip("/")).split("/")
        parent = self.site.unrestrictedTraverse("/".join(parts[:-1]))
        dest = parent.restrictedTraverse(parts[-1])
        if placement.refused_clipboard(dest, self.request.get("__cp")):
            self.errors = [placement.STAYS]
            return self.message()
        return super().__call__()


class ObjectPasteView(BaseObjectPasteView):
    """The "Paste" action of the toolbar."""

    def do_action(self):
        if placement.refused_clipboard(self.context, self.request.get("__cp")):
            return self.do_redirect(self.canonical_object_url, placement.STAYS, "error")
        return super().do_action()
