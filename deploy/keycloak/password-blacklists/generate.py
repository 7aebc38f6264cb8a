#!/usr/bin/env python3
"""Writes haat-common-passwords.txt: the most common breached passwords and their usual variations, lowercase,
one per line (Keycloak's passwordBlacklist policy and identity-service both compare the lowercased password).

Made offline from well-known base words of the public "most common passwords" rankings and the patterns people
add to them (digits, years, '!', repeated words, keyboard walks). Re-run after editing the lists:
    python3 deploy/keycloak/password-blacklists/generate.py
"""
import pathlib

BASES = """
password passw0rd p@ssword p@ssw0rd pass pass123 qwerty qwertyuiop qwertyui qwert azerty asdf asdfgh asdfghjk
asdfghjkl zxcvbn zxcvbnm qazwsx qazwsxedc 1qaz2wsx 1qazxsw2 1q2w3e 1q2w3e4r 1q2w3e4r5t q1w2e3r4 q1w2e3r4t5
qweasd qweasdzxc iloveyou loveyou lovely loveme letmein welcome hello hellohello admin administrator root
secret master monkey dragon shadow sunshine princess football baseball basketball soccer hockey superman
batman spiderman starwars pokemon minecraft fortnite freedom whatever trustno1 michael jennifer jordan
jessica ashley michelle daniel thomas charlie robert matthew andrew joshua william george anthony hunter
buster tigger harley ranger killer summer winter autumn spring flower cookie chocolate cheese pepper ginger
maggie jasmine bailey sophie hannah amanda nicole samantha chelsea arsenal liverpool manchester barcelona
yankees lakers cowboys steelers eagles dolphins rangers mustang ferrari porsche mercedes corvette camaro
computer internet google samsung iphone android nintendo playstation xbox gamer matrix hacker access
login passport changeme default guest test tester testing user username abc abcd abcdef abcdefg abcdefgh
qwerty12 monkey12 dragon12 banana orange apple purple yellow silver golden diamond money bitcoin
america canada london paris berlin india pakistan nepal bangladesh mumbai delhi karachi kathmandu dhaka
krishna ganesh shiva durga lakshmi jesus christ blessed angel angels heaven family friends forever
mother father sister brother baby babygirl sweety sweetheart honey darling princesa daddy mommy
cricket tennis golf chicago boston dallas austin phoenix florida texas california newyork
""".split()

NUMBERS = """
123456 1234567 12345678 123456789 1234567890 0123456789 12345 1234 123123 123321 654321 111111 000000
11111111 00000000 121212 112233 123123123 987654321 9876543210 147258369 159753 789456123 1111111111
0000000000 1234512345 1122334455 1029384756 5555555555 9999999999 8888888888 7777777777 6666666666
123456123456 12341234 11223344 12121212 696969 13579 24680 2468013579 1357924680
""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "!", "1!", "123!", "@123", "#1", "01", "007", "69",
            "99", "2000", "2010", "2015", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]


def variants():
    yield from NUMBERS
    for base in BASES:
        for suffix in SUFFIXES:
            yield base + suffix
        yield base + base
        yield "my" + base
        yield base + "123456789"
    for walk in ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc", "qazwsxedcrfv", "1q2w3e4r5t6y",
                 "zaq12wsx", "zaq1zaq1", "!qaz2wsx", "qwe123qwe", "abc123abc", "a1b2c3d4e5", "aaaaaaaaaa",
                 "abcdefghij", "abcdefghijk", "abcd1234efgh", "iloveyou2", "passwordpassword", "password1234",
                 "welcome2024", "letmein2024", "changeme123", "administrator1", "qwertyqwerty", "monkeymonkey"]:
        yield walk


def main():
    words = sorted({word.lower() for word in variants()})
    target = pathlib.Path(__file__).with_name("haat-common-passwords.txt")
    target.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} passwords -> {target}")


if __name__ == "__main__":
    main()
