package runtime

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file implements str.format (CPython's Objects/stringlib/unicode_format.h) and
// printf-style str % args (PyUnicode_Format) and bytes % args (_PyBytes_FormatEx, whose
// own conversions are in bytes_format.go), keeping their parsing order so that the same
// malformed input raises the same error.

// FormatStr returns format.format(*args, **kw).
func FormatStr(th *Thread, format string, args []Value, kw []Kwarg) (string, error) {
	f := &strFormatter{th: th, args: args, kw: kw, positional: true}
	return f.build(format, 2)
}

// formatMap returns format.format_map(mapping).
func formatMap(th *Thread, format string, mapping Value) (string, error) {
	f := &strFormatter{th: th, mapping: mapping}
	return f.build(format, 2)
}

// strFormatter holds the arguments of one str.format call and its field-numbering state.
type strFormatter struct {
	th         *Thread
	args       []Value
	kw         []Kwarg
	mapping    Value // format_map's argument; invalid for str.format
	positional bool  // whether positional fields are allowed (not with format_map)
	numbering  int   // 0 undecided, 1 automatic, 2 manual
	next       int   // the next automatic field number
}

// build renders format; depth bounds the nesting of replacement fields in format specs.
func (f *strFormatter) build(format string, depth int) (string, error) {
	if depth <= 0 {
		return "", ValueErrorf("Max string recursion exceeded")
	}
	var b strings.Builder
	s := format
	for s != "" {
		i := strings.IndexAny(s, "{}")
		if i < 0 {
			b.WriteString(s)
			break
		}
		c := s[i]
		b.WriteString(s[:i])
		s = s[i+1:]
		if s != "" && s[0] == c {
			b.WriteByte(c)
			s = s[1:]
			continue
		}
		if c == '}' {
			return "", ValueErrorf("Single '}' encountered in format string")
		}
		if s == "" {
			return "", ValueErrorf("Single '{' encountered in format string")
		}
		fd, rest, err := parseField(s)
		if err != nil {
			return "", err
		}
		s = rest
		out, err := f.render(fd, depth)
		if err != nil {
			return "", err
		}
		b.WriteString(out)
	}
	return b.String(), nil
}

// field is a parsed replacement field {name!conv:spec}.
type field struct {
	name   string
	conv   rune // 0 when absent
	spec   string
	nested bool // spec contains replacement fields
}

// parseField parses the replacement field that s starts with (after its '{') and returns
// the text after its closing '}'.
func parseField(s string) (field, string, error) {
	var fd field
	i := 0
	var c byte
scan:
	for i < len(s) {
		c = s[i]
		i++
		switch c {
		case '{':
			return fd, "", ValueErrorf("unexpected '{' in field name")
		case '[':
			for i < len(s) && s[i] != ']' {
				i++
			}
		case '}', ':', '!':
			break scan
		}
	}
	fd.name = s[:max(i-1, 0)]
	if c != '!' && c != ':' {
		if c != '}' || i == 0 {
			return fd, "", ValueErrorf("expected '}' before end of string")
		}
		return fd, s[i:], nil
	}
	if c == '!' {
		if i >= len(s) {
			return fd, "", ValueErrorf("end of string while looking for conversion specifier")
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		fd.conv = r
		i += n
		if i < len(s) {
			c = s[i]
			i++
			if c == '}' {
				return fd, s[i:], nil
			}
			if c != ':' {
				return fd, "", ValueErrorf("expected ':' after conversion specifier")
			}
		}
	}
	start, depth := i, 1
	for ; i < len(s); i++ {
		switch s[i] {
		case '{':
			fd.nested = true
			depth++
		case '}':
			if depth--; depth == 0 {
				fd.spec = s[start:i]
				return fd, s[i+1:], nil
			}
		}
	}
	return fd, "", ValueErrorf("unmatched '{' in format spec")
}

// render looks up, converts and formats one field.
func (f *strFormatter) render(fd field, depth int) (string, error) {
	v, err := f.lookup(fd.name)
	if err != nil {
		return "", err
	}
	if fd.conv != 0 {
		s, err := convertField(f.th, v, fd.conv)
		if err != nil {
			return "", err
		}
		v = NewStr(s)
	}
	spec := fd.spec
	if fd.nested {
		if spec, err = f.build(spec, depth-1); err != nil {
			return "", err
		}
	}
	return Format(f.th, v, spec)
}

// convertField applies !r, !s or !a.
func convertField(th *Thread, v Value, conv rune) (string, error) {
	switch conv {
	case 'r':
		return Repr(th, v)
	case 's':
		return ToStr(th, v)
	case 'a':
		return ASCII(th, v)
	}
	if conv > 32 && conv < 127 {
		return "", ValueErrorf("Unknown conversion specifier %c", conv)
	}
	return "", ValueErrorf("Unknown conversion specifier \\x%x", conv)
}

// lookup evaluates a field name: an argument number or keyword, then .attr and [key] parts.
func (f *strFormatter) lookup(name string) (Value, error) {
	cut := strings.IndexAny(name, ".[")
	if cut < 0 {
		cut = len(name)
	}
	first, rest := name[:cut], name[cut:]
	idx, err := fieldIndex(first)
	if err != nil {
		return Value{}, err
	}
	if first == "" || idx >= 0 {
		if err := f.number(first == ""); err != nil {
			return Value{}, err
		}
		if first == "" {
			idx = f.next
			f.next++
		}
	}
	v, err := f.arg(first, idx)
	if err != nil {
		return Value{}, err
	}
	for rest != "" {
		c := rest[0]
		rest = rest[1:]
		var key string
		switch c {
		case '.':
			end := strings.IndexAny(rest, ".[")
			if end < 0 {
				end = len(rest)
			}
			key, rest = rest[:end], rest[end:]
		case '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return Value{}, ValueErrorf("Missing ']' in format string")
			}
			key, rest = rest[:end], rest[end+1:]
		default:
			return Value{}, ValueErrorf("Only '.' or '[' may follow ']' in format field specifier")
		}
		i, err := fieldIndex(key)
		if err != nil {
			return Value{}, err
		}
		if key == "" {
			return Value{}, ValueErrorf("Empty attribute in format string")
		}
		switch {
		case c == '.':
			v, err = GetAttr(f.th, v, key)
		case i >= 0:
			v, err = GetItem(f.th, v, Int(int64(i)))
		default:
			v, err = GetItem(f.th, v, NewStr(key))
		}
		if err != nil {
			return Value{}, err
		}
	}
	return v, nil
}

