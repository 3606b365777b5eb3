"""What the documents a person reads (HTML pages, Markdown) call the fields of a result's
records: "Median pay", never ``median_annual``. CSV and JSON keep the field names, for scripts."""

from __future__ import annotations

LABELS = {
    "annual_openings": "Openings a year",
    "area": "Area",
    "area_code": "Area code",
    "authority": "Authority",
    "bls_typical_entry": "BLS entry education",
    "checked": "Sources read",
    "column": "Column",
    "compacts": "Compacts",
    "credential": "Credential",
    "detail": "Detail",
    "differs": "Differs",
    "dimension": "Dimension",
    "employment": "Employed",
    "employment_change_pct": "Job growth (%)",
    "family": "Family",
    "field": "Field",
    "file": "File",
    "group": "Group figures",
    "id": "Id",
    "kind": "Kind",
    "less_common": "Less common",
    "licence": "Licence",
    "line": "Line",
    "matches": "Matched",
    "median_annual": "Median pay (annual)",
    "message": "Problem",
    "name": "Name",
    "note": "Note",
    "origin": "Origin",
    "p10_annual": "10th percentile",
    "p25_annual": "25th percentile",
    "p75_annual": "75th percentile",
    "p90_annual": "90th percentile",
    "parent": "Part of",
    "patient_contact": "Patient contact",
    "published": "Published",
    "publisher": "Publisher",
    "rank": "#",
    "reasons": "Why",
    "release": "Release",
    "score": "Score",
    "similarity": "Similarity",
    "soc_code": "SOC code",
    "source_file": "Role file",
    "source_title": "Source",
    "source_url": "Source address",
    "state": "State",
    "state_name": "State name",
    "status": "Status",
    "step": "Step",
    "summary": "Summary",
    "tier": "Tier",
    "title": "Title",
    "url": "Address",
    "value": "Value",
}


def label(field: str) -> str:
    """The readable name of a record field (its words, capitalized, when none is set)."""
    if field in LABELS:
        return LABELS[field]
    words = field.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


#: Why a row says "not curated", for the pages of dataset occupations.
NOT_CURATED_NOTE = ("Not curated: no rolecmp role file describes this occupation, so what only a "
                    "role file says (scope, credentials, licensure, duties...) is not given here; "
                    "the figures come from BLS and O*NET.")


def credential_name(abbreviation: str, body: str) -> str:
    """"CMA (AAMA)": a credential's abbreviation with its body's short name, unless it already
    names it ("MLT(ASCP)") or the body has none."""
    from rolecmp.render.words import short_body

    short = short_body(body)
    if short == body or short in abbreviation:  # no short name, or the abbreviation has it
        return abbreviation
    return f"{abbreviation} ({short})"
