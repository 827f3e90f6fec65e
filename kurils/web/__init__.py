"""The web map (folium and Leaflet only here): the layer registry, the layer
builders, the page's controls (their code in ``page/*.js``), and the offline,
deterministic page (vendored assets in ``static/``).
"""
