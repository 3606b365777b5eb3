"""Small facts about role files that both the catalog and the schema need. Kept apart so that
reading a cached role never imports the whole schema."""

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
#: An alias is a name as :func:`rolecmp.names.normalize` keys it: lowercase words joined by ``-``,
#: which may hold ``.``, ``+`` or ``#`` (credential abbreviations such as ``r.t``, ``r.t.-r``).
ALIAS_PATTERN = r"^[a-z0-9][a-z0-9.+#]*(-[a-z0-9.+#]+)*$"
#: Fields whose facts must be backed by at least one source's ``supports``.
MUST_BE_SOURCED = ("education", "workplaces", "certification", "licensure")
