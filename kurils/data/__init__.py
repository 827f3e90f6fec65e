"""Where the shipped tables live and how they are trusted: finding ``geodata/``
(wheel, editable install or checkout), reading files, the schema of every
table, the validators that turn every problem into a
:class:`kurils.KurilsDataError`, and the catalog (:mod:`.catalog`) that reads,
checks and cross-checks each table once and hands out copies. Imports nothing
from the rest of kurils but :mod:`kurils.errors`.
"""
