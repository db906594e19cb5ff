"""The OpenAPI 3.1 description of the JSON API, written by hand: four paths do not need a
generator, and the document is what clients read, so it should read well. Its schemas are JSON
Schema 2020-12 (as OpenAPI 3.1 requires); tests validate real responses against them.
"""

from __future__ import annotations

import copy

from ..core.routing import CATEGORIES

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _ok(description: str, schema: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


_DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "#CreateKindness wall API",
        "version": "1.0.0",
        "summary": "Read-only access to the published kind moments of the #CreateKindness wall.",
        "description": (
            "Only published moments are ever returned, with their public fields. Pages are "
            "key-paginated: pass a page's `next` as `after` to get the next one. Requests are "
            "rate limited per client; errors are JSON objects with an `error` member."
        ),
    },
    "paths": {
        "/api/v1/moments": {
            "get": {
                "operationId": "listMoments",
                "summary": "Published moments, newest first",
                "parameters": [
                    {
                        "name": "after",
                        "in": "query",
                        "required": False,
                        "description": "The `next` cursor of the previous page.",
                        "schema": {"type": "string", "maxLength": 40},
                    },
                    {
                        "name": "category",
                        "in": "query",
                        "required": False,
                        "description": "Only moments of this category.",
                        "schema": {"$ref": "#/components/schemas/Category"},
                    },
                    {
                        "name": "limit",
                        "in": "query",
                        "required": False,
                        "description": "How many moments per page.",
                        "schema": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": MAX_LIMIT,
                            "default": DEFAULT_LIMIT,
                        },
                    },
                ],
                "responses": {
                    "200": _ok("A page of moments", "MomentPage"),
                    "400": _error("A malformed cursor, an unknown category or a bad limit"),
                    "429": _error("Too many requests from this client; try again later"),
                },
            }
        },
        "/api/v1/moments/{id}": {
            "get": {
                "operationId": "getMoment",
                "summary": "One published moment",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 1},
                    }
                ],
                "responses": {
                    "200": _ok("The moment", "Moment"),
                    "404": _error("No published moment has this id"),
                    "429": _error("Too many requests from this client; try again later"),
                },
            }
        },
        "/api/v1/counts": {
            "get": {
                "operationId": "getCounts",
                "summary": "The wall's running counts",
                "description": "Cached for a few seconds by each server process.",
                "responses": {
                    "200": _ok("The counts", "Counts"),
                    "429": _error("Too many requests from this client; try again later"),
                },
            }
        },
        "/api/v1/campaign": {
            "get": {
                "operationId": "getCampaign",
                "summary": "Whether the campaign is taking moments",
                "description": (
                    "Before its opening time and after its closing time the share form takes no "
                    "moments; the wall and this API stay up."
                ),
                "responses": {
                    "200": _ok("The campaign window", "Campaign"),
                    "429": _error("Too many requests from this client; try again later"),
                },
            }
        },
        "/api/openapi.json": {
            "get": {
                "operationId": "getOpenAPI",
                "summary": "This document",
                "responses": {
                    "200": {
                        "description": "The OpenAPI 3.1 document",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Category": {
                "type": "string",
                "enum": list(CATEGORIES),
                "description": "; ".join(f"`{key}`: {label}" for key, label in CATEGORIES.items()),
            },
            "Moment": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "id",
                    "text",
                    "display_name",
                    "for_whom",
                    "category",
                    "video_url",
                    "published_at",
                    "heart_count",
                    "url",
                    "imported_from",
                ],
                "properties": {
                    "id": {"type": "integer", "minimum": 1},
                    "text": {"type": "string", "maxLength": 500},
                    "display_name": {"type": "string"},
                    "for_whom": {
                        "type": ["string", "null"],
                        "description": "Who the moment is for or about, if the author said.",
                    },
                    "category": {
                        "oneOf": [{"$ref": "#/components/schemas/Category"}, {"type": "null"}]
                    },
                    "video_url": {"type": ["string", "null"], "format": "uri"},
                    "published_at": {"type": "string", "format": "date-time"},
                    "heart_count": {"type": "integer", "minimum": 0},
                    "url": {
                        "type": "string",
                        "format": "uri",
                        "description": "The moment's page on the wall.",
                    },
                    "imported_from": {
                        "description": "Where an imported moment was first posted; null for "
                        "one shared here.",
                        "oneOf": [{"$ref": "#/components/schemas/Origin"}, {"type": "null"}],
                    },
                },
            },
            "Origin": {
                "type": "object",
                "additionalProperties": False,
                "required": ["source", "url"],
                "properties": {
                    "source": {"type": "string", "description": "The platform, e.g. `tiktok`."},
                    "url": {
                        "type": ["string", "null"],
                        "format": "uri",
                        "description": "The original post, where it is known.",
                    },
                },
            },
            "Campaign": {
                "type": "object",
                "additionalProperties": False,
                "required": ["state", "opens_at", "closes_at", "share_url"],
                "properties": {
                    "state": {"type": "string", "enum": ["not_yet_open", "open", "closed"]},
                    "opens_at": {"type": ["string", "null"], "format": "date-time"},
                    "closes_at": {"type": ["string", "null"], "format": "date-time"},
                    "share_url": {
                        "type": ["string", "null"],
                        "format": "uri",
                        "description": "The share form, while the campaign is open.",
                    },
                },
            },
            "MomentPage": {
                "type": "object",
                "additionalProperties": False,
                "required": ["moments", "next", "next_url"],
                "properties": {
                    "moments": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Moment"},
                        "maxItems": MAX_LIMIT,
                    },
                    "next": {
                        "type": ["string", "null"],
                        "description": "Pass as `after` for the next page; null on the last.",
                    },
                    "next_url": {"type": ["string", "null"], "format": "uri"},
                },
            },
            "Counts": {
                "type": "object",
                "additionalProperties": False,
                "required": ["published", "hearts"],
                "properties": {
                    "published": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "Moments on the wall.",
                    },
                    "hearts": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "Hearts given to moments on the wall.",
                    },
                },
            },
            "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {
                    "error": {
                        "type": "object",
                        "required": ["code", "type", "title", "message"],
                        "properties": {
                            "code": {"type": "integer", "description": "The HTTP status."},
                            "type": {
                                "type": "string",
                                "description": "A stable name to branch on: bad_request, "
                                "not_found, method_not_allowed, rate_limited, internal_error, "
                                "unavailable.",
                            },
                            "title": {"type": "string", "description": "The HTTP reason."},
                            "message": {
                                "type": "string",
                                "description": "What was wrong, for the person writing the client.",
                            },
                        },
                    }
                },
            },
        }
    },
}


def openapi_document() -> dict:
    return copy.deepcopy(_DOCUMENT)
