package runtime

// The exception hierarchy, with CPython's names and parents.
var (
	BaseExceptionType       = NewBuiltinClass("BaseException", ObjectType, nil)
	SystemExitType          = excClass("SystemExit", BaseExceptionType)
	KeyboardInterruptType   = excClass("KeyboardInterrupt", BaseExceptionType)
	GeneratorExitType       = excClass("GeneratorExit", BaseExceptionType)
	ExceptionType           = excClass("Exception", BaseExceptionType)
	StopIterationType       = excClass("StopIteration", ExceptionType)
	StopAsyncIterationType  = excClass("StopAsyncIteration", ExceptionType)
	ArithmeticErrorType     = excClass("ArithmeticError", ExceptionType)
	FloatingPointErrorType  = excClass("FloatingPointError", ArithmeticErrorType)
	OverflowErrorType       = excClass("OverflowError", ArithmeticErrorType)
	ZeroDivisionErrorType   = excClass("ZeroDivisionError", ArithmeticErrorType)
	AssertionErrorType      = excClass("AssertionError", ExceptionType)
	AttributeErrorType      = excClass("AttributeError", ExceptionType)
	BufferErrorType         = excClass("BufferError", ExceptionType)
	EOFErrorType            = excClass("EOFError", ExceptionType)
	ImportErrorType         = excClass("ImportError", ExceptionType)
	ModuleNotFoundErrorType = excClass("ModuleNotFoundError", ImportErrorType)
	LookupErrorType         = excClass("LookupError", ExceptionType)
	IndexErrorType          = excClass("IndexError", LookupErrorType)
	KeyErrorType            = excClass("KeyError", LookupErrorType)
	MemoryErrorType         = excClass("MemoryError", ExceptionType)
	NameErrorType           = excClass("NameError", ExceptionType)
	UnboundLocalErrorType   = excClass("UnboundLocalError", NameErrorType)
	OSErrorType             = excClass("OSError", ExceptionType)
	BlockingIOErrorType     = excClass("BlockingIOError", OSErrorType)
	ChildProcessErrorType   = excClass("ChildProcessError", OSErrorType)
	ConnectionErrorType     = excClass("ConnectionError", OSErrorType)
	BrokenPipeErrorType     = excClass("BrokenPipeError", ConnectionErrorType)
	ConnectionAbortedType   = excClass("ConnectionAbortedError", ConnectionErrorType)
	ConnectionRefusedType   = excClass("ConnectionRefusedError", ConnectionErrorType)
	ConnectionResetType     = excClass("ConnectionResetError", ConnectionErrorType)
	FileExistsErrorType     = excClass("FileExistsError", OSErrorType)
	FileNotFoundErrorType   = excClass("FileNotFoundError", OSErrorType)
	InterruptedErrorType    = excClass("InterruptedError", OSErrorType)
	IsADirectoryErrorType   = excClass("IsADirectoryError", OSErrorType)
	NotADirectoryErrorType  = excClass("NotADirectoryError", OSErrorType)
	PermissionErrorType     = excClass("PermissionError", OSErrorType)
	ProcessLookupErrorType  = excClass("ProcessLookupError", OSErrorType)
	TimeoutErrorType        = excClass("TimeoutError", OSErrorType)
	ReferenceErrorType      = excClass("ReferenceError", ExceptionType)
	RuntimeErrorType        = excClass("RuntimeError", ExceptionType)
	NotImplementedErrorType = excClass("NotImplementedError", RuntimeErrorType)
	RecursionErrorType      = excClass("RecursionError", RuntimeErrorType)
	SyntaxErrorType         = excClass("SyntaxError", ExceptionType)
	IndentationErrorType    = excClass("IndentationError", SyntaxErrorType)
	TabErrorType            = excClass("TabError", IndentationErrorType)
	SystemErrorType         = excClass("SystemError", ExceptionType)
	TypeErrorType           = excClass("TypeError", ExceptionType)
	ValueErrorType          = excClass("ValueError", ExceptionType)
	UnicodeErrorType        = excClass("UnicodeError", ValueErrorType)
	UnicodeDecodeErrorType  = excClass("UnicodeDecodeError", UnicodeErrorType)
	UnicodeEncodeErrorType  = excClass("UnicodeEncodeError", UnicodeErrorType)
	WarningType             = excClass("Warning", ExceptionType)
	UserWarningType         = excClass("UserWarning", WarningType)
	DeprecationWarningType  = excClass("DeprecationWarning", WarningType)
	RuntimeWarningType      = excClass("RuntimeWarning", WarningType)
	BaseExceptionGroupType  = excClass("BaseExceptionGroup", BaseExceptionType)
	ExceptionGroupType      = &Class{} // set up in init: it derives from two classes
)

func excClass(name string, base *Class) *Class {
	c := NewBuiltinClass(name, base, nil)
	c.Base = BaseExceptionType
	return c
}

func init() {
	BaseExceptionType.Base = BaseExceptionType
	eg, err := NewClass("ExceptionGroup", "ExceptionGroup", "builtins",
		[]*Class{BaseExceptionGroupType, ExceptionType}, NewDict())
	if err != nil {
		panic(err)
	}
	eg.user = false
	*ExceptionGroupType = *eg
	ExceptionGroupType.MRO[0] = ExceptionGroupType
}

// ExceptionClasses lists every built-in exception class, for the builtins module.
func ExceptionClasses() []*Class {
	return []*Class{
		BaseExceptionType, SystemExitType, KeyboardInterruptType, GeneratorExitType, ExceptionType,
		StopIterationType, StopAsyncIterationType, ArithmeticErrorType, FloatingPointErrorType,
		OverflowErrorType, ZeroDivisionErrorType, AssertionErrorType, AttributeErrorType,
		BufferErrorType, EOFErrorType, ImportErrorType, ModuleNotFoundErrorType, LookupErrorType,
		IndexErrorType, KeyErrorType, MemoryErrorType, NameErrorType, UnboundLocalErrorType,
		OSErrorType, BlockingIOErrorType, ChildProcessErrorType, ConnectionErrorType,
		BrokenPipeErrorType, ConnectionAbortedType, ConnectionRefusedType, ConnectionResetType,
		FileExistsErrorType, FileNotFoundErrorType, InterruptedErrorType, IsADirectoryErrorType,
		NotADirectoryErrorType, PermissionErrorType, ProcessLookupErrorType, TimeoutErrorType,
		ReferenceErrorType, RuntimeErrorType, NotImplementedErrorType, RecursionErrorType,
		SyntaxErrorType, IndentationErrorType, TabErrorType, SystemErrorType, TypeErrorType,
		ValueErrorType, UnicodeErrorType, UnicodeDecodeErrorType, UnicodeEncodeErrorType,
		WarningType, UserWarningType, DeprecationWarningType, RuntimeWarningType,
		BaseExceptionGroupType, ExceptionGroupType,
	}
}
