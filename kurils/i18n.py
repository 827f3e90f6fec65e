"""Labels and interface text in English, Russian and Japanese."""

from __future__ import annotations

__all__ = ["LANGS", "TITLE_SOURCES", "name_column", "name_columns", "text", "title"]

LANGS = ("en", "ru", "ja")

_NEUTRAL_TITLE = {
    "en": "The Kuril Islands dispute",
    "ru": "Спор о Курильских островах",
    # both sides' names: in Japan's position the four groups are not part of the
    # 千島列島 it renounced in 1951, so the neutral title does not fold them in
    "ja": "日露の領土問題（千島列島・北方領土）",
}

#: Where each side's own terms in the view titles come from (ids in sources.csv):
#: Japan's Ministry of Foreign Affairs speaks of the "Northern Territories issue";
#: Russia's of the South Kurils (Южные Курилы) as part of the Kuril Islands.
TITLE_SOURCES = {"japan": ("mofa_faq11",), "russia": ("zvezda_2016_zakharova",)}

_TEXT: dict[str, dict[str, str]] = {
    "title": _NEUTRAL_TITLE,
    "title_neutral": _NEUTRAL_TITLE,
    "title_de_facto": {
        "en": "The Kuril Islands: who administers them",
        "ru": "Курильские острова: кто ими управляет",
        "ja": "千島列島・北方領土の実効支配",
    },
    "title_japan": {
        "en": "The Northern Territories issue: Japan's position",
        "ru": "Проблема «северных территорий»: позиция Японии",
        "ja": "北方領土問題：日本政府の立場",
    },
    "title_russia": {
        "en": "The Kuril Islands and the South Kurils: Russia's position",
        "ru": "Курильские острова и Южные Курилы: позиция России",
        "ja": "クリル列島・南クリル：ロシアの立場",
    },
    "group_view": {"en": "Point of view", "ru": "Точка зрения", "ja": "視点"},
    "group_scenario": {"en": "Scenario", "ru": "Вариант", "ja": "解決案"},
    "group_layers": {"en": "Layers", "ru": "Слои", "ja": "レイヤー"},
    "view_neutral": {
        "en": "Neutral (as most atlases)",
        "ru": "Нейтральная (как в большинстве атласов)",
        "ja": "中立（多くの地図帳の表示）",
    },
    "view_de_facto": {
        "en": "De facto (who administers)",
        "ru": "Фактическая (кто управляет)",
        "ja": "実効支配（施政国）",
    },
    "view_japan": {
        "en": "Japan's position",
        "ru": "Позиция Японии",
        "ja": "日本の立場",
    },
    "view_russia": {
        "en": "Russia's position",
        "ru": "Позиция России",
        "ja": "ロシアの立場",
    },
    "layer_districts": {
        "en": "Russian administration (districts)",
        "ru": "Российское управление (районы)",
        "ja": "ロシアの行政区画（地区）",
    },
    "layer_claims": {
        "en": "Japan's claim (municipalities)",
        "ru": "Притязания Японии (муниципалитеты)",
        "ja": "日本の主張（市町村）",
    },
    "layer_shimoda": {
        "en": "Shimoda line (1855)",
        "ru": "Граница по Симодскому трактату (1855)",
        "ja": "下田条約の境界（1855年）",
    },
    "layer_labels": {"en": "Island labels", "ru": "Названия островов", "ja": "島名"},
    "layer_places": {"en": "Settlements", "ru": "Населённые пункты", "ja": "集落"},
    "layer_tiles": {
        "en": "OpenStreetMap tiles (online)",
        "ru": "Подложка OpenStreetMap (онлайн)",
        "ja": "OpenStreetMap 背景地図（オンライン）",
    },
    "holder_RUS": {"en": "Russia", "ru": "Россия", "ja": "ロシア"},
    "holder_JPN": {"en": "Japan", "ru": "Япония", "ja": "日本"},
    "holder_SUN": {"en": "USSR", "ru": "СССР", "ja": "ソ連"},
    "holder_JOINT": {
        "en": "Undivided (Russia and Japan)",
        "ru": "Не разграничен (Россия и Япония)",
        "ja": "日露雑居地（境界未画定）",
    },
    "layer_borders": {
        "en": "Borders and lines",
        "ru": "Границы и линии",
        "ja": "国境線・境界線",
    },
    "layer_control": {
        "en": "Line of control since 1945",
        "ru": "Линия контроля с 1945 года",
        "ja": "1945年以降の実効支配線",
    },
    "layer_events": {
        "en": "Treaties and events",
        "ru": "Договоры и события",
        "ja": "条約・出来事",
    },
    "kind_treaty_border": {
        "en": "treaty border",
        "ru": "договорная граница",
        "ja": "条約による国境",
    },
    "kind_line_of_control": {
        "en": "line of control (not a treaty border)",
        "ru": "линия контроля (не договорная граница)",
        "ja": "実効支配線（条約上の国境ではない）",
    },
    "kind_proposed": {
        "en": "proposed, never in force",
        "ru": "предложена, не вступила в силу",
        "ja": "提案のみ（未発効）",
    },
    "on_date": {"en": "Holdings on", "ru": "Владение на", "ja": "領有状況の日付"},
    "history": {
        "en": "Who held the islands, 1855 to today",
        "ru": "Кому принадлежали острова, с 1855 года до наших дней",
        "ja": "島々の帰属の変遷（1855年から現在まで）",
    },
    "holder_disputed": {
        "en": "Administered by Russia, claimed by Japan",
        "ru": "Под управлением России, на них претендует Япония",
        "ja": "ロシアが施政、日本が領有を主張",
    },
    "holder_undetermined": {
        "en": "Status undetermined (Japan's view)",
        "ru": "Статус не определён (по мнению Японии)",
        "ja": "帰属未定（日本政府の立場）",
    },
    "dashed": {
        "en": "dashed outline: disputed",
        "ru": "пунктир: спорная территория",
        "ja": "破線：係争地",
    },
    "legend_view": {"en": "View", "ru": "Точка зрения", "ja": "視点"},
    "legend": {"en": "Legend", "ru": "Условные обозначения", "ja": "凡例"},
    "layer_zones": {
        "en": "Maritime zones (illustration)",
        "ru": "Морские зоны (иллюстрация)",
        "ja": "海域（参考図）",
    },
    "zone_territorial_sea": {
        "en": "Territorial sea (12 nm)",
        "ru": "Территориальное море (12 миль)",
        "ja": "領海（12海里）",
    },
    "zone_eez": {
        "en": "Exclusive economic zone (200 nm)",
        "ru": "Исключительная экономическая зона (200 миль)",
        "ja": "排他的経済水域（200海里）",
    },
    "zones_both": {
        "en": "Sea both sides claim (Russia's today, Japan's under its claim)",
        "ru": "Море, на которое претендуют обе стороны",
        "ja": "双方が主張する海域",
    },
    "scenario_moved": {
        "en": "changes hands",
        "ru": "переходит к другой стороне",
        "ja": "帰属が変わる",
    },
    "layer_cut": {
        "en": "Where the scenario cuts an island",
        "ru": "Линия раздела острова",
        "ja": "島の分割線",
    },
    "stakes_title": {
        "en": "What changes hands",
        "ru": "Что переходит к другой стороне",
        "ja": "帰属が変わるもの",
    },
    "stakes_land": {"en": "Land", "ru": "Суша", "ja": "陸地"},
    "stakes_table": {
        "en": "The four groups' land to each side; what changes hands",
        "ru": "Суша четырёх групп по сторонам; что переходит к другой стороне",
        "ja": "四島の陸地の帰属と、帰属が変わるもの",
    },
    "stakes_land_jpn": {
        "en": "Land to Japan",
        "ru": "Суша — Японии",
        "ja": "日本側の陸地",
    },
    "stakes_land_rus": {
        "en": "Land to Russia",
        "ru": "Суша — России",
        "ja": "ロシア側の陸地",
    },
    "stakes_unplaced": {
        "en": "Not counted: residents of the cut island outside its listed settlements",
        "ru": "Не учтены: жители разделённого острова вне указанных пунктов",
        "ja": "未計上：分割される島の記載集落外の住民",
    },
    "stakes_source": {
        "en": "Residents: source",
        "ru": "Жители: источник",
        "ja": "住民の出典",
    },
    "stakes_no_figure": {
        "en": "Settlements without a population figure",
        "ru": "Населённые пункты без данных о населении",
        "ja": "人口の数字がない集落",
    },
    "stakes_sea": {"en": "Territorial sea", "ru": "Территориальное море", "ja": "領海"},
    "stakes_eez": {"en": "EEZ", "ru": "ИЭЗ", "ja": "排他的経済水域"},
    "stakes_people": {"en": "Residents", "ru": "Жители", "ja": "住民"},
    "stakes_settlements": {
        "en": "Settlements",
        "ru": "Населённые пункты",
        "ja": "集落",
    },
    "zones_caveat": {
        "en": "Computed from the coastlines with normal baselines, every rock a"
        " full zone: an illustration, not a legal boundary.",
        "ru": "Рассчитано по береговой линии (нормальные исходные линии, каждая"
        " скала с полной зоной): иллюстрация, а не правовая граница.",
        "ja": "海岸線から通常基線で算出（すべての岩に全海域）。参考図であり、法的境界ではない。",
    },
    # the page's attribution line: {osm} is the linked OpenStreetMap name
    "attribution_web": {
        "en": "Coastlines © {osm} contributors (ODbL 1.0) · facts: kurils (CC BY-SA 4.0),"
        " sources in popups",
        "ru": "Береговая линия © участники {osm} (ODbL 1.0) · данные: kurils"
        " (CC BY-SA 4.0), источники во всплывающих окнах",
        "ja": "海岸線 © {osm} の貢献者 (ODbL 1.0) ・ データ: kurils (CC BY-SA 4.0)、"
        "出典はポップアップに記載",
    },
    "administered_by": {"en": "Administered by", "ru": "Управляется", "ja": "施政国"},
    "claimed_by": {"en": "Claimed by", "ru": "Претендуют", "ja": "領有を主張"},
    "status": {"en": "Status", "ru": "Статус", "ja": "状態"},
    "status_disputed": {"en": "disputed", "ru": "спорный", "ja": "係争中"},
    "status_undisputed": {"en": "undisputed", "ru": "бесспорный", "ja": "係争なし"},
    "ru_district": {
        "en": "Russian district",
        "ru": "Район (Россия)",
        "ja": "ロシアの地区",
    },
    "jp_municipality": {
        "en": "Japanese municipality claimed",
        "ru": "Муниципалитет (притязания Японии)",
        "ja": "日本の所属市町村（主張）",
    },
    "area": {"en": "Area", "ru": "Площадь", "ja": "面積"},
    "area_computed": {
        "en": "computed from the map geometry",
        "ru": "вычислена по геометрии карты",
        "ja": "地図の形状から算出",
    },
    "population": {"en": "Population", "ru": "Население", "ja": "人口"},
    "source": {"en": "source", "ru": "источник", "ja": "出典"},
    "islands": {"en": "Islands", "ru": "Острова", "ja": "島"},
    "search": {
        "en": "Search an island (any name)",
        "ru": "Поиск острова (любое название)",
        "ja": "島を検索（いずれの名称でも）",
    },
    "km2": {"en": "km²", "ru": "км²", "ja": "km²"},
    "fullscreen": {"en": "Full screen", "ru": "Во весь экран", "ja": "全画面表示"},
    "exit_fullscreen": {
        "en": "Exit full screen",
        "ru": "Выйти из полноэкранного режима",
        "ja": "全画面表示を終了",
    },
    "not_found": {
        "en": "No island of that name",
        "ru": "Остров не найден",
        "ja": "該当する島がありません",
    },
    "cancel": {"en": "Cancel", "ru": "Отмена", "ja": "キャンセル"},
    "view_shown": {"en": "View shown", "ru": "Показана", "ja": "表示中の視点"},
    "km_unit": {"en": "km", "ru": "км", "ja": "km"},
    "north": {"en": "N", "ru": "С", "ja": "北"},
    "attribution_print": {
        "en": "Coastlines © OpenStreetMap contributors (ODbL 1.0) · facts: kurils"
        " (CC BY-SA 4.0), each with its source and year in kurils.load_sources()"
        " · font: Noto Sans CJK (SIL OFL 1.1)",
        "ru": "Береговая линия © участники OpenStreetMap (ODbL 1.0) · данные: kurils"
        " (CC BY-SA 4.0), источник и год каждого факта в kurils.load_sources()"
        " · шрифт: Noto Sans CJK (SIL OFL 1.1)",
        "ja": "海岸線 © OpenStreetMap の貢献者 (ODbL 1.0) ・ データ: kurils"
        " (CC BY-SA 4.0)、各事実の出典と年は kurils.load_sources() に記載"
        " ・ フォント: Noto Sans CJK (SIL OFL 1.1)",
    },
}


