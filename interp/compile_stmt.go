package interp

import (
	"strings"

	"github.com/aio-lang/aio/ast"
	rt "github.com/aio-lang/aio/runtime"
)

func (c *compiler) try(n *ast.Try) stmt {
	if n.Star {
		return c.tryStar(n)
	}
	t := &tryStmt{at: line(n), body: c.stmts(n.Body), els: c.stmts(n.Else)}
	if n.Finally != nil {
		t.finally = c.stmts(n.Finally)
		if t.finally == nil {
			t.finally = []stmt{}
		}
	}
	for _, h := range n.Handlers {
		t.handlers = append(t.handlers, c.handler(h))
	}
	if len(n.Else) > 0 && t.els == nil {
		t.els = []stmt{}
	}
	return t
}

func (c *compiler) handler(h *ast.ExceptHandler) handler {
	hd := c.handlerHead(h)
	hd.body = c.stmts(h.Body)
	return hd
}

// handlerHead compiles an except clause's type and name, not its body.
func (c *compiler) handlerHead(h *ast.ExceptHandler) handler {
	var hd handler
	if h.Type != nil {
		hd.typ = c.expr(h.Type)
	}
	if h.Name != "" {
		hd.target = c.storeName(h.Name)
		hd.name, _ = hd.target.(deleter)
	}
	return hd
}

type importStmt struct {
	at
	names   []string // dotted module names
	targets []assigner
	as      []bool // bound to the module itself rather than its top-level package
}

func (c *compiler) importStmt(n *ast.Import) stmt {
	s := &importStmt{at: line(n)}
	for _, a := range n.Names {
		name := a.AsName
		if name == "" {
			name, _, _ = strings.Cut(a.Name, ".")
		}
		s.names = append(s.names, a.Name)
		s.targets = append(s.targets, c.storeName(name))
		s.as = append(s.as, a.AsName != "")
	}
	return s
}

func (s *importStmt) exec(fr *frame) (ctl, error) {
	for i, name := range s.names {
		m, err := fr.interp.importModule(fr.th, name)
		if err != nil {
			return ctlNone, err
		}
		v := rt.Ref(m)
		if !s.as[i] && strings.Contains(name, ".") {
			top, _, _ := strings.Cut(name, ".")
			tm, err := fr.interp.importModule(fr.th, top)
			if err != nil {
				return ctlNone, err
			}
			v = rt.Ref(tm)
		}
		if err := s.targets[i].assign(fr, v); err != nil {
			return ctlNone, err
		}
	}
	return ctlNone, nil
}

type importFromStmt struct {
	at
	module  string
	names   []string
	targets []assigner // nil for a star import
}

func (c *compiler) importFrom(n *ast.ImportFrom) stmt {
	if n.Level > 0 {
		c.fail(n, "attempted relative import with no known parent package")
	}
	s := &importFromStmt{at: line(n), module: n.Module}
	for _, a := range n.Names {
		if a.Name == "*" {
			if c.scope.kind != moduleScope {
				c.fail(n, "import * only allowed at module level")
			}
			return s
		}
		name := a.AsName
		if name == "" {
			name = a.Name
		}
		s.names = append(s.names, a.Name)
		s.targets = append(s.targets, c.storeName(name))
	}
	return s
}

func (s *importFromStmt) exec(fr *frame) (ctl, error) {
	m, err := fr.interp.importModule(fr.th, s.module)
	if err != nil {
		return ctlNone, err
	}
	if s.targets == nil {
		return ctlNone, importStar(fr, m)
	}
	for i, name := range s.names {
		v, ok := m.Dict.GetStr(name)
		if !ok {
			sub, err := fr.interp.importModule(fr.th, s.module+"."+name)
			if err != nil {
				return ctlNone, rt.Errorf(rt.ImportErrorType, "cannot import name '%s' from '%s' (%s)", name, s.module, moduleFile(m))
			}
			v = rt.Ref(sub)
		}
		if err := s.targets[i].assign(fr, v); err != nil {
			return ctlNone, err
		}
	}
	return ctlNone, nil
}

func moduleFile(m *rt.Module) string {
	if f, ok := m.Dict.GetStr("__file__"); ok {
		if s, ok := rt.AsStr(f); ok {
			return s
		}
	}
	return "unknown location"
}

func importStar(fr *frame, m *rt.Module) error {
	if all, ok := m.Dict.GetStr("__all__"); ok {
		names, err := rt.ToSlice(fr.th, all)
		if err != nil {
			return err
		}
		for _, n := range names {
			s, _ := rt.AsStr(n)
			v, ok := m.Dict.GetStr(s)
			if !ok {
				return rt.AttributeErrorf("module '%s' has no attribute '%s'", m.Name, s)
			}
			fr.globals.SetStr(s, v)
		}
		return nil
	}
	m.Dict.Items(func(k, v rt.Value) bool {
		if s, ok := rt.AsStr(k); ok && !strings.HasPrefix(s, "_") {
			fr.globals.SetStr(s, v)
		}
		return true
	})
	return nil
}
