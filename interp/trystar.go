package interp

import (
	"github.com/aio-lang/aio/ast"
	rt "github.com/aio-lang/aio/runtime"
)

// tryStarStmt is try/except*: each handler takes the part of the exception group that
// matches its type; what no handler matched, and what the handlers raise, is raised again
// as a group.
type tryStarStmt struct {
	at
	body     []stmt
	handlers []handler
	els      []stmt
	finally  []stmt
}

func (c *compiler) tryStar(n *ast.Try) stmt {
	t := &tryStarStmt{at: line(n), body: c.stmts(n.Body), els: c.stmts(n.Else), finally: c.stmts(n.Finally)}
	for _, h := range n.Handlers {
		t.handlers = append(t.handlers, c.handler(h))
	}
	return t
}

func (s *tryStarStmt) exec(fr *frame) (ctl, error) {
	c, err := s.run(fr)
	if s.finally == nil {
		return c, err
	}
	return runFinally(fr, s.finally, c, err)
}

func (s *tryStarStmt) run(fr *frame) (ctl, error) {
	c, err := execBlock(fr, s.body)
	if err == nil {
		if c != ctlNone {
			return c, nil
		}
		return execBlock(fr, s.els)
	}
	orig := rt.AsException(err)
	group := orig
	if !orig.Matches(rt.BaseExceptionGroupType) {
		group = rt.NewExceptionGroup("", []*rt.Exception{orig})
	}
	rest := group.Group
	var raised []*rt.Exception
	for i := range s.handlers {
		h := &s.handlers[i]
		tv, err := h.typ.eval(fr)
		if err != nil {
			return ctlNone, err
		}
		var match []*rt.Exception
		match, rest, err = splitGroup(rest, tv)
		if err != nil {
			return ctlNone, err
		}
		if len(match) == 0 {
			continue
		}
		mg := rt.NewExceptionGroup(groupMessage(group), match)
		if _, err := runHandler(fr, h, mg); err != nil {
			x := rt.AsException(err)
			if x == mg {
				rest = append(rest, match...)
			} else {
				raised = append(raised, x)
			}
		}
	}
	switch {
	case len(rest) == 0 && len(raised) == 0:
		return ctlNone, nil
	case len(raised) == 0 && len(rest) == 1 && rest[0] == orig:
		return ctlNone, orig
	case len(raised) == 0:
		return ctlNone, rt.NewExceptionGroup(groupMessage(group), rest)
	}
	if len(rest) > 0 {
		raised = append(raised, rt.NewExceptionGroup(groupMessage(group), rest))
	}
	return ctlNone, rt.NewExceptionGroup("", raised)
}

func groupMessage(g *rt.Exception) string {
	if len(g.Args) > 0 {
		s, _ := rt.AsStr(g.Args[0])
		return s
	}
	return ""
}

// splitGroup separates the leaves of excs that match typ, descending into nested groups.
func splitGroup(excs []*rt.Exception, typ rt.Value) (match, rest []*rt.Exception, err error) {
	for _, e := range excs {
		ok, err := exceptionMatches(e, typ)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case ok:
			match = append(match, e)
		case e.Matches(rt.BaseExceptionGroupType):
			m, r, err := splitGroup(e.Group, typ)
			if err != nil {
				return nil, nil, err
			}
			if len(m) > 0 {
				match = append(match, rt.NewExceptionGroup(groupMessage(e), m))
			}
			if len(r) > 0 {
				rest = append(rest, rt.NewExceptionGroup(groupMessage(e), r))
			}
		default:
			rest = append(rest, e)
		}
	}
	return match, rest, nil
}
