"""The calls of @readability that docs/api.md shows, on the demo site.

tests/services/api/test_api_examples.py makes them with its recorder, which
checks each answer against the OpenAPI document.
"""

ACTIVE = "/opgavegrupper/groenne-gaarde"
DECIDED = f"{ACTIVE}/vild-natur-i-en-tredjedel-af-gardene"
# Kan(3) vi(2) få(2) flere(5) træer(5) i(1) gården(6) |
# Ja(2) |: 8 words, 2 sentences, 0 long = 4.0
DRAFT = "Kan vi få flere træer i gården? Ja."


def readability_calls(call):
    scores = call(
        "GET",
        f"{ACTIVE}/@readability",
        operation="readability",
        note=": a public group",
    ).json()
    assert set(scores["fields"]) == {"summary", "challenge"}
    assert (
        call("GET", f"{DECIDED}/@readability", operation="itemReadability").status_code
        == 200
    )
    draft = call(
        "POST",
        "/@readability",
        user="mette",
        body={"text": DRAFT},
        operation="scoreText",
        note=" (staff)",
    ).json()
    assert (draft["words"], draft["sentences"], draft["lix"]) == (8, 2, 4.0)
    assert (
        call(
            "POST",
            "/@readability",
            user="jens",
            body={"text": 42},
            operation="scoreText",
            note=" (a group member), text that is no string",
        ).json()["error"]["field"]
        == "text"
    )
    assert (
        call(
            "POST", "/@readability", body={"text": DRAFT}, operation="scoreText"
        ).status_code
        == 401
    )
