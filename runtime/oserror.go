package runtime

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"
)

// OSError's conventions, as CPython's Objects/exceptions.c has them: called with two to
// five arguments they are errno, strerror, filename, winerror and filename2; a filename
// becomes an attribute and leaves args; str() reads "[Errno 2] No such file or directory:
// 'name'"; and OSError(errno, …) makes the subclass for the errno (FileNotFoundError for
// ENOENT, …).

// errnoClasses maps errno values to the OSError subclasses CPython makes for them.
var errnoClasses = map[syscall.Errno]*Class{
	syscall.EAGAIN: BlockingIOErrorType, syscall.EALREADY: BlockingIOErrorType,
	syscall.EINPROGRESS: BlockingIOErrorType, // EWOULDBLOCK is EAGAIN
	syscall.ECHILD:      ChildProcessErrorType, syscall.EPIPE: BrokenPipeErrorType, syscall.ESHUTDOWN: BrokenPipeErrorType,
	syscall.ECONNABORTED: ConnectionAbortedType, syscall.ECONNREFUSED: ConnectionRefusedType,
	syscall.ECONNRESET: ConnectionResetType, syscall.EEXIST: FileExistsErrorType, syscall.ENOENT: FileNotFoundErrorType,
	syscall.EISDIR: IsADirectoryErrorType, syscall.ENOTDIR: NotADirectoryErrorType, syscall.EINTR: InterruptedErrorType,
	syscall.EACCES: PermissionErrorType, syscall.EPERM: PermissionErrorType, syscall.ESRCH: ProcessLookupErrorType,
	syscall.ETIMEDOUT: TimeoutErrorType,
}

func init() {
	OSErrorType.New = func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
		if cls == OSErrorType && len(kw) == 0 && len(args) >= 2 && len(args) <= 5 {
			if n, ok := AsInt64(args[0]); ok && errnoClasses[syscall.Errno(n)] != nil {
				cls = errnoClasses[syscall.Errno(n)]
			}
		}
		v, err := BaseExceptionType.New(th, cls, args, kw)
		if err == nil {
			setOSErrorArgs(v.o.(*Exception), args)
		}
		return v, err
	}
	// A subclass's __init__ that calls super().__init__(errno, strerror, filename) sets
	// them anew.
	OSErrorType.AddMethod("__init__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if e, ok := self.o.(*Exception); ok {
			setOSErrorArgs(e, args)
		}
		return None, nil
	})
}

// setOSErrorArgs stores the arguments of OSError(…) in e.
func setOSErrorArgs(e *Exception, args []Value) {
	e.Args = append([]Value(nil), args...)
	if len(args) < 3 || len(args) > 5 || args[2].IsNone() {
		return
	}
	if e.class.IsSubclass(BlockingIOErrorType) && isNumber(args[2]) {
		e.setAttr("characters_written", args[2])
		return
	}
	e.setAttr("filename", args[2])
	if len(args) == 5 && !args[4].IsNone() {
		e.setAttr("filename2", args[4])
	}
	e.Args = e.Args[:2]
}

func (e *Exception) setAttr(name string, v Value) {
	if e.Dict == nil {
		e.Dict = NewDict()
	}
	e.Dict.SetStr(name, v)
}

// osErrorAttr reads errno, strerror, filename or filename2 of an OSError: set is false
// (and v None) when the arguments did not give it and no code assigned it.
func osErrorAttr(e *Exception, name string) (v Value, set bool) {
	if e.Dict != nil {
		if v, ok := e.Dict.GetStr(name); ok {
			return v, true
		}
	}
	if len(e.Args) >= 2 && len(e.Args) <= 5 {
		switch name {
		case "errno":
			return e.Args[0], true
		case "strerror":
			return e.Args[1], true
		}
	}
	return None, false
}

// osErrorMessage is str() of an OSError that has an errno and strerror; ok is false for
// one that has not, which reads as other exceptions do.
func osErrorMessage(th *Thread, e *Exception) (string, bool) {
	errno, ok1 := osErrorAttr(e, "errno")
	strerror, ok2 := osErrorAttr(e, "strerror")
	filename, hasFile := osErrorAttr(e, "filename")
	if !hasFile && !(ok1 && ok2) {
		return "", false
	}
	s := "[Errno " + StrOrPlaceholder(th, errno) + "] " + StrOrPlaceholder(th, strerror)
	if hasFile {
		s += ": " + ReprOrPlaceholder(th, filename)
		if filename2, ok := osErrorAttr(e, "filename2"); ok {
			s += " -> " + ReprOrPlaceholder(th, filename2)
		}
	}
	return s, true
}

// NewOSError makes the OSError CPython raises for errno: the subclass it maps to, its
// strerror, and the file names the failing call was given (one, or two for calls such as
// rename).
func NewOSError(errno syscall.Errno, filenames ...string) *Exception {
	cls := errnoClasses[errno]
	if cls == nil {
		cls = OSErrorType
	}
	msg := errno.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:] // Go's texts are C's strerror, uncapitalised
	}
	args := []Value{Int(int64(errno)), NewStr(msg)}
	for i, f := range filenames {
		if i == 1 {
			args = append(args, None) // winerror
		}
		args = append(args, NewStr(f))
	}
	e := &Exception{class: cls}
	setOSErrorArgs(e, args)
	return e
}

// OSErrorFrom converts an error from Go's os or syscall packages into the OSError
// CPython would raise, naming the file names given (see NewOSError); an error without
// an errno becomes a plain OSError with its text.
func OSErrorFrom(err error, filenames ...string) *Exception {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			errno = syscall.ENOENT
		case errors.Is(err, fs.ErrExist):
			errno = syscall.EEXIST
		case errors.Is(err, fs.ErrPermission):
			errno = syscall.EACCES
		default:
			return Errorf(OSErrorType, "%v", err)
		}
	}
	return NewOSError(errno, filenames...)
}
