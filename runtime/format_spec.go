package runtime

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file implements format(value, spec): the format-spec mini-language of the built-in
// types, ported from CPython's Python/formatter_unicode.c so that layouts, roundings and
// error messages agree exactly.

// Format returns format(v, spec). Ints, floats and strs are formatted here (with fast paths
// for the forms f-strings use most); other values go through their class's __format__.
func Format(th *Thread, v Value, spec string) (string, error) {
	switch o := v.o.(type) {
	case *Str:
		if spec == "" {
			return o.s, nil
		}
		return formatStrSpec(o.s, spec)
	case intTag:
		if spec == "" {
			return strconv.FormatInt(int64(v.n), 10), nil
		}
		return formatIntSpec(v, spec)
	case *BigInt:
		if spec == "" {
			return bigDecimal(&o.n)
		}
		return formatIntSpec(v, spec)
	case boolTag:
		if spec == "" {
			return Repr(th, v)
		}
		return formatIntSpec(v, spec)
	case floatTag:
		f, _ := v.FloatVal()
		if spec == "" {
			return FloatRepr(f), nil
		}
		return formatFloatSpec(f, spec)
	}
	m := v.Type().Lookup("__format__")
	if objFormat, _ := ObjectType.Dict.GetStr("__format__"); !m.IsValid() || m.Is(objFormat) {
		return objectFormat(th, v, spec)
	}
	r, err := CallMethodValue(th, m, v, []Value{NewStr(spec)})
	if err != nil {
		return "", err
	}
	s, ok := AsStr(r)
	if !ok {
		return "", TypeErrorf("__format__ must return a str, not %s", r.Type().Name)
	}
	return s, nil
}

// objectFormat is object.__format__: str(v), with any non-empty spec refused.
func objectFormat(th *Thread, v Value, spec string) (string, error) {
	if spec != "" {
		return "", TypeErrorf("unsupported format string passed to %s.__format__", v.Type().Name)
	}
	return ToStr(th, v)
}

// formatSpec is a parsed format specification:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].
type formatSpec struct {
	fill      rune
	align     byte // '<', '>', '^' or '='
	sign      byte // 0, '+', '-' or ' '
	noNegZero bool // z: show -0.0 as 0.0
	alt       bool // #
	width     int  // -1 when absent
	grouping  byte // 0, ',' or '_'
	prec      int  // -1 when absent
	typ       rune // the type's default when absent: 's' for str, 'd' for int, 0 for float
}

// maxFieldSize bounds the text a width or precision may ask for: beyond it formatting
// raises MemoryError rather than exhausting the process.
const maxFieldSize = 1 << 28

func errTooBig() error { return Errorf(MemoryErrorType, "") }

func isAlignChar(c byte) bool { return c == '<' || c == '>' || c == '^' || c == '=' }

// parseSpec parses spec for an object of the named type; numbers align right by default
// and strings left, which also decides what a leading '0' means.
func parseSpec(spec, typeName string, defaultAlign byte, defaultType rune) (formatSpec, error) {
	sp := formatSpec{fill: ' ', align: defaultAlign, width: -1, prec: -1, typ: defaultType}
	p := spec
	fillGiven, alignGiven := false, false
	if r, n := utf8.DecodeRuneInString(p); len(p) > n && isAlignChar(p[n]) {
		sp.fill, sp.align, p = r, p[n], p[n+1:]
		fillGiven, alignGiven = true, true
	} else if p != "" && isAlignChar(p[0]) {
		sp.align, p = p[0], p[1:]
		alignGiven = true
	}
	if p != "" && (p[0] == '+' || p[0] == '-' || p[0] == ' ') {
		sp.sign, p = p[0], p[1:]
	}
	if p != "" && p[0] == 'z' {
		sp.noNegZero, p = true, p[1:]
	}
	if p != "" && p[0] == '#' {
		sp.alt, p = true, p[1:]
	}
	if !fillGiven && p != "" && p[0] == '0' {
		sp.fill, p = '0', p[1:]
		if !alignGiven && defaultAlign == '>' {
			sp.align = '='
		}
	}
	var err error
	if sp.width, p, err = parseSpecInt(p); err != nil {
		return sp, err
	}
	if sp.width > maxFieldSize {
		return sp, errTooBig()
	}
	if p != "" && p[0] == ',' {
		sp.grouping, p = ',', p[1:]
	}
	if p != "" && p[0] == '_' {
		if sp.grouping != 0 {
			return sp, ValueErrorf("Cannot specify both ',' and '_'.")
		}
		sp.grouping, p = '_', p[1:]
	}
	if p != "" && p[0] == ',' && sp.grouping == '_' {
		return sp, ValueErrorf("Cannot specify both ',' and '_'.")
	}
	if p != "" && p[0] == '.' {
		if sp.prec, p, err = parseSpecInt(p[1:]); err != nil {
			return sp, err
		}
		if sp.prec < 0 {
			return sp, ValueErrorf("Format specifier missing precision")
		}
	}
	if utf8.RuneCountInString(p) > 1 {
		return sp, ValueErrorf("Invalid format specifier '%s' for object of type '%s'", spec, typeName)
	}
	if p != "" {
		sp.typ, _ = utf8.DecodeRuneInString(p)
	}
	return sp, sp.checkGrouping()
}

