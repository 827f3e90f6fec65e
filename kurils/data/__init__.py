"""Where the shipped tables live and how they are trusted: finding ``geodata/``
(wheel, editable install or checkout), reading files, the schema of every
table, and the validators that turn every problem into a
:class:`kurils.KurilsDataError`. Imports nothing from the rest of kurils but
:mod:`kurils.errors`.
"""
