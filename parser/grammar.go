package parser

import plex "github.com/alecthomas/participle/v2/lexer"

// The grammar of compound statements and blocks, as participle struct tags. Every choice is
// decided by the next token, because a participle branch that fails after consuming more
// than one token commits its error; where CPython's grammar shares a longer prefix between
// alternatives, the prefix is parsed once and the rest is optional (try's clauses).
//
// Fields of the interface types of hooks.go are parsed by the hand-written parser: the
// expressions, the parameter and argument lists, and whole lines of simple statements
// (simpleNode). Fields of the error types of checks.go come last in their alternatives:
// they never match, and report the error CPython reports when nothing before them did.

// file is a module: statements up to EOF.
type file struct {
	Body []*statement `parser:"@@*"`
}

type statement struct {
	Simple    simpleNode `parser:"  @@"`
	If        *ifStmt    `parser:"| @@"`
	Def       *funcDef   `parser:"| @@"`
	For       *forStmt   `parser:"| @@"`
	Class     *classDef  `parser:"| @@"`
	Try       *tryStmt   `parser:"| @@"`
	With      *withStmt  `parser:"| @@"`
	While     *whileStmt `parser:"| @@"`
	Async     *asyncStmt `parser:"| @@"`
	Decorated *decorated `parser:"| @@"`
}

// suite is a compound statement's body: an indented suite or simple statements on the line
// of its header. The lookahead for Dedent spares participle trying every kind of statement
// at the end of each block.
type suite struct {
	Body     []*statement    `parser:"  ':' ( Newline ( Indent ( (?! Dedent) @@ )+ Dedent"`
	NoIndent noIndentedBlock `parser:"                | @@ )"`
	Simple   simpleNode      `parser:"            | @@ )"`
	NoColon  noColon         `parser:"| @@"`
}

type ifStmt struct {
	Pos   plex.Position
	Cond  namedExprNode `parser:"'if' @@"`
	Body  *suite        `parser:"@@"`
	Elifs []*elifClause `parser:"@@*"`
	Else  *suite        `parser:"('else' @@)?"`
}

type elifClause struct {
	Pos  plex.Position
	Cond namedExprNode `parser:"'elif' @@"`
	Body *suite        `parser:"@@"`
}

type whileStmt struct {
	Pos  plex.Position
	Cond namedExprNode `parser:"'while' @@"`
	Body *suite        `parser:"@@"`
	Else *suite        `parser:"('else' @@)?"`
}

type forStmt struct {
	Pos      plex.Position
	Target   targetsNode   `parser:"'for' ( @@"`
	NoTarget invalidHere   `parser:"      | @@ ) 'in'"`
	Iter     starExprsNode `parser:"@@"`
	Body     *suite        `parser:"@@"`
	Else     *suite        `parser:"('else' @@)?"`
}

type tryStmt struct {
	Pos      plex.Position
	Body     *suite          `parser:"'try' @@"`
	Handlers []*exceptClause `parser:"( @@+"`
	Else     *suite          `parser:"  ('else' @@)?"`
	Finally  *finallyClause  `parser:"  @@? | @@"`
	Missing  noHandler       `parser:"| @@ )"`
}

type exceptClause struct {
	Pos    plex.Position
	Mixed  mixedExcept    `parser:"'except' @@?"`
	Type   exceptTypeNode `parser:"( @@"`
	Name   string         `parser:"  ('as' ( @Name"`
	NoName invalidHere    `parser:"        | @@ ) )? )?"`
	Body   *suite         `parser:"@@"`
}

type finallyClause struct {
	Body *suite `parser:"'finally' @@"`
}

type withStmt struct {
	Pos   plex.Position
	Items withItemsNode `parser:"'with' @@"`
	Body  *suite        `parser:"@@"`
}

type funcDef struct {
	Pos      plex.Position
	Name     plex.Token  `parser:"'def' ( @Name"`
	NoName   invalidHere `parser:"      | @@ )"`
	Params   paramsNode  `parser:"( @@"`
	NoParams noParen     `parser:"| @@ )"`
	Returns  exprNode    `parser:"('->' @@)?"`
	Body     *suite      `parser:"@@"`
}

type classDef struct {
	Pos    plex.Position
	Name   plex.Token    `parser:"'class' ( @Name"`
	NoName invalidHere   `parser:"        | @@ )"`
	Args   classArgsNode `parser:"@@?"`
	Body   *suite        `parser:"@@"`
}

// asyncStmt is async def, async for or async with.
type asyncStmt struct {
	Pos   plex.Position
	Def   *funcDef    `parser:"'async' ( @@"`
	For   *forStmt    `parser:"        | @@"`
	With  *withStmt   `parser:"        | @@"`
	Other invalidHere `parser:"        | @@ )"`
}

type asyncDef struct {
	Pos   plex.Position
	Def   *funcDef    `parser:"'async' ( @@"`
	NoDef invalidHere `parser:"        | @@ )"`
}

// decorated is a function or class definition after its decorators.
type decorated struct {
	Decorators  []namedExprNode `parser:"( '@' ( @@"`
	NoDecorator invalidHere     `parser:"            | @@ ) Newline )+"`
	Def         *funcDef        `parser:"( @@"`
	AsyncDef    *asyncDef       `parser:"| @@"`
	Class       *classDef       `parser:"| @@"`
	NoDef       invalidHere     `parser:"| @@ )"`
}
