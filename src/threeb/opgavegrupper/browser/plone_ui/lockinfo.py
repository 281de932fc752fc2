"""Plone's lock message in the add-on's words (templates/lockinfo.pt says why)."""

from plone.app.layout.viewlets.locking import LockInfoViewlet as BaseLockInfoViewlet
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class LockInfoViewlet(BaseLockInfoViewlet):
    # The base class renders its own ``template``; the ZCML ``template``
    # attribute would not reach render().
    template = ViewPageTemplateFile("templates/lockinfo.pt")