// parseSpecInt reads a decimal number at the start of p; n is -1 if there is none.
func parseSpecInt(p string) (n int, rest string, err error) {
	i := 0
	for i < len(p) && p[i] >= '0' && p[i] <= '9' {
		i++
	}
	if i == 0 {
		return -1, p, nil
	}
	v, e := strconv.ParseInt(p[:i], 10, 64)
	if e != nil {
		return 0, p, ValueErrorf("Too many decimal digits in format string")
	}
	return int(v), p[i:], nil
}

// checkGrouping rejects a thousands separator with a type that does not take one; '_'
// groups binary, octal and hex digits by four.
func (sp *formatSpec) checkGrouping() error {
	if sp.grouping == 0 {
		return nil
	}
	switch sp.typ {
	case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
		return nil
	case 'b', 'o', 'x', 'X':
		if sp.grouping == '_' {
			return nil
		}
	}
	return ValueErrorf("Cannot specify '%c' with %s.", sp.grouping, codeName(sp.typ))
}

// codeName quotes a presentation type for error messages as CPython does.
func codeName(c rune) string {
	if c > 32 && c < 128 {
		return "'" + string(c) + "'"
	}
	return fmt.Sprintf("'\\x%x'", c)
}

func unknownCode(c rune, typeName string) error {
	return ValueErrorf("Unknown format code %s for object of type '%s'", codeName(c), typeName)
}

// padding splits the fill a field of n characters needs into what goes left of it, after
// its sign ('=' alignment) and right of it.
func (sp *formatSpec) padding(n int) (left, mid, right int) {
	pad := sp.width - n
	if pad <= 0 {
		return 0, 0, 0
	}
	switch sp.align {
	case '<':
		return 0, 0, pad
	case '^':
		return pad / 2, 0, pad - pad/2
	case '=':
		return 0, pad, 0
	}
	return pad, 0, 0
}

// writeFill writes the fill character n times.
func (sp *formatSpec) writeFill(b *strings.Builder, n int) {
	for ; n > 0; n-- {
		b.WriteRune(sp.fill)
	}
}

// formatStrSpec is str.__format__.
func formatStrSpec(s, spec string) (string, error) {
	sp, err := parseSpec(spec, "str", '<', 's')
	if err != nil {
		return "", err
	}
	switch {
	case sp.typ != 's':
		return "", unknownCode(sp.typ, "str")
	case sp.sign == ' ':
		return "", ValueErrorf("Space not allowed in string format specifier")
	case sp.sign != 0:
		return "", ValueErrorf("Sign not allowed in string format specifier")
	case sp.noNegZero:
		return "", ValueErrorf("Negative zero coercion (z) not allowed in string format specifier")
	case sp.alt:
		return "", ValueErrorf("Alternate form (#) not allowed in string format specifier")
	case sp.align == '=':
		return "", ValueErrorf("'=' alignment not allowed in string format specifier")
	}
	n := utf8.RuneCountInString(s)
	if sp.prec >= 0 && n > sp.prec {
		s, n = truncateRunes(s, sp.prec), sp.prec
	}
	left, _, right := sp.padding(n)
	if left+right == 0 {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s) + (left+right)*utf8.RuneLen(sp.fill))
	sp.writeFill(&b, left)
	b.WriteString(s)
	sp.writeFill(&b, right)
	return b.String(), nil
}

