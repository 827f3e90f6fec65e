"""The dispute as data (pandas and shapely only): islands, administrative
units, places, sources, populations, history, borders, maritime zones,
settlement scenarios and their stakes. Reads through :mod:`kurils.data`;
knows nothing of folium or matplotlib.
"""
