#!/usr/bin/env python3
"""Regenerate kurils/web/static/: pinned, offline copies of the JS/CSS that folium
0.20.0 (and the folium plugins kurils supports) reference from CDNs.

Build-time only (needs node/npm and the npm registry); never imported at runtime.

    python scripts/vendor_assets.py

What it does, reproducibly:
  * `npm pack NAME@VERSION` for every pinned package into a temp dir, checks the
    tarball against the sha512 integrity pinned below, extracts only the needed
    files (plus the package's licence file) with Python's tarfile;
  * rewrites relative CSS `url(...)` references (images) into `data:` URIs so each
    shipped CSS file is self-contained (fails if any relative url() is left);
  * wipes and rewrites kurils/web/static/ (assets, LICENSE files, assets.json,
    README.md).  assets.json is deterministic: sorted keys, indent=1, trailing
    newline.
  * if folium is importable, checks that every manifest URL is exactly a string
    in folium's default_js/default_css (Map and the listed plugins) and that no
    URL of those classes is missing from the manifest.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "kurils" / "static"
FOLIUM_VERSION = "0.20.0"

# name -> (version, npm dist.integrity, SPDX licence, licence file inside the tarball)
PACKAGES = {
    "leaflet": (
        "1.9.3",
        "sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ==",
        "BSD-2-Clause",
        "LICENSE",
    ),
    "leaflet.fullscreen": (
        "3.0.0",
        "sha512-81wWSUXz1ZtdneR0v5eJDWXUSx+Zo5J50WXWeydG/UcILfIEAgz/iOjZSi3p00Z9MJ/FC/P5i3CgdYuEAos0yQ==",
        "MIT",  # package.json says "MIT License"; LICENSE text is MIT
        "LICENSE",
    ),
    "leaflet-groupedlayercontrol": (
        "0.6.1",
        "sha512-xkGeH6ygcryFQI0FUWn6Bz93zlwrOSpeXgJQ3jLRoUQJ5h/Qgrz+GqR9nhBFfikjUKtC1sCKL3eDR9wNTWhLlA==",
        "MIT",
        "LICENSE.txt",
    ),
    "leaflet-search": (
        "2.9.7",
        "sha512-v7CxEbXyQXqLFjSkTpvM5i1cvmrcPOos57UmTnR94qqvVZykXyz/0SKEs3cbkFHjyrmMQ3Yk2Q5W6PvyuiSuPg==",
        "MIT",
        "license.txt",
    ),
    "leaflet.pattern": (
        "0.1.0",  # folium URL is unpinned (GitHub Pages); 0.1.0 = only/latest npm release
        "sha512-E4sxvvK0XHi1EhE1yUTG1bzafXZoXUPqWPjHz5fSpv/pOcT4CtS0qR1lhFSRtSUYios8OwlZmUGB9n91zQEgcw==",
        "BSD-2-Clause",  # no "license" in package.json; LICENCE.txt is BSD 2-clause text
        "LICENCE.txt",
    ),
    "leaflet.timeline": (
        "1.6.0",
        "sha512-FCMkr3P0zxL5IRVJ80wUPmXOlyC7ohq3z2JO45mYq6AKoBgB1yXjfXI6e6V64TAwBl0cmyYIrJCN8boyXdVDSQ==",
        "ISC",
        "LICENSE",
    ),
    "moment": (
        "2.18.1",
        "sha512-QGcnVKRSEhbWy2i0pqFhjWMCczL/YU5ICMB3maUavFcyUqBszRnzsswvOaGOqSfWZ/R+dMnb9gGBuRT4LMTdVQ==",
        "MIT",
        "LICENSE",
    ),
    "leaflet.markercluster": (
        "1.1.0",
        "sha512-eI+XkCiLiHwCC3uZ4/n4+Vq3rXcqEHN2lhHRVG1WVziy/3Q0TTipWkzEa1zO0dKZI2AnI5ppFDWrOjnQ7MJLKQ==",
        "MIT",
        "MIT-LICENCE.txt",
    ),
    "leaflet-minimap": (
        "3.6.1",
        "sha512-6px8f6cfv1rKB6ACpL6bbUFGxipZOq4KsntJgBj9nOcW1RYa5+xFp8emOZwks9X+VtVVsQEwWwfgT1kTTL/LzA==",
        "BSD-2-Clause",
        "LICENSE.txt",
    ),
    "leaflet-measure": (
        "2.1.7",
        "sha512-IvoHIoVTIQSXUgaNnAMF17qXFB+dF5ICdwmY8BHyq/Hh33/xeGqQUUYlz0pRMzFN9NUcjsT6JBhCr1ia0CG5ug==",
        "MIT",
        "LICENSE",
    ),
    "leaflet-draw": (
        "1.0.2",
        "sha512-iCcbXE9okhwznoTXjxVjoGFoKeiWGsgmWPKrPAeHUvtWZWK4t6YF6815D13wZoMxX2UM6tOmD7/VofCxx3S0+w==",
        "MIT",
        None,  # the tarball has no licence file: see MIT_WITHOUT_FILE
    ),
    "leaflet.locatecontrol": (
        # folium pins 0.66.2, whose icons are Font Awesome classes (not shipped);
        # 0.79.0 draws its own icons as data: SVGs, same L.control.locate API
        "0.79.0",
        "sha512-h64QIHFkypYdr90lkSfjKvPvvk8/b8UnP3m9WuoWdp5p2AaCWC0T1NVwyuj4rd5U4fBW3tQt4ppmZ2LceHMIDg==",
        "MIT",
        "LICENSE",
    ),
    "leaflet.heat": (
        "0.2.0",  # only for its LICENSE: the script itself is folium's patched copy
        "sha512-Cd5PbAA/rX3X3XKxfDoUGi9qp78FyhWYurFg3nsfhntcM/MCNK08pRkf4iEenO1KNqwVPKCmkyktjW3UD+h9bQ==",
        "BSD-2-Clause",  # no "license" in package.json; LICENSE is BSD 2-clause text
        "LICENSE",
    ),
    "jquery": (
        "3.7.1",
        "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
        "MIT",
        "LICENSE.txt",
    ),
}

# npm packages whose tarball has no licence file: the licence its package.json
# declares, with the copyright line from the shipped file's own header.
MIT_WITHOUT_FILE = {
    "leaflet-draw": "(c) 2012-2017, Jacob Toye, Jon West, Smartrak, Leaflet",
}
MIT_TEXT = """\
The npm tarball {package}@{version} contains no licence file; its package.json
declares "license": "MIT" and its dist files carry this copyright notice:

