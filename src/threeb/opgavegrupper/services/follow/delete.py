"""DELETE @follow on a task group: the logged-in person stops following it.

Answers 200 with ``{"following": false}`` rather than 204, so both verbs
return the same shape.
"""

from threeb.opgavegrupper.participation import following
from threeb.opgavegrupper.services.follow.post import FollowService


class FollowDelete(FollowService):
    def change(self, user_id):
        following.unfollow(self.context, user_id)
