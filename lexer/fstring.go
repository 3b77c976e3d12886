package lexer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	plex "github.com/alecthomas/participle/v2/lexer"
)

// FPart is one piece of an f-string: literal text or a replacement field.
type FPart struct {
	// Field reports whether the part is a replacement field rather than literal text.
	Field bool
	// Lit is a literal part's text with escapes decoded (unless the f-string is raw).
	// Adjacent literal text, as in "a{{b", is one part.
	Lit string
	// Expr is a field's expression source, exactly as written between the '{' and the '=',
	// '!', ':' or '}' that ends it; Pos is the position of its first byte, to pass to
	// LexFragment.
	Expr string
	Pos  plex.Position
	// Debug is the text of a self-documenting field such as `{x = }`: the expression, the
	// '=' and the whitespace after it ("x = "); "" otherwise.
	Debug string
	// Conv is the conversion character 's', 'r' or 'a', or 0. As in CPython's AST, a
	// self-documenting field with neither conversion nor format spec gets 'r'.
	Conv rune
	// HasSpec reports a format spec, even an empty one as in `{x:}`; Spec holds its parts,
	// which may themselves be fields.
	HasSpec bool
	Spec    []FPart
}

// SplitFString splits an FString token into literal parts and replacement fields, following
// CPython 3.11's f-string parser (Parser/string_parser.c) and its error messages.
//
// An error is an *Error whose position is just past the token. CPython reports f-string
// errors at the token its parser read after the string (usually the next one on the line),
// so the parser should move Line, Col and Text there. Errors in a field's expression itself
// come later, from lexing and parsing Expr.
func SplitFString(tok plex.Token) ([]FPart, error) {
	prefix, body, ok := splitLiteral(tok.Value)
	if !ok {
		return nil, &Error{Kind: Syntax, Msg: "invalid f-string literal", Filename: tok.Pos.Filename,
			Line: tok.Pos.Line, Col: tok.Pos.Column}
	}
	quoteLen := (len(tok.Value) - len(prefix) - len(body)) / 2
	f := fsplitter{
		tok:  tok,
		body: body,
		raw:  strings.ContainsAny(prefix, "rR"),
		at:   advance(tok.Pos, tok.Value[:len(prefix)+quoteLen]),
	}
	return f.parts(0)
}

// fsplitter walks the body of one f-string.
type fsplitter struct {
	tok  plex.Token
	body string
	raw  bool
	i    int // next byte of body

	// at is the position of body[atOff], advanced lazily for field positions.
	at    plex.Position
	atOff int
}

// parts splits body from f.i: the whole body at level 0, or a format spec (level 1 or 2),
// which ends at its closing '}'.
func (f *fsplitter) parts(level int) ([]FPart, error) {
	var parts []FPart
	for {
		lit, doubled, err := f.literal(level)
		if err != nil {
			return nil, err
		}
		if lit != "" {
			if n := len(parts); n > 0 && !parts[n-1].Field {
				parts[n-1].Lit += lit
			} else {
				parts = append(parts, FPart{Lit: lit})
			}
		}
		if doubled {
			continue
		}
		if f.i >= len(f.body) || f.body[f.i] == '}' {
			break
		}
		field, err := f.field(level)
		if err != nil {
			return nil, err
		}
		parts = append(parts, field)
	}
	if level > 0 && (f.i >= len(f.body) || f.body[f.i] != '}') {
		return nil, f.errorf("f-string: expecting '}'")
	}
	return parts, nil
}

// literal scans literal text up to a '{' or '}' (or the end) and decodes it. A doubled brace
// at level 0 ends the literal with one brace included and doubled true, and is skipped.
func (f *fsplitter) literal(level int) (lit string, doubled bool, err error) {
	start := f.i
	end := -1
	for f.i < len(f.body) && end < 0 {
		ch := f.body[f.i]
		f.i++
		if !f.raw && ch == '\\' && f.i < len(f.body) {
			ch = f.body[f.i]
			f.i++
			if ch == 'N' {
				f.skipName()
				continue
			}
		}
		if ch != '{' && ch != '}' {
			continue
		}
		switch {
		case level == 0 && f.i < len(f.body) && f.body[f.i] == ch:
			end, doubled = f.i, true
			f.i++
		case level == 0 && ch == '}':
			f.i--
			return "", false, f.errorf("f-string: single '}' is not allowed")
		default:
			f.i--
			end = f.i
		}
	}
	if end < 0 {
		end = f.i
	}
	lit = normalizeNewlines(f.body[start:end])
	if !f.raw && strings.IndexByte(lit, '\\') >= 0 {
		if lit, err = unescape(lit, false); err != nil {
			return "", false, f.errorf("%s", err.Error())
		}
	}
	return lit, doubled, nil
}

// skipName skips the character after \N and, if it is a '{', the name up to its '}', so
// that the braces of \N{...} are not taken for a field.
func (f *fsplitter) skipName() {
	if f.i >= len(f.body) {
		return
	}
	f.i++
	if f.body[f.i-1] != '{' {
		return
	}
	for f.i < len(f.body) {
		f.i++
		if f.body[f.i-1] == '}' {
			return
		}
	}
}