// number checks that automatic and manual field numbering are not mixed.
func (f *strFormatter) number(auto bool) error {
	want := 2
	if auto {
		want = 1
	}
	if f.numbering == 0 {
		f.numbering = want
	}
	switch {
	case f.numbering == 2 && auto:
		return ValueErrorf("cannot switch from manual field specification to automatic field numbering")
	case f.numbering == 1 && !auto:
		return ValueErrorf("cannot switch from automatic field numbering to manual field specification")
	}
	return nil
}

// arg returns positional argument idx, or the keyword argument name when idx < 0.
func (f *strFormatter) arg(name string, idx int) (Value, error) {
	if idx < 0 {
		if f.mapping.IsValid() {
			return GetItem(f.th, f.mapping, NewStr(name))
		}
		for _, k := range f.kw {
			if k.Name == name {
				return k.Value, nil
			}
		}
		return Value{}, KeyError(NewStr(name))
	}
	if !f.positional {
		return Value{}, ValueErrorf("Format string contains positional fields")
	}
	if idx >= len(f.args) {
		return Value{}, IndexErrorf("Replacement index %d out of range for positional args tuple", idx)
	}
	return f.args[idx], nil
}

// fieldIndex returns s as a number if it consists of decimal digits, else -1.
func fieldIndex(s string) (int, error) {
	if s == "" {
		return -1, nil
	}
	n := 0
	for _, r := range s {
		d := decimalValue(r)
		if d < 0 {
			return -1, nil
		}
		if n > (1<<63-1-d)/10 {
			return 0, ValueErrorf("Too many decimal digits in format string")
		}
		n = n*10 + d
	}
	return n, nil
}

// ASCII returns ascii(v): repr(v) with non-ASCII characters escaped.
func ASCII(th *Thread, v Value) (string, error) {
	s, err := Repr(th, v)
	if err != nil {
		return "", err
	}
	return asciiEscape(s), nil
}

func asciiEscape(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
		} else {
			writeEscapedRune(&b, r)
		}
	}
	return b.String()
}

// PercentFormat implements str % args (printf-style formatting).
func PercentFormat(th *Thread, format string, args Value) (Value, error) {
	s, err := percentFormat(th, format, args, false)
	if err != nil {
		return Value{}, err
	}
	return NewStr(s), nil
}

