"""Regular-expression rules of the ``quantities`` stage, one named constant per rule.

Spans follow NEREL's MONEY and PERCENT annotation: the number, its scale word and the unit
("8,1 млн долларов", "$78 млн", "65 %"), with a hedge before it ("более 45 тысяч рублей",
"более чем на 40 %"), which also sets ``approx``; a bare "на" or "в" is left out. Group names: ``num`` a
written number, ``words`` spelled-out number words, ``scale`` "млн"/"тыс.", ``cur`` a
currency word, ``adj`` a currency adjective, ``sym`` a currency sign.
"""

from __future__ import annotations

import re

from .number_words import DIGITS
from .quantity_lexicon import lexicon
from .time_lexicon import alternation

_L = lexicon()

LEFT = r"(?<![\w.,])"
RIGHT = r"(?![\w])"
NUM = rf"(?P<num>{DIGITS})(?![\d])"
SPELLED = r"(?P<words>(?:[а-яё]+\s+){1,3})"
SCALE = rf"(?:\s*(?P<scale>{alternation(list(_L.scales))})(?![\w]))?"
SYMBOLS = "".join(re.escape(s) for s in _L.currency_symbols)
APPROX_WORDS = alternation(list(_L.approx_words))
APPROX = rf"(?P<approx>{APPROX_WORDS}(?:\s+(?:на|в))?)"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# "$107,7 млн", "€2,5 млрд"
MONEY_SYMBOL_FIRST = _rx(rf"(?P<sym>[{SYMBOLS}])\s?{NUM}{SCALE}")
# "1,6 млрд долларов", "313,6 млн долл. США", "100 млн гонконгских долларов", "5 трлн тенге", "10 USD"
MONEY_WORD_AFTER = _rx(
    LEFT
    + NUM
    + SCALE
    + r"\s*(?:(?P<adj>[а-яё]+(?:их|ых|ий|ый|ого|ом|ие|ые))\s+)?"
    + rf"(?P<cur>[а-яёa-z]+\.?|[{SYMBOLS}])(?P<usa>\s+(?:США|стерлинг[а-яё]*))?"
)
# "7,6%", "на 5,5 процента", "пять процентов"
PERCENT = _rx(LEFT + rf"(?:{NUM}|{SPELLED})\s*(?P<unit>%|процент[а-яё]*(?![\w])|проц\.)")
# "1,2 п.п.", "на два процентных пункта"
POINTS = _rx(
    LEFT + rf"(?:{NUM}|{SPELLED})\s*(?P<unit>п\.\s?п\.|процентн[а-яё]+\s+пункт[а-яё]*(?![\w]))"
)
# "в 1,5 раза", "в два раза" (the "в" is required: "два раза в год" is a frequency)
TIMES = _rx(r"(?<![\w])в\s+" + rf"(?:{NUM}|{SPELLED})\s*(?P<unit>раза?)" + RIGHT)
# "вдвое", "втрое"
TIMES_ADVERB = _rx(r"(?<![\w])(?P<adverb>" + alternation(list(_L.times_adverbs)) + r")" + RIGHT)
# "40,4 тыс. тонн", "2 млн т"
TONNES = _rx(LEFT + NUM + SCALE + r"\s*(?P<unit>тонн[а-яё]*(?![\w])|т(?![\w.])|т\.(?!\s*[а-яё]\.))")
# "20 предприятий", "порядка 60 компаний" (the noun is checked in the stage)
COUNT = _rx(LEFT + NUM + SCALE + r"\s+(?=[а-яё])")

# "$3,9 и " / "1,2 или " right before a scaled amount: a number that shares its scale (and
# unit); "100 млн и " keeps its own scale and shares the unit
COORDINATED_BEFORE = _rx(
    rf"(?<![\w.,])(?P<sym>[{SYMBOLS}])?\s?(?P<num>{DIGITS})(?![\d]){SCALE}\s*(?:и|или|либо)\s+(?:[{SYMBOLS}]\s?)?$"
)  # "100 млн и 98 млн долларов": a scale word of its own is allowed


def currency_of(symbol: str) -> str | None:
    return _L.currency_symbols.get(symbol)


# What every match of a rule holds, in lower case (a text without it is not scanned)
GATES: dict[str, re.Pattern[str]] = {
    "percent": re.compile(r"%|проц", re.IGNORECASE),
    "points": re.compile(r"п\.|процентн", re.IGNORECASE),
}

# words before a number that make it approximate (searched right before the number)
APPROX_BEFORE = _rx(APPROX + r"\s+$")
