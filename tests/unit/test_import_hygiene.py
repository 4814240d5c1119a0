"""The core of listen runs without the screen: it never imports Textual; the judge never imports Rich either.

And no module waits for another to finish importing: no module of listen takes part in an
import cycle, not even one hidden inside a function.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

CORE = ["course.content", "course.grading", "course.progress", "course.xapi", "course.trainer", "course.trainer.kit",
        "course.practice",
        "course.recording",
        "course.checking", "course.console", "course.conversation", "course.paths", "course.plainfile",
        "course.judging", "course.follow_up"]

PLAIN = ["course.judging", "course.content", "course.grading", "course.conversation", "course.recording",
         "course.follow_up", "course.practice"]
"""Packages that say what is right and wrong: plain data out, drawn by whoever shows it."""

PACKAGE = Path(__file__).resolve().parents[2] / "course"


@pytest.mark.parametrize("package", CORE)
def test_core_package_does_not_import_textual(package):
    code = (
        f"import sys, {package}; sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in "
        f"sys.modules) else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{package} pulled in textual: {result.stderr}"


def test_content_knows_nothing_else_of_ours():
    # paths and plainfile are leaves that import nothing of ours
    code = (
        "import sys, course.content, course.content.cache, course.content.loader; "
        "bad = [m for m in sys.modules if m.startswith('course.') "
        "and m.split('.')[1] not in ('content', 'paths', 'plainfile')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("package", PLAIN)
def test_judging_draws_nothing(package):
    code = (
        f"import sys, {package}; sys.exit(1 if any(m.split('.')[0] in ('rich', 'textual') for m in sys.modules) else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{package} pulled in rich or textual: {result.stderr}"


def _imports() -> dict[str, set[str]]:
    """Every module of ours and the modules of ours it imports anywhere in it (not for type checking only)."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {id(node) for block in ast.walk(tree)
                       if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
                       for node in ast.walk(block)}
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                submodules = {f"{base}.{alias.name}" for alias in node.names} & modules.keys()
                # ``from . import migrations`` imports the module, not its package's names
                found |= submodules if len(submodules) == len(node.names) else {base} | submodules
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
        graph[name] = {other for other in found if other in modules and other != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The groups of modules that import one another, round and round (strongly connected, more than one)."""
    order, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for other in graph[module]:
            if other not in order:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], order[other])
        if low[module] == order[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(group)

    for module in graph:
        if module not in order:
            visit(module)
    return groups


def test_no_module_is_in_an_import_cycle():
    assert not _cycles(_imports()), "modules that import one another, round and round"


def test_no_command_imports_the_cli_back():
    graph = _imports()
    assert not [
        name for name, imported in graph.items() if name.startswith("course.commands") and "course.cli" in imported
    ]


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [{"a", "b"}]
