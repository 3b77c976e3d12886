package lexer

import (
	"encoding/json"
	"math"
	"math/big"
	"os/exec"
	"strings"
	"testing"
)

// decodeTests are string literals with their values (bytes as one rune per byte, so that
// Python's latin-1 view compares equal), or "error: " and the message.
var decodeTests = []struct{ lit, want string }{
	{`'abc'`, "abc"},
	{`"abc"`, "abc"},
	{`''`, ""},
	{`''''''`, ""},
	{`'''a'b"c'''`, `a'b"c`},
	{`"""a\nb"""`, "a\nb"},
	{"'''a\nb'''", "a\nb"},
	{"'''a\r\nb\rc'''", "a\nb\nc"},
	{`'\n\t\r\a\b\f\v\\\'\"'`, "\n\t\r\a\b\f\v\\'\""},
	{`'\x41\x7a\xff'`, "Azÿ"},
	{`'\101\60\0\1234\777'`, "A0\x00S4ǿ"},
	{`'\u00e9\U0001F600\u4e2d'`, "é😀中"},
	{`'\N{DEGREE SIGN}\N{latin small letter a}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GAG}'`, "°a一각"},
	{`'\q\d\ \8'`, `\q\d\ \8`},
	{"'a\\\nb'", "ab"},
	{"'a\\\r\nb'", "ab"},
	{`'é中😀'`, "é中😀"},
	{`r'\n\x41\''`, `\n\x41\'`},
	{`R"\N{x}"`, `\N{x}`},
	{`u'\u00e9'`, "é"},
	{`U"x"`, "x"},
	{`b'abc\x00\xff\n'`, "abc\x00ÿ\n"},
	{`b'\777\101'`, "ÿA"},
	{`b'\u1234\N{x}'`, `\u1234\N{x}`},
	{`rb'\x41'`, `\x41`},
	{`Br"\d"`, `\d`},
	{`'\x4'`, `error: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape`},
	{`'ab\x4g'`, `error: (unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \xXX escape`},
	{`'é\x4'`, `error: (unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \xXX escape`},
	{`'\u12'`, `error: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape`},
	{`'\U0011FFFF'`, `error: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character`},
	{`'\U1234'`, `error: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: truncated \UXXXXXXXX escape`},
	{`'\N{NO SUCH NAME}'`, `error: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name`},
	{`'\N'`, `error: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape`},
	{`'ab\Nx'`, `error: (unicode error) 'unicodeescape' codec can't decode bytes in position 2-3: malformed \N character escape`},
	{`b'\x4'`, `error: (value error) invalid \x escape at position 0`},
	{`b'ab\xg0'`, `error: (value error) invalid \x escape at position 2`},
	{`b'é'`, `error: bytes can only contain ASCII literal characters`},
}

func TestDecodeString(t *testing.T) {
	for _, tt := range decodeTests {
		s, isBytes, err := DecodeString(tt.lit)
		got := s
		switch {
		case err != nil:
			got = "error: " + err.Error()
		case isBytes:
			got = latin1(s)
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lit, got, tt.want)
		}
		if wantBytes := strings.ContainsAny(tt.lit[:strings.IndexAny(tt.lit, `'"`)], "bB"); isBytes != wantBytes {
			t.Errorf("%s: isBytes = %v", tt.lit, isBytes)
		}
	}
}

// latin1 maps each byte of s to the rune of the same value.
func latin1(s string) string {
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return string(r)
}

const pyDecode = `
import ast, json, sys
out = []
for lit in json.load(sys.stdin):
    try:
        v = ast.literal_eval(lit)
        out.append(v.decode("latin-1") if isinstance(v, bytes) else v)
    except SyntaxError as e:
        out.append("error: " + e.msg)
print(json.dumps(out))
`

// TestDecodeStringMatchesPython checks the expectations of decodeTests against CPython.
func TestDecodeStringMatchesPython(t *testing.T) {
	python := pythonPath()
	if python == "" {
		t.Skip("python3 not installed")
	}
	var lits []string
	for _, tt := range decodeTests {
		lits = append(lits, tt.lit)
	}
	in, _ := json.Marshal(lits)
	cmd := exec.Command(python, "-W", "ignore", "-c", pyDecode)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(lits) {
		t.Fatalf("bad python output %s: %v", out, err)
	}
	for i, tt := range decodeTests {
		if got[i] != tt.want {
			t.Errorf("%s: python %q, want %q", tt.lit, got[i], tt.want)
		}
	}
}

func TestDecodeStringRejectsNonStrings(t *testing.T) {
	for _, lit := range []string{``, `x`, `'`, `'abc`, `f'x'`, `abc'x'`, `'''a''`} {
		if _, _, err := DecodeString(lit); err == nil {
			t.Errorf("%s: no error", lit)
		}
	}
}

func TestParseInt(t *testing.T) {
	tests := []struct {
		text  string
		small int64
		big   string
	}{
		{"0", 0, ""},
		{"00", 0, ""},
		{"1_000", 1000, ""},
		{"0x1F", 31, ""},
		{"0XfF", 255, ""},
		{"0o17", 15, ""},
		{"0b1_0", 2, ""},
		{"9223372036854775807", math.MaxInt64, ""},
		{"9223372036854775808", 0, "9223372036854775808"},
		{"0xFFFF_FFFF_FFFF_FFFF_FFFF", 0, "1208925819614629174706175"},
		{"1" + strings.Repeat("0", 40), 0, "1" + strings.Repeat("0", 40)},
	}
	for _, tt := range tests {
		n, z, err := ParseInt(tt.text)
		switch {
		case err != nil:
			t.Errorf("%s: %v", tt.text, err)
		case tt.big == "" && (z != nil || n != tt.small):
			t.Errorf("%s: got %d, %v, want %d", tt.text, n, z, tt.small)
		case tt.big != "" && (z == nil || z.Cmp(mustBig(tt.big)) != 0 || n != 0):
			t.Errorf("%s: got %d, %v, want %s", tt.text, n, z, tt.big)
		}
	}
	for _, bad := range []string{"", "0x", "-1", "+1", "1.5", "abc"} {
		if _, _, err := ParseInt(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func mustBig(s string) *big.Int {
	z, _ := new(big.Int).SetString(s, 10)
	return z
}

func TestParseFloat(t *testing.T) {
	tests := []struct {
		text string
		want float64
	}{
		{"1.5", 1.5},
		{"1.", 1},
		{".5", 0.5},
		{"1e3", 1000},
		{"1_0.0_1e+1_0", 10.01e10},
		{"1e400", math.Inf(1)},
		{"1e-400", 0},
		{"0.1", 0.1},
		{"09.5", 9.5},
	}
	for _, tt := range tests {
		if got, err := ParseFloat(tt.text); err != nil || got != tt.want {
			t.Errorf("%s: got %v, %v, want %v", tt.text, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "inf", "nan", "-1", "1.5.5", "0x1p3x"} {
		if _, err := ParseFloat(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
