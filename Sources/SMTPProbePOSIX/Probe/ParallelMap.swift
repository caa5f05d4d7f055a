import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Maps a list on up to `width` threads at once, keeping the results in the list's order.
///
/// Sessions block in `poll` on their sockets, so each needs a thread of its own; Swift's
/// cooperative pool has one per core and must not block. The calling thread works too and
/// `width - 1` POSIX threads are started (`pthread_create`), each taking the next index from
/// one atomic counter until none is left, then joined (`pthread_join`). When a thread cannot
/// be started the others, the caller included, do its share.
public enum ParallelMap {
  /// `transform` applied to every element, `width` at a time at most, in `elements`' order.
  public static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], width: Int, _ transform: @escaping @Sendable (Element) -> Result
  ) -> [Result] {
    guard elements.count > 1, width > 1 else { return elements.map(transform) }
    let work = Work(elements: elements, transform: transform)
    var threads: [pthread_t] = []
    for _ in 1..<min(width, elements.count) {
      let job = Unmanaged.passRetained(Job { work.drain() }).toOpaque()
      var thread = pthread_t()
      let status = pthread_create(
        &thread, nil,
        { raw in
          guard let raw else { return nil }
          Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().run()
          return nil
        }, job)
      guard status == 0 else {
        Unmanaged<Job>.fromOpaque(job).release()
        break
      }
      threads.append(thread)
    }
    work.drain()
    for thread in threads { pthread_join(thread, nil) }
    return work.results()
  }

  /// A closure a thread runs, passed through `pthread_create`'s context pointer.
  private final class Job: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }

  /// The shared state of one map: the next index to take and the results so far.
  private final class Work<Element: Sendable, Result: Sendable>: Sendable {
    let elements: [Element]
    let transform: @Sendable (Element) -> Result
    let next = Atomic<Int>(0)
    let slots: Mutex<[Result?]>

    init(elements: [Element], transform: @escaping @Sendable (Element) -> Result) {
      self.elements = elements
      self.transform = transform
      self.slots = Mutex([Result?](repeating: nil, count: elements.count))
    }

    /// Takes indices until none is left, storing each result in its slot.
    func drain() {
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < elements.count else { return }
        let result = transform(elements[index])
        slots.withLock { $0[index] = result }
      }
    }

    /// Every result, in order; called once every thread has been joined.
    func results() -> [Result] {
      slots.withLock { $0.compactMap { $0 } }
    }
  }
}
