/// An SPF record and every record reachable through include and redirect, read without a
/// client address: what any evaluation could reach (RFC 7208 4.6.4).
///
/// `lookups` counts every DNS-querying term in the tree, as an evaluation that matches nothing
/// before the end would spend them; over 10 such an evaluation is a permerror. A redirect is
/// counted only when the record has no `all` (6.1: it is then ignored). Terms whose target holds
/// a macro depend on the message; they are counted and not followed.
public struct SPFAnalysis: Hashable, Sendable {
  /// A record reached through include or redirect.
  public struct Reached: Hashable, Sendable {
    /// The domain asked.
    public var domain: String
    /// The include or redirect term that named it, and the domain whose record has that term.
    public var term: String
    public var from: String
    /// Its record text, if exactly one was found.
    public var text: String?
  }

  /// The domain whose record this is.
  public var domain: String
  /// What the DNS gave for the domain itself.
  public var lookup: TXTRecordLookup
  /// The record, parsed; nil when none was found or it does not parse.
  public var record: SPFRecord?
  /// The top record's syntax error.
  public var syntaxError: SPFSyntaxError?
  /// The records reached, in the order they were asked for.
  public var reached: [Reached]
  /// DNS-querying terms in the whole tree.
  public var lookups: Int
  /// What is wrong below the top record (a missing or invalid included record).
  public var problems: [SPFProblem]
  /// Terms not followed because their target depends on the message (macros).
  public var unexpanded: [String]

  /// Reads the record of `domain` and the tree under it.
  public static func analyse(_ domain: String, resolver: any Resolver) -> SPFAnalysis {
    let lookup = SPFRecord.lookUp(domain, resolver: resolver)
    var analysis = SPFAnalysis(
      domain: domain, lookup: lookup, record: nil, syntaxError: nil, reached: [], lookups: 0,
      problems: [], unexpanded: [])
    guard case .found(let text) = lookup else { return analysis }
    do throws(SPFSyntaxError) {
      let record = try SPFRecord.parse(text)
      analysis.record = record
      var visited: Set<String> = [PostureText.normalized(domain)]
      analysis.walk(record, domain: domain, resolver: resolver, visited: &visited)
    } catch {
      analysis.syntaxError = error
    }
    return analysis
  }

  /// Counts `record`'s terms and follows its includes and redirect.
  private mutating func walk(
    _ record: SPFRecord, domain: String, resolver: any Resolver, visited: inout Set<String>
  ) {
    for term in record.terms where term.queriesDNS {
      let spec: SPFMacroString
      switch term.kind {
      case .directive(_, .include(let target)): spec = target
      case .modifier(.redirect(let target)):
        guard record.all == nil else { continue }
        spec = target
      default:
        lookups += 1
        continue
      }
      lookups += 1
      guard !spec.hasMacros else {
        unexpanded.append(term.text)
        continue
      }
      let target = spec.description
      // A name already on the path is counted, not asked again (a loop would never end).
      guard visited.insert(PostureText.normalized(target)).inserted,
        lookups <= 4 * SPFEvaluator.lookupLimit
      else { continue }
      let lookup = SPFRecord.lookUp(target, resolver: resolver)
      var reached = Reached(domain: target, term: term.text, from: domain, text: nil)
      switch lookup {
      case .none: problems.append(.noRecord(domain: target))
      case .failed(let error): problems.append(.dns(domain: target, error))
      case .several(let texts):
        problems.append(.severalRecords(domain: target, count: texts.count))
      case .found(let text):
        reached.text = text
        self.reached.append(reached)
        do throws(SPFSyntaxError) {
          walk(try SPFRecord.parse(text), domain: target, resolver: resolver, visited: &visited)
        } catch {
          problems.append(.syntax(domain: target, error))
        }
        continue
      }
      self.reached.append(reached)
    }
  }
}