Copyright {holder}

Permission is hereby granted, free of charge, to any person obtaining
a copy of this software and associated documentation files (the
"Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to
the following conditions:

The above copyright notice and this permission notice shall be
included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

# Files taken from the installed folium wheel (not from npm), pinned by sha256.
FROM_FOLIUM = {
    "templates/leaflet_heat.min.js": (
        "7378c428ff2318ec48e7e73c0d46061f938aa75551c519c74cd790b044dfa0fa"
    ),
}

# Vendored ("inline") assets: folium URL -> file from the npm tarball.
INLINE = [
    dict(
        url="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
        package="leaflet",
        source="dist/leaflet.js",
        file="leaflet/leaflet.js",
        used_by=["folium.Map"],
    ),
    dict(
        url="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css",
        package="leaflet",
        source="dist/leaflet.css",
        file="leaflet/leaflet.inline.css",
        used_by=["folium.Map"],
        note="images/layers.png, layers-2x.png, marker-icon.png inlined as data: URIs. "
        "Because .leaflet-default-icon-path is now a data: URI, Leaflet's icon-path "
        "auto-detection cannot work: load leaflet/leaflet.icon-default.inline.js "
        "(see extras) after leaflet.js if default L.Marker icons are used.",
    ),
    dict(
        url="https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.min.js",
        package="leaflet.fullscreen",
        source="Control.FullScreen.js",
        file="leaflet.fullscreen/Control.FullScreen.js",
        used_by=["folium.plugins.Fullscreen"],
        note="The npm tarball has no .min.js (jsDelivr minifies on the fly); the "
        "unminified Control.FullScreen.js of the same version is shipped.",
    ),
    dict(
        url="https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.css",
        package="leaflet.fullscreen",
        source="Control.FullScreen.css",
        file="leaflet.fullscreen/Control.FullScreen.inline.css",
        used_by=["folium.plugins.Fullscreen"],
        note="icon-fullscreen.svg inlined as a data: URI.",
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/leaflet-groupedlayercontrol/0.6.1/leaflet.groupedlayercontrol.min.js",
        package="leaflet-groupedlayercontrol",
        source="dist/leaflet.groupedlayercontrol.min.js",
        file="leaflet-groupedlayercontrol/leaflet.groupedlayercontrol.min.js",
        used_by=["folium.plugins.GroupedLayerControl"],
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/leaflet-groupedlayercontrol/0.6.1/leaflet.groupedlayercontrol.min.css",
        package="leaflet-groupedlayercontrol",
        source="dist/leaflet.groupedlayercontrol.min.css",
        file="leaflet-groupedlayercontrol/leaflet.groupedlayercontrol.min.css",
        used_by=["folium.plugins.GroupedLayerControl"],
    ),
    dict(
        url="https://cdn.jsdelivr.net/npm/leaflet-search@2.9.7/dist/leaflet-search.min.js",
        package="leaflet-search",
        source="dist/leaflet-search.min.js",
        file="leaflet-search/leaflet-search.min.js",
        used_by=["folium.plugins.Search"],
    ),
    dict(
        url="https://cdn.jsdelivr.net/npm/leaflet-search@2.9.7/dist/leaflet-search.min.css",
        package="leaflet-search",
        source="dist/leaflet-search.min.css",
        file="leaflet-search/leaflet-search.inline.min.css",
        used_by=["folium.plugins.Search"],
        note="../images/search-icon.png and ../images/loader.gif inlined as data: URIs.",
    ),
    dict(
        url="https://teastman.github.io/Leaflet.pattern/leaflet.pattern.js",
        package="leaflet.pattern",
        source="dist/leaflet.pattern.js",
        file="leaflet.pattern/leaflet.pattern.patched.js",
        used_by=["folium.plugins.StripePattern", "folium.plugins.CirclePattern"],
        # Leaflet 1.9 warns "Deprecated include of L.Mixin.Events" on every page;
        # the mixin it asks for instead has the same methods (leaflet-search does this)
        patch=("includes:[L.Mixin.Events]", "includes:[L.Evented.prototype]"),
        note="folium URL is unpinned (GitHub Pages); pinned to npm leaflet.pattern 0.1.0, "
        "the only/latest npm release (supports Leaflet 1.x via L.SVG). Patched: "
        "`includes:[L.Mixin.Events]` -> `includes:[L.Evented.prototype]` (the "
        "replacement Leaflet's deprecation warning names), so that Leaflet 1.9 no "
        "longer logs `Deprecated include of L.Mixin.Events` on every page.",
    ),
    dict(
        url="https://cdn.jsdelivr.net/npm/leaflet.timeline@1.6.0/dist/leaflet.timeline.min.js",
        package="leaflet.timeline",
        source="dist/leaflet.timeline.js",
        file="leaflet.timeline/leaflet.timeline.js",
        used_by=["folium.plugins.Timeline", "folium.plugins.TimelineSlider"],
        note="The npm tarball has no .min.js (jsDelivr minifies on the fly); "
        "dist/leaflet.timeline.js is already a minified browser bundle (IntervalTree "
        "dependency 'diesal' and the control CSS are bundled; no d3).",
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.18.1/moment.min.js",
        package="moment",
        source="min/moment.min.js",
        file="moment/moment.min.js",
        used_by=["folium.plugins.Timeline", "folium.plugins.TimelineSlider"],
        note="TimelineSlider's format_output calls `new moment(date)`.",
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js",
        package="leaflet.markercluster",
        source="dist/leaflet.markercluster.js",
        file="leaflet.markercluster/leaflet.markercluster.js",
        used_by=["folium.plugins.MarkerCluster", "folium.plugins.FastMarkerCluster"],
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css",
        package="leaflet.markercluster",
        source="dist/MarkerCluster.css",
        file="leaflet.markercluster/MarkerCluster.css",
        used_by=["folium.plugins.MarkerCluster", "folium.plugins.FastMarkerCluster"],
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css",
        package="leaflet.markercluster",
        source="dist/MarkerCluster.Default.css",
        file="leaflet.markercluster/MarkerCluster.Default.css",
        used_by=["folium.plugins.MarkerCluster", "folium.plugins.FastMarkerCluster"],
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/leaflet-minimap/3.6.1/Control.MiniMap.js",
        package="leaflet-minimap",
        source="dist/Control.MiniMap.min.js",
        file="leaflet-minimap/Control.MiniMap.min.js",
        used_by=["folium.plugins.MiniMap"],
        note="The npm tarball ships only the minified dist/Control.MiniMap.min.js. "
        "The minimap's own basemap is a tile layer: its tiles need the network.",
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/leaflet-minimap/3.6.1/Control.MiniMap.css",
        package="leaflet-minimap",
        source="dist/Control.MiniMap.min.css",
        file="leaflet-minimap/Control.MiniMap.inline.min.css",
        used_by=["folium.plugins.MiniMap"],
        note="images/toggle.svg and toggle.png inlined as data: URIs.",
    ),
    dict(
        url="https://cdn.jsdelivr.net/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.js",
        package="leaflet-measure",
        source="dist/leaflet-measure.min.js",
        file="leaflet-measure/leaflet-measure.min.js",
        used_by=["folium.plugins.MeasureControl"],
        note="folium loads the GitHub tag 2.1.7 through jsDelivr; the same release "
        "from npm is shipped.",
    ),
    dict(
        url="https://cdn.jsdelivr.net/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.css",
        package="leaflet-measure",
        source="dist/leaflet-measure.css",
        file="leaflet-measure/leaflet-measure.inline.css",
        used_by=["folium.plugins.MeasureControl"],
        note="The npm tarball has no .min.css; the unminified dist/leaflet-measure.css "
        "is shipped, its images/*.png inlined as data: URIs.",
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/leaflet.draw/1.0.2/leaflet.draw.js",
        package="leaflet-draw",
        source="dist/leaflet.draw.js",
        file="leaflet-draw/leaflet.draw.js",
        used_by=["folium.plugins.Draw"],
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/leaflet.draw/1.0.2/leaflet.draw.css",
        package="leaflet-draw",
        source="dist/leaflet.draw.css",
        file="leaflet-draw/leaflet.draw.inline.css",
        used_by=["folium.plugins.Draw"],
        note="images/spritesheet.svg, spritesheet.png and spritesheet-2x.png inlined "
        "as data: URIs.",
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/leaflet-locatecontrol/0.66.2/L.Control.Locate.min.js",
        package="leaflet.locatecontrol",
        source="dist/L.Control.Locate.min.js",
        file="leaflet.locatecontrol/L.Control.Locate.min.js",
        used_by=["folium.plugins.LocateControl"],
        note="folium asks for 0.66.2, whose button icons are Font Awesome classes "
        "(Font Awesome is not shipped: the button would be blank); 0.79.0 (same "
        "L.control.locate API) draws them as data: SVGs in its own CSS.",
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/leaflet-locatecontrol/0.66.2/L.Control.Locate.min.css",
        package="leaflet.locatecontrol",
        source="dist/L.Control.Locate.min.css",
        file="leaflet.locatecontrol/L.Control.Locate.min.css",
        used_by=["folium.plugins.LocateControl"],
    ),
    dict(
        url="https://cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/templates/leaflet_heat.min.js",
        package="leaflet.heat",
        folium_source="templates/leaflet_heat.min.js",
        source="folium/templates/leaflet_heat.min.js",
        file="leaflet.heat/leaflet_heat.min.js",
        used_by=["folium.plugins.HeatMap"],
        note="folium's URL follows its main branch (unpinned); shipped is the copy "
        "inside the folium 0.20.0 wheel (Leaflet.heat 0.2.0 with simpleheat and "
        "folium's weights patch, Leaflet.heat pull request 78), pinned by sha256. "
        "Licence from the npm leaflet.heat 0.2.0 tarball.",
    ),
    dict(
        url="https://code.jquery.com/jquery-3.7.1.min.js",
        package="jquery",
        source="dist/jquery.min.js",
        file="jquery/jquery.min.js",
        used_by=["folium.Map"],
        note="Not needed by Leaflet or by the Fullscreen/GroupedLayerControl/Search/"
        "pattern/Timeline plugins, but folium's own templates call jQuery: "
        "folium.Popup (`$(`...`)[0]`), Map keep_in_front (`$(document).ready`), "
        "GeoJson(embed=False) (`$.ajax`). A renderer may drop it only if the "
        "rendered scripts contain no `$(`/`$.` usage.",
    ),
]

# Referenced by folium.Map but not needed for maps without markers/icons: the
# renderer removes these tags; nothing is vendored for them.
DROP = [
    dict(
        url="https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js",
        used_by=["folium.Map"],
        note="No folium template or supported plugin uses Bootstrap JS.",
    ),
    dict(
        url="https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css",
        used_by=["folium.Map"],
        note="Global styling only (fonts/box-sizing); not needed by Leaflet or the plugins. "
        "Only user HTML (popups) written with Bootstrap classes would look different.",
    ),
    dict(
        url="https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css",
        used_by=["folium.Map"],
        note="Glyphicons for folium.Icon(prefix='glyphicon') awesome markers only.",
    ),
    dict(
        url="https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css",
        used_by=["folium.Map"],
        note="Font Awesome for folium.Icon(prefix='fa') only; the supported plugins draw "
        "their own icons (svg/png/CSS).",
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js",
        used_by=["folium.Map"],
        note="L.AwesomeMarkers for folium.Icon only.",
    ),
    dict(
        url="https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css",
        used_by=["folium.Map"],
        note="Styles for folium.Icon only.",
    ),
    dict(
        url="https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css",
        used_by=["folium.Map"],
        note="fa-rotate-N classes for folium.Icon(angle=...) only; not shipped in the "
        "folium wheel (folium/templates/ has only heatmap JS).",
    ),
]

MIME = {
    ".png": "image/png",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".jpg": "image/jpeg",
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+?)\1\s*\)""")

README_HEAD = """\
# kurils/web/static — vendored front-end assets

