"""Installer for the threeb.opgavegrupper package."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


long_description = "\n\n".join(
    (Path(__file__).parent / name).read_text(encoding="utf-8")
    for name in ("README.md", "CHANGES.md")
)


setup(
    name="threeb.opgavegrupper",
    version="1.0.0a1.dev0",
    description=(
        "Task groups (opgavegrupper) for housing associations: "
        "a Plone 6.2 add-on for resident democracy."
    ),
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Development Status :: 3 - Alpha",
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Framework :: Zope :: 5",
        "Natural Language :: Danish",
        "Operating System :: OS Independent",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3.11",
    ],
    keywords="Python Plone CMS housing association resident democracy",
    author="Boligforeningen 3B",
    license="GPL-2.0-only",
    packages=find_namespace_packages("src", include=["threeb.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "setuptools",
        "Products.CMFPlone>=6.2",
        "collective.z3cform.datagridfield",
        "plone.app.event",
        "plone.app.textfield",
        "plone.dexterity",
        "plone.indexer",
        "Products.GenericSetup",
        "plone.api",
        "plone.app.dexterity",
        "plone.app.registry",
        "plone.autoform",
        "plone.base",
        "plone.browserlayer",
        "plone.restapi",
        "plone.supermodel",
        "plone.z3cform",
        "z3c.form",
        "DateTime",
        "icalendar",
        "plone.event",
        "plone.protect",
        "Products.CMFPlacefulWorkflow",
        "Products.DCWorkflow",
        "pytz",
        "zope.component",
        "zope.i18nmessageid",
        "zope.interface",
        "zope.schema",
    ],
    extras_require={
        "test": [
            # A real SMTP server for the mail tests.
            "aiosmtpd",
            "hypothesis",
            "jsonschema",
            "playwright",
            "plone.app.testing",
            "plone.testing",
            "pytest",
            # make test COVERAGE=1, make test-coverage
            "pytest-cov",
            "pytest-plone",
            "requests",
            "schemathesis",
            # tests/cluster: several instances on RelStorage/PostgreSQL.
            "RelStorage",
            "psycopg2-binary",
        ],
        "dev": [
            # tests/packaging builds the wheel and the sdist with it.
            "build",
            "i18ndude",
            "ruff",
            "towncrier",
            # make release: fullrelease, the changelog written by towncrier.
            "zest.releaser",
            "zestreleaser.towncrier",
            "zpretty",
        ],
        # Several Zope instances on one RelStorage database in PostgreSQL
        # (README: "Running several instances"). psycopg2-binary brings its
        # own libpq: nothing to compile on the server.
        "cluster": [
            "RelStorage",
            "psycopg2-binary",
        ],
        "demo": [
            # The local mail sink `make run` starts (scripts/mailsink.py).
            "aiosmtpd",
            "Plone",
        ],
    },
    entry_points="""
    [z3c.autoinclude.plugin]
    target = plone
    """,
)