// truncateRunes returns the first n code points of s.
func truncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// formatIntSpec is int.__format__ (and bool's) for a non-empty spec.
func formatIntSpec(v Value, spec string) (string, error) {
	name := v.Type().Name
	sp, err := parseSpec(spec, name, '>', 'd')
	if err != nil {
		return "", err
	}
	switch sp.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, ok := AsFloat(v)
		if !ok {
			return "", Errorf(OverflowErrorType, "int too large to convert to float")
		}
		return sp.formatFloat(f)
	case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
		return sp.formatInt(v)
	}
	return "", unknownCode(sp.typ, name)
}

// formatInt lays out an int for the types b c d o x X n.
func (sp *formatSpec) formatInt(v Value) (string, error) {
	if sp.prec >= 0 {
		return "", ValueErrorf("Precision not allowed in integer format specifier")
	}
	if sp.noNegZero {
		return "", ValueErrorf("Negative zero coercion (z) not allowed in integer format specifier")
	}
	if sp.typ == 'c' {
		if sp.sign != 0 {
			return "", ValueErrorf("Sign not allowed with integer format specifier 'c'")
		}
		if sp.alt {
			return "", ValueErrorf("Alternate form (#) not allowed with integer format specifier 'c'")
		}
		c, ok := AsInt64(v)
		if !ok || c < 0 || c > utf8.MaxRune {
			return "", Errorf(OverflowErrorType, "%%c arg not in range(0x110000)")
		}
		return sp.layoutNumber(false, "", "", string(rune(c)), 0), nil
	}
	base, prefix := 10, ""
	switch sp.typ {
	case 'b':
		base, prefix = 2, "0b"
	case 'o':
		base, prefix = 8, "0o"
	case 'x':
		base, prefix = 16, "0x"
	case 'X':
		base, prefix = 16, "0X"
	}
	if !sp.alt {
		prefix = ""
	}
	digits, neg := intDigits(v, base)
	if sp.typ == 'X' {
		digits = strings.ToUpper(digits)
	}
	group := 3
	if base != 10 {
		group = 4
	}
	return sp.layoutNumber(neg, prefix, digits, "", group), nil
}

// intDigits returns the digits of |v| in base and whether v is negative.
func intDigits(v Value, base int) (string, bool) {
	if i, ok := AsInt64(v); ok {
		return strconv.FormatUint(absU(i), base), i < 0
	}
	n, _ := AsBig(v)
	return new(big.Int).Abs(n).Text(base), n.Sign() < 0
}

// formatFloatSpec is float.__format__ for a non-empty spec.
func formatFloatSpec(f float64, spec string) (string, error) {
	sp, err := parseSpec(spec, "float", '>', 0)
	if err != nil {
		return "", err
	}
	switch sp.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
		return sp.formatFloat(f)
	}
	return "", unknownCode(sp.typ, "float")
}

// formatFloat lays out a float for the types e E f F g G n % and none.
func (sp *formatSpec) formatFloat(f float64) (string, error) {
	code, prec, flags := byte(sp.typ), sp.prec, 0
	if sp.alt {
		flags |= dtoaAlt
	}
	if sp.noNegZero {
		flags |= dtoaNoNegZero
	}
	defaultPrec := 6
	switch code {
	case 0:
		// Like repr without a precision; like 'g' with one, keeping a ".0".
		flags |= dtoaAddDot0
		code, defaultPrec = 'r', 0
	case 'n':
		code = 'g'
	}
	suffix := ""
	if code == '%' {
		code, f, suffix = 'f', f*100, "%"
	}
	switch {
	case prec < 0:
		prec = defaultPrec
	case prec > maxFieldSize:
		return "", errTooBig()
	case code == 'r':
		code = 'g'
	}
	s := floatToString(f, code, prec, flags) + suffix
	if sp.sign != '+' && sp.sign != ' ' && sp.width < 0 && sp.typ != 'n' && sp.grouping == 0 {
		return s, nil
	}
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return sp.layoutNumber(neg, "", s[:i], s[i:], 3), nil
}