**Generated file tree — do not edit by hand.** Regenerate everything here
(assets, LICENSE files, `assets.json`, this README) with:

    python scripts/vendor_assets.py

(needs node/npm with access to the npm registry; build-time only). Every file
comes from `npm pack NAME@VERSION` of an exact version, and each tarball is checked
against the sha512 integrity pinned in the script. Two exceptions, each explained
under Notes: HeatMap's script is the copy inside the folium wheel (sha256-pinned),
and `*.patched.js` files had one documented string replaced (manifest `patch`).

These are offline copies of the CDN assets that folium {folium} (Map, the
plugins kurils uses: Fullscreen, GroupedLayerControl, Search,
StripePattern/CirclePattern, Timeline/TimelineSlider; and the plugins users add
most: MarkerCluster/FastMarkerCluster, HeatMap, MiniMap, MeasureControl, Draw,
LocateControl) puts in `<script src>` / `<link href>` tags.
`assets.json` maps each such URL (the exact string in folium's
`default_js`/`default_css`) to a local file:

* `use: "inline"` — `file` (relative to this folder), `package`, `version`,
  `license` (SPDX), `sha256`, `size`, `source` (path in the npm tarball).
* `use: "drop"` — not needed by a map without markers/icons; the renderer
  removes the tag. Nothing is vendored for these (URL only).

