package stdlib

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/aio-lang/aio/runtime"
)

// Python's re syntax translated into the .NET syntax of github.com/dlclark/regexp2, which has
// the backtracking features Python has (backreferences, lookaround, conditionals, atomic
// groups) but spells some of them differently and numbers groups differently: .NET numbers
// named groups after the unnamed ones, Python numbers all groups left to right. So every
// group is emitted unnamed and the translator keeps the name table itself; the result's
// group n is Python's group n.

// The re flag values, as CPython defines them.
const (
	reTemplate = 1
	reIgnore   = 2
	reLocale   = 4
	reMulti    = 8
	reDotAll   = 16
	reUnicode  = 32
	reVerbose  = 64
	reDebug    = 128
	reASCII    = 256
)

var reFlagLetters = map[rune]int{'a': reASCII, 'i': reIgnore, 'L': reLocale, 'm': reMulti, 's': reDotAll, 'u': reUnicode, 'x': reVerbose}

// rxProgram is a translated pattern.
type rxProgram struct {
	dotnet string         // the pattern in regexp2 syntax
	flags  int            // the flags, inline ones included
	groups int            // number of capturing groups
	names  map[string]int // group names
	closes []int          // closes[g]: rank of group g's ')' in the pattern, for lastindex
}

// rxTranslator walks a Python pattern, writing the .NET one.
type rxTranslator struct {
	src     []rune
	i       int
	out     []rune
	prog    *rxProgram
	open    []rxOpen // groups not yet closed
	closed  int      // groups closed so far
	isBytes bool
}

// rxOpen is an open parenthesis: its position, group number (0 when not capturing), where
// its output starts, and the verbose and ASCII modes to restore when it closes.
type rxOpen struct {
	pos, group, outStart int
	verbose, ascii       bool
}

// rxError is re.error with CPython's message and position.
func rxError(pattern runtime.Value, src []rune, msg string, pos int) error {
	e := runtime.NewException(reErrorType)
	full := msg
	if pos >= 0 {
		full = fmt.Sprintf("%s at position %d", msg, pos)
		line, col := 1, pos+1
		for j := 0; j < pos && j < len(src); j++ {
			if src[j] == '\n' {
				line, col = line+1, pos-j
			}
		}
		if line > 1 {
			full = fmt.Sprintf("%s (line %d, column %d)", full, line, col)
		}
		e.Dict = runtime.NewDict()
		e.Dict.SetStr("pos", runtime.Int(int64(pos)))
		e.Dict.SetStr("lineno", runtime.Int(int64(line)))
		e.Dict.SetStr("colno", runtime.Int(int64(col)))
	} else {
		e.Dict = runtime.NewDict()
		for _, a := range []string{"pos", "lineno", "colno"} {
			e.Dict.SetStr(a, runtime.None)
		}
	}
	e.Args = []runtime.Value{str(full)}
	e.Dict.SetStr("msg", str(msg))
	e.Dict.SetStr("pattern", pattern)
	return e
}

// errAt is a translation error at rune position pos.
type errAt struct {
	msg string
	pos int
}

func (t *rxTranslator) fail(msg string, pos int) { panic(errAt{msg, pos}) }

// translate converts a Python pattern; errors are (msg, pos) pairs for rxError.
func translate(src []rune, flags int, isBytes bool) (prog *rxProgram, err *errAt) {
	t := &rxTranslator{src: src, prog: &rxProgram{names: map[string]int{}, closes: []int{0}}, isBytes: isBytes}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(errAt)
			if !ok {
				panic(r)
			}
			prog, err = nil, &e
		}
	}()
	flags |= t.globalFlags()
	if !isBytes && flags&reASCII == 0 {
		flags |= reUnicode
	}
	switch {
	case !isBytes && flags&reLocale != 0:
		t.fail("bad inline flags: cannot use 'L' flag with a str pattern", -1)
	case isBytes && flags&reUnicode != 0:
		t.fail("bad inline flags: cannot use 'u' flag with a bytes pattern", -1)
	case flags&reASCII != 0 && flags&reUnicode != 0:
		t.fail("bad inline flags: flags 'a' and 'u' are incompatible", -1)
	}
	t.prog.flags = flags
	t.seq(flags&reVerbose != 0, flags&reASCII != 0 || isBytes)
	if len(t.open) > 0 {
		t.fail("missing ), unterminated subpattern", t.open[len(t.open)-1].pos)
	}
	t.prog.dotnet = string(t.out)
	return t.prog, nil
}

