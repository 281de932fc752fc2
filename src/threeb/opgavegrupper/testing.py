"""Test layers: integration, functional (a real WSGI server) and acceptance."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing import zope
from plone.testing.zope import WSGI_SERVER_FIXTURE

import threeb.opgavegrupper
import transaction


class OpgavegrupperLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=threeb.opgavegrupper)
        # initialize(): the index type of catalog.xml (indexers/hashed.py).
        zope.installProduct(app, "threeb.opgavegrupper")

    def setUpPloneSite(self, portal):
        applyProfile(portal, "threeb.opgavegrupper:default")
        transaction.commit()  # as in the demo layer


FIXTURE = OpgavegrupperLayer()


class OpgavegrupperDemoLayer(PloneSandboxLayer):
    """The demo site that `make run` serves: the add-on plus its demo profile."""

    defaultBases = (FIXTURE,)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "threeb.opgavegrupper:demo")
        # Here, with the site active: plone.testing's own commit after this
        # swallows an error of the indexing queue, and the layer then served
        # a site without the demo's content.
        transaction.commit()


DEMO_FIXTURE = OpgavegrupperDemoLayer()


INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="OpgavegrupperLayer:IntegrationTesting",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="OpgavegrupperLayer:FunctionalTesting",
)

ACCEPTANCE_TESTING = FunctionalTesting(
    bases=(DEMO_FIXTURE, WSGI_SERVER_FIXTURE),
    name="OpgavegrupperLayer:AcceptanceTesting",
)