CSS files named `*.inline*.css` had their relative `url(...)` images replaced
by `data:` URIs, so every shipped CSS file is self-contained.
When a page inlines a stylesheet, an image it uses more than once is written
once, as a custom property of `:root` (`kurils.web.offline`); the shipped file
is unchanged.

`extras` in `assets.json` lists generated helper files with no folium URL:
`leaflet/leaflet.icon-default.inline.js` sets Leaflet's default marker icon
to `data:` URIs (Leaflet's icon-path auto-detection cannot work once
`leaflet.css` is inlined); include it right after `leaflet.js` if default
`L.Marker` icons are used.

## Inlined assets

| file | package@version | licence | bytes |
|---|---|---|---|
"""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def npm_pack(name: str, version: str, integrity: str, dest: Path) -> tarfile.TarFile:
    out = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--json", "--pack-destination", str(dest)],
        check=True,
        capture_output=True,
        text=True,
        cwd=dest,
    ).stdout
    info = json.loads(out)[0]
    if info["name"] != name or info["version"] != version:
        raise SystemExit(f"npm pack returned {info['name']}@{info['version']}")
    tgz = dest / info["filename"]
    algo, b64 = integrity.split("-", 1)
    digest = base64.b64encode(hashlib.new(algo, tgz.read_bytes()).digest()).decode()
    if digest != b64:
        raise SystemExit(f"{name}@{version}: tarball integrity mismatch")
    return tarfile.open(tgz, "r:gz")


def read_member(tar: tarfile.TarFile, path: str) -> bytes:
    f = tar.extractfile("package/" + path)
    if f is None:
        raise SystemExit(f"{path} not a regular file in tarball")
    return f.read()


def data_uri(tar: tarfile.TarFile, path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    data = read_member(tar, path)
    return f"data:{MIME[ext]};base64,{base64.b64encode(data).decode()}"


def inline_css(tar: tarfile.TarFile, source: str, css: str) -> str:
    base = os.path.dirname(source)

    def repl(m: re.Match) -> str:
        ref = m.group(2).strip()
        if ref.startswith(("data:", "#", "http:", "https:", "//")):
            return m.group(0)
        path = os.path.normpath(os.path.join(base, ref.split("?")[0].split("#")[0]))
        return f'url("{data_uri(tar, path)}")'

    out = CSS_URL.sub(repl, css)
    for m in CSS_URL.finditer(out):
        ref = m.group(2).strip()
        if not ref.startswith(("data:", "#")):
            raise SystemExit(f"{source}: unresolved url({ref})")
    return out


def icon_default_js(tar: tarfile.TarFile, version: str) -> bytes:
    icon = data_uri(tar, "dist/images/marker-icon.png")
    icon2x = data_uri(tar, "dist/images/marker-icon-2x.png")
    shadow = data_uri(tar, "dist/images/marker-shadow.png")
    return (
        f"/* Generated by scripts/vendor_assets.py: Leaflet {version} default marker icon "
        "images (BSD-2-Clause, see LICENSE) as data: URIs. Load after leaflet.js. */\n"
        "(function(L){if(!L||!L.Icon||!L.Icon.Default)return;"
        'L.Icon.Default.imagePath="";'
        f'L.Icon.Default.mergeOptions({{iconUrl:"{icon}",iconRetinaUrl:"{icon2x}",'
        f'shadowUrl:"{shadow}"}});}})(window.L);\n'
    ).encode()


def patched(name: str, data: bytes, old: str, new: str) -> bytes:
    """``data`` with ``old`` replaced by ``new``, which must occur exactly once."""
    text = data.decode("utf-8")
    if text.count(old) != 1:
        raise SystemExit(f"{name}: patch target found {text.count(old)} times")
    return text.replace(old, new).encode("utf-8")


def folium_file(rel: str) -> bytes:
    """A file from the installed folium wheel, checked against its pinned sha256."""
    import folium

    if folium.__version__ != FOLIUM_VERSION:
        raise SystemExit(
            f"folium {folium.__version__} installed, need {FOLIUM_VERSION}"
        )
    data = (Path(folium.__file__).parent / rel).read_bytes()
    if sha256(data) != FROM_FOLIUM[rel]:
        raise SystemExit(f"folium/{rel}: sha256 mismatch")
    return data


# kurils/web/plugins.py copies four folium classes (Python: StripePattern,
# Fullscreen, GroupedLayerControl and Search's asset URLs), so that a map need not
# import folium.plugins, which imports all of folium's plugins. folium's licence
# file goes beside the assets, from the wheel's metadata, pinned like the rest.
FOLIUM_LICENSE = (
    "licenses/LICENSE.txt",
    "fe2a6215f9588fc7693cdcd8c3fbc93196470b00cccdcf22c3d0b63ff424c9c7",
)
README_FOLIUM = """
## Python code copied from folium

