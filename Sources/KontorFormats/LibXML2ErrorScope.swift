import CLibXML2

/// Runs `body` with `handler` and `context` as the calling thread's libxml2 structured error
/// handler, then restores the previous one.
///
/// libxml2 sends an error there when the parser context at hand has no handler of its own:
/// the parser behind a reader once a schema is attached, the parser that reads an XSD. Without
/// it, such errors would be printed to standard error or dropped.
func withLibXML2ErrorHandler<Result>(
    _ handler: xmlStructuredErrorFunc, context: UnsafeMutableRawPointer, _ body: () -> Result
) -> Result {
    let savedHandler = __xmlStructuredError()?.pointee
    let savedContext = __xmlStructuredErrorContext()?.pointee
    xmlSetStructuredErrorFunc(context, handler)
    defer { xmlSetStructuredErrorFunc(savedContext ?? nil, savedHandler ?? nil) }
    return body()
}
