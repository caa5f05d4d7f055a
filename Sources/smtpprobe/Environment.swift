#if canImport(Glibc)
  import Glibc
#endif

/// The process environment, read one variable at a time when a command needs it.
///
/// Reading a variable calls `getenv` instead of copying all of `environ` at start-up; tests
/// give a dictionary literal.
struct Environment: ExpressibleByDictionaryLiteral, Sendable {
  private let lookup: @Sendable (String) -> String?

  init(lookup: @escaping @Sendable (String) -> String?) {
    self.lookup = lookup
  }

  init(dictionaryLiteral elements: (String, String)...) {
    let values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    lookup = { values[$0] }
  }

  /// The value of `name`, or nil when it is unset.
  subscript(name: String) -> String? { lookup(name) }

  /// This process's environment.
  ///
  /// The corresponding C function is `getenv`.
  static let process = Environment { name in
    getenv(name).map { String(cString: $0) }
  }
}
