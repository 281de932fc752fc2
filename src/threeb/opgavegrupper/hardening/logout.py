"""POST @logout: plone.restapi's, so that it really revokes the token.

With stored tokens (setup.configure_jwt) plone.restapi deletes the token from
the JWT plugin, a write in a POST without a form token, which plone.protect
then rolls back: the answer says 204 and the token still works. The write is
the point of the call and cannot be forged (a Bearer header is no cookie;
cookie-borne calls are checked in crosssite.py), so the check is switched off
as plone.restapi does for @login.

A caller logged in by the cookie alone holds no token; plone.restapi would
answer 400 "Unknown token" and leave them logged in. They are logged out of
Plone instead, as plone.restapi does when tokens are not stored.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services.auth.logout import Logout as BaseLogout
from Products.CMFCore.utils import getToolByName
from zope.interface import alsoProvides


class Logout(BaseLogout):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        auth = self.request._auth or ""
        if auth[:7].lower() != "bearer ":
            getToolByName(self.context, "portal_membership").logoutUser()
            self.request.response.setStatus(204)
            return None
        return super().reply()