// field scans a replacement field starting at its '{'.
func (f *fsplitter) field(level int) (FPart, error) {
	if level >= 2 {
		return FPart{}, f.errorf("f-string: expressions nested too deeply")
	}
	f.i++
	start := f.i
	if err := f.skipExpr(); err != nil {
		return FPart{}, err
	}
	expr := f.body[start:f.i]
	if strings.Trim(expr, " \t\n\r\f") == "" {
		if c := f.body[f.i]; c == '!' || c == ':' || c == '=' {
			return FPart{}, f.errorf("f-string: expression required before '%c'", c)
		}
		return FPart{}, f.errorf("f-string: empty expression not allowed")
	}
	part := FPart{Field: true, Expr: expr, Pos: f.posAt(start)}
	if err := f.fieldTail(&part, start, level); err != nil {
		return FPart{}, err
	}
	return part, nil
}

// fieldTail scans what follows a field's expression: '=', conversion, format spec and '}'.
func (f *fsplitter) fieldTail(part *FPart, start, level int) error {
	if f.body[f.i] == '=' {
		f.i++
		for f.i < len(f.body) && strings.IndexByte(" \t\n\r\f\v", f.body[f.i]) >= 0 {
			f.i++
		}
		if f.i >= len(f.body) {
			return f.errorf("f-string: expecting '}'")
		}
		part.Debug = normalizeNewlines(f.body[start:f.i])
	}
	if f.body[f.i] == '!' {
		f.i++
		if f.i >= len(f.body) {
			return f.errorf("f-string: expecting '}'")
		}
		c := f.body[f.i]
		f.i++
		if c != 's' && c != 'r' && c != 'a' {
			return f.errorf("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
		part.Conv = rune(c)
	}
	if f.i < len(f.body) && f.body[f.i] == ':' {
		f.i++
		if f.i >= len(f.body) {
			return f.errorf("f-string: expecting '}'")
		}
		spec, err := f.parts(level + 1)
		if err != nil {
			return err
		}
		part.HasSpec, part.Spec = true, spec
	}
	if f.i >= len(f.body) || f.body[f.i] != '}' {
		return f.errorf("f-string: expecting '}'")
	}
	f.i++
	if part.Debug != "" && part.Conv == 0 && !part.HasSpec {
		part.Conv = 'r'
	}
	return nil
}

// skipExpr advances f.i to the end of a field's expression: the first '!', ':', '}' or '='
// outside brackets and nested strings that is not part of "!=", "==", "<=" or ">=".
func (f *fsplitter) skipExpr() error {
	var quote byte
	triple := false
	var stack []byte
	for ; f.i < len(f.body); f.i++ {
		ch := f.body[f.i]
		if ch == '\\' {
			return f.errorf("f-string expression part cannot include a backslash")
		}
		if quote != 0 {
			if ch == quote && (!triple || f.hasTriple(ch)) {
				if triple {
					f.i += 2
				}
				quote = 0
			}
			continue
		}
		switch ch {
		case '\'', '"':
			quote, triple = ch, f.hasTriple(ch)
			if triple {
				f.i += 2
			}
		case '(', '[', '{':
			if len(stack) >= maxLevel {
				return f.errorf("f-string: too many nested parenthesis")
			}
			stack = append(stack, ch)
		case ')', ']', '}':
			if len(stack) == 0 {
				if ch == '}' {
					return f.endExpr(stack, quote)
				}
				return f.errorf("f-string: unmatched '%c'", ch)
			}
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if open != matching(ch) {
				return f.errorf("f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch, open)
			}
		case '#':
			return f.errorf("f-string expression part cannot include '#'")
		case '!', ':', '=', '<', '>':
			if len(stack) > 0 {
				continue
			}
			if f.i+1 < len(f.body) && f.body[f.i+1] == '=' && ch != ':' {
				f.i++
				continue
			}
			if ch != '<' && ch != '>' {
				return f.endExpr(stack, quote)
			}
		}
	}
	return f.endExpr(stack, quote)
}

// hasTriple reports whether body[f.i:] starts with three ch.
func (f *fsplitter) hasTriple(ch byte) bool {
	return f.i+2 < len(f.body) && f.body[f.i+1] == ch && f.body[f.i+2] == ch
}

// endExpr checks the state in which an expression ended.
func (f *fsplitter) endExpr(stack []byte, quote byte) error {
	switch {
	case quote != 0:
		return f.errorf("f-string: unterminated string")
	case len(stack) > 0:
		return f.errorf("f-string: unmatched '%c'", stack[len(stack)-1])
	case f.i >= len(f.body):
		return f.errorf("f-string: expecting '}'")
	}
	return nil
}

// posAt returns the position of body[off], which must not precede earlier calls' offsets.
func (f *fsplitter) posAt(off int) plex.Position {
	f.at = advance(f.at, f.body[f.atOff:off])
	f.atOff = off
	return f.at
}

// advance moves a position over text, counting universal newlines.
func advance(p plex.Position, text string) plex.Position {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		p.Offset += n
		switch {
		case r == '\r' && i < len(text) && text[i] == '\n':
			// the '\n' that follows ends the line
		case r == '\n' || r == '\r':
			p.Line++
			p.Column = 1
		default:
			p.Column++
		}
	}
	return p
}

// errorf returns an f-string error placed just past the token.
func (f *fsplitter) errorf(format string, args ...any) *Error {
	end := advance(f.tok.Pos, f.tok.Value)
	return &Error{Kind: Syntax, Msg: fmt.Sprintf(format, args...), Filename: f.tok.Pos.Filename,
		Line: end.Line, Col: end.Column, EndCol: end.Column}
}
