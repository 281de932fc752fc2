"""Marker interfaces of threeb.opgavegrupper."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBrowserLayer(IDefaultBrowserLayer):
    """Marker for requests on a site where the add-on is installed."""
