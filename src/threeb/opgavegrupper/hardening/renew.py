"""POST @login-renew: plone.restapi's, with an id in every renewed token.

A token signs only its user, expiry and full name, so a token renewed in the
second it was issued is the same string as the old one. With stored tokens
(setup.configure_jwt) plone.restapi then stores the new token and deletes
"the old one", which is itself: the client is logged out by renewing.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services.auth.renew import Renew as BaseRenew
from Products.CMFCore.utils import getToolByName
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from zope.interface import alsoProvides

import uuid


def jwt_plugin(context):
    acl_users = getToolByName(context, "acl_users")
    for _id, plugin in acl_users.plugins.listPlugins(IAuthenticationPlugin):
        if plugin.meta_type == "JWT Authentication Plugin":
            return plugin
    return None


class Renew(BaseRenew):
    def reply(self):
        plugin = jwt_plugin(self.context)
        membership = getToolByName(self.context, "portal_membership")
        if plugin is None or membership.isAnonymousUser():
            # plone.restapi's 501 and 401 answers.
            return super().reply()
        # The token is the answer; nothing a form could forge is changed
        # (cookie-borne calls are checked in crosssite.py).
        alsoProvides(self.request, IDisableCSRFProtection)
        user = membership.getAuthenticatedMember()
        token = plugin.create_token(
            user.getId(),
            data={"fullname": user.getProperty("fullname"), "jti": uuid.uuid4().hex},
        )
        auth = self.request._auth or ""
        if plugin.store_tokens and auth[:7].lower() == "bearer ":
            plugin.delete_token(auth[7:].strip())
        return {"token": token}
