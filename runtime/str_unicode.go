package runtime

import (
	"strings"
	"unicode"
)

// Character properties and case mappings as CPython 3.11 defines them. Go's unicode package
// supplies the categories and the one-to-one case mappings, which agree with CPython's; the
// tables below hold what it lacks, generated from CPython 3.11 (Unicode 14.0.0) by
// comparing str.upper(), str.lower(), str.title(), str.casefold(), str.isdigit() and
// str.isnumeric() with Go's unicode package over every code point.

// isSpace is str.isspace for one character: White_Space plus the separators \x1c-\x1f.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f }

// isCased reports whether r is upper, lower or title case (Unicode's Cased property).
func isCased(r rune) bool { return isLower(r) || isUpper(r) || unicode.IsTitle(r) }

func isLower(r rune) bool { return unicode.In(r, unicode.Ll, unicode.Other_Lowercase) }

func isUpper(r rune) bool { return unicode.In(r, unicode.Lu, unicode.Other_Uppercase) }

// isCaseIgnorable approximates Unicode's Case_Ignorable property, which decides whether a
// capital sigma ends a word.
func isCaseIgnorable(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) ||
		strings.ContainsRune("'.:\u00b7\u0387\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a", r)
}

func isDecimal(r rune) bool { return unicode.Is(unicode.Nd, r) }

func isDigit(r rune) bool { return isDecimal(r) || unicode.Is(otherDigits, r) }

func isNumeric(r rune) bool { return unicode.IsNumber(r) || unicode.Is(otherNumerics, r) }

func isAlnumChar(r rune) bool { return unicode.IsLetter(r) || isNumeric(r) }

func isIDStart(r rune) bool {
	return r == '_' || unicode.In(r, unicode.L, unicode.Nl, unicode.Other_ID_Start)
}

