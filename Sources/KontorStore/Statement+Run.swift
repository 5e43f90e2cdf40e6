import GRDB
import GRDBSQLite

/// A value bound straight to an SQLite statement, as GRDB binds it, without building
/// `StatementArguments`: the hot path of a batch runs a dozen statements per order line.
public protocol SQLArgument: DatabaseValueConvertible {
    /// Binds the value to the parameter at `index` (1-based); returns SQLite's result code.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

/// SQLite copies the bytes of a text bound with this destructor.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

extension Int: SQLArgument {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Int64: SQLArgument {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Bool: SQLArgument {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
    }
}

extension String: SQLArgument {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        withCString { sqlite3_bind_text(statement, index, $0, -1, transient) }
    }
}

extension Optional: SQLArgument where Wrapped: SQLArgument {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .none: sqlite3_bind_null(statement, index)
        case .some(let value): value.bind(to: statement, at: index)
        }
    }
}

/// The current row of a statement, read by column index (0-based, in the order of the
/// statement's result columns).
public struct SQLRow {
    let statement: OpaquePointer

    /// Whether the column holds NULL.
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// An integer column.
    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }

    /// An integer column that may be NULL.
    public func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

    /// A text column.
    public func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        return String(cString: bytes)
    }

    /// A text column that may be NULL.
    public func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
}

extension Statement {
    /// Runs the statement with `arguments` bound in order, every step to its end.
    ///
    /// The values are bound and stepped through SQLite directly; SQLite's own trace (which
    /// `Database.trace` installs) sees the statement as it sees any other. When SQLite
    /// reports an error, the statement is run again through GRDB's `execute(arguments:)`,
    /// so that the error thrown, and GRDB's bookkeeping of a failed statement, are GRDB's.
    public func run<each A: SQLArgument>(_ arguments: repeat each A) throws {
        let handle = sqliteStatement
        let code = start(handle, repeat each arguments)
        if code == SQLITE_OK {
            while true {
                let step = sqlite3_step(handle)
                if step == SQLITE_DONE { sqlite3_reset(handle); return }
                if step != SQLITE_ROW { break }
            }
        }
        try failed(repeat each arguments)
    }

    /// Runs the statement with `arguments` bound in order and reads its first row, if any,
    /// with `read`; see `run` for errors.
    public func first<T, each A: SQLArgument>(_ arguments: repeat each A, read: (SQLRow) throws -> T) throws -> T? {
        let handle = sqliteStatement
        if start(handle, repeat each arguments) == SQLITE_OK {
            switch sqlite3_step(handle) {
            case SQLITE_ROW:
                defer { sqlite3_reset(handle) }
                return try read(SQLRow(statement: handle))
            case SQLITE_DONE:
                sqlite3_reset(handle)
                return nil
            default:
                break
            }
        }
        try failed(repeat each arguments)
        return nil
    }

    /// Runs the statement with `arguments` bound in order and hands each row to `body`, one
    /// at a time; see `run` for errors.
    public func forEach<each A: SQLArgument>(_ arguments: repeat each A, row body: (SQLRow) throws -> Void) throws {
        let handle = sqliteStatement
        if start(handle, repeat each arguments) == SQLITE_OK {
            while true {
                let step = sqlite3_step(handle)
                if step == SQLITE_DONE { sqlite3_reset(handle); return }
                if step != SQLITE_ROW { break }
                do {
                    try body(SQLRow(statement: handle))
                } catch {
                    sqlite3_reset(handle)
                    throw error
                }
            }
        }
        try failed(repeat each arguments)
    }

    /// Runs the statement and returns the integer in the first column of its first row, or
    /// nil when there is no row or the value is NULL.
    public func int<each A: SQLArgument>(_ arguments: repeat each A) throws -> Int? {
        try first(repeat each arguments) { $0.optionalInt(0) } ?? nil
    }

    private func start<each A: SQLArgument>(_ handle: OpaquePointer, _ arguments: repeat each A) -> Int32 {
        var code = sqlite3_reset(handle)
        var index: Int32 = 0
        for argument in repeat each arguments {
            index += 1
            if code == SQLITE_OK { code = argument.bind(to: handle, at: index) }
        }
        if code == SQLITE_OK && index != sqlite3_bind_parameter_count(handle) { code = SQLITE_MISUSE }
        return code
    }

    private func failed<each A: SQLArgument>(_ arguments: repeat each A) throws {
        sqlite3_reset(sqliteStatement)
        var values: [(any DatabaseValueConvertible)?] = []
        for argument in repeat each arguments { values.append(argument) }
        try execute(arguments: StatementArguments(values))
        throw DatabaseError(resultCode: .SQLITE_ERROR, message: "statement failed once and then succeeded", sql: sql)
    }
}
