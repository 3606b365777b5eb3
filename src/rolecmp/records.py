"""``NamedTuple`` as :mod:`typing` defines it, made about three times cheaper to define.

rolecmp defines some 60 records, and a command imports most of the modules that hold them at
every start-up. ``typing.NamedTuple`` turns each field's annotation into a ``ForwardRef``, which
compiles the annotation's text (every module here uses ``from __future__ import annotations``):
about 0.3 ms of the 0.45 ms a ten-field record costs to define here, some 15 ms per run in all
(benchmarks/README.md). This one skips that step and nothing else: the class is the same
:func:`collections.namedtuple` with the same methods, defaults and class attributes, and
``__annotations__`` keeps the annotations' text, which :func:`typing.get_type_hints` resolves as
before (:func:`rolecmp.cache.conforms` relies on it).

Type checkers see ``typing.NamedTuple`` itself; modules import it from here:
``from rolecmp.records import NamedTuple``.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any

__all__ = ["NamedTuple"]

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # What typing forbids overwriting in a NamedTuple body, and what it does not copy over.
    _PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                             "_field_defaults", "_make", "_replace", "_asdict", "_source"})
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

    class _RecordMeta(type):
        def __new__(mcs, typename: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
            for base in bases:
                if base is not _Record:
                    raise TypeError("can only inherit from a NamedTuple type")
            types = ns.get("__annotations__", {})
            default_names: list[str] = []
            for field_name in types:
                if field_name in ns:
                    default_names.append(field_name)
                elif default_names:
                    raise TypeError(f"Non-default namedtuple field {field_name} cannot follow "
                                    f"default field{'s' if len(default_names) > 1 else ''} "
                                    f"{', '.join(default_names)}")
            record = collections.namedtuple(typename, list(types),
                                            defaults=[ns[n] for n in default_names],
                                            module=ns["__module__"])
            record.__annotations__ = dict(types)
            for key in ns:
                if key in _PROHIBITED:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                if key not in _SPECIAL and key not in record._fields:
                    setattr(record, key, ns[key])
            return record

    _Record = type.__new__(_RecordMeta, "NamedTuple", (), {})

    def NamedTuple(typename: str, fields: Any = None, /, **kwargs: Any) -> Any:
        """The functional form, ``NamedTuple("Name", [("field", type), ...])``."""
        import sys

        items = kwargs.items() if fields is None else fields
        names = [name for name, _ in items]
        module = sys._getframe(1).f_globals.get("__name__", "__main__")
        record = collections.namedtuple(typename, names, module=module)
        record.__annotations__ = dict(items)
        return record

    NamedTuple.__mro_entries__ = lambda bases: (_Record,)