func isIDContinue(r rune) bool {
	return isIDStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// mapCase appends the full case mapping of r: a special (multi-character) one, else Go's.
func mapCase(b *strings.Builder, r rune, special map[rune]string, simple func(rune) rune) {
	if s, ok := special[r]; ok {
		b.WriteString(s)
		return
	}
	b.WriteRune(simple(r))
}

// lowerAt appends the lower case of runes[i], applying the final-sigma rule.
func lowerAt(b *strings.Builder, runes []rune, i int) {
	if runes[i] == 'Σ' {
		b.WriteRune(sigmaAt(runes, i))
		return
	}
	mapCase(b, runes[i], lowerSpecial, unicode.ToLower)
}

// sigmaAt is CPython's handle_capital_sigma: Σ lowers to ς at the end of a word (preceded
// by a cased letter and not followed by one, case-ignorable characters skipped).
func sigmaAt(runes []rune, i int) rune {
	j := i - 1
	for j >= 0 && isCaseIgnorable(runes[j]) {
		j--
	}
	if j < 0 || !isCased(runes[j]) {
		return 'σ'
	}
	j = i + 1
	for j < len(runes) && isCaseIgnorable(runes[j]) {
		j++
	}
	if j < len(runes) && isCased(runes[j]) {
		return 'σ'
	}
	return 'ς'
}

// strLower is str.lower.
func strLower(s string) string {
	if isASCIIString(s) {
		return strings.ToLower(s)
	}
	runes := []rune(s)
	var b strings.Builder
	for i := range runes {
		lowerAt(&b, runes, i)
	}
	return b.String()
}

// strUpper is str.upper.
func strUpper(s string) string {
	if isASCIIString(s) {
		return strings.ToUpper(s)
	}
	var b strings.Builder
	for _, r := range s {
		mapCase(&b, r, upperSpecial, unicode.ToUpper)
	}
	return b.String()
}

// strCasefold is str.casefold.
func strCasefold(s string) string {
	if isASCIIString(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range s {
		if f, ok := foldSpecial[r]; ok {
			b.WriteString(f)
		} else {
			mapCase(&b, r, lowerSpecial, unicode.ToLower)
		}
	}
	return b.String()
}

// strSwapcase is str.swapcase.
func strSwapcase(s string) string {
	runes := []rune(s)
	var b strings.Builder
	for i, r := range runes {
		switch {
		case isUpper(r):
			lowerAt(&b, runes, i)
		case isLower(r):
			mapCase(&b, r, upperSpecial, unicode.ToUpper)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// strTitle is str.title (word starts are characters after an uncased one); with first set,
// only the very first character is title-cased: str.capitalize.
func strTitle(s string, first bool) string {
	runes := []rune(s)
	var b strings.Builder
	prevCased := false
	for i, r := range runes {
		if prevCased || first && i > 0 {
			lowerAt(&b, runes, i)
		} else {
			mapCase(&b, r, titleSpecial, unicode.ToTitle)
		}
		prevCased = isCased(r)
	}
	return b.String()
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// upperSpecial holds the characters whose str.upper() is longer than one character.
var upperSpecial = map[rune]string{
	0xdf: "SS", 0x149: "\u02bcN", 0x1f0: "J\u030c", 0x390: "\u0399\u0308\u0301",
	0x3b0: "\u03a5\u0308\u0301", 0x587: "\u0535\u0552", 0x1e96: "H\u0331", 0x1e97: "T\u0308",
	0x1e98: "W\u030a", 0x1e99: "Y\u030a", 0x1e9a: "A\u02be", 0x1f50: "\u03a5\u0313",
	0x1f52: "\u03a5\u0313\u0300", 0x1f54: "\u03a5\u0313\u0301", 0x1f56: "\u03a5\u0313\u0342",
	0x1f80: "\u1f08\u0399", 0x1f81: "\u1f09\u0399", 0x1f82: "\u1f0a\u0399", 0x1f83: "\u1f0b\u0399",
	0x1f84: "\u1f0c\u0399", 0x1f85: "\u1f0d\u0399", 0x1f86: "\u1f0e\u0399", 0x1f87: "\u1f0f\u0399",
	0x1f88: "\u1f08\u0399", 0x1f89: "\u1f09\u0399", 0x1f8a: "\u1f0a\u0399", 0x1f8b: "\u1f0b\u0399",
	0x1f8c: "\u1f0c\u0399", 0x1f8d: "\u1f0d\u0399", 0x1f8e: "\u1f0e\u0399", 0x1f8f: "\u1f0f\u0399",
	0x1f90: "\u1f28\u0399", 0x1f91: "\u1f29\u0399", 0x1f92: "\u1f2a\u0399", 0x1f93: "\u1f2b\u0399",
	0x1f94: "\u1f2c\u0399", 0x1f95: "\u1f2d\u0399", 0x1f96: "\u1f2e\u0399", 0x1f97: "\u1f2f\u0399",
	0x1f98: "\u1f28\u0399", 0x1f99: "\u1f29\u0399", 0x1f9a: "\u1f2a\u0399", 0x1f9b: "\u1f2b\u0399",
	0x1f9c: "\u1f2c\u0399", 0x1f9d: "\u1f2d\u0399", 0x1f9e: "\u1f2e\u0399", 0x1f9f: "\u1f2f\u0399",
	0x1fa0: "\u1f68\u0399", 0x1fa1: "\u1f69\u0399", 0x1fa2: "\u1f6a\u0399", 0x1fa3: "\u1f6b\u0399",
	0x1fa4: "\u1f6c\u0399", 0x1fa5: "\u1f6d\u0399", 0x1fa6: "\u1f6e\u0399", 0x1fa7: "\u1f6f\u0399",
	0x1fa8: "\u1f68\u0399", 0x1fa9: "\u1f69\u0399", 0x1faa: "\u1f6a\u0399", 0x1fab: "\u1f6b\u0399",
	0x1fac: "\u1f6c\u0399", 0x1fad: "\u1f6d\u0399", 0x1fae: "\u1f6e\u0399", 0x1faf: "\u1f6f\u0399",
	0x1fb2: "\u1fba\u0399", 0x1fb3: "\u0391\u0399", 0x1fb4: "\u0386\u0399", 0x1fb6: "\u0391\u0342",
	0x1fb7: "\u0391\u0342\u0399", 0x1fbc: "\u0391\u0399", 0x1fc2: "\u1fca\u0399",
	0x1fc3: "\u0397\u0399", 0x1fc4: "\u0389\u0399", 0x1fc6: "\u0397\u0342",
	0x1fc7: "\u0397\u0342\u0399", 0x1fcc: "\u0397\u0399", 0x1fd2: "\u0399\u0308\u0300",
	0x1fd3: "\u0399\u0308\u0301", 0x1fd6: "\u0399\u0342", 0x1fd7: "\u0399\u0308\u0342",
	0x1fe2: "\u03a5\u0308\u0300", 0x1fe3: "\u03a5\u0308\u0301", 0x1fe4: "\u03a1\u0313",
	0x1fe6: "\u03a5\u0342", 0x1fe7: "\u03a5\u0308\u0342", 0x1ff2: "\u1ffa\u0399",
	0x1ff3: "\u03a9\u0399", 0x1ff4: "\u038f\u0399", 0x1ff6: "\u03a9\u0342",
	0x1ff7: "\u03a9\u0342\u0399", 0x1ffc: "\u03a9\u0399", 0xfb00: "FF", 0xfb01: "FI", 0xfb02: "FL",
	0xfb03: "FFI", 0xfb04: "FFL", 0xfb05: "ST", 0xfb06: "ST", 0xfb13: "\u0544\u0546",
	0xfb14: "\u0544\u0535", 0xfb15: "\u0544\u053b", 0xfb16: "\u054e\u0546", 0xfb17: "\u0544\u053d",
}

// lowerSpecial holds the characters whose str.lower() is longer than one character.
var lowerSpecial = map[rune]string{
	0x130: "i\u0307",
}

// titleSpecial holds the characters whose str.title() is longer than one character.
var titleSpecial = map[rune]string{
	0xdf: "Ss", 0x149: "\u02bcN", 0x1f0: "J\u030c", 0x390: "\u0399\u0308\u0301",
	0x3b0: "\u03a5\u0308\u0301", 0x587: "\u0535\u0582", 0x1e96: "H\u0331", 0x1e97: "T\u0308",
	0x1e98: "W\u030a", 0x1e99: "Y\u030a", 0x1e9a: "A\u02be", 0x1f50: "\u03a5\u0313",
	0x1f52: "\u03a5\u0313\u0300", 0x1f54: "\u03a5\u0313\u0301", 0x1f56: "\u03a5\u0313\u0342",
	0x1fb2: "\u1fba\u0345", 0x1fb4: "\u0386\u0345", 0x1fb6: "\u0391\u0342",
	0x1fb7: "\u0391\u0342\u0345", 0x1fc2: "\u1fca\u0345", 0x1fc4: "\u0389\u0345",
	0x1fc6: "\u0397\u0342", 0x1fc7: "\u0397\u0342\u0345", 0x1fd2: "\u0399\u0308\u0300",
	0x1fd3: "\u0399\u0308\u0301", 0x1fd6: "\u0399\u0342", 0x1fd7: "\u0399\u0308\u0342",
	0x1fe2: "\u03a5\u0308\u0300", 0x1fe3: "\u03a5\u0308\u0301", 0x1fe4: "\u03a1\u0313",
	0x1fe6: "\u03a5\u0342", 0x1fe7: "\u03a5\u0308\u0342", 0x1ff2: "\u1ffa\u0345",
	0x1ff4: "\u038f\u0345", 0x1ff6: "\u03a9\u0342", 0x1ff7: "\u03a9\u0342\u0345", 0xfb00: "Ff",
	0xfb01: "Fi", 0xfb02: "Fl", 0xfb03: "Ffi", 0xfb04: "Ffl", 0xfb05: "St", 0xfb06: "St",
	0xfb13: "\u0544\u0576", 0xfb14: "\u0544\u0565", 0xfb15: "\u0544\u056b", 0xfb16: "\u054e\u0576",
	0xfb17: "\u0544\u056d",
}

// foldSpecial holds the characters whose str.casefold() differs from str.lower().
var foldSpecial = map[rune]string{
	0xb5: "\u03bc", 0xdf: "ss", 0x149: "\u02bcn", 0x17f: "s", 0x1f0: "j\u030c", 0x345: "\u03b9",
	0x390: "\u03b9\u0308\u0301", 0x3b0: "\u03c5\u0308\u0301", 0x3c2: "\u03c3", 0x3d0: "\u03b2",
	0x3d1: "\u03b8", 0x3d5: "\u03c6", 0x3d6: "\u03c0", 0x3f0: "\u03ba", 0x3f1: "\u03c1",
	0x3f5: "\u03b5", 0x587: "\u0565\u0582", 0x13a0: "\u13a0", 0x13a1: "\u13a1", 0x13a2: "\u13a2",
	0x13a3: "\u13a3", 0x13a4: "\u13a4", 0x13a5: "\u13a5", 0x13a6: "\u13a6", 0x13a7: "\u13a7",
	0x13a8: "\u13a8", 0x13a9: "\u13a9", 0x13aa: "\u13aa", 0x13ab: "\u13ab", 0x13ac: "\u13ac",
	0x13ad: "\u13ad", 0x13ae: "\u13ae", 0x13af: "\u13af", 0x13b0: "\u13b0", 0x13b1: "\u13b1",
	0x13b2: "\u13b2", 0x13b3: "\u13b3", 0x13b4: "\u13b4", 0x13b5: "\u13b5", 0x13b6: "\u13b6",
	0x13b7: "\u13b7", 0x13b8: "\u13b8", 0x13b9: "\u13b9", 0x13ba: "\u13ba", 0x13bb: "\u13bb",
	0x13bc: "\u13bc", 0x13bd: "\u13bd", 0x13be: "\u13be", 0x13bf: "\u13bf", 0x13c0: "\u13c0",
	0x13c1: "\u13c1", 0x13c2: "\u13c2", 0x13c3: "\u13c3", 0x13c4: "\u13c4", 0x13c5: "\u13c5",
	0x13c6: "\u13c6", 0x13c7: "\u13c7", 0x13c8: "\u13c8", 0x13c9: "\u13c9", 0x13ca: "\u13ca",
	0x13cb: "\u13cb", 0x13cc: "\u13cc", 0x13cd: "\u13cd", 0x13ce: "\u13ce", 0x13cf: "\u13cf",
	0x13d0: "\u13d0", 0x13d1: "\u13d1", 0x13d2: "\u13d2", 0x13d3: "\u13d3", 0x13d4: "\u13d4",
	0x13d5: "\u13d5", 0x13d6: "\u13d6", 0x13d7: "\u13d7", 0x13d8: "\u13d8", 0x13d9: "\u13d9",
	0x13da: "\u13da", 0x13db: "\u13db", 0x13dc: "\u13dc", 0x13dd: "\u13dd", 0x13de: "\u13de",
	0x13df: "\u13df", 0x13e0: "\u13e0", 0x13e1: "\u13e1", 0x13e2: "\u13e2", 0x13e3: "\u13e3",
	0x13e4: "\u13e4", 0x13e5: "\u13e5", 0x13e6: "\u13e6", 0x13e7: "\u13e7", 0x13e8: "\u13e8",
	0x13e9: "\u13e9", 0x13ea: "\u13ea", 0x13eb: "\u13eb", 0x13ec: "\u13ec", 0x13ed: "\u13ed",
	0x13ee: "\u13ee", 0x13ef: "\u13ef", 0x13f0: "\u13f0", 0x13f1: "\u13f1", 0x13f2: "\u13f2",
	0x13f3: "\u13f3", 0x13f4: "\u13f4", 0x13f5: "\u13f5", 0x13f8: "\u13f0", 0x13f9: "\u13f1",
	0x13fa: "\u13f2", 0x13fb: "\u13f3", 0x13fc: "\u13f4", 0x13fd: "\u13f5", 0x1c80: "\u0432",
	0x1c81: "\u0434", 0x1c82: "\u043e", 0x1c83: "\u0441", 0x1c84: "\u0442", 0x1c85: "\u0442",
	0x1c86: "\u044a", 0x1c87: "\u0463", 0x1c88: "\ua64b", 0x1e96: "h\u0331", 0x1e97: "t\u0308",
	0x1e98: "w\u030a", 0x1e99: "y\u030a", 0x1e9a: "a\u02be", 0x1e9b: "\u1e61", 0x1e9e: "ss",
	0x1f50: "\u03c5\u0313", 0x1f52: "\u03c5\u0313\u0300", 0x1f54: "\u03c5\u0313\u0301",
	0x1f56: "\u03c5\u0313\u0342", 0x1f80: "\u1f00\u03b9", 0x1f81: "\u1f01\u03b9",
	0x1f82: "\u1f02\u03b9", 0x1f83: "\u1f03\u03b9", 0x1f84: "\u1f04\u03b9", 0x1f85: "\u1f05\u03b9",
	0x1f86: "\u1f06\u03b9", 0x1f87: "\u1f07\u03b9", 0x1f88: "\u1f00\u03b9", 0x1f89: "\u1f01\u03b9",
	0x1f8a: "\u1f02\u03b9", 0x1f8b: "\u1f03\u03b9", 0x1f8c: "\u1f04\u03b9", 0x1f8d: "\u1f05\u03b9",
	0x1f8e: "\u1f06\u03b9", 0x1f8f: "\u1f07\u03b9", 0x1f90: "\u1f20\u03b9", 0x1f91: "\u1f21\u03b9",
	0x1f92: "\u1f22\u03b9", 0x1f93: "\u1f23\u03b9", 0x1f94: "\u1f24\u03b9", 0x1f95: "\u1f25\u03b9",
	0x1f96: "\u1f26\u03b9", 0x1f97: "\u1f27\u03b9", 0x1f98: "\u1f20\u03b9", 0x1f99: "\u1f21\u03b9",
	0x1f9a: "\u1f22\u03b9", 0x1f9b: "\u1f23\u03b9", 0x1f9c: "\u1f24\u03b9", 0x1f9d: "\u1f25\u03b9",
	0x1f9e: "\u1f26\u03b9", 0x1f9f: "\u1f27\u03b9", 0x1fa0: "\u1f60\u03b9", 0x1fa1: "\u1f61\u03b9",
	0x1fa2: "\u1f62\u03b9", 0x1fa3: "\u1f63\u03b9", 0x1fa4: "\u1f64\u03b9", 0x1fa5: "\u1f65\u03b9",
	0x1fa6: "\u1f66\u03b9", 0x1fa7: "\u1f67\u03b9", 0x1fa8: "\u1f60\u03b9", 0x1fa9: "\u1f61\u03b9",
	0x1faa: "\u1f62\u03b9", 0x1fab: "\u1f63\u03b9", 0x1fac: "\u1f64\u03b9", 0x1fad: "\u1f65\u03b9",
	0x1fae: "\u1f66\u03b9", 0x1faf: "\u1f67\u03b9", 0x1fb2: "\u1f70\u03b9", 0x1fb3: "\u03b1\u03b9",
	0x1fb4: "\u03ac\u03b9", 0x1fb6: "\u03b1\u0342", 0x1fb7: "\u03b1\u0342\u03b9",
	0x1fbc: "\u03b1\u03b9", 0x1fbe: "\u03b9", 0x1fc2: "\u1f74\u03b9", 0x1fc3: "\u03b7\u03b9",
	0x1fc4: "\u03ae\u03b9", 0x1fc6: "\u03b7\u0342", 0x1fc7: "\u03b7\u0342\u03b9",
	0x1fcc: "\u03b7\u03b9", 0x1fd2: "\u03b9\u0308\u0300", 0x1fd3: "\u03b9\u0308\u0301",
	0x1fd6: "\u03b9\u0342", 0x1fd7: "\u03b9\u0308\u0342", 0x1fe2: "\u03c5\u0308\u0300",
	0x1fe3: "\u03c5\u0308\u0301", 0x1fe4: "\u03c1\u0313", 0x1fe6: "\u03c5\u0342",
	0x1fe7: "\u03c5\u0308\u0342", 0x1ff2: "\u1f7c\u03b9", 0x1ff3: "\u03c9\u03b9",
	0x1ff4: "\u03ce\u03b9", 0x1ff6: "\u03c9\u0342", 0x1ff7: "\u03c9\u0342\u03b9",
	0x1ffc: "\u03c9\u03b9", 0xab70: "\u13a0", 0xab71: "\u13a1", 0xab72: "\u13a2", 0xab73: "\u13a3",
	0xab74: "\u13a4", 0xab75: "\u13a5", 0xab76: "\u13a6", 0xab77: "\u13a7", 0xab78: "\u13a8",
	0xab79: "\u13a9", 0xab7a: "\u13aa", 0xab7b: "\u13ab", 0xab7c: "\u13ac", 0xab7d: "\u13ad",
	0xab7e: "\u13ae", 0xab7f: "\u13af", 0xab80: "\u13b0", 0xab81: "\u13b1", 0xab82: "\u13b2",
	0xab83: "\u13b3", 0xab84: "\u13b4", 0xab85: "\u13b5", 0xab86: "\u13b6", 0xab87: "\u13b7",
	0xab88: "\u13b8", 0xab89: "\u13b9", 0xab8a: "\u13ba", 0xab8b: "\u13bb", 0xab8c: "\u13bc",
	0xab8d: "\u13bd", 0xab8e: "\u13be", 0xab8f: "\u13bf", 0xab90: "\u13c0", 0xab91: "\u13c1",
	0xab92: "\u13c2", 0xab93: "\u13c3", 0xab94: "\u13c4", 0xab95: "\u13c5", 0xab96: "\u13c6",
	0xab97: "\u13c7", 0xab98: "\u13c8", 0xab99: "\u13c9", 0xab9a: "\u13ca", 0xab9b: "\u13cb",
	0xab9c: "\u13cc", 0xab9d: "\u13cd", 0xab9e: "\u13ce", 0xab9f: "\u13cf", 0xaba0: "\u13d0",
	0xaba1: "\u13d1", 0xaba2: "\u13d2", 0xaba3: "\u13d3", 0xaba4: "\u13d4", 0xaba5: "\u13d5",
	0xaba6: "\u13d6", 0xaba7: "\u13d7", 0xaba8: "\u13d8", 0xaba9: "\u13d9", 0xabaa: "\u13da",
	0xabab: "\u13db", 0xabac: "\u13dc", 0xabad: "\u13dd", 0xabae: "\u13de", 0xabaf: "\u13df",
	0xabb0: "\u13e0", 0xabb1: "\u13e1", 0xabb2: "\u13e2", 0xabb3: "\u13e3", 0xabb4: "\u13e4",
	0xabb5: "\u13e5", 0xabb6: "\u13e6", 0xabb7: "\u13e7", 0xabb8: "\u13e8", 0xabb9: "\u13e9",
	0xabba: "\u13ea", 0xabbb: "\u13eb", 0xabbc: "\u13ec", 0xabbd: "\u13ed", 0xabbe: "\u13ee",
	0xabbf: "\u13ef", 0xfb00: "ff", 0xfb01: "fi", 0xfb02: "fl", 0xfb03: "ffi", 0xfb04: "ffl",
	0xfb05: "st", 0xfb06: "st", 0xfb13: "\u0574\u0576", 0xfb14: "\u0574\u0565",
	0xfb15: "\u0574\u056b", 0xfb16: "\u057e\u0576", 0xfb17: "\u0574\u056d",
}

// otherDigits holds the characters that str.isdigit() accepts beyond decimal digits
// (superscripts, circled digits, …).
var otherDigits = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0xb2, 0xb3, 1}, {0xb9, 0xb9, 1}, {0x1369, 0x1371, 1}, {0x19da, 0x19da, 1},
		{0x2070, 0x2070, 1}, {0x2074, 0x2079, 1}, {0x2080, 0x2089, 1}, {0x2460, 0x2468, 1},
		{0x2474, 0x247c, 1}, {0x2488, 0x2490, 1}, {0x24ea, 0x24ea, 1}, {0x24f5, 0x24fd, 1},
		{0x24ff, 0x24ff, 1}, {0x2776, 0x277e, 1}, {0x2780, 0x2788, 1}, {0x278a, 0x2792, 1},
	},
	R32: []unicode.Range32{
		{0x10a40, 0x10a43, 1}, {0x10e60, 0x10e68, 1}, {0x11052, 0x1105a, 1}, {0x1f100, 0x1f10a, 1},
	},
	LatinOffset: 2,
}

// otherNumerics holds the characters outside category N that str.isnumeric() accepts (CJK
// ideographs with a numeric value).
var otherNumerics = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0x3405, 0x3405, 1}, {0x3483, 0x3483, 1}, {0x382a, 0x382a, 1}, {0x3b4d, 0x3b4d, 1},
		{0x4e00, 0x4e00, 1}, {0x4e03, 0x4e03, 1}, {0x4e07, 0x4e07, 1}, {0x4e09, 0x4e09, 1},
		{0x4e5d, 0x4e5d, 1}, {0x4e8c, 0x4e8c, 1}, {0x4e94, 0x4e94, 1}, {0x4e96, 0x4e96, 1},
		{0x4ebf, 0x4ec0, 1}, {0x4edf, 0x4edf, 1}, {0x4ee8, 0x4ee8, 1}, {0x4f0d, 0x4f0d, 1},
		{0x4f70, 0x4f70, 1}, {0x5104, 0x5104, 1}, {0x5146, 0x5146, 1}, {0x5169, 0x5169, 1},
		{0x516b, 0x516b, 1}, {0x516d, 0x516d, 1}, {0x5341, 0x5341, 1}, {0x5343, 0x5345, 1},
		{0x534c, 0x534c, 1}, {0x53c1, 0x53c4, 1}, {0x56db, 0x56db, 1}, {0x58f1, 0x58f1, 1},
		{0x58f9, 0x58f9, 1}, {0x5e7a, 0x5e7a, 1}, {0x5efe, 0x5eff, 1}, {0x5f0c, 0x5f0e, 1},
		{0x5f10, 0x5f10, 1}, {0x62fe, 0x62fe, 1}, {0x634c, 0x634c, 1}, {0x67d2, 0x67d2, 1},
		{0x6f06, 0x6f06, 1}, {0x7396, 0x7396, 1}, {0x767e, 0x767e, 1}, {0x8086, 0x8086, 1},
		{0x842c, 0x842c, 1}, {0x8cae, 0x8cae, 1}, {0x8cb3, 0x8cb3, 1}, {0x8d30, 0x8d30, 1},
		{0x9621, 0x9621, 1}, {0x9646, 0x9646, 1}, {0x964c, 0x964c, 1}, {0x9678, 0x9678, 1},
		{0x96f6, 0x96f6, 1}, {0xf96b, 0xf96b, 1}, {0xf973, 0xf973, 1}, {0xf978, 0xf978, 1},
		{0xf9b2, 0xf9b2, 1}, {0xf9d1, 0xf9d1, 1}, {0xf9d3, 0xf9d3, 1}, {0xf9fd, 0xf9fd, 1},
	},
	R32: []unicode.Range32{
		{0x20001, 0x20001, 1}, {0x20064, 0x20064, 1}, {0x200e2, 0x200e2, 1}, {0x20121, 0x20121, 1},
		{0x2092a, 0x2092a, 1}, {0x20983, 0x20983, 1}, {0x2098c, 0x2098c, 1}, {0x2099c, 0x2099c, 1},
		{0x20aea, 0x20aea, 1}, {0x20afd, 0x20afd, 1}, {0x20b19, 0x20b19, 1}, {0x22390, 0x22390, 1},
		{0x22998, 0x22998, 1}, {0x23b1b, 0x23b1b, 1}, {0x2626d, 0x2626d, 1}, {0x2f890, 0x2f890, 1},
	},
	LatinOffset: 0,
}
