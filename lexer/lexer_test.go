package lexer

import (
	"fmt"
	"strings"
	"testing"

	plex "github.com/alecthomas/participle/v2/lexer"
)

// brief renders tokens as "Type:value" words, leaving out Newline, Indent, Dedent and EOF
// unless all is set.
func brief(toks []plex.Token, all bool) string {
	var words []string
	for _, t := range toks {
		switch t.Type {
		case Newline, Indent, Dedent, EOF:
			if all {
				words = append(words, typeNames[t.Type])
			}
			continue
		}
		words = append(words, typeNames[t.Type]+":"+t.Value)
	}
	return strings.Join(words, " ")
}

func TestTokenKinds(t *testing.T) {
	tests := []struct{ src, want string }{
		// names and keywords; soft keywords stay names
		{"x _y Z9 é naïve 中文", "Name:x Name:_y Name:Z9 Name:é Name:naïve Name:中文"},
		{"if def async await None True False", "Keyword:if Keyword:def Keyword:async Keyword:await Keyword:None Keyword:True Keyword:False"},
		{"match case type _", "Name:match Name:case Name:type Name:_"},
		{"iff fr ub rbx", "Name:iff Name:fr Name:ub Name:rbx"},
		// numbers
		{"0 00 0_0 7 1_000 0x1F 0XfF 0o17 0O7 0b1 0B1_0", "Int:0 Int:00 Int:0_0 Int:7 Int:1_000 Int:0x1F Int:0XfF Int:0o17 Int:0O7 Int:0b1 Int:0B1_0"},
		{"1. .5 1.5 1e5 1E-5 1.5e+3 1_0.0_1 09.5 00.0 0e0", "Float:1. Float:.5 Float:1.5 Float:1e5 Float:1E-5 Float:1.5e+3 Float:1_0.0_1 Float:09.5 Float:00.0 Float:0e0"},
		{"3j 3.5J .5j 1e5j 0j 09j", "Imag:3j Imag:3.5J Imag:.5j Imag:1e5j Imag:0j Imag:09j"},
		{"1if x else 2", "Int:1 Keyword:if Name:x Keyword:else Int:2"},
		{"1else 1.5else 0o7for 0x1for 1or 1and 1in 1is 1not", "Int:1 Keyword:else Float:1.5 Keyword:else Int:0o7 Keyword:for Int:0x1f Keyword:or Int:1 Keyword:or Int:1 Keyword:and Int:1 Keyword:in Int:1 Keyword:is Int:1 Keyword:not"},
		{"x.y 1..real 1 .real", "Name:x Op:. Name:y Float:1. Op:. Name:real Int:1 Op:. Name:real"},
		// strings, one token per literal with prefix and quotes
		{`'a' "b" '' "" '''c''' """d"""`, `String:'a' String:"b" String:'' String:"" String:'''c''' String:"""d"""`},
		{`b'x' B"x" r'\d' R'x' u'x' U'x' rb'x' bR'x' Br'x' RB'x'`, `String:b'x' String:B"x" String:r'\d' String:R'x' String:u'x' String:U'x' String:rb'x' String:bR'x' String:Br'x' String:RB'x'`},
		{`f'x' F"x" rf'x' fR'x' Rf'x' FR'x'`, `FString:f'x' FString:F"x" FString:rf'x' FString:fR'x' FString:Rf'x' FString:FR'x'`},
		{`'a\'b' "a\"b" 'a\\' r'\''`, `String:'a\'b' String:"a\"b" String:'a\\' String:r'\''`},
		{`'a' 'b'`, `String:'a' String:'b'`},
		{`f"{x['a']}" f'{y["b"]!r:>{w}}'`, `FString:f"{x['a']}" FString:f'{y["b"]!r:>{w}}'`},
		{"'''a\n'b'\n\"\"c'''", "String:'''a\n'b'\n\"\"c'''"},
		{"'a\\\nb'", "String:'a\\\nb'"},
		// operators, longest match
		{"+ - * / // % ** @ << >> & | ^ ~ < > <= >= == != := ->", "Op:+ Op:- Op:* Op:/ Op:// Op:% Op:** Op:@ Op:<< Op:>> Op:& Op:| Op:^ Op:~ Op:< Op:> Op:<= Op:>= Op:== Op:!= Op::= Op:->"},
		{"+= -= *= /= //= %= **= @= <<= >>= &= |= ^=", "Op:+= Op:-= Op:*= Op:/= Op://= Op:%= Op:**= Op:@= Op:<<= Op:>>= Op:&= Op:|= Op:^="},
		{"( ) [ ] { } , : ; . ... =", "Op:( Op:) Op:[ Op:] Op:{ Op:} Op:, Op:: Op:; Op:. Op:... Op:="},
		{"a**-b ...... .. x<>y", "Name:a Op:** Op:- Name:b Op:... Op:... Op:. Op:. Name:x Op:<> Name:y"},
		{"$ ? ` !", "Op:$ Op:? Op:` Op:!"},
	}
	for _, tt := range tests {
		toks, err := Tokenize("t.aio", tt.src, nil)
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if got := brief(toks, false); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestLayout(t *testing.T) {
	tests := []struct{ src, want string }{
		{"", "EOF"},
		{"\n\n", "EOF"},
		{"x", "Name:x Newline EOF"},
		{"x\n", "Name:x Newline EOF"},
		{"x  # comment", "Name:x Newline EOF"},
		{"# only a comment\n   \n\t\n", "EOF"},
		{"if x:\n  y\n", "Keyword:if Name:x Op:: Newline Indent Name:y Newline Dedent EOF"},
		{"if x:\n  if y:\n    z\nw", "Keyword:if Name:x Op:: Newline Indent Keyword:if Name:y Op:: Newline Indent Name:z Newline Dedent Dedent Name:w Newline EOF"},
		{"if x:\n  if y:\n    z", "Keyword:if Name:x Op:: Newline Indent Keyword:if Name:y Op:: Newline Indent Name:z Newline Dedent Dedent EOF"},
		{"if x:\n  y\n\n  # c\n      # d\n  z\n", "Keyword:if Name:x Op:: Newline Indent Name:y Newline Name:z Newline Dedent EOF"},
		{"if x:\n\ty\n\tz\n", "Keyword:if Name:x Op:: Newline Indent Name:y Newline Name:z Newline Dedent EOF"},
		{"if x:\n  \f  y\n  z\n", "Keyword:if Name:x Op:: Newline Indent Name:y Newline Name:z Newline Dedent EOF"},
		{"x = (1,\n  2,\n\n# c\n   3)\n", "Name:x Op:= Op:( Int:1 Op:, Int:2 Op:, Int:3 Op:) Newline EOF"},
		{"x = 1 + \\\n    2\n", "Name:x Op:= Int:1 Op:+ Int:2 Newline EOF"},
		{"if x:\n    \\\n  y\n", "Keyword:if Name:x Op:: Newline Indent Name:y Newline Dedent EOF"},
		{"x = 1\r\ny = 2\rz = 3", "Name:x Op:= Int:1 Newline Name:y Op:= Int:2 Newline Name:z Op:= Int:3 Newline EOF"},
		{"\ufeffx = 1\n", "Name:x Op:= Int:1 Newline EOF"},
		{"x; y\n", "Name:x Op:; Name:y Newline EOF"},
	}
	for _, tt := range tests {
		toks, err := Tokenize("t.aio", tt.src, nil)
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if got := brief(toks, true); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestPositions(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x = 1", "1:1 1:3 1:5 1:6 2:1"},
		{"if x:\n    y\n", "1:1 1:4 1:5 1:6 2:5 2:5 2:6 3:1 3:1"},
		{"é = 'ü' + 中", "1:1 1:3 1:5 1:9 1:11 1:12 2:1"},
		{"s = '''a\nb''' + x\n", "1:1 1:3 1:5 2:6 2:8 2:9 3:1"},
		{"x = (\n  1)\n", "1:1 1:3 1:5 2:3 2:4 2:5 3:1"},
		{"\ufeffx\n", "1:1 1:2 2:1"},
		{"a\r\n b", "1:1 1:2 2:2 2:2 2:3 3:1 3:1"},
		{"a\r\nb", "1:1 1:2 2:1 2:2 3:1"},
	}
	for _, tt := range tests {
		toks, err := Tokenize("t.aio", tt.src, nil)
		var got []string
		for _, tok := range toks {
			got = append(got, tok.Pos.String()[len("t.aio:"):])
		}
		if err != nil {
			got = append(got, "ERR")
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, g, tt.want)
		}
	}
}

// TestErrorReport checks the parts of errors that TestErrors leaves to the python3
// comparison, so that they are tested without python3 too.
func TestErrorReport(t *testing.T) {
	tests := []struct {
		src         string
		line, col   int
		endCol      int
		text, text2 string
	}{
		{"x = 0xg\n", 1, 6, 6, "x = 0xg", "  File \"t.aio\", line 1\n    x = 0xg\n         ^\nSyntaxError: invalid hexadecimal literal"},
		{"x = 012\n", 1, 5, 6, "x = 012", "  File \"t.aio\", line 1\n    x = 012\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
		{"x = (\n1,\n", 1, 5, 0, "x = (", "  File \"t.aio\", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed"},
		{"if x:\n\ty\n        z\n", 3, 1, 0, "        z", "  File \"t.aio\", line 3\n    z\nTabError: inconsistent use of tabs and spaces in indentation"},
		{"x = 1\n\x00", 2, 0, 0, "\n", "  File \"t.aio\", line 2\n    \nSyntaxError: source code cannot contain null bytes"},
		{"\xff", 0, 0, 0, "", "SyntaxError: Non-UTF-8 code starting with '\\xff' in file t.aio on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"},
		{"  x = '''\n\n", 1, 7, 7, "  x = '''", "  File \"t.aio\", line 1\n    x = '''\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 2)"},
	}
	for _, tt := range tests {
		_, err := Tokenize("t.aio", tt.src, nil)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: got %v, want an *Error", tt.src, err)
			continue
		}
		if e.Line != tt.line || e.Col != tt.col || e.EndCol != tt.endCol || e.Text != tt.text {
			t.Errorf("%q: got line %d col %d-%d text %q, want %d %d-%d %q", tt.src, e.Line, e.Col, e.EndCol, e.Text, tt.line, tt.col, tt.endCol, tt.text)
		}
		if e.Error() != tt.text2 {
			t.Errorf("%q prints\n%s\nwant\n%s", tt.src, e.Error(), tt.text2)
		}
		if p := e.Position(); p.Line != e.Line || p.Column != e.Col || p.Filename != "t.aio" {
			t.Errorf("%q: Position() = %v", tt.src, p)
		}
	}
}

// TestDefinition drives the scanner through participle's interfaces.
func TestDefinition(t *testing.T) {
	if Default.Symbols()["EOF"] != plex.EOF || Default.Symbols()["Dedent"] != Dedent {
		t.Fatal("Symbols lacks EOF or Dedent")
	}
	lex, err := Default.Lex("t.aio", strings.NewReader("x = 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	toks, err := plex.ConsumeAll(lex)
	if err != nil || brief(toks, true) != "Name:x Op:= Int:1 Newline EOF" {
		t.Fatalf("got %s, %v", brief(toks, true), err)
	}
	if tok, _ := lex.Next(); tok.Type != EOF {
		t.Errorf("Next after EOF gave %v", tok)
	}
	if _, err := Default.(plex.BytesDefinition).LexBytes("t.aio", []byte("(")); err == nil {
		t.Error("LexBytes accepted '('")
	}
	buf := make([]plex.Token, 0, 100)
	toks, _ = Tokenize("t.aio", "a b", buf)
	if &toks[0] != &buf[:1][0] {
		t.Error("Tokenize did not reuse the buffer")
	}
}

func TestLexFragment(t *testing.T) {
	tests := []struct {
		src       string
		line, col int
		want      string
	}{
		{"a + b", 3, 10, "Name:a@3:10 Op:+@3:12 Name:b@3:14 EOF@3:15"},
		{" x ", 1, 8, "Name:x@1:9 EOF@1:11"},
		{"b\n + c", 2, 2, "Name:b@2:2 Op:+@3:2 Name:c@3:4 EOF@3:5"},
		{"d['k'][é]", 1, 5, "Name:d@1:5 Op:[@1:6 String:'k'@1:7 Op:]@1:10 Op:[@1:11 Name:é@1:12 Op:]@1:13 EOF@1:14"},
		{"(1,\n2)", 4, 1, "Op:(@4:1 Int:1@4:2 Op:,@4:3 Int:2@5:1 Op:)@5:2 EOF@5:3"},
		{"", 1, 1, "EOF@1:1"},
	}
	for _, tt := range tests {
		start := plex.Position{Filename: "t.aio", Offset: 100, Line: tt.line, Column: tt.col}
		toks, err := LexFragment("t.aio", tt.src, start)
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		var words []string
		for _, tok := range toks {
			w := typeNames[tok.Type]
			if tok.Type != EOF {
				w += ":" + tok.Value
			}
			words = append(words, fmt.Sprintf("%s@%d:%d", w, tok.Pos.Line, tok.Pos.Column))
			if tok.Pos.Offset < 100 || tok.Pos.Offset > 100+len(tt.src) {
				t.Errorf("%q: token %q at offset %d", tt.src, tok.Value, tok.Pos.Offset)
			}
		}
		if got := strings.Join(words, " "); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
	errs := []struct {
		src       string
		msg       string
		line, col int
	}{
		{"1_", "invalid decimal literal", 2, 8},
		{"a + (", "'(' was never closed", 2, 11},
		{"a +\n (", "'(' was never closed", 3, 2},
		{"'x", "unterminated string literal (detected at line 2)", 2, 7},
	}
	for _, tt := range errs {
		_, err := LexFragment("t.aio", tt.src, plex.Position{Offset: 50, Line: 2, Column: 7})
		if e, ok := err.(*Error); !ok || e.Msg != tt.msg || e.Line != tt.line || e.Col != tt.col {
			t.Errorf("%q: got %#v", tt.src, err)
		}
	}
}

func TestKeywordTable(t *testing.T) {
	for kw := range Keywords {
		if !isKeyword(kw) {
			t.Errorf("keyword %q collides in keywordTable", kw)
		}
	}
	for _, name := range []string{"x", "If", "iff", "match", "print", "async_", "Nonee", "_"} {
		if isKeyword(name) {
			t.Errorf("%q taken for a keyword", name)
		}
	}
}
