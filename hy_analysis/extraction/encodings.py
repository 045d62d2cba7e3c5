"""Text in as Unicode NFC: legacy Vietnamese font encodings (TCVN3/ABC, VNI) found and converted.

Provincial documents are still written in the fonts of the 1990s: ``.VnTime`` (TCVN3, also
called ABC) and ``VNI-Times`` (VNI). Their letters are Latin-1 characters that the font draws
as Vietnamese ones, so a reader sees ``Tæng s¶n phÈm`` or ``Toång saûn phaåm`` where the text
says ``Tổng sản phẩm``. Both encodings are public character tables (TCVN 5712:1993 VN3 and
VNI-Windows); they are written out below and applied character by character.

Pure: text in, text out.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["to_unicode", "detect_legacy", "LegacyEncodingError", "LEGACY_ENCODINGS"]

#: Names of the legacy encodings recognised.
LEGACY_ENCODINGS = ("TCVN3", "VNI")

# TCVN3 (ABC): one Latin-1 character per Vietnamese letter. Capitals with a tone mark are drawn
# by a separate capitals font (.VnTimeH) from the same codes, so they read as small letters.
_TCVN3_LETTERS = (
    "àµ á¸ ả¶ ã· ạ¹ ă¨ ằ» ắ¾ ẳ¼ ẵ½ ặÆ â© ầÇ ấÊ ẩÈ ẫÉ ậË đ® èÌ éÐ ẻÎ ẽÏ ẹÑ "
    "êª ềÒ ếÕ ểÓ ễÔ ệÖ ì× íÝ ỉØ ĩÜ ịÞ òß óã ỏá õâ ọä ô« ồå ốè ổæ ỗç ộé "
    "ơ¬ ờê ớí ởë ỡì ợî ùï úó ủñ ũò ụô ư\xad ừõ ứø ửö ữ÷ ựù ỳú ýý ỷû ỹü ỵþ "
    "Ă¡ Â¢ Đ§ Ê£ Ô¤ Ơ¥ Ư¦"
)
_TCVN3 = {pair[1]: pair[0] for pair in _TCVN3_LETTERS.split()}

# VNI-Windows: the base letter, then one or two marks drawn over or under it.
_VNI_MARKS_SMALL = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_MARKS_CAPITAL = {"Ù": "\u0301", "Ø": "\u0300", "Û": "\u0309", "Õ": "\u0303", "Ï": "\u0323"}
# circumflex (â ê ô) with a tone, and breve (ă) with a tone, are one mark character each
_VNI_HAT = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _vni_table() -> dict[str, str]:
    table = {}
    for base in "aeouyAEOUY":
        marks = _VNI_MARKS_SMALL if base.islower() else _VNI_MARKS_CAPITAL
        for mark, combining in marks.items():
            table[base + mark] = unicodedata.normalize("NFC", base + combining)
    for base in "aeoAEO":
        for mark, tone in _VNI_HAT.items():
            mark = mark if base.islower() else mark.upper()
            table[base + mark] = unicodedata.normalize("NFC", base + "\u0302" + tone)
    for base in "aA":
        for mark, tone in _VNI_BREVE.items():
            mark = mark if base.islower() else mark.upper()
            table[base + mark] = unicodedata.normalize("NFC", base + "\u0306" + tone)
    # horn letters ơ ư are one character (ô ö), followed by a tone mark or not
    for horn, letter in (("ô", "ơ"), ("ö", "ư"), ("Ô", "Ơ"), ("Ö", "Ư")):
        marks = _VNI_MARKS_SMALL if horn.islower() else _VNI_MARKS_CAPITAL
        table[horn] = letter
        for mark, combining in marks.items():
            table[horn + mark] = unicodedata.normalize("NFC", letter + combining)
    # i with a tone is one character; ỵ too; đ Đ
    table.update({"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "Í": "Í", "Ì": "Ì",
                  "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ", "ñ": "đ", "Ñ": "Đ"})
    return table


_VNI = _vni_table()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))
_TCVN3_RE = re.compile("[" + re.escape("".join(_TCVN3)) + "]")

# Evidence for each encoding: characters the other encodings never use for a letter.
_TCVN3_SIGNS = re.compile("[µ¸¶·¹¨©ª«¬®\xad»¾ÐßÝ×]")
_VNI_SIGNS = re.compile("[aeouyAEOUY][ùøûõïâáàåãä]|[aA][êéèúüë]|ñ|[ôö][ùøûõï]")
_UNICODE_VI = re.compile("[\u1ea0-\u1ef9ăđơưĂĐƠƯ]")


class LegacyEncodingError(ValueError):
    """A text in a legacy encoding that could not be converted with confidence."""


def detect_legacy(text: str) -> str | None:
    """The legacy encoding ``text`` is written in (``"TCVN3"``/``"VNI"``), or None for Unicode.

    Parameters
    ----------
    text : str

    Returns
    -------
    str or None

    Examples
    --------
    >>> detect_legacy("Tæng s¶n phÈm trªn ®Þa bµn t¨ng 8,5%"), detect_legacy("Tổng sản phẩm")
    ('TCVN3', None)
    >>> detect_legacy("Toång saûn phaåm treân ñòa baøn taêng 8,5%")
    'VNI'
    """
    sample = text[:200_000]
    tcvn3 = len(_TCVN3_SIGNS.findall(sample))
    vni = len(_VNI_SIGNS.findall(sample))
    unicode_vi = len(_UNICODE_VI.findall(sample))
    best = max(tcvn3, vni)
    # A Unicode text quoting a word or two of garbage stays Unicode; a legacy text has a
    # marked letter in most words, and (almost) no Unicode Vietnamese letter at all.
    if best < 3 or unicode_vi > best / 4:
        return None
    return "TCVN3" if tcvn3 >= vni else "VNI"


def to_unicode(text: str) -> tuple[str, str | None]:
    """``text`` as Unicode NFC, converted from TCVN3 or VNI when written in one.

    Parameters
    ----------
    text : str
        Decoded text (a legacy file's bytes decoded as Latin-1, or a Word document's text).

    Returns
    -------
    (str, str or None)
        The NFC text, and the name of the legacy encoding it was converted from (None when it
        was Unicode already).

    Raises
    ------
    LegacyEncodingError
        If the text mixes both legacy encodings so that neither conversion can be trusted.

    Examples
    --------
    >>> to_unicode("Xuaát khaåu ñaït 7 tyû USD")
    ('Xuất khẩu đạt 7 tỷ USD', 'VNI')
    >>> to_unicode("Tho\\u0302n")  # decomposed (NFD) input becomes NFC
    ('Thôn', None)
    """
    encoding = detect_legacy(text)
    if encoding == "TCVN3":
        if len(_VNI_SIGNS.findall(text[:200_000])) > len(_TCVN3_SIGNS.findall(text[:200_000])) / 2:
            raise LegacyEncodingError("the text mixes the TCVN3 and VNI encodings")
        text = _TCVN3_RE.sub(lambda m: _TCVN3[m.group(0)], text)
    elif encoding == "VNI":
        text = _VNI_RE.sub(lambda m: _VNI[m.group(0)], text)
    return unicodedata.normalize("NFC", text), encoding