`kurils/web/plugins.py` holds copies of four classes of folium {folium} (MIT):
`StripePattern` (`folium/plugins/pattern.py`), `Fullscreen`, `GroupedLayerControl`
(without its template: the map has its own) and the asset URLs of `Search`, so
that a map need not import `folium.plugins`
(which imports all of folium's ~35 plugins and compiles their templates).
`folium/LICENSE.txt` is folium's licence, copied verbatim from the folium
{folium} wheel (`{licence}` in its metadata, sha256-pinned); kurils requires
folium 0.20.x, and `tests/test_imports.py` checks each copy against folium's own.
"""


def folium_licence() -> bytes:
    """folium's licence file, from the installed wheel's metadata (pinned)."""
    import importlib.metadata

    dist = importlib.metadata.distribution("folium")
    if dist.version != FOLIUM_VERSION:
        raise SystemExit(f"folium {dist.version} installed, need {FOLIUM_VERSION}")
    data = dist.read_text(FOLIUM_LICENSE[0]).encode()
    if sha256(data) != FOLIUM_LICENSE[1]:
        raise SystemExit("folium's LICENSE.txt: sha256 mismatch")
    return data


def folium_urls() -> set[str] | None:
    try:
        import folium
        from folium import plugins
    except ImportError:
        return None
    if folium.__version__ != FOLIUM_VERSION:
        print(
            f"warning: folium {folium.__version__} != {FOLIUM_VERSION}", file=sys.stderr
        )
    urls = set()
    for cls in (
        folium.Map,
        plugins.Fullscreen,
        plugins.GroupedLayerControl,
        plugins.Search,
        plugins.StripePattern,
        plugins.CirclePattern,
        plugins.Timeline,
        plugins.TimelineSlider,
        plugins.MarkerCluster,
        plugins.FastMarkerCluster,
        plugins.HeatMap,
        plugins.MiniMap,
        plugins.MeasureControl,
        plugins.Draw,
        plugins.LocateControl,
    ):
        for _, url in list(getattr(cls, "default_js", [])) + list(
            getattr(cls, "default_css", [])
        ):
            urls.add(url)
    return urls


def main() -> None:
    entries = []
    extras = []
    files: dict[str, bytes] = {}
    readme_rows = []
    with tempfile.TemporaryDirectory(prefix="kurils-vendor-") as tmp:
        tars = {}
        for name, (version, integrity, _, _) in sorted(PACKAGES.items()):
            print(f"npm pack {name}@{version}", file=sys.stderr)
            tars[name] = npm_pack(name, version, integrity, Path(tmp))
        for name, (version, _, _spdx, lic) in sorted(PACKAGES.items()):
            if lic is None:
                text = MIT_TEXT.format(
                    package=name, version=version, holder=MIT_WITHOUT_FILE[name]
                )
                files[f"{name}/LICENSE"] = text.encode("utf-8")
            else:
                files[f"{name}/LICENSE"] = read_member(tars[name], lic)

        for a in INLINE:
            tar = tars[a["package"]]
            version, _, spdx, _ = PACKAGES[a["package"]]
            if "folium_source" in a:
                data = folium_file(a["folium_source"])
            else:
                data = read_member(tar, a["source"])
            if "patch" in a:
                data = patched(a["file"], data, *a["patch"])
            kind = "css" if a["source"].endswith(".css") else "js"
            if kind == "css":
                data = inline_css(tar, a["source"], data.decode("utf-8")).encode(
                    "utf-8"
                )
            files[a["file"]] = data
            e = dict(
                url=a["url"],
                use="inline",
                kind=kind,
                package=a["package"],
                version=version,
                license=spdx,
                file=a["file"],
                source=a["source"],
                sha256=sha256(data),
                size=len(data),
                used_by=a["used_by"],
                license_file=f"{a['package']}/LICENSE",
            )
            if a.get("note"):
                e["note"] = a["note"]
            if "patch" in a:
                e["patch"] = list(a["patch"])
            entries.append(e)
            readme_rows.append(
                (a["file"], f"{a['package']}@{version}", spdx, len(data))
            )

        version = PACKAGES["leaflet"][0]
        data = icon_default_js(tars["leaflet"], version)
        f = "leaflet/leaflet.icon-default.inline.js"
        files[f] = data
        extras.append(
            dict(
                file=f,
                kind="js",
                package="leaflet",
                version=version,
                license="BSD-2-Clause",
                sha256=sha256(data),
                size=len(data),
                license_file="leaflet/LICENSE",
                source="dist/images/marker-icon.png, marker-icon-2x.png, marker-shadow.png",
                note="Generated shim, no folium URL: sets L.Icon.Default to data: URIs. "
                "Only needed for default L.Marker icons; load after leaflet.js.",
            )
        )
        for t in tars.values():
            t.close()

    for d in DROP:
        entries.append(
            dict(
                url=d["url"],
                use="drop",
                kind="css" if d["url"].endswith(".css") else "js",
                used_by=d["used_by"],
                note=d["note"],
            )
        )
    entries.sort(key=lambda e: e["url"])
    if len({e["url"] for e in entries}) != len(entries):
        raise SystemExit("duplicate URL in manifest")

    expected = folium_urls()
    if expected is None:
        print(
            "warning: folium not importable, URL cross-check skipped", file=sys.stderr
        )
    else:
        have = {e["url"] for e in entries}
        if have != expected:
            raise SystemExit(
                f"manifest/folium URL mismatch:\n missing {sorted(expected - have)}"
                f"\n extra {sorted(have - expected)}"
            )

    total = sum(e["size"] for e in entries if e["use"] == "inline")
    total_extras = sum(e["size"] for e in extras)
    manifest = dict(
        schema=1,
        folium_version=FOLIUM_VERSION,
        generator="scripts/vendor_assets.py",
        assets=entries,
        extras=extras,
        inline_total_bytes=total,
    )

    readme = README_HEAD.format(folium=FOLIUM_VERSION)
    for f, pv, spdx, size in sorted(readme_rows):
        readme += f"| `{f}` | {pv} | {spdx} | {size} |\n"
    readme += f"\nTotal inlined: {total} bytes"
    readme += f" (+ {total_extras} bytes optional `leaflet.icon-default.inline.js`).\n"
    readme += "\n## Dropped (URL only, not vendored)\n\n"
    for e in entries:
        if e["use"] == "drop":
            readme += f"* `{e['url']}` — {e['note']}\n"
    readme += "\n## Notes\n\n"
    for e in entries:
        if e["use"] == "inline" and e.get("note"):
            readme += f"* `{e['file']}`: {e['note']}\n"
    readme += (
        "\nLicences: each `<package>/LICENSE` is the licence file copied verbatim "
        "from that npm tarball, except "
        + ", ".join(f"`{n}/LICENSE`" for n in sorted(MIT_WITHOUT_FILE))
        + " (the tarball has none: the MIT text its package.json declares, with the "
        "copyright line of its dist files, and a note saying so).\n"
    )

    readme += README_FOLIUM.format(folium=FOLIUM_VERSION, licence=FOLIUM_LICENSE[0])
    files["folium/LICENSE.txt"] = folium_licence()

    if STATIC.exists():
        shutil.rmtree(STATIC)
    for rel, data in sorted(files.items()):
        p = STATIC / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    (STATIC / "assets.json").write_text(
        json.dumps(manifest, sort_keys=True, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (STATIC / "README.md").write_text(readme, encoding="utf-8")
    print(
        f"wrote {STATIC} ({len(files)} files, inline total {total} bytes)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
