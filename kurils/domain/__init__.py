"""The dispute as data (pandas and shapely only): islands, administrative
units, places, sources, populations, history, borders, maritime zones,
settlement scenarios and their stakes. Reads through the catalog of
:mod:`kurils.data` (the ``load_*`` functions are thin wrappers over it);
knows nothing of folium or matplotlib.
"""
