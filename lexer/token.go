package lexer

import plex "github.com/alecthomas/participle/v2/lexer"

// Token types. EOF must be participle's lexer.EOF (-1); every other type is positive, and
// keywords have a type of their own so that grammar literals never match an identifier.
const (
	EOF                    = plex.EOF
	Name    plex.TokenType = iota + 1 // identifier (soft keywords such as match stay Names)
	Keyword                           // reserved word: if, def, async, await, None, True, …
	Int                               // integer literal as written: 0x1f, 1_000
	Float                             // float literal as written: 1.5e3, 1_0.0
	Imag                              // imaginary literal: 2j
	String                            // str or bytes literal with prefix and quotes: b'x', r"\d"
	FString                           // whole f-string literal with prefix and quotes: f"a{b!r:>4}"
	Op                                // operator or delimiter: + ** //= ( ) : -> := …
	Newline                           // end of a logical line
	Indent                            // indentation increased
	Dedent                            // indentation decreased by one level
)

// Symbols maps token type names to types, as participle's lexer.Definition requires.
var symbols = map[string]plex.TokenType{
	"EOF":     EOF,
	"Name":    Name,
	"Keyword": Keyword,
	"Int":     Int,
	"Float":   Float,
	"Imag":    Imag,
	"String":  String,
	"FString": FString,
	"Op":      Op,
	"Newline": Newline,
	"Indent":  Indent,
	"Dedent":  Dedent,
}

// Keywords is the set of Python 3.11 reserved words.
var Keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true, "def": true,
	"del": true, "elif": true, "else": true, "except": true, "finally": true, "for": true,
	"from": true, "global": true, "if": true, "import": true, "in": true, "is": true,
	"lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true, "raise": true,
	"return": true, "try": true, "while": true, "with": true, "yield": true,
}
