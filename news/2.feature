Installable Plone 6.2 add-on with pinned constraints, settings control panel, the four Plone groups with their roles, demo users, and the two commands `make run` and `make test`.
