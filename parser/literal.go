package parser

import (
	"strings"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// number converts the current Int, Float or Imag token into a Constant.
func (p *exprParser) number() ast.Expr {
	t := p.tok
	var v any
	var err error
	switch t.Type {
	case lexer.Int:
		i, big, e := lexer.ParseInt(t.Value)
		v, err = i, e
		if big != nil {
			v = big
		}
	case lexer.Float:
		f, e := lexer.ParseFloat(t.Value)
		v, err = f, e
	default:
		f, e := lexer.ParseFloat(t.Value[:len(t.Value)-1])
		v, err = complex(0, f), e
	}
	if err != nil {
		return p.failLexer(err, t)
	}
	return p.constant(v)
}

// strings parses adjacent string and f-string literals, which concatenate into one Constant
// or, when an f-string is among them, one JoinedStr. As in CPython 3.11, the literal parts and
// fields of a JoinedStr share its span, while the expressions in the fields have their own.
func (p *exprParser) strings() ast.Expr {
	start := p.pos()
	var buf [4]*plex.Token
	toks := buf[:0]
	fstring := false
	for p.err == nil && (p.tok.Type == lexer.String || p.tok.Type == lexer.FString) {
		fstring = fstring || p.tok.Type == lexer.FString
		toks = append(toks, p.tok)
		p.next()
	}
	span := p.spanFrom(start)
	if !fstring {
		return p.plainStrings(toks, span)
	}
	j := joiner{p: p, span: span}
	for _, t := range toks {
		if t.Type == lexer.String {
			lit, isBytes := p.decode(t)
			if isBytes {
				p.mixedBytes()
			}
			j.literal(lit)
			continue
		}
		parts, err := lexer.SplitFString(*t)
		if err != nil {
			return p.failLexer(err, t)
		}
		j.parts(parts, t)
	}
	if p.err != nil {
		return nil
	}
	return j.finish(span)
}

// plainStrings concatenates string literals without f-strings into one Constant.
func (p *exprParser) plainStrings(toks []*plex.Token, span ast.Span) ast.Expr {
	value, isBytes := p.decode(toks[0])
	if len(toks) > 1 {
		var b strings.Builder
		b.WriteString(value)
		for _, t := range toks[1:] {
			s, bytes := p.decode(t)
			if bytes != isBytes {
				p.mixedBytes()
			}
			b.WriteString(s)
		}
		value = b.String()
	}
	if p.err != nil {
		return nil
	}
	if isBytes {
		return &ast.Constant{Span: span, Value: ast.Bytes(value)}
	}
	return &ast.Constant{Span: span, Value: value}
}

// decode returns the value of string literal t and whether it is bytes. Errors go where
// CPython puts them: a non-ASCII character in bytes under the literal, a bad escape at the
// token after the literals.
func (p *exprParser) decode(t *plex.Token) (string, bool) {
	s, isBytes, err := lexer.DecodeString(t.Value)
	switch {
	case err == nil:
	case strings.HasPrefix(err.Error(), "bytes can only contain"):
		p.failAt(t, err.Error())
	default:
		p.failAt(p.tok, err.Error())
	}
	return s, isBytes
}

// mixedBytes reports bytes and str literals side by side, at the token after them as
// CPython does.
func (p *exprParser) mixedBytes() { p.failAt(p.tok, "cannot mix bytes and nonbytes literals") }

// joiner assembles the values of a JoinedStr: runs of literal text merge into one Constant.
type joiner struct {
	p      *exprParser
	span   ast.Span // the span of the parts, but for literal text after the last field
	values []ast.Expr
	lit    strings.Builder
}

func (j *joiner) literal(s string) { j.lit.WriteString(s) }

// flush ends the current run of literal text, whose Constant spans span.
func (j *joiner) flush(span ast.Span) {
	if j.lit.Len() > 0 {
		j.values = append(j.values, &ast.Constant{Span: span, Value: j.lit.String()})
		j.lit.Reset()
	}
}

// parts adds the literal parts and fields of f-string token t.
func (j *joiner) parts(parts []lexer.FPart, t *plex.Token) {
	for i := range parts {
		part := &parts[i]
		if !part.Field {
			j.literal(part.Lit)
			continue
		}
		j.flush(j.span)
		if fv := j.p.field(part, j.span, t); fv != nil {
			j.values = append(j.values, fv)
		}
	}
}

// finish returns the JoinedStr, which spans span, and so does its literal text after the
// last field: a format spec's are its f-string token's span, as in CPython 3.11.
func (j *joiner) finish(span ast.Span) *ast.JoinedStr {
	j.flush(span)
	return &ast.JoinedStr{Span: span, Values: j.values}
}

// field builds the FormattedValue of replacement field part of f-string token t. A
// self-documenting field `{x=}` without conversion or format spec converts with repr, as
// in CPython; the interpreter prints DebugText before the value.
func (p *exprParser) field(part *lexer.FPart, span ast.Span, t *plex.Token) ast.Expr {
	x := p.fieldExpr(part)
	if x == nil {
		return nil
	}
	fv := &ast.FormattedValue{Span: span, Value: x, Conversion: part.Conv, DebugText: part.Debug}
	if part.Debug != "" && part.Conv == 0 && !part.HasSpec {
		fv.Conversion = 'r'
	}
	if part.HasSpec {
		spec := joiner{p: p, span: span}
		spec.parts(part.Spec, t)
		fv.FormatSpec = spec.finish(ast.Span{Start: tokPos(t), Stop: tokEnd(t)})
	}
	return fv
}

// fieldExpr parses the expression of a replacement field, at its true position in the file.
// Errors read as CPython 3.11 reports them: prefixed "f-string: " and placed in the field's
// text wrapped in parentheses, the way that version parses it.
func (p *exprParser) fieldExpr(part *lexer.FPart) ast.Expr {
	toks, err := lexer.LexFragment(p.st.filename, part.Expr, part.Pos)
	if err != nil {
		return p.failLexer(err, p.last)
	}
	var q exprParser
	q.init(p.st, upgrade(toks))
	q.depth, q.level = p.depth+levelField, 1
	x := q.yieldOrStarExpressions()
	switch {
	case q.err != nil:
	case q.tok.Type != lexer.EOF:
		q.syntaxError()
	case isStarred(x):
		q.failNode(x, "cannot use starred expression here")
	}
	if q.err != nil {
		return p.fail(fieldError(q.err, part))
	}
	if t, ok := x.(*ast.Tuple); ok && !t.Paren {
		// CPython 3.11 parses the field as "(" + text + ")": the tuple spans the braces.
		t.Start, t.Stop = posOf(part.Pos), tokPos(q.tok)
		t.Start.Col--
		t.Stop.Col++
	}
	return x
}

// fieldError moves err, found in the expression of field part, to where CPython 3.11
// reports it: in the line "(" + expression + ")".
func fieldError(err *syntaxError, part *lexer.FPart) *syntaxError {
	if err.lexErr != nil || err.memory || strings.HasPrefix(err.msg, "f-string: ") {
		return err
	}
	line, col := int32(part.Pos.Line), int32(part.Pos.Column)
	fake := func(pos ast.Pos) ast.Pos {
		if pos.Line == line {
			pos.Col += 2 - col
		}
		return pos
	}
	e := *err
	e.kind, e.eof = lexer.Syntax, false
	e.msg = "f-string: " + err.msg
	e.text = "(" + part.Expr + ")"
	e.start, e.end = fake(err.start), fake(err.end)
	if e.end.Line < e.start.Line || e.end.Line == e.start.Line && e.end.Col <= e.start.Col {
		// The end of the field: CPython's caret is under its ')'.
		e.end = ast.Pos{Line: e.start.Line, Col: e.start.Col + 1}
	}
	return &e
}
