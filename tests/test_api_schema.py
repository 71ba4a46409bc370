"""Real API responses validated against the project's own OpenAPI schema (/api/schema/).

The schema is what clients generate code from; a serializer that drops or renames a field,
or a value of the wrong type, fails here even when no other test looks at that field.
"""

from __future__ import annotations

import copy

import pytest
import yaml
from jsonschema import Draft202012Validator

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def openapi(django_db_blocker) -> dict:
    from django.test import Client

    with django_db_blocker.unblock():
        return yaml.safe_load(Client().get("/api/schema/").content)


def _json_schema(node):
    """OpenAPI 3.0 → JSON Schema: ``nullable`` becomes a null alternative; refs stay refs."""
    if isinstance(node, list):
        return [_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _json_schema(v) for k, v in node.items() if k not in ("nullable", "readOnly", "writeOnly", "example")}
    if node.get("nullable"):
        if "type" in out:
            out["type"] = [out["type"], "null"] if isinstance(out["type"], str) else [*out["type"], "null"]
        elif "$ref" in out or "allOf" in out or "oneOf" in out:
            out = {"anyOf": [out, {"type": "null"}]}
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
    return out


def _validate(openapi: dict, path: str, body) -> None:
    responses = openapi["paths"][path]["get"]["responses"]
    schema = responses["200"]["content"]["application/json"]["schema"]
    root = {"$defs": {}, **_json_schema(copy.deepcopy(schema))}
    root["components"] = _json_schema(copy.deepcopy(openapi["components"]))
    validator = Draft202012Validator(root)
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def _strict(openapi: dict) -> dict:
    """Every documented object must not carry undocumented fields either."""
    for component in openapi["components"]["schemas"].values():
        if component.get("type") == "object" and "properties" in component:
            component.setdefault("additionalProperties", False)
    return openapi


def test_every_seed_agreement_detail_matches_the_schema(client, seed, openapi):
    openapi = _strict(copy.deepcopy(openapi))
    from archive.models import Agreement

    for agreement in Agreement.objects.public():
        body = client.get(f"/api/agreements/{agreement.slug}/").json()
        _validate(openapi, "/api/agreements/{slug}/", body)


LIST_PARAMS = [{}, {"q": "барлау"}, {"pair": "AZ-KZ", "ordering": "-signed_date"}, {"page_size": 2}]


@pytest.mark.parametrize("params", LIST_PARAMS)
def test_the_agreement_list_matches_the_schema(client, seed, openapi, params):
    body = client.get("/api/agreements/", params).json()
    assert body["results"]
    _validate(_strict(copy.deepcopy(openapi)), "/api/agreements/", body)


def test_countries_topics_and_pairs_match_the_schema(client, seed, openapi):
    strict = _strict(copy.deepcopy(openapi))
    _validate(strict, "/api/countries/", client.get("/api/countries/").json())
    _validate(strict, "/api/countries/{code}/", client.get("/api/countries/KZ/").json())
    _validate(strict, "/api/topics/", client.get("/api/topics/").json())
    _validate(strict, "/api/topics/{slug}/", client.get("/api/topics/military-intelligence/").json())
    _validate(strict, "/api/pairs/", client.get("/api/pairs/").json())


def test_the_schema_check_catches_a_wrong_type(openapi):
    """The check itself can fail: a detail whose date is a number is refused."""
    schema = _json_schema(openapi["components"]["schemas"]["AgreementDetail"])
    assert schema["properties"]["signed_date"]["type"] == ["string", "null"]
    with pytest.raises(AssertionError):
        _validate(openapi, "/api/countries/{code}/", {"code": 7})


ACT_LIST_PARAMS = [{}, {"number": "N 527"}, {"q": "Government decree № 752 of 16 September 2024"}, {"page_size": 1}]


@pytest.mark.parametrize("params", ACT_LIST_PARAMS)
def test_the_act_list_matches_the_schema(client, seed, openapi, params):
    body = client.get("/api/acts/", params).json()
    assert body["results"]
    _validate(_strict(copy.deepcopy(openapi)), "/api/acts/", body)


def test_every_seed_act_detail_matches_the_schema_by_id_and_by_path(client, seed, openapi):
    from urllib.parse import unquote

    from archive.models import Act

    strict = _strict(copy.deepcopy(openapi))
    assert "/api/acts/{country}/{kind}/{key}/" in openapi["paths"]
    acts = list(Act.objects.filter(agreement__published_at__isnull=False))
    assert len(acts) >= 3
    for act in acts:
        by_id = client.get(f"/api/acts/{act.pk}/").json()
        _validate(strict, "/api/acts/{id}/", by_id)
        by_path = client.get(unquote(act.get_absolute_url()).replace("/acts/", "/api/acts/", 1)).json()
        _validate(strict, "/api/acts/{country}/{kind}/{key}/", by_path)
        assert by_path == by_id
