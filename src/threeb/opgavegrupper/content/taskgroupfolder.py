"""Opgavegrupper: the home of all task groups."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class ITaskGroupFolder(model.Schema):
    """The folder that holds an association's task groups."""


@implementer(ITaskGroupFolder)
class TaskGroupFolder(Container):
    """Opgavegrupper."""
