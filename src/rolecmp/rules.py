"""Small facts about role files that both the catalog and the schema need. Kept apart so that
reading a cached role never imports the whole schema.

Patterns are written for Python's ``re`` with ``\\Z`` (``$`` also matches before a final
newline) and explicit ``[0-9]`` (``\\d`` matches other scripts' digits too);
:func:`rolecmp.schema.json_schema` turns ``\\Z`` into the ``$`` of JSON Schema's ECMA-262
patterns, where ``$`` is the true end.
"""

#: Ids are file names too: at most 120 characters (the longest BLS occupation id is 99), so
#: every file system can hold one.
ID_PATTERN = r"^(?=[a-z0-9-]{1,120}\Z)[a-z0-9]+(-[a-z0-9]+)*\Z"
#: An alias is a name as :func:`rolecmp.names.normalize` keys it: lowercase words joined by ``-``,
#: which may hold ``.``, ``+`` or ``#`` (credential abbreviations such as ``r.t``, ``r.t.-r``).
ALIAS_PATTERN = r"^[a-z0-9][a-z0-9.+#]*(-[a-z0-9.+#]+)*\Z"
#: Fields whose facts must be backed by at least one source's ``supports``.
MUST_BE_SOURCED = ("education", "workplaces", "certification", "licensure")