// globalFlags consumes leading (?aiLmsux) groups, which apply to the whole pattern.
func (t *rxTranslator) globalFlags() int {
	flags := 0
	for t.i+2 < len(t.src) && t.src[t.i] == '(' && t.src[t.i+1] == '?' {
		j := t.i + 2
		f := 0
		for j < len(t.src) && reFlagLetters[t.src[j]] != 0 {
			f |= reFlagLetters[t.src[j]]
			j++
		}
		if j == t.i+2 || j >= len(t.src) || t.src[j] != ')' {
			break
		}
		flags |= f
		t.i = j + 1
		// In verbose mode whitespace may separate the flag groups from the rest.
		if flags&reVerbose != 0 {
			t.skipVerbose()
		}
	}
	return flags
}

func (t *rxTranslator) more() bool { return t.i < len(t.src) }

func (t *rxTranslator) emit(s string) { t.out = append(t.out, []rune(s)...) }

// skipVerbose skips whitespace and comments in verbose mode.
func (t *rxTranslator) skipVerbose() {
	for t.more() {
		c := t.src[t.i]
		switch {
		case strings.ContainsRune(" \t\n\r\v\f", c):
			t.i++
		case c == '#':
			for t.more() && t.src[t.i] != '\n' {
				t.i++
			}
		default:
			return
		}
	}
}

// seq translates the whole pattern; verbose and ascii are the modes in force.
func (t *rxTranslator) seq(verbose, ascii bool) {
	atomStart := -1 // output index where the last repeatable item began; -1 if none
	quantified := false
	for {
		if verbose {
			t.skipVerbose()
		}
		if !t.more() {
			return
		}
		start := t.i
		c := t.src[t.i]
		t.i++
		switch c {
		case '|':
			t.emit("|")
			atomStart, quantified = -1, false
		case '(':
			if t.openGroup(start, &verbose, &ascii) {
				atomStart, quantified = -1, false
			}
		case ')':
			if len(t.open) == 0 {
				t.fail("unbalanced parenthesis", start)
			}
			o := t.open[len(t.open)-1]
			t.open = t.open[:len(t.open)-1]
			if o.group > 0 {
				t.closed++
				t.prog.closes[o.group] = t.closed
			}
			t.emit(")")
			verbose, ascii = o.verbose, o.ascii
			atomStart, quantified = o.outStart, false
		case '*', '+', '?', '{':
			q, ok := t.quantifier(c, start)
			if !ok { // a '{' that starts no quantifier is a literal
				atomStart, quantified = len(t.out), false
				t.emit(`\{`)
				continue
			}
			if atomStart < 0 {
				t.fail("nothing to repeat", start)
			}
			if quantified {
				t.fail("multiple repeat", start)
			}
			t.emit(q)
			if t.more() && t.src[t.i] == '?' {
				t.i++
				t.emit("?")
			} else if t.more() && t.src[t.i] == '+' {
				// A possessive quantifier is an atomic group around the repeated item.
				t.i++
				t.out = append(t.out[:atomStart], append([]rune("(?>"), append(t.out[atomStart:], ')')...)...)
			}
			quantified = true
		case '[':
			atomStart, quantified = len(t.out), false
			t.class(start, ascii)
		case '\\':
			atomStart, quantified = len(t.out), false
			if t.escape(start, ascii) {
				atomStart = -1 // an assertion such as \b cannot be repeated
			}
		case '^', '$':
			t.emit(string(c))
			atomStart, quantified = -1, false
		case '.':
			atomStart, quantified = len(t.out), false
			t.emit(".")
		default:
			atomStart, quantified = len(t.out), false
			t.literal(c)
		}
	}
}

