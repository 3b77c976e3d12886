package lexer

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/runenames"
)

var (
	namesOnce sync.Once
	names     map[string]rune // Unicode character names, upper case, to characters
)

// lookupRuneName returns the character a \N{NAME} escape names. Like Python it ignores the
// case of the name and knows the algorithmic names of CJK ideographs and Hangul syllables.
// It does not know Unicode's name aliases. The table is built on first use (about 50 ms),
// so programs without \N escapes never pay for it.
func lookupRuneName(name string) (rune, bool) {
	namesOnce.Do(buildNames)
	r, ok := names[strings.ToUpper(name)]
	return r, ok
}

func buildNames() {
	names = make(map[string]rune, 50000)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		switch n := runenames.Name(r); {
		case n == "<CJK Ideograph>":
			names[fmt.Sprintf("CJK UNIFIED IDEOGRAPH-%04X", r)] = r
		case n == "<Hangul Syllable>":
			names[hangulName(r)] = r
		case n != "" && n[0] != '<':
			names[n] = r
		}
	}
}

// hangulName composes the name of a precomposed Hangul syllable from its jamo (Unicode §3.12).
func hangulName(r rune) string {
	lead := [...]string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	vowel := [...]string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	tail := [...]string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
	i := int(r - 0xAC00)
	return "HANGUL SYLLABLE " + lead[i/(21*28)] + vowel[i%(21*28)/28] + tail[i%28]
}