// percentFormat is format % args for a str format, or a bytes one if bytes is set.
func percentFormat(th *Thread, format string, args Value, bytes bool) (string, error) {
	p := &percentFormatter{th: th, f: format, args: args, argLen: -1, argIdx: -2, bytes: bytes}
	if t, ok := args.o.(*Tuple); ok {
		p.argLen, p.argIdx = len(t.Items), 0
	} else if isMapping(args) && !(bytes && isBytesLike(args)) {
		p.dict = args
	}
	return p.run()
}

// isMapping is CPython's PyMapping_Check minus tuples and strs: whether str % v may take
// %(key)s items from v — and so need not use v up.
func isMapping(v Value) bool {
	switch v.o.(type) {
	case *Dict, *List, *Bytes, *ByteArray, *Range:
		return true
	case *Tuple, *Str:
		return false
	}
	return v.Type().IsUser() && v.Type().Lookup("__getitem__").IsValid()
}

// percentFormatter is the state of one str % args: args is the tuple or single value being
// consumed (argLen -1 for a single value, whose argIdx runs -2, -1), as in CPython.
type percentFormatter struct {
	th     *Thread
	f      string
	pos    int
	b      strings.Builder
	args   Value
	argLen int
	argIdx int
	dict   Value
	bytes  bool // formatting bytes: the format, and the result, are bytes
}

// Flags of a % conversion.
const (
	pctLeft  = 1 << iota // -
	pctSign              // +
	pctBlank             // space
	pctAlt               // #
	pctZero              // 0
)

// percentArg is one parsed %-conversion.
type percentArg struct {
	flags, width, prec int
	conv               rune
	numeric            bool // a number's sign may be moved before zero padding
}

func (p *percentFormatter) run() (string, error) {
	for p.pos < len(p.f) {
		i := strings.IndexByte(p.f[p.pos:], '%')
		if i < 0 {
			p.b.WriteString(p.f[p.pos:])
			break
		}
		p.b.WriteString(p.f[p.pos : p.pos+i])
		p.pos += i + 1
		if p.pos < len(p.f) && p.f[p.pos] == '%' {
			p.b.WriteByte('%')
			p.pos++
			continue
		}
		if err := p.conversion(); err != nil {
			return "", err
		}
	}
	if p.argIdx < p.argLen && !p.dict.IsValid() {
		return "", p.unconvertedError()
	}
	return p.b.String(), nil
}

func (p *percentFormatter) unconvertedError() error {
	if p.bytes {
		return TypeErrorf("not all arguments converted during bytes formatting")
	}
	return TypeErrorf("not all arguments converted during string formatting")
}

// text wraps part of the format (a %(key)) as a str, or bytes.
func (p *percentFormatter) text(s string) Value {
	if p.bytes {
		return NewBytes(s)
	}
	return NewStr(s)
}

