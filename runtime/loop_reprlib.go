package runtime

import "strings"

// ReprLimited is reprlib.repr(v) with reprlib's default limits, which asyncio uses for the
// results and callback arguments shown in the reprs of futures, tasks and handles: at most
// 6 items of a list, tuple or set and 4 of a dict, 6 levels deep, strings cut to 30
// characters, ints to 40 digits and any other repr to 30 characters.
func ReprLimited(th *Thread, v Value) string { return reprLimited(th, v, 6) }

const (
	reprMaxSeq    = 6
	reprMaxDict   = 4
	reprMaxString = 30
	reprMaxLong   = 40
	reprMaxOther  = 30
)

func reprLimited(th *Thread, v Value, level int) string {
	if !v.IsValid() {
		return "None"
	}
	switch v.Type() {
	case StrType:
		s, _ := AsStr(v)
		r := []rune(s)
		if len(r) > reprMaxString {
			r = r[:reprMaxString]
		}
		q := QuoteStr(string(r))
		if len([]rune(q)) > reprMaxString {
			full := []rune(s)
			i, j := elide(reprMaxString)
			q = QuoteStr(string(full[:i]) + string(full[len(full)-j:]))
			qr := []rune(q)
			q = string(qr[:i]) + "..." + string(qr[len(qr)-j:])
		}
		return q
	case IntType:
		return cut(ReprOrPlaceholder(th, v), reprMaxLong)
	case ListType:
		return reprIterable(th, v.o.(*List).Items, level, "[", "]", "")
	case TupleType:
		return reprIterable(th, v.o.(*Tuple).Items, level, "(", ")", ",")
	case SetType, FrozenSetType:
		s := v.o.(*Set)
		open, close, empty := "{", "}", "set()"
		if v.Type() == FrozenSetType {
			open, close, empty = "frozenset({", "})", "frozenset()"
		}
		if s.Len() == 0 {
			return empty
		}
		return reprIterable(th, possiblySorted(th, s.Elems()), level, open, close, "")
	case DictType:
		d := v.o.(*Dict)
		if d.Len() == 0 {
			return "{}"
		}
		if level <= 0 {
			return "{...}"
		}
		keys := possiblySorted(th, d.Keys())
		var pieces []string
		for i, k := range keys {
			if i == reprMaxDict {
				pieces = append(pieces, "...")
				break
			}
			val, _, _ := d.Get(th, k)
			pieces = append(pieces, reprLimited(th, k, level-1)+": "+reprLimited(th, val, level-1))
		}
		return "{" + strings.Join(pieces, ", ") + "}"
	}
	return cut(ReprOrPlaceholder(th, v), reprMaxOther)
}

// elide returns how many leading and trailing characters reprlib keeps of a string cut to
// max characters.
func elide(max int) (int, int) {
	i := (max - 3) / 2
	return i, max - 3 - i
}

func cut(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	i, j := elide(max)
	return string(r[:i]) + "..." + string(r[len(r)-j:])
}

func reprIterable(th *Thread, items []Value, level int, open, close, trail string) string {
	if level <= 0 && len(items) > 0 {
		return open + "..." + close
	}
	var pieces []string
	for i, x := range items {
		if i == reprMaxSeq {
			pieces = append(pieces, "...")
			break
		}
		pieces = append(pieces, reprLimited(th, x, level-1))
	}
	if len(items) == 1 {
		close = trail + close
	}
	return open + strings.Join(pieces, ", ") + close
}

// possiblySorted sorts the items if they are comparable, as reprlib does for sets and dict
// keys.
func possiblySorted(th *Thread, items []Value) []Value {
	out := append([]Value(nil), items...)
	var failed error
	for i := 1; i < len(out) && failed == nil; i++ {
		for j := i; j > 0; j-- {
			less, err := Less(th, out[j], out[j-1])
			if err != nil {
				failed = err
				break
			}
			if !less {
				break
			}
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	if failed != nil {
		return items
	}
	return out
}