// openGroup translates what follows a '(' at start. It reports false for a comment, which
// leaves the previous item repeatable.
func (t *rxTranslator) openGroup(start int, verbose, ascii *bool) bool {
	push := func(group int, dotnet string) {
		t.open = append(t.open, rxOpen{pos: start, group: group, outStart: len(t.out), verbose: *verbose, ascii: *ascii})
		t.emit(dotnet)
	}
	if !t.more() || t.src[t.i] != '?' {
		t.prog.groups++
		t.prog.closes = append(t.prog.closes, 0)
		push(t.prog.groups, "(")
		return true
	}
	t.i++
	if !t.more() {
		t.fail("unexpected end of pattern", t.i)
	}
	c := t.src[t.i]
	t.i++
	switch {
	case c == ':' || c == '=' || c == '!' || c == '>':
		push(0, "(?"+string(c))
	case c == '<' && t.more() && (t.src[t.i] == '=' || t.src[t.i] == '!'):
		t.i++
		push(0, "(?<"+string(t.src[t.i-1]))
	case c == '#':
		for t.more() && t.src[t.i] != ')' {
			t.i++
		}
		if !t.more() {
			t.fail("missing ), unterminated comment", start)
		}
		t.i++
		return false
	case c == 'P' && t.more() && t.src[t.i] == '<':
		t.i++
		name, at := t.name('>')
		if !isIdentifier(name) {
			t.fail(fmt.Sprintf("bad character in group name '%s'", name), at)
		}
		t.prog.groups++
		t.prog.closes = append(t.prog.closes, 0)
		if g, dup := t.prog.names[name]; dup {
			t.fail(fmt.Sprintf("redefinition of group name '%s' as group %d; was group %d", name, t.prog.groups, g), at)
		}
		t.prog.names[name] = t.prog.groups
		push(t.prog.groups, "(")
	case c == 'P' && t.more() && t.src[t.i] == '=':
		t.i++
		name, at := t.name(')')
		g, ok := t.prog.names[name]
		if !ok {
			t.fail(fmt.Sprintf("unknown group name '%s'", name), at)
		}
		t.backref(g, at)
		return true
	case c == '(':
		// A conditional: (?(group)yes|no).
		ref, at := t.name(')')
		g, ok := t.prog.names[ref]
		if !ok {
			n, err := strconv.Atoi(ref)
			if err != nil || n < 0 {
				t.fail(fmt.Sprintf("bad character in group name '%s'", ref), at)
			}
			if n == 0 || n > t.prog.groups {
				t.fail(fmt.Sprintf("invalid group reference %d", n), at)
			}
			g = n
		}
		push(0, fmt.Sprintf("(?(%d)", g))
	case reFlagLetters[c] != 0 || c == '-':
		t.i--
		t.scopedFlags(start, push, verbose, ascii)
	default:
		ext := string(c)
		if c == '<' && t.more() {
			ext += string(t.src[t.i])
		}
		t.fail("unknown extension ?"+ext, start+1)
	}
	return true
}

// scopedFlags translates (?flags-flags:...); flags at the start of the pattern were taken
// by globalFlags, so a flag group that ends in ')' here is misplaced.
func (t *rxTranslator) scopedFlags(start int, push func(int, string), verbose, ascii *bool) {
	on, off := "", ""
	onFlags, offFlags := 0, 0
	neg := false
	for t.more() && t.src[t.i] != ':' && t.src[t.i] != ')' {
		c := t.src[t.i]
		t.i++
		switch {
		case c == '-' && !neg:
			neg = true
		case reFlagLetters[c] != 0 && neg:
			offFlags |= reFlagLetters[c]
			off += string(c)
		case reFlagLetters[c] != 0:
			onFlags |= reFlagLetters[c]
			on += string(c)
		default:
			t.fail("unknown flag", t.i-1)
		}
	}
	if !t.more() {
		t.fail("missing -, : or )", t.i)
	}
	if t.src[t.i] == ')' {
		t.fail("global flags not at the start of the expression", start)
	}
	t.i++
	keep := func(s string) string { // regexp2 knows i, m, s; x and a are translated here
		var b strings.Builder
		for _, c := range s {
			if strings.ContainsRune("ims", c) {
				b.WriteRune(c)
			}
		}
		return b.String()
	}
	dn := keep(on)
	if k := keep(off); k != "" {
		dn += "-" + k
	}
	push(0, "(?"+dn+":")
	if onFlags&reVerbose != 0 {
		*verbose = true
	}
	if offFlags&reVerbose != 0 {
		*verbose = false
	}
	if onFlags&reASCII != 0 {
		*ascii = true
	}
	if onFlags&reUnicode != 0 {
		*ascii = false
	}
}

