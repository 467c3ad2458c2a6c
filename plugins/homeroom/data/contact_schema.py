"""The form of ``content/_data/contact.yml``: who families can reach, and where answers go."""

from __future__ import annotations

from typing import Any

_LANGUAGE = {
    "pattern": r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$",
    "description": "a language code such as `en` or `es`",
}
_PHONE = {
    "type": "string",
    "pattern": r"^\+?[0-9 ().-]{7,20}$",
    "description": "a phone number as families dial it, in quotes",
    "examples": ["(555) 010-2000"],
}
_EMAIL = {
    "type": "string",
    "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
    "description": "an e-mail address",
    "examples": ["families@district.example.org"],
}


def _per_language(description: str, example: str) -> dict[str, Any]:
    return {
        "type": "object",
        "minProperties": 1,
        "description": f"{description}, one line per language (`en: ...`, `es: ...`)",
        "examples": [{"en": example}],
        "propertyNames": _LANGUAGE,
        "additionalProperties": {"type": "string", "pattern": r"\S", "description": "the text"},
    }


_PERSON: dict[str, Any] = {
    "type": "object",
    "description": "`phone:` (and `email:`, `name:`, `hours:`)",
    "examples": [{"phone": "(555) 010-2000", "email": "families@district.example.org"}],
    "properties": {
        "name": _per_language("who answers", "Family Center"),
        "phone": _PHONE,
        "email": _EMAIL,
        "hours": _per_language("when they answer", "Monday to Friday, 8:00 to 4:30"),
    },
    "anyOf": [{"required": ["phone"]}, {"required": ["email"]}],
    "additionalProperties": False,
}

CONTACT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "`liaison:`, `interpreter:` and `feedback:` blocks",
    "properties": {
        "source": {"type": "string", "description": "who keeps this file up to date"},
        "liaison": {**_PERSON, "description": "the family liaison: `phone:` and `email:`"},
        "interpreter": {
            **_PERSON,
            "description": "the free interpreter line: `phone:` (and `hours:`)",
        },
        "feedback": {
            "type": "object",
            "description": "where answers to 'Was this page clear?' go: `form:`, `email:`, "
            "`text:` or `call:`",
            "examples": [{"email": "families@district.example.org"}],
            "properties": {
                "form": {
                    "type": "string",
                    "pattern": r"^https://\S+$",
                    "description": "the address of the district's own form, starting with "
                    "https://, with {page}, {lang} and {version} (and {clear}) where the form "
                    "takes them",
                    "examples": [
                        "https://forms.district.example.org/clear?page={page}&lang={lang}"
                        "&version={version}&clear={clear}"
                    ],
                },
                "email": _EMAIL,
                "text": {**_PHONE, "description": "a number that takes text messages"},
                "call": {**_PHONE, "description": "a number families can call"},
            },
            "minProperties": 1,
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}
