package interp

import (
	"strconv"
	"strings"

	rt "github.com/aio-lang/aio/runtime"
)

// element is one item of a display or call: a plain value or a *starred unpacking.
type element struct {
	x       expr
	starred bool
}

// evalElements evaluates display items, expanding starred ones.
func evalElements(fr *frame, elts []element) ([]rt.Value, error) {
	out := make([]rt.Value, 0, len(elts))
	for _, el := range elts {
		v, err := el.x.eval(fr)
		if err != nil {
			return nil, err
		}
		if !el.starred {
			out = append(out, v)
			continue
		}
		items, err := rt.ToSlice(fr.th, v)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
	}
	return out, nil
}

type listExpr struct{ elts []element }

func (e *listExpr) eval(fr *frame) (rt.Value, error) {
	items, err := evalElements(fr, e.elts)
	if err != nil {
		return rt.Value{}, err
	}
	return rt.NewList(items), nil
}

type tupleExpr struct {
	elts  []element
	plain bool // no *starred element: the size is known
}

func newTupleExpr(elts []element) *tupleExpr {
	e := &tupleExpr{elts: elts, plain: true}
	for _, el := range elts {
		e.plain = e.plain && !el.starred
	}
	return e
}

func (e *tupleExpr) eval(fr *frame) (rt.Value, error) {
	if e.plain {
		t, items := rt.NewTupleSized(len(e.elts))
		for i, el := range e.elts {
			v, err := el.x.eval(fr)
			if err != nil {
				return rt.Value{}, err
			}
			items[i] = v
		}
		return t, nil
	}
	items, err := evalElements(fr, e.elts)
	if err != nil {
		return rt.Value{}, err
	}
	return rt.NewTuple(items), nil
}

// setExpr is a set display. CPython compiles a display of more than two constants as an
// update of an empty set from a constant frozenset, which lays the table out differently
// from adding the items one by one; folded reproduces that, so the set prints alike.
type setExpr struct {
	elts   []element
	folded bool
}

func (e *setExpr) eval(fr *frame) (rt.Value, error) {
	items, err := evalElements(fr, e.elts)
	if err != nil {
		return rt.Value{}, err
	}
	s := rt.NewSet()
	for _, it := range items {
		if err := s.Add(fr.th, it); err != nil {
			return rt.Value{}, err
		}
	}
	if e.folded {
		r := rt.NewSet()
		return rt.Ref(r), r.Update(fr.th, s)
	}
	return rt.Ref(s), nil
}

// dictExpr is {k: v, **m}; a nil key marks a ** entry.
type dictExpr struct {
	keys, values []expr
}

func (e *dictExpr) eval(fr *frame) (rt.Value, error) {
	d := rt.NewDict()
	for i, ke := range e.keys {
		if ke == nil {
			m, err := e.values[i].eval(fr)
			if err != nil {
				return m, err
			}
			if err := mergeMapping(fr.th, d, m, false); err != nil {
				return rt.Value{}, err
			}
			continue
		}
		k, err := ke.eval(fr)
		if err != nil {
			return k, err
		}
		v, err := e.values[i].eval(fr)
		if err != nil {
			return v, err
		}
		if err := d.Set(fr.th, k, v); err != nil {
			return rt.Value{}, err
		}
	}
	return rt.Ref(d), nil
}

// mergeMapping copies a mapping's items into d (for {**m} and f(**m)); strict rejects
// duplicate keys, as calls do.
func mergeMapping(th *rt.Thread, d *rt.Dict, m rt.Value, strict bool) error {
	keys, getter, err := mappingKeys(th, m)
	if err != nil {
		return err
	}
	for _, k := range keys {
		v, err := getter(k)
		if err != nil {
			return err
		}
		if strict {
			if _, dup, _ := d.Get(th, k); dup {
				s, _ := rt.AsStr(k)
				return rt.TypeErrorf("got multiple values for keyword argument '%s'", s)
			}
		}
		if err := d.Set(th, k, v); err != nil {
			return err
		}
	}
	return nil
}