def text(key: str, lang: str) -> str:
    """Interface text ``key`` in ``lang``.

    Examples
    --------
    >>> text("layer_shimoda", "ja")
    '下田条約の境界（1855年）'
    >>> text("holder_RUS", "fr")
    Traceback (most recent call last):
    ...
    ValueError: unknown language 'fr'; choose one of en, ru, ja
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return _TEXT[key][lang]


def title(view: str, lang: str) -> str:
    """The title of a map or figure of ``view``, in that side's own terms.

    Japan's view says "Northern Territories" (MOFA), Russia's "South Kurils"
    (Russia's MFA); the neutral and de facto views name both. Sources of the
    wording: :data:`TITLE_SOURCES`.

    Examples
    --------
    >>> title("japan", "ja")
    '北方領土問題：日本政府の立場'
    >>> title("russia", "ru")
    'Курильские острова и Южные Курилы: позиция России'
    """
    return text(f"title_{view}", lang)


def name_column(lang: str) -> str:
    """The islands column holding names in ``lang`` (``name_en``, ...)."""
    text("title", lang)  # validates lang
    return f"name_{lang}"


def name_columns(prefix: str = "name") -> tuple[str, ...]:
    """The columns holding ``prefix`` in every language of :data:`LANGS`, in order.

    Builders loop over these rather than writing the languages out, so that a new
    language in :data:`LANGS` reaches every tooltip, popup and search index.

    Examples
    --------
    >>> name_columns()
    ('name_en', 'name_ru', 'name_ja')
    >>> name_columns("title")
    ('title_en', 'title_ru', 'title_ja')
    """
    return tuple(f"{prefix}_{lang}" for lang in LANGS)
