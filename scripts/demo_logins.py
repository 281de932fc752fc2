"""Print where the demo site is and who can log in to it."""

from threeb.opgavegrupper.setuphandlers.demo import DEMO_PASSWORD
from threeb.opgavegrupper.setuphandlers.demo import DEMO_USERS

import sys


def main(url, admin_password):
    print()
    print(f"  3B Opgavegrupper: {url}")
    print(f"  REST API:         {url}/++api++")
    print()
    print(f"  Zope administrator: admin / {admin_password}")
    print(f"  Demo users (password {DEMO_PASSWORD}):")
    for user_id, fullname, _email, _group, what in DEMO_USERS:
        print(f"    {user_id:<8} {fullname:<16} {what}")
    print()


if __name__ == "__main__":
    main(*sys.argv[1:3])
