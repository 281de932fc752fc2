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
        try:
            filters = listing.parse_filters(form)
        except listing.FilterError as error:
            return error_response(
                self.request, 400, "BadRequest", error.message, error.field
            )
        if not form.get("b_size"):
            form["b_size"] = str(listing.BATCH_SIZE)
        batch = HypermediaBatch(self.request, listing.search(self.context, filters))
        result = {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "items": [listing.summary(brain) for brain in batch],
            "facets": listing.facets(self.context, filters),
        }
        links = batch.links
        if links:
            result["batching"] = links
        return result
