"""Status messages that say their kind once.

Plone's status message prints the kind ("Info:") in bold and gives the icon
beside it the same text as its SVG title, so a screen reader (and anyone
copying the text) gets "Info: Info: Password reset successful…"; the title
is the untranslated English default besides, as the icon is not run through
the translation. Here the icon is decoration, hidden from assistive
technology, and the translated bold label says the kind.
"""

from plone.app.layout.viewlets.globalstatusmessage import GlobalStatusMessage
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


ICON_CLASS = "statusmessage-icon mb-1 me-2"


class StatusMessageViewlet(GlobalStatusMessage):
    index = ViewPageTemplateFile("templates/statusmessage.pt")

    def icon(self, display_info):
        icons = self.context.restrictedTraverse("@@iconresolver")
        tag = icons.tag(display_info["icon"], tag_class=ICON_CLASS)
        if tag.startswith("<svg"):
            return tag.replace("<svg", '<svg aria-hidden="true" focusable="false"', 1)
        # An icon that is an image file: an empty alt makes it decoration.
        return tag
