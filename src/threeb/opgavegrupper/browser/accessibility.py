"""Accessibility of whole pages: a skip link, icons' texts in the site's
language, page titles that name the page.

A skip link to the content is the first thing a keyboard reaches on a page.

Barceloneta has none: a keyboard user tabs through the logo, the search, the
navigation (and, logged in, the toolbar) before the content. The link is
hidden until it has the focus (Bootstrap's ``visually-hidden-focusable``);
accessibility.css shows it on top of the header then.
"""

from html import escape
from plone.app.layout.viewlets import ViewletBase
from plone.app.layout.viewlets.common import TitleViewlet
from Products.CMFPlone.browser.icons import IconsView as BaseIconsView
from threeb.opgavegrupper import _
from zope.i18n import translate


class SkipLinkViewlet(ViewletBase):
    def index(self):
        label = translate(_("Skip to content"), context=self.request)
        return (
            '<a class="opgavegrupper-skip-link visually-hidden-focusable" '
            f'href="#content">{label}</a>'
        )


class IconsView(BaseIconsView):
    """Plone's icon resolver, with the icons' text alternatives translated.

    Plone's templates pass English words as an icon's text (the sharing
    page's "User", "Group", "Inherited"); the resolver writes them into the
    SVG's <title> as they are, so a screen reader and the tooltip say them
    in English. Translated in Plone's domain, they read in the site's
    language; a text that is already translated passes through unchanged.
    """

    def tag(self, name, tag_class="", tag_alt=""):
        if tag_alt:
            tag_alt = translate(tag_alt, domain="plone", context=self.request)
        return super().tag(name, tag_class=tag_class, tag_alt=tag_alt)


class PageTitleViewlet(TitleViewlet):
    """The browser's title names the page a view shows, not only its folder.

    Plone's title viewlet writes the context's title: a view of a folder
    (the årshjul of the groups' folder) would be titled as the folder's own
    page, and a person with several tabs or a screen reader could not tell
    them apart (WCAG 2.4.2). A view with a ``page_title`` method names its
    page itself; every other page keeps Plone's title.
    """

    @property
    def page_title(self):
        own = getattr(self.view, "page_title", None)
        title = own() if callable(own) else None
        if title:
            return escape(title)
        return super().page_title
