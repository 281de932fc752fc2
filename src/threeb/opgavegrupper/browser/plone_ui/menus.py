"""The toolbar's menus and tabs offer only links the person may follow.

Plone's workflow menu links "Status: …" and "Advanced…" to
content_status_history (Modify portal content) for whoever may do any
transition, the actions menu links its heading to folder_contents (List
folder contents) and the tabs link "History" (@@historyview, Modify portal
content) for whoever may see old versions. A board member who may approve a
mandate, or a chair who sees a membership record, met the login page there.
The same menus and tabs, on the add-on's browser layer, keep only the links
whose view lets the person in (links.may_open); the transitions themselves
stay.
"""

from plone.app.contentmenu import menu
from plone.app.layout.viewlets.common import ContentViewsViewlet
from plone.memoize.instance import memoize
from threeb.opgavegrupper.browser.plone_ui.links import may_open


WORKFLOW_MENU = "threeb_contentmenu_workflow"
ACTIONS_MENU = "threeb_contentmenu_actions"


def _followable(context, request, items, key="action"):
    return [item for item in items if may_open(context, request, item.get(key))]


class WorkflowSubMenuItem(menu.WorkflowSubMenuItem):
    submenuId = WORKFLOW_MENU

    @property
    def action(self):
        url = super().action
        return url if may_open(self.context, self.request, url) else ""


class WorkflowMenu(menu.WorkflowMenu):
    def getMenuItems(self, context, request):
        items = super().getMenuItems(context, request)
        return _followable(context, request, items)


class ActionsSubMenuItem(menu.ActionsSubMenuItem):
    submenuId = ACTIONS_MENU

    @property
    def action(self):
        url = super().action
        folder = self.context
        if not self.context_state.is_structural_folder():
            folder = self.context_state.parent()
        return url if may_open(folder, self.request, url) else ""


class ActionsMenu(menu.ActionsMenu):
    def getMenuItems(self, context, request):
        items = super().getMenuItems(context, request)
        return _followable(context, request, items)


class FollowableContentViewsViewlet(ContentViewsViewlet):
    @memoize
    def getTabSets(self):
        tabs, more = super().getTabSets()
        return (
            _followable(self.context, self.request, tabs, key="url"),
            _followable(self.context, self.request, more, key="url"),
        )
