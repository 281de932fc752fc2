"""Pages that print on one A4 sheet: the årshjul and the decision memo."""

from Products.CMFPlone.resources import add_bundle_on_request


# profiles/default/registry/opgavegrupper.xml: disabled, so only the pages
# that ask for it load it.
PRINT_BUNDLE = "threeb-opgavegrupper-print"


class Printable:
    """Mix in before the view's base: its request asks for the print bundle."""

    def __call__(self):
        add_bundle_on_request(self.request, PRINT_BUNDLE)
        return super().__call__()