// width is the length of a converted value in characters, or bytes.
func (p *percentFormatter) width(s string) int {
	if p.bytes {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

// nextByte reads the next byte of the format string.
func (p *percentFormatter) nextByte() (byte, error) {
	if p.pos >= len(p.f) {
		return 0, ValueErrorf("incomplete format")
	}
	p.pos++
	return p.f[p.pos-1], nil
}

// nextArg returns the next argument to convert.
func (p *percentFormatter) nextArg() (Value, error) {
	if p.argIdx >= p.argLen {
		return Value{}, TypeErrorf("not enough arguments for format string")
	}
	p.argIdx++
	if p.argLen < 0 {
		return p.args, nil
	}
	return p.args.o.(*Tuple).Items[p.argIdx-1], nil
}

// conversion handles one % directive, p.pos being just after the '%'.
func (p *percentFormatter) conversion() error {
	if p.pos < len(p.f) && p.f[p.pos] == '(' {
		if err := p.mappingKey(); err != nil {
			return err
		}
	}
	a := percentArg{width: -1, prec: -1}
	c, err := p.nextByte()
	for ; err == nil; c, err = p.nextByte() {
		flag := strings.IndexByte("-+ #0", c)
		if flag < 0 {
			break
		}
		a.flags |= 1 << flag
	}
	if err != nil {
		return err
	}
	if a.width, c, err = p.number(c, &a, true); err != nil {
		return err
	}
	if c == '.' {
		if c, err = p.nextByte(); err != nil {
			return err
		}
		if a.prec, c, err = p.number(c, &a, false); err != nil {
			return err
		}
		a.prec = max(a.prec, 0)
	}
	if c == 'h' || c == 'l' || c == 'L' {
		if c, err = p.nextByte(); err != nil {
			return err
		}
	}
	p.pos--
	n := 1
	if a.conv = rune(c); !p.bytes {
		a.conv, n = utf8.DecodeRuneInString(p.f[p.pos:])
	}
	p.pos += n
	v, err := p.nextArg()
	if err != nil {
		return err
	}
	s, err := p.convert(&a, v)
	if err != nil {
		return err
	}
	p.output(&a, s)
	if p.dict.IsValid() && p.argIdx < p.argLen {
		return p.unconvertedError()
	}
	return nil
}

// mappingKey handles %(key): the argument becomes dict[key].
func (p *percentFormatter) mappingKey() error {
	if !p.dict.IsValid() {
		return TypeErrorf("format requires a mapping")
	}
	start, depth := p.pos+1, 1
	i := start
	for ; i < len(p.f) && depth > 0; i++ {
		switch p.f[i] {
		case ')':
			depth--
		case '(':
			depth++
		}
	}
	if depth > 0 {
		return ValueErrorf("incomplete format key")
	}
	p.pos = i
	v, err := GetItem(p.th, p.dict, p.text(p.f[start:i-1]))
	if err != nil {
		return err
	}
	p.args, p.argLen, p.argIdx = v, -1, -2
	return nil
}

// number reads a width or precision starting with c: digits, or '*' taking it from the
// arguments, where a negative width means left alignment and a negative precision zero.
// It returns -1 when absent, and the byte after it.
func (p *percentFormatter) number(c byte, a *percentArg, width bool) (int, byte, error) {
	what, ctype := "precision", "int"
	if width {
		what, ctype = "width", "ssize_t"
	}
	if c == '*' {
		v, err := p.nextArg()
		if err != nil {
			return 0, 0, err
		}
		if !IsInt(v) {
			return 0, 0, TypeErrorf("* wants int")
		}
		n, ok := AsInt64(v)
		if !ok || !width && (n > 1<<31-1 || n < -1<<31) {
			return 0, 0, Errorf(OverflowErrorType, "Python int too large to convert to C %s", ctype)
		}
		if n > maxFieldSize || n < -maxFieldSize {
			return 0, 0, errTooBig()
		}
		switch {
		case n < 0 && width:
			a.flags |= pctLeft
			n = -n
		case n < 0:
			n = 0
		}
		c, err = p.nextByte()
		return int(n), c, err
	}
	if c < '0' || c > '9' {
		return -1, c, nil
	}
	limit := int64(math.MaxInt64)
	if !width {
		limit = 1<<31 - 1
	}
	n := int64(0)
	var err error
	for ; err == nil && c >= '0' && c <= '9'; c, err = p.nextByte() {
		if n > (limit-int64(c-'0'))/10 {
			return 0, 0, ValueErrorf("%s too big", what)
		}
		n = n*10 + int64(c-'0')
	}
	if n > maxFieldSize {
		return 0, 0, errTooBig()
	}
	return int(n), c, err
}

// convert produces the text of one conversion before padding.
func (p *percentFormatter) convert(a *percentArg, v Value) (string, error) {
	th := p.th
	if p.bytes {
		if s, ok, err := bytesConversion(th, a.conv, v); ok {
			return s, err
		}
	}
	switch a.conv {
	case 's':
		return ToStr(th, v)
	case 'r':
		return Repr(th, v)
	case 'a':
		return ASCII(th, v)
	case 'd', 'i', 'u', 'o', 'x', 'X':
		a.numeric = true
		n, err := percentInt(th, v, a.conv)
		if err != nil {
			return "", err
		}
		return formatLong(n, a.flags&pctAlt != 0, a.prec, a.conv), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		a.numeric = true
		f, ok, err := floatArg(th, v)
		if err != nil {
			return "", err
		}
		if !ok && p.bytes {
			return "", TypeErrorf("float argument required, not %s", v.Type().Name)
		} else if !ok {
			return "", TypeErrorf("must be real number, not %s", v.Type().Name)
		}
		prec, flags := a.prec, 0
		if prec < 0 {
			prec = 6
		}
		if a.flags&pctAlt != 0 {
			flags = dtoaAlt
		}
		return floatToString(f, byte(a.conv), prec, flags), nil
	case 'c':
		return percentChar(th, v)
	}
	shown := a.conv
	if shown < 31 || shown > 126 {
		shown = '?'
	}
	if p.bytes && a.conv >= 0x80 {
		// CPython's message formats the byte as a negative C char.
		return "", Errorf(OverflowErrorType, "character argument not in range(0x110000)")
	}
	at := p.width(p.f[:p.pos]) - 1
	return "", ValueErrorf("unsupported format character '%c' (0x%x) at index %d", shown, a.conv, at)
}

// percentInt converts the argument of %d and friends to an int: o, x and X need an integer
// (__index__), the decimal forms truncate any real number.
func percentInt(th *Thread, v Value, conv rune) (*big.Int, error) {
	var r Value
	var ok bool
	var err error
	if conv == 'o' || conv == 'x' || conv == 'X' {
		r, ok, err = indexValue(th, v)
	} else {
		r, ok, err = intValue(th, v)
	}
	if err != nil {
		return nil, err
	}
	if !ok {
		what := "a real number"
		if conv == 'o' || conv == 'x' || conv == 'X' {
			what = "an integer"
		}
		return nil, TypeErrorf("%%%c format: %s is required, not %s", conv, what, v.Type().Name)
	}
	n, _ := AsBig(r)
	return n, nil
}

// formatLong is CPython's _PyUnicode_FormatLong: digits zero-filled to prec, with 0o/0x
// prefixes in alternate form.
func formatLong(n *big.Int, alt bool, prec int, conv rune) string {
	base := 10
	prefix := ""
	switch conv {
	case 'o':
		base, prefix = 8, "0o"
	case 'x', 'X':
		base, prefix = 16, "0x"
	}
	var digits string
	if n.IsInt64() {
		digits = strconv.FormatUint(absU(n.Int64()), base)
	} else {
		digits = new(big.Int).Abs(n).Text(base)
	}
	if prec > len(digits) {
		digits = strings.Repeat("0", prec-len(digits)) + digits
	}
	if !alt {
		prefix = ""
	}
	s := prefix + digits
	if n.Sign() < 0 {
		s = "-" + s
	}
	if conv == 'X' {
		s = strings.ToUpper(s)
	}
	return s
}

// absU is |i| as an unsigned number, correct for math.MinInt64.
func absU(i int64) uint64 {
	if i < 0 {
		return uint64(-i)
	}
	return uint64(i)
}

// percentChar is %c: a one-character str or a code point.
func percentChar(th *Thread, v Value) (string, error) {
	if s, ok := v.o.(*Str); ok {
		if s.Len() == 1 {
			return s.s, nil
		}
		return "", TypeErrorf("%%c requires int or char")
	}
	r, ok, err := indexValue(th, v)
	switch {
	case err != nil:
		return "", err
	case !ok:
		return "", TypeErrorf("%%c requires int or char")
	}
	n, ok := AsInt64(r)
	if !ok || n < 0 || n > utf8.MaxRune {
		return "", Errorf(OverflowErrorType, "%%c arg not in range(0x110000)")
	}
	return string(rune(n)), nil
}

// output pads a converted value as CPython's unicode_format_arg_output does: for numbers a
// '0' flag pads between the sign (and 0x/0o prefix) and the digits.
func (p *percentFormatter) output(a *percentArg, s string) {
	b := &p.b
	n := p.width(s)
	if (a.width < 0 || a.width <= n) && (a.prec < 0 || a.prec >= n) && a.flags&(pctSign|pctBlank) == 0 {
		b.WriteString(s)
		return
	}
	if strings.ContainsRune("srab", a.conv) && a.prec >= 0 && n > a.prec {
		if p.bytes {
			s = s[:a.prec]
		} else {
			s = truncateRunes(s, a.prec)
		}
		n = a.prec
	}
	fill := " "
	if a.numeric && a.flags&pctZero != 0 {
		fill = "0"
	}
	sign := ""
	if a.numeric {
		switch {
		case s != "" && (s[0] == '-' || s[0] == '+'):
			sign, s = s[:1], s[1:]
			n--
		case a.flags&pctSign != 0:
			sign = "+"
		case a.flags&pctBlank != 0:
			sign = " "
		}
	}
	width := max(a.width, n)
	if sign != "" && width > n {
		width--
	}
	prefix := ""
	if a.flags&pctAlt != 0 && (a.conv == 'x' || a.conv == 'X' || a.conv == 'o') {
		prefix, s = s[:2], s[2:]
		width = max(width-2, 0)
		n -= 2
	}
	left, right := "", ""
	if width > n {
		if a.flags&pctLeft != 0 {
			right = strings.Repeat(" ", width-n)
		} else {
			left = strings.Repeat(fill, width-n)
		}
	}
	if fill == "0" {
		b.WriteString(sign + prefix + left + s + right)
	} else {
		b.WriteString(left + sign + prefix + s + right)
	}
}