// name reads a group name up to end, returning it and its position.
func (t *rxTranslator) name(end rune) (string, int) {
	at := t.i
	for t.more() && t.src[t.i] != end {
		t.i++
	}
	if !t.more() {
		t.fail(fmt.Sprintf("missing %c, unterminated name", end), at)
	}
	name := string(t.src[at:t.i])
	t.i++
	if name == "" {
		t.fail("missing group name", at)
	}
	return name, at
}

func isIdentifier(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)))) {
			return false
		}
	}
	return s != ""
}

// backref emits a reference to group g, which must be closed already; at is where an error
// about that is reported.
func (t *rxTranslator) backref(g, at int) {
	for _, o := range t.open {
		if o.group == g {
			t.fail("cannot refer to an open group", at)
		}
	}
	t.emit(fmt.Sprintf(`\k<%d>`, g))
}

// quantifier reads the quantifier starting with c (its first rune already consumed). For
// '{' it reports false when the text is not a valid {m,n}, which is then a literal.
func (t *rxTranslator) quantifier(c rune, start int) (string, bool) {
	if c != '{' {
		return string(c), true
	}
	j := t.i
	digits := func() string {
		k := j
		for j < len(t.src) && t.src[j] >= '0' && t.src[j] <= '9' {
			j++
		}
		return string(t.src[k:j])
	}
	lo := digits()
	hi, comma := lo, false
	if j < len(t.src) && t.src[j] == ',' {
		j++
		hi, comma = digits(), true
	}
	if j >= len(t.src) || t.src[j] != '}' || (lo == "" && !comma) {
		return "", false
	}
	t.i = j + 1
	if lo == "" {
		lo = "0"
	}
	if hi != "" {
		l, _ := strconv.Atoi(lo)
		h, _ := strconv.Atoi(hi)
		if h < l {
			t.fail("min repeat greater than max repeat", start+1)
		}
	}
	if !comma {
		return "{" + lo + "}", true
	}
	return "{" + lo + "," + hi + "}", true
}

// The class escapes: their ASCII forms, and their Unicode forms where .NET's differ from
// Python's (\s includes \x1c-\x1f, \w is letters, numbers and the underscore).
var (
	asciiClasses = map[rune]string{'d': `0-9`, 's': ` \t\n\r\f\v`, 'w': `a-zA-Z0-9_`}
	uniClasses   = map[rune]string{'d': `\d`, 's': `\s\x1c-\x1f`, 'w': `\p{L}\p{N}_`}
)

// classEscape returns the set body of \d, \s or \w (lower case) in the current mode.
func classEscape(c rune, ascii bool) string {
	if ascii {
		return asciiClasses[c]
	}
	return uniClasses[c]
}

