"""One error shape for every REST error on a site with the add-on.

plone.rest renders an error as {"type", "message", ...}. Clients of the
add-on's own endpoints get {"error": {"type", "message"[, "field"]}}. This
view adds that `error` object to plone.rest's answer for the errors a client
meets (not logged in, not allowed, not found, bad input), so one shape holds
everywhere, and leaves the rest of the answer as plone.rest wrote it.
"""

from plone.rest.errors import ErrorHandling
from threeb.opgavegrupper.interfaces import IBrowserLayer


def _field_errors(exception):
    # plone.restapi's deserializer raises BadRequest with a list of dicts.
    errors = exception.args[0] if exception.args else None
    if isinstance(errors, list):
        return [e for e in errors if isinstance(e, dict)]
    return []


class AddOnErrorHandling(ErrorHandling):
    def render_exception(self, exception):
        result = super().render_exception(exception)
        if result is None or not IBrowserLayer.providedBy(self.request):
            return result
        error = {"type": result["type"], "message": result["message"]}
        fields = [e["field"] for e in _field_errors(exception) if e.get("field")]
        if fields:
            error["field"] = fields[0]
            error["fields"] = fields
            error["message"] = "; ".join(
                str(e.get("message")) for e in _field_errors(exception)
            )
        result["error"] = error
        return result
