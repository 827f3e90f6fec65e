"""The folders of kurils/ are its layers, and nothing imports upward.

shipped tables -> kurils.data -> kurils.domain -> renderers (kurils.web,
kurils.figures, kurils.export). Read from the source with ``ast`` (every import,
also those inside functions), so a lazy import cannot hide a wrong direction.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kurils

PACKAGE = Path(kurils.__file__).parent
RENDERING = {"folium", "branca", "matplotlib", "jinja2"}

# What the domain reads (besides itself), and what a renderer reads (besides itself)
DOMAIN_READS = {"kurils.data", "kurils.errors", "kurils.style", "kurils.i18n"}
RENDERER_READS = DOMAIN_READS | {"kurils.domain", "kurils.drawing", "kurils._atomic"}

# For each folder (or top-level module), the kurils modules it may import
# (prefixes) and the third-party packages it must not.
ALLOWED = {
    "kurils.data": ({"kurils.data", "kurils.errors"}, RENDERING),
    "kurils.domain": (DOMAIN_READS | {"kurils.domain"}, RENDERING),
    # choropleth_layer takes a matplotlib colormap, as explore() does (imported
    # when called); the figures stay out of the web map all the same
    "kurils.web": (RENDERER_READS | {"kurils.web"}, set()),
    "kurils.figures": (RENDERER_READS | {"kurils.figures"}, {"folium", "branca"}),
    # geometry made ready for drawing, shared by the web map and the figures
    "kurils.drawing": ({"kurils.data", "kurils.domain"}, RENDERING),
    "kurils.style": (set(), RENDERING),
    "kurils.i18n": (set(), RENDERING),
    "kurils.errors": (set(), RENDERING),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of every module ``path`` imports (``kurils`` alone for
    ``from .. import __version__``, which any layer may read)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module
            found.add(module)
    return found


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "static" not in path.parts:
            yield _module_name(path), path


def _layer(module: str) -> str | None:
    return next((k for k in ALLOWED if module == k or module.startswith(k + ".")), None)


@pytest.mark.parametrize("module,path", list(_modules()), ids=lambda v: str(v))
def test_nothing_imports_upward(module, path):
    layer = _layer(module)
    if layer is None:  # kurils, kurils.cli, kurils.export, kurils._atomic: the top
        return
    may, must_not = ALLOWED[layer]
    for imported in _imports(path):
        top = imported.split(".")[0]
        assert top not in must_not, f"{module} imports {imported}"
        if top == "kurils" and imported != "kurils":
            assert any(imported == p or imported.startswith(p + ".") for p in may), (
                f"{module} imports {imported}: {layer} may import only {sorted(may)}"
            )


def test_every_module_is_checked():
    """Each module of kurils/ sits in a layer or is one of the few at the top."""
    top = {"kurils", "kurils.cli", "kurils.export", "kurils._atomic"}
    loose = [m for m, _ in _modules() if _layer(m) is None and m not in top]
    assert loose == []
    assert {_layer(m) for m, _ in _modules()} >= {
        "kurils.data",
        "kurils.domain",
        "kurils.web",
        "kurils.figures",
    }


def test_imports_are_read(tmp_path):
    """The reader sees relative imports at any depth and imports in functions."""
    sample = PACKAGE / "domain" / "summary.py"
    found = _imports(sample)
    assert "kurils" in found  # `from .. import __version__`, inside a function
    assert any(m.startswith("kurils.data") for m in found)