// layoutNumber assembles a formatted number as CPython's calc_number_widths and fill_number
// do: [lpad][sign][prefix][zero or fill padding][grouped digits][rest][rpad]. Zero padding
// requested with '0' goes inside the digits, so that it is grouped too.
func (sp *formatSpec) layoutNumber(neg bool, prefix, digits, rest string, group int) string {
	sign := ""
	switch {
	case neg:
		sign = "-"
	case sp.sign == '+':
		sign = "+"
	case sp.sign == ' ':
		sign = " "
	}
	sep := ""
	if sp.grouping != 0 && sp.typ != 'n' {
		sep = string(sp.grouping)
	} else {
		group = 0
	}
	other := len(sign) + len(prefix) + utf8.RuneCountInString(rest)
	minWidth := 0
	if sp.fill == '0' && sp.align == '=' {
		minWidth = sp.width - other
	}
	if digits != "" {
		digits = groupDigits(digits, minWidth, sep, group)
	}
	left, mid, right := sp.padding(other + len(digits))
	var b strings.Builder
	b.Grow(len(sign) + len(prefix) + len(digits) + len(rest) + (left+mid+right)*utf8.RuneLen(sp.fill))
	sp.writeFill(&b, left)
	b.WriteString(sign)
	b.WriteString(prefix)
	sp.writeFill(&b, mid)
	b.WriteString(digits)
	b.WriteString(rest)
	sp.writeFill(&b, right)
	return b.String()
}

// groupDigits inserts sep every group digits from the right (group 0: never), first
// left-padding with zeros to minWidth characters, separators included — CPython's
// _PyUnicode_InsertThousandsGrouping.
func groupDigits(digits string, minWidth int, sep string, group int) string {
	if group == 0 {
		if len(digits) >= minWidth {
			return digits
		}
		return strings.Repeat("0", minWidth-len(digits)) + digits
	}
	var parts []string
	remaining := len(digits)
	for {
		l := min(group, max(remaining, minWidth, 1))
		chars := min(remaining, l)
		parts = append(parts, strings.Repeat("0", l-chars)+digits[remaining-chars:remaining])
		remaining -= chars
		minWidth -= l
		if remaining <= 0 && minWidth <= 0 {
			break
		}
		minWidth -= len(sep)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, sep)
}

// Flags of floatToString, as CPython's Py_DTSF_*.
const (
	dtoaAlt       = 1 << iota // '#': keep the point and trailing zeros
	dtoaAddDot0               // add ".0" to integers in positional form
	dtoaNoNegZero             // 'z'
)

// floatToString is CPython's PyOS_double_to_string: code is one of e E f F g G r (repr).
func floatToString(x float64, code byte, prec, flags int) string {
	upper := code == 'E' || code == 'F' || code == 'G'
	if upper {
		code += 'a' - 'A'
	}
	if math.IsInf(x, 0) || math.IsNaN(x) {
		s := "inf"
		if math.IsNaN(x) {
			s = "nan"
		} else if x < 0 {
			s = "-inf"
		}
		if upper {
			s = strings.ToUpper(s)
		}
		return s
	}
	if flags == 0 && (code == 'f' || code == 'e') {
		// Without '#' or 'z', Go's layout of these two is CPython's.
		s := strconv.FormatFloat(x, code, prec, 64)
		if upper {
			s = strings.ToUpper(s)
		}
		return s
	}
	switch code {
	case 'e':
		prec++
	case 'g':
		if prec == 0 {
			prec = 1
		}
	}
	digits, decpt := dtoa(x, code, prec)
	neg := math.Signbit(x)
	if flags&dtoaNoNegZero != 0 && neg && (digits == "" || digits == "0") {
		neg = false
	}
	s := layoutFloatDigits(digits, decpt, code, prec, flags)
	if upper {
		s = strings.ToUpper(s)
	}
	if neg {
		return "-" + s
	}
	return s
}

