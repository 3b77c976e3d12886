package runtime

// The exceptions of asyncio, module-qualified as CPython's are, so that an uncaught one ends
// the traceback as "asyncio.exceptions.InvalidStateError: Result is not set.". asyncio's
// TimeoutError is the builtin one since Python 3.11.
var (
	CancelledErrorType            = asyncioError("CancelledError", "asyncio.exceptions", BaseExceptionType)
	InvalidStateErrorType         = asyncioError("InvalidStateError", "asyncio.exceptions", ExceptionType)
	SendfileNotAvailableErrorType = asyncioError("SendfileNotAvailableError", "asyncio.exceptions", RuntimeErrorType)
	IncompleteReadErrorType       = asyncioError("IncompleteReadError", "asyncio.exceptions", EOFErrorType)
	LimitOverrunErrorType         = asyncioError("LimitOverrunError", "asyncio.exceptions", ExceptionType)
	BrokenBarrierErrorType        = asyncioError("BrokenBarrierError", "asyncio.exceptions", RuntimeErrorType)
	QueueEmptyType                = asyncioError("QueueEmpty", "asyncio.queues", ExceptionType)
	QueueFullType                 = asyncioError("QueueFull", "asyncio.queues", ExceptionType)
)

func asyncioError(name, module string, base *Class) *Class {
	c := excClass(name, base)
	c.Module = module
	return c
}
