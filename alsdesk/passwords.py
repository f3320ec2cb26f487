"""Passwords a guesser tries first: common words and patterns, the user's own names, the study's.

A length rule alone lets `Password12` or `Qwerty1234` through: both are in every guessing list.
A password is refused when, once lower-cased, with look-alike digits read as letters
(`p@ssw0rd`) and the digits and signs around it taken off (`!Password2024!`), what is left is
a common password, a keyboard walk, one repeated piece, or a word of the person or the study.
A common word inside a longer passphrase (`Demo-password-1`, `horse-battery-staple-9`) is
accepted: it is the whole password, not a part, that guessers try.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from alsdesk.i18n import tr

__all__ = ["common_problem", "COMMON"]

# The most common passwords of the published breach lists, as their letter core: the digits
# and years people add (password1, password2024, welcome123) are taken off before the lookup.
COMMON = frozenset("""
password passw0rd passwort motdepasse contrasena senha parola wachtwoord haslo salasana
qwerty qwertz azerty qwertyuiop asdf asdfgh asdfghjkl zxcv zxcvbn zxcvbnm qazwsx qwaszx
abc abcd abcde abcdef abcdefg abcdefgh abcdefghi abcdefghij abc123 iloveyou loveyou
letmein welcome welcomehome admin administrator root toor user guest login master
secret sesame opensesame default changeme changeit temp temporary test tester testing
monkey dragon baseball football soccer hockey basketball superman batman spiderman
sunshine shadow princess princesa flower flowers lovely angel angels baby babygirl
michael jennifer jordan hunter ranger buster thomas robert daniel andrew joshua george
charlie michelle jessica ashley nicole amanda daniel matthew anthony william
trustno1 trustno whatever freedom hello hellokitty helloworld killer pepper ginger
cheese cookie chocolate summer winter spring autumn love lover sexy starwars pokemon
computer internet access office work system server network database data
hospital clinic doctor nurse medical health patient research study trial science
iran tehran persian irani mashhad
qwerty123 1q2w3e 1q2w3e4r 1q2w3e4r5t q1w2e3r4 q1w2e3 1qaz2wsx zaq12wsx zaq1 xsw2
aa aaa aaaa abcabc asdasd qweqwe zxczxc
mustang corvette ferrari porsche mercedes bmw
jesus god christ allah faith blessed heaven
samsung apple iphone google yahoo facebook microsoft windows linux
password1 passwordpassword mypassword yourpassword newpassword oldpassword
mypass pass passpass passcode pincode
""".split())

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                       "9": "g", "@": "a", "$": "s", "!": "i", "|": "l", "+": "t"})

# Rows of the keyboards in use at the site (QWERTY letters and digits; a walk runs along one).
_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "0987654321", "poiuytrewq",
         "lkjhgfdsa", "mnbvcxz", "abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba",
         "1qaz2wsx3edc4rfv5tgb", "qazwsxedcrfvtgb", "zaqxswcdevfrbgt")


def _core(password: str) -> str:
    """What a guesser's list would hold: lower case, no digits or signs at either end."""
    text = unicodedata.normalize("NFKC", password).lower()
    return re.sub(r"^[\W\d_]+|[\W\d_]+$", "", text)


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def _is_walk(text: str) -> bool:
    """A run along a keyboard row or the alphabet (qwerty, asdfgh, 123456, 987654)."""
    bare = _letters(text)
    return len(bare) >= 4 and any(bare in row for row in _ROWS)


def _is_repeat(text: str) -> bool:
    """One piece said again and again (aaaaaaaaaa, abcabcabc, 1212121212)."""
    bare = _letters(text)
    return bool(bare) and re.fullmatch(r"(.{1,4})\1+", bare) is not None


def _words(texts: Iterable[str], shortest: int) -> set[str]:
    """The words of names and study texts worth refusing."""
    found: set[str] = set()
    for text in texts:
        for word in re.split(r"[\W\d_]+", unicodedata.normalize("NFKC", text or "").lower()):
            if len(word) >= shortest:
                found.add(word)
    return found


def common_problem(password: str, user_id: str = "", full_name: str = "",
                   study_words: Iterable[str] = ()) -> str | None:
    """Why `password` is among the first a guesser tries, or None when it is not."""
    text = unicodedata.normalize("NFKC", password).lower()
    if user_id and user_id.lower() in text:
        return tr("The password must not contain the user id.")
    # A name's words of five letters or more are refused anywhere in the password; shorter
    # ones (Ali, Nora) only as the whole core, or "quality" would be refused for Ali.
    if any(word in text for word in _words([full_name], 5)):
        return tr("The password must not contain your name.")
    core = _core(password)
    plain = core.translate(_LEET)
    candidates = {core, plain, _letters(core), _letters(plain)}
    if candidates & _words([full_name], 1):
        return tr("The password must not be your name.")
    bare = _letters(text)
    if not core or _is_walk(bare) or _is_walk(core):
        return tr("The password is a keyboard or alphabet run (like qwerty or 123456): "
                  "choose words nobody would guess.")
    digits = re.sub(r"\D", "", text)
    if len(_letters(core)) < 3 and (_is_walk(digits) or _is_repeat(digits)):
        return tr("The password is a run of digits with a letter or two: choose words nobody "
                  "would guess.")
    if _is_repeat(text) or _is_repeat(core):
        return tr("The password repeats one piece: choose words nobody would guess.")
    if candidates & COMMON:
        return tr("The password is one of the most common passwords (with digits or signs "
                  "added): choose words nobody would guess.")
    texts = list(study_words)
    # The study's words (royan, tehran, nerve) and its names said whole (royannerve).
    study = _words(texts, 3) | {_letters(_core(t)) for t in texts}
    if candidates & study:
        return tr("The password is a word of this study or site: choose words nobody "
                  "would guess.")
    return None