// dtoa returns the significant decimal digits of |x| (finite) and the position of the
// decimal point relative to them, as David Gay's _Py_dg_dtoa does: 'r' shortest round-trip,
// 'e' and 'g' prec significant digits, 'f' prec digits after the point. Trailing zeros are
// dropped; zero is "0" with the point after it. strconv rounds exactly, half to even, as Gay's
// code does.
func dtoa(x float64, code byte, prec int) (string, int) {
	x = math.Abs(x)
	if x == 0 {
		return "0", 1
	}
	if code == 'f' {
		s := strconv.FormatFloat(x, 'f', prec, 64)
		intPart, frac, _ := strings.Cut(s, ".")
		digits := strings.TrimLeft(intPart+frac, "0")
		decpt := len(intPart) - (len(intPart) + len(frac) - len(digits))
		digits = strings.TrimRight(digits, "0")
		if digits == "" {
			return "", -prec
		}
		return digits, decpt
	}
	p := -1
	if code != 'r' {
		p = prec - 1
	}
	s := strconv.FormatFloat(x, 'e', p, 64)
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	digits := strings.TrimRight(strings.Replace(mant, ".", "", 1), "0")
	return digits, e + 1
}

// layoutFloatDigits places the decimal point and exponent: CPython's format_float_short
// after the call to _Py_dg_dtoa.
func layoutFloatDigits(digits string, decpt int, code byte, prec, flags int) string {
	alt := flags&dtoaAlt != 0
	addDot0 := flags&dtoaAddDot0 != 0
	useExp := false
	vEnd := len(digits)
	switch code {
	case 'e':
		useExp, vEnd = true, prec
	case 'f':
		vEnd = decpt + prec
	case 'g':
		limit := prec
		if addDot0 {
			limit--
		}
		useExp = decpt <= -4 || decpt > limit
		if alt {
			vEnd = prec
		}
	case 'r':
		useExp = decpt <= -4 || decpt > 16
	}
	exp := 0
	if useExp {
		exp, decpt = decpt-1, 1
	}
	vStart := 0
	if decpt <= 0 {
		vStart = decpt - 1
	}
	if !useExp && addDot0 {
		vEnd = max(vEnd, decpt+1)
	} else {
		vEnd = max(vEnd, decpt)
	}
	var b strings.Builder
	zeros := func(n int) { b.WriteString(strings.Repeat("0", n)) }
	if decpt <= 0 {
		zeros(decpt - vStart)
		b.WriteByte('.')
		zeros(-decpt)
	} else {
		zeros(-vStart)
	}
	if decpt > 0 && decpt <= len(digits) {
		b.WriteString(digits[:decpt])
		b.WriteByte('.')
		b.WriteString(digits[decpt:])
	} else {
		b.WriteString(digits)
	}
	if len(digits) < decpt {
		zeros(decpt - len(digits))
		b.WriteByte('.')
		zeros(vEnd - decpt)
	} else {
		zeros(vEnd - len(digits))
	}
	s := b.String()
	if !alt && strings.HasSuffix(s, ".") {
		s = s[:len(s)-1]
	}
	if useExp {
		sign := byte('+')
		if exp < 0 {
			sign, exp = '-', -exp
		}
		s += "e" + string(sign) + fmt.Sprintf("%02d", exp)
	}
	return s
}

func init() {
	IntType.AddMethod("__format__", formatMethod)
	FloatType.AddMethod("__format__", formatMethod)
	StrType.AddMethod("__format__", formatMethod)
}

// formatMethod is __format__ of int, bool, float and str.
func formatMethod(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	var spec string
	if err := UnpackArgs("__format__", args, kw, "format_spec", &spec); err != nil {
		return Value{}, err
	}
	s, err := Format(th, self, spec)
	return NewStr(s), err
}
