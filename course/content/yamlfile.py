"""YAML that remembers line numbers, so every problem can point at its line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

__all__ = ["Located", "LocatedDict", "LocatedList", "parse_yaml", "line_of"]

try:  # libyaml is much faster and keeps the same marks
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class Located:
    """A container that knows the line it starts on and the line of each entry."""

    line: int = 0
    lines: dict[Any, int]


class LocatedDict(dict, Located):  # type: ignore[type-arg]
    """A mapping with ``line`` and ``lines[key]`` (line of each key)."""


class LocatedList(list, Located):  # type: ignore[type-arg]
    """A sequence with ``line`` and ``lines[index]``."""


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loading; mappings and sequences keep their line numbers."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    result = LocatedDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key here is not a plain value", key_node.start_mark
            ) from None
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = {index: child.start_mark.line + 1 for index, child in enumerate(node.value)}
    return result


EXTRA_FROM_ALIASES = 10_000
"""Values that anchors and aliases (``&name``, ``*name``) may add, in all, to what a file holds.

Each alias repeats what its anchor holds; nine levels of aliases each repeating the one before
ten times (a "billion laughs" file) would be a billion values from a few hundred bytes."""

MAX_DEPTH = 100
"""How deeply lists and mappings may nest: deeper is never content, and would exhaust the stack."""


def _check_expansion(root: yaml.Node) -> None:
    """Refuse a document whose aliases repeat too much, refer to themselves, or nest too deeply.

    Sizes are counted once per node (a node reached through many aliases is not walked again),
    so the check costs what the file holds, not what it would expand to.
    """
    sizes: dict[int, int] = {}
    walked = 0
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    open_nodes: set[int] = set()
    while stack:
        node, depth, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if depth > MAX_DEPTH:
            raise yaml.constructor.ConstructorError(
                None, None, f"lists and fields nest more than {MAX_DEPTH} deep", node.start_mark)
        children = _children(node)
        if children_done or not children:
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
            open_nodes.discard(id(node))
            continue
        if id(node) in open_nodes:
            raise yaml.constructor.ConstructorError(
                None, None, "an alias (*name) here refers to the list or fields that hold it", node.start_mark)
        open_nodes.add(id(node))
        walked += 1
        stack.append((node, depth, True))
        for child in children:
            if id(child) in open_nodes:
                raise yaml.constructor.ConstructorError(
                    None, None, "an alias (*name) here refers to the list or fields that hold it", child.start_mark)
            stack.append((child, depth + 1, False))
    distinct = len(sizes)
    if sizes[id(root)] - distinct > EXTRA_FROM_ALIASES:
        raise yaml.constructor.ConstructorError(
            None, None, f"aliases (*name) repeat their anchors (&name) into more than "
            f"{EXTRA_FROM_ALIASES:,} extra values; write the values out instead", root.start_mark)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _construct_document(loader: _Loader, node: yaml.Node) -> Any:
    _check_expansion(node)
    return _BaseLoader.construct_document(loader, node)


_Loader.construct_document = _construct_document
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay text: a trainer writing 2026-12-01 means the words, and JSON can't hold a date.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)

INT_DIGITS = 100
"""A whole number in content with more digits than this is refused (Python would stop at 4,300 with a traceback)."""


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> Any:
    if len(str(node.value)) > INT_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"a number with {len(str(node.value)):,} digits is too long to be one", node.start_mark
        )
    return loader.construct_yaml_int(node)


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class YamlProblem(Exception):
    """YAML that does not parse; ``line`` is 1-based (0 if unknown)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_yaml(text: str, *, first_line: int = 1) -> Any:
    """Parse YAML text; lines are numbered from ``first_line``.

    Raises YamlProblem with a plain message and the line of the fault.
    """
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + first_line) if mark else 0
        reason = error.problem or error.context or "this is not valid YAML"
        raise YamlProblem(line, f"YAML does not parse: {reason}") from None
    except yaml.YAMLError as error:
        raise YamlProblem(0, f"YAML does not parse: {error}") from None
    except RecursionError:
        raise YamlProblem(0, f"YAML does not parse: lists and fields nest more than {MAX_DEPTH} deep") from None
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


def _shift(data: Any, offset: int, seen: set[int] | None = None) -> None:
    seen = set() if seen is None else seen
    if isinstance(data, Located) and id(data) not in seen:
        seen.add(id(data))  # an alias shares its anchor's value: shift it once
        data.line += offset
        data.lines = {key: line + offset for key, line in data.lines.items()}
        children: Iterable[Any] = data.values() if isinstance(data, dict) else data  # type: ignore[assignment]
        for child in children:
            _shift(child, offset, seen)


def line_of(data: Any, *path: Any) -> int:
    """The line of the deepest entry along ``path`` that we know (0 if none)."""
    line = getattr(data, "line", 0)
    node = data
    for step in path:
        if isinstance(node, Located) and step in node.lines:
            line = node.lines[step]
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return line