// escape translates the escape at start (the backslash consumed). It reports whether the
// escape was a zero-width assertion.
func (t *rxTranslator) escape(start int, ascii bool) bool {
	if !t.more() {
		t.fail("bad escape (end of pattern)", start)
	}
	c := t.src[t.i]
	t.i++
	switch c {
	case 'A', 'b', 'B':
		t.emit(`\` + string(c))
		return true
	case 'Z':
		t.emit(`\z`)
		return true
	case 'd', 's', 'w':
		t.emit("[" + classEscape(c, ascii) + "]")
		return false
	case 'D', 'S', 'W':
		t.emit("[^" + classEscape(unicode.ToLower(c), ascii) + "]")
		return false
	}
	if c >= '1' && c <= '9' {
		if r, ok := t.octal(c, start); ok {
			t.literal(r)
			return false
		}
		n := int(c - '0')
		if t.more() && t.src[t.i] >= '0' && t.src[t.i] <= '9' {
			n = n*10 + int(t.src[t.i]-'0')
			t.i++
		}
		if n > t.prog.groups {
			t.fail(fmt.Sprintf("invalid group reference %d", n), start+1)
		}
		t.backref(n, start)
		return false
	}
	t.literal(t.charEscape(c, start))
	return false
}

// octal reads an escape \ooo (c being the first digit) when three octal digits follow the
// backslash; \0 takes up to two more.
func (t *rxTranslator) octal(c rune, start int) (rune, bool) {
	isOct := func(k int) bool { return k < len(t.src) && t.src[k] >= '0' && t.src[k] <= '7' }
	if c != '0' && !(c <= '7' && isOct(t.i) && isOct(t.i+1)) {
		return 0, false
	}
	v := int(c - '0')
	for n := 0; n < 2 && isOct(t.i); n++ {
		v = v*8 + int(t.src[t.i]-'0')
		t.i++
	}
	if v > 0o377 {
		t.fail(fmt.Sprintf("octal escape value %s outside of range 0-0o377", string(t.src[start:t.i])), start)
	}
	return rune(v), true
}

// charEscape returns the character an escape (other than a class, assertion or reference)
// stands for; c has been consumed.
func (t *rxTranslator) charEscape(c rune, start int) rune {
	switch c {
	case 'a':
		return '\a'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'v':
		return '\v'
	case '0':
		r, _ := t.octal(c, start)
		return r
	case 'x', 'u', 'U':
		n := map[rune]int{'x': 2, 'u': 4, 'U': 8}[c]
		if c != 'x' && t.isBytes {
			break
		}
		end := t.i + n
		if end > len(t.src) {
			end = len(t.src)
		}
		v, err := strconv.ParseUint(string(t.src[t.i:end]), 16, 32)
		if err != nil || end-t.i < n {
			t.fail(fmt.Sprintf("incomplete escape %s", string(t.src[start:end])), start)
		}
		t.i = end
		if v > unicode.MaxRune {
			t.fail(fmt.Sprintf("bad escape %s", string(t.src[start:end])), start)
		}
		return rune(v)
	}
	if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
		t.fail(`bad escape \`+string(c), start)
	}
	return c
}

// literal emits one character matched literally.
func (t *rxTranslator) literal(c rune) {
	if strings.ContainsRune(`\*+?|{}[]()^$.#`, c) {
		t.emit(`\` + string(c))
		return
	}
	if c < 0x20 || c == 0x7f {
		t.emit(fmt.Sprintf(`\x%02x`, c))
		return
	}
	t.out = append(t.out, c)
}

// classLiteral emits one character inside a character set.
func (t *rxTranslator) classLiteral(c rune) {
	if strings.ContainsRune(`\]-[^`, c) {
		t.emit(`\` + string(c))
		return
	}
	if c < 0x20 || c == 0x7f {
		t.emit(fmt.Sprintf(`\x%02x`, c))
		return
	}
	t.out = append(t.out, c)
}

// class translates a character set whose '[' is at start.
func (t *rxTranslator) class(start int, ascii bool) {
	t.emit("[")
	if t.more() && t.src[t.i] == '^' {
		t.i++
		t.emit("^")
	}
	first := true
	for {
		if !t.more() {
			t.fail("unterminated character set", start)
		}
		itemStart := t.i
		c := t.src[t.i]
		t.i++
		if c == ']' && !first {
			t.emit("]")
			return
		}
		first = false
		lo, isChar := t.classItem(c, itemStart, ascii)
		if !isChar {
			continue
		}
		// A range lo-hi, unless the '-' ends the set.
		if t.i+1 < len(t.src) && t.src[t.i] == '-' && t.src[t.i+1] != ']' {
			t.i++
			t.emit("-")
			hiStart := t.i
			t.i++
			hi, ok := t.classItem(t.src[hiStart], hiStart, ascii)
			if !ok || hi < lo {
				t.fail(fmt.Sprintf("bad character range %s", string(t.src[itemStart:t.i])), itemStart)
			}
		}
	}
}

// classItem translates one set item starting with c: it emits it, and returns the
// character and true when it is a single character (which may begin a range).
func (t *rxTranslator) classItem(c rune, start int, ascii bool) (rune, bool) {
	if c != '\\' {
		t.classLiteral(c)
		return c, true
	}
	if !t.more() {
		t.fail("bad escape (end of pattern)", start)
	}
	e := t.src[t.i]
	t.i++
	switch e {
	case 'd', 's', 'w':
		t.emit(classEscape(e, ascii))
		return 0, false
	case 'D', 'S', 'W':
		// A negated class cannot join a set in .NET syntax; its Unicode form is close.
		t.emit(`\` + string(e))
		return 0, false
	case 'b':
		t.classLiteral('\b')
		return '\b', true
	}
	if e >= '1' && e <= '9' {
		if r, ok := t.octal(e, start); ok {
			t.classLiteral(r)
			return r, true
		}
		t.fail(`bad escape \`+string(e), start)
	}
	r := t.charEscape(e, start)
	t.classLiteral(r)
	return r, true
}