func mappingKeys(th *rt.Thread, m rt.Value) ([]rt.Value, func(rt.Value) (rt.Value, error), error) {
	if src, ok := m.Object().(*rt.Dict); ok {
		return src.Keys(), func(k rt.Value) (rt.Value, error) { return rt.GetItem(th, m, k) }, nil
	}
	kf, err := rt.GetAttr(th, m, "keys")
	if err != nil {
		return nil, nil, rt.TypeErrorf("'%s' object is not a mapping", m.Type().Name)
	}
	kv, err := rt.Call(th, kf, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	keys, err := rt.ToSlice(th, kv)
	return keys, func(k rt.Value) (rt.Value, error) { return rt.GetItem(th, m, k) }, err
}

// joinedStrExpr is an f-string: its parts append their text to one buffer, which becomes
// the str.
type joinedStrExpr struct{ parts []strPart }

// strPart is a piece of an f-string: literal text, a {field}, or any other str-valued
// expression (a nested f-string in a format spec). It is a struct, not an interface, so
// that the buffer the parts append to can stay on the stack.
type strPart struct {
	lit   string
	field *formatExpr
	x     expr
}

func (p *strPart) appendTo(fr *frame, b []byte) ([]byte, error) {
	switch {
	case p.field != nil:
		return p.field.appendTo(fr, b)
	case p.x != nil:
		v, err := p.x.eval(fr)
		s, _ := rt.AsStr(v)
		return append(b, s...), err
	}
	return append(b, p.lit...), nil
}

// newJoinedStr makes the parts of an f-string from compiled expressions.
func newJoinedStr(parts []expr) *joinedStrExpr {
	j := &joinedStrExpr{parts: make([]strPart, len(parts))}
	for i, p := range parts {
		switch p := p.(type) {
		case *formatExpr:
			j.parts[i].field = p
		case *constExpr:
			j.parts[i].lit, _ = rt.AsStr(p.v)
		default:
			j.parts[i].x = p
		}
	}
	return j
}

func (e *joinedStrExpr) eval(fr *frame) (rt.Value, error) {
	var buf [128]byte
	b := buf[:0]
	for i := range e.parts {
		var err error
		if b, err = e.parts[i].appendTo(fr, b); err != nil {
			return rt.Value{}, err
		}
	}
	return rt.NewStrBytes(b), nil
}

// formatExpr is one {value!conv:spec} field of an f-string.
type formatExpr struct {
	value expr
	conv  rune
	spec  expr // nil for no spec
}

func (e *formatExpr) eval(fr *frame) (rt.Value, error) {
	s, err := e.evalStr(fr)
	if err != nil {
		return rt.Value{}, err
	}
	return rt.NewStr(s), nil
}

// appendTo appends the field's text; a plain {x} of a str or small int needs no string of
// its own.
func (e *formatExpr) appendTo(fr *frame, b []byte) ([]byte, error) {
	if e.conv == 0 && e.spec == nil {
		v, err := e.value.eval(fr)
		if err != nil {
			return b, err
		}
		if s, ok := v.Object().(*rt.Str); ok {
			return append(b, s.String()...), nil
		}
		if n, ok := v.SmallInt(); ok {
			return strconv.AppendInt(b, n, 10), nil
		}
		s, err := e.format(fr, v)
		return append(b, s...), err
	}
	s, err := e.evalStr(fr)
	return append(b, s...), err
}

func (e *formatExpr) evalStr(fr *frame) (string, error) {
	v, err := e.value.eval(fr)
	if err != nil {
		return "", err
	}
	return e.format(fr, v)
}

// format converts and formats the field's value v.
func (e *formatExpr) format(fr *frame, v rt.Value) (string, error) {
	switch e.conv {
	case 'r', 'a':
		s, err := rt.Repr(fr.th, v)
		if err != nil {
			return "", err
		}
		if e.conv == 'a' {
			s = asciiEscape(s)
		}
		v = rt.NewStr(s)
	case 's':
		s, err := rt.ToStr(fr.th, v)
		if err != nil {
			return "", err
		}
		v = rt.NewStr(s)
	}
	spec := ""
	if e.spec != nil {
		sv, err := e.spec.eval(fr)
		if err != nil {
			return "", err
		}
		spec, _ = rt.AsStr(sv)
	}
	if spec == "" {
		if s, ok := rt.AsStr(v); ok {
			return s, nil
		}
		if n, ok := v.SmallInt(); ok {
			return itoa(n), nil
		}
	}
	return rt.Format(fr.th, v, spec)
}

func asciiEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			b.WriteString(`\x` + hexDigits(int64(r), 2))
		case r < 0x10000:
			b.WriteString(`\u` + hexDigits(int64(r), 4))
		default:
			b.WriteString(`\U` + hexDigits(int64(r), 8))
		}
	}
	return b.String()
}

func hexDigits(n int64, width int) string {
	const digits = "0123456789abcdef"
	buf := make([]byte, width)
	for i := width - 1; i >= 0; i-- {
		buf[i] = digits[n&15]
		n >>= 4
	}
	return string(buf)
}

func itoa(n int64) string {
	if n >= 0 && n < 10 {
		return string(rune('0' + n))
	}
	var buf [20]byte
	i := len(buf)
	neg := n < 0
	u := uint64(n)
	if neg {
		u = uint64(-n)
	}
	for u > 0 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
