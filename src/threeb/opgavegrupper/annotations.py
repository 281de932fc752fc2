"""What the add-on keeps on an object's annotations, made on first write.

The seat ledger, the applicants index, the followers, a meeting's calendar
record and the site's counters are each a persistent mapping or BTree kept
under one key. Reading one never writes: an object that has none yet is read
as None, so a page or GET stores nothing (and cannot conflict), and only the
code that records something makes it.
"""

from zope.annotation.interfaces import IAnnotations


def annotation(obj, key, factory, create=False):
    """The value ``obj`` keeps under ``key``, or None if it keeps none.

    :param factory: makes the empty value (``PersistentMapping``,
        ``OOBTree``, ...) when ``create`` and there is none yet; it is
        stored before it is returned.
    """
    annotations = IAnnotations(obj)
    value = annotations.get(key)
    if value is None and create:
        value = annotations[key] = factory()
    return value
