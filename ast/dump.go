package ast

import (
	"fmt"
	"math/big"
	"reflect"
	"strconv"
	"strings"
)

func isNilNode(n Node) bool {
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// Dump returns a stable, indented textual form of the tree rooted at n, one field per line,
// with positions as `@line:col-line:col`. Golden tests compare it; nil and empty fields are
// omitted so that adding a field to a node does not change existing dumps.
func Dump(n Node) string {
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(n), 0)
	b.WriteByte('\n')
	return b.String()
}

var spanType = reflect.TypeOf(Span{})

func dumpValue(b *strings.Builder, v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		dumpValue(b, v.Elem(), depth)
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if bi, ok := v.Interface().(*big.Int); ok {
			b.WriteString(bi.String())
			return
		}
		dumpStruct(b, v.Elem(), depth)
	case reflect.Slice:
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			b.WriteString("\n" + indent(depth+1))
			dumpValue(b, v.Index(i), depth+1)
		}
		b.WriteString("]")
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Int32:
		if v.Type() == reflect.TypeOf(rune(0)) {
			b.WriteString(strconv.QuoteRune(rune(v.Int())))
			return
		}
		fmt.Fprint(b, v.Interface())
	case reflect.Float64:
		b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	case reflect.Struct:
		dumpStruct(b, v, depth)
	default:
		if op, ok := v.Interface().(Op); ok {
			b.WriteString(op.String())
			return
		}
		fmt.Fprint(b, v.Interface())
	}
}

func dumpStruct(b *strings.Builder, v reflect.Value, depth int) {
	t := v.Type()
	b.WriteString(t.Name())
	if t.NumField() == 0 {
		return
	}
	if f := v.FieldByName("Span"); f.IsValid() && f.Type() == spanType {
		s := f.Interface().(Span)
		fmt.Fprintf(b, " @%s-%s", s.Start, s.Stop)
	}
	b.WriteString(" {")
	for i := 0; i < t.NumField(); i++ {
		f, ft := v.Field(i), t.Field(i)
		if ft.Type == spanType || ft.Type == reflect.TypeOf(Pos{}) || f.IsZero() {
			continue
		}
		if f.Kind() == reflect.Slice && f.Len() == 0 {
			continue
		}
		b.WriteString("\n" + indent(depth+1) + ft.Name + ": ")
		dumpValue(b, f, depth+1)
	}
	b.WriteString("}")
}

func indent(depth int) string { return strings.Repeat("  ", depth) }
