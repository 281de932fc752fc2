"""GET @taskgroups: the overview of task groups, filtered and batched."""

from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service
from threeb.opgavegrupper.overview import listing
from threeb.opgavegrupper.services.errors import error_response


class TaskGroupsGet(Service):
    def reply(self):
        form = self.request.form
        for name in ("b_start", "b_size"):
            value = form.get(name)
            if value not in (None, "") and not str(value).isdigit():
                return error_response(
                    self.request,
                    400,
                    "BadRequest",
                    f"{name} must be a whole number",
                    name,
                )
        if form.get("b_size") not in (None, "") and int(form["b_size"]) == 0:
            return error_response(
                self.request, 400, "BadRequest", "b_size must be at least 1", "b_size"
            )
        try:
            filters = listing.parse_filters(form)
        except listing.FilterError as error:
            return error_response(
                self.request, 400, "BadRequest", error.message, error.field
            )
        if not form.get("b_size"):
            form["b_size"] = str(listing.BATCH_SIZE)
        overview = listing.Overview(self.context, filters)
        b_start = int(form.get("b_start") or 0)
        b_size = int(form["b_size"])
        batch = HypermediaBatch(self.request, overview.page(b_start, b_size))
        result = {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "items": [listing.summary(brain) for brain in batch],
            "facets": overview.facets(),
        }
        links = batch.links
        if links:
            result["batching"] = links
        return result
