from plone import api
from threeb.opgavegrupper.participation import following


def test_follow_and_unfollow(group):
    following.follow(group, "resident1")
    following.follow(group, "resident1")
    assert following.followers(group) == ("resident1",)
    assert (
        group.UID()
        == api.content.find(followers=following.index_key("resident1"))[0].UID
    )
    following.unfollow(group, "resident1")
    assert following.followers(group) == ()
    assert not api.content.find(followers=following.index_key("resident1"))


def test_unfollow_when_not_following_is_harmless(group):
    following.unfollow(group, "resident2")
    assert not following.is_following(group, "resident2")
