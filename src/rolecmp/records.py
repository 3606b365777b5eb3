"""``NamedTuple`` as :mod:`typing` defines it, made about four times cheaper to define.

rolecmp defines some 60 records, and a command imports most of the modules that hold them at
every start-up. ``typing.NamedTuple`` turns each field's annotation into a ``ForwardRef``, which
compiles the annotation's text (every module here uses ``from __future__ import annotations``):
about 0.3 ms of the 0.45 ms a ten-field record costs to define here, some 15 ms per run in all
(benchmarks/README.md). This one skips that step, and :func:`collections.namedtuple` compiles a
``__new__`` for every record though they differ only in their argument names, so here one is
compiled per number of fields and given each record's names. Nothing else differs: the class
has the same methods, defaults, docstrings and class attributes, and ``__annotations__`` keeps
the annotations' text, which :func:`typing.get_type_hints` resolves as before
(:func:`rolecmp.cache.conforms` relies on it).

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
    import sys
    import types
    from keyword import iskeyword

    # What typing forbids overwriting in a NamedTuple body, and what it does not copy over.
    _PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                             "_field_defaults", "_make", "_replace", "_asdict", "_source"})
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

    class _RecordMeta(type):
        def __new__(mcs, typename: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
            for base in bases:
                if base is not _Record:
                    raise TypeError("can only inherit from a NamedTuple type")
            types_ = ns.get("__annotations__", {})
            default_names: list[str] = []
            for field_name in types_:
                if field_name in ns:
                    default_names.append(field_name)
                elif default_names:
                    raise TypeError(f"Non-default namedtuple field {field_name} cannot follow "
                                    f"default field{'s' if len(default_names) > 1 else ''} "
                                    f"{', '.join(default_names)}")
            record = namedtuple(typename, list(types_), [ns[n] for n in default_names],
                                ns["__module__"])
            record.__annotations__ = dict(types_)
            for key in ns:
                if key in _PROHIBITED:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                if key not in _SPECIAL and key not in record._fields:
                    setattr(record, key, ns[key])
            return record

    _Record = type.__new__(_RecordMeta, "NamedTuple", (), {})

    def NamedTuple(typename: str, fields: Any = None, /, **kwargs: Any) -> Any:
        """The functional form, ``NamedTuple("Name", [("field", type), ...])``."""
        items = list(kwargs.items() if fields is None else fields)
        module = sys._getframe(1).f_globals.get("__name__", "__main__")
        record = namedtuple(typename, [name for name, _ in items], None, module)
        record.__annotations__ = dict(items)
        return record

    NamedTuple.__mro_entries__ = lambda bases: (_Record,)

    #: The code of a ``__new__`` per number of fields, its arguments renamed for each record.
    _NEW_CODE: dict[int, types.CodeType] = {}

    def namedtuple(typename: str, field_names: list[str], defaults: list[Any] | None,
                   module: str) -> Any:
        """``collections.namedtuple(typename, field_names, defaults=defaults, module=module)``
        (Python 3.11's), with ``__new__`` made from a shared compiled template. Field names
        must be valid identifiers not starting with "_"; anything else is left to
        collections.namedtuple, which says what is wrong."""
        names = tuple(sys.intern(str(name)) for name in field_names)
        if not names or len(set(names)) != len(names) or any(
                not name.isidentifier() or name.startswith("_") or iskeyword(name)
                for name in names) or not typename.isidentifier() or iskeyword(typename):
            return collections.namedtuple(typename, field_names, defaults=defaults,
                                          module=module)
        typename = sys.intern(str(typename))
        count = len(names)
        field_defaults: dict[str, Any] = {}
        if defaults is not None:
            defaults = list(defaults)
            if len(defaults) > count:
                raise TypeError("Got more default values than field names")
            field_defaults = dict(zip(names[count - len(defaults):], defaults, strict=True))
        arg_list = ", ".join(names) + ("," if count == 1 else "")
        repr_fmt = "(" + ", ".join(f"{name}=%r" for name in names) + ")"
        tuple_new = tuple.__new__
        namespace = {"_tuple_new": tuple_new, "__builtins__": {},
                     "__name__": f"namedtuple_{typename}"}
        code = _NEW_CODE.get(count)
        if code is None:
            args = ", ".join(f"_{i}" for i in range(count)) + ("," if count == 1 else "")
            code = eval(f"lambda _cls, {args}: _tuple_new(_cls, ({args}))", namespace).__code__
            _NEW_CODE[count] = code
        __new__ = types.FunctionType(code.replace(co_varnames=("_cls", *names)), namespace,
                                     "__new__")
        __new__.__doc__ = f"Create new instance of {typename}({arg_list})"
        if defaults is not None:
            __new__.__defaults__ = tuple(defaults)

        @classmethod
        def _make(cls: Any, iterable: Any) -> Any:
            result = tuple_new(cls, iterable)
            if len(result) != count:
                raise TypeError(f"Expected {count} arguments, got {len(result)}")
            return result

        _make.__func__.__doc__ = f"Make a new {typename} object from a sequence or iterable"

        def _replace(self: Any, /, **kwds: Any) -> Any:
            result = self._make(map(kwds.pop, names, self))
            if kwds:
                raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
            return result

        _replace.__doc__ = (f"Return a new {typename} object replacing specified fields with "
                            "new values")

        def __repr__(self: Any) -> str:
            "Return a nicely formatted representation string"
            return str(self.__class__.__name__ + repr_fmt % self)

        def _asdict(self: Any) -> dict[str, Any]:
            "Return a new dict which maps field names to their values."
            return dict(zip(self._fields, self, strict=False))

        def __getnewargs__(self: Any) -> tuple[Any, ...]:
            "Return self as a plain tuple.  Used by copy and pickle."
            return tuple(self)

        for method in (__new__, _make.__func__, _replace, __repr__, _asdict, __getnewargs__):
            method.__qualname__ = f"{typename}.{method.__name__}"
        class_namespace: dict[str, Any] = {
            "__doc__": f"{typename}({arg_list})", "__slots__": (), "_fields": names,
            "_field_defaults": field_defaults, "__new__": __new__, "_make": _make,
            "_replace": _replace, "__repr__": __repr__, "_asdict": _asdict,
            "__getnewargs__": __getnewargs__, "__match_args__": names,
        }
        for index, name in enumerate(names):
            doc = sys.intern(f"Alias for field number {index}")
            class_namespace[name] = collections._tuplegetter(index, doc)
        result = type(typename, (tuple,), class_namespace)
        result.__module__ = module
        return result
