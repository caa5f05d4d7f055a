/// Evaluates check_host(ip, domain, sender) as RFC 7208 4 and 5 define it, over a `Resolver`.
///
/// Mechanisms are tried left to right; the first match gives its qualifier's result; with no
/// match `redirect=` decides, else the result is neutral (4.7). include, a, mx, ptr, exists and
/// redirect count against 10 lookups; more than 2 lookups that find nothing are a permerror
/// (4.6.4). A DNS failure other than NXDOMAIN/NODATA is a temperror (5), except in `ptr`, where
/// it only fails to match (5.5).
public struct SPFEvaluator: Sendable {
  /// The DNS-querying terms one evaluation may use (RFC 7208 4.6.4).
  public static let lookupLimit = 10
  /// The lookups that may answer nothing (RFC 7208 4.6.4).
  public static let voidLookupLimit = 2
  /// MX records the `mx` mechanism may use, and PTR names `ptr` looks at (4.6.4).
  public static let recordLimit = 10

  public var resolver: any Resolver

  public init(resolver: any Resolver) { self.resolver = resolver }

  /// check_host() for `ip` at `domain`; `sender` is MAIL FROM (`postmaster@domain` when the
  /// sender is empty, RFC 7208 4.3) and `helo` the EHLO name.
  public func evaluate(ip: IPAddress, domain: String, sender: String, helo: String)
    -> SPFEvaluation
  {
    var budget = Budget()
    let context = SPFMacroContext(ip: ip, sender: sender, domain: domain, helo: helo)
    let outcome = checkHost(domain, context: context, budget: &budget)
    return SPFEvaluation(
      ip: ip, sender: sender, result: outcome.result, term: outcome.term,
      termDomain: outcome.termDomain, chain: outcome.chain, problem: outcome.problem,
      lookups: budget.lookups, voidLookups: budget.voids, usedPTR: budget.usedPTR)
  }

  /// The lookups spent so far in one evaluation.
  struct Budget {
    var lookups = 0
    var voids = 0
    var usedPTR = false
  }

  /// The result of one check_host() level.
  struct Outcome {
    var result: SPFResult
    var term: String?
    var termDomain: String?
    var chain: [String] = []
    var problem: SPFProblem?
  }

  /// What one mechanism did.
  enum Match {
    /// Matched; for include, the outcome of the included record that passed.
    case matched(inner: Outcome?)
    case notMatched
    case error(SPFResult, SPFProblem, inner: Outcome?)
  }

  func checkHost(_ domain: String, context: SPFMacroContext, budget: inout Budget) -> Outcome {
    guard Self.isValidDomain(domain) else {
      return Outcome(result: .none, problem: .invalidDomain(domain))
    }
    let record: SPFRecord
    switch SPFRecord.lookUp(domain, resolver: resolver) {
    case .none: return Outcome(result: .none, problem: .noRecord(domain: domain))
    case .failed(let error):
      return Outcome(result: .temperror, problem: .dns(domain: domain, error))
    case .several(let texts):
      return Outcome(
        result: .permerror, problem: .severalRecords(domain: domain, count: texts.count))
    case .found(let text):
      do throws(SPFSyntaxError) {
        record = try SPFRecord.parse(text)
      } catch {
        return Outcome(
          result: .permerror, term: error.term, termDomain: domain,
          problem: .syntax(domain: domain, error))
      }
    }
    var context = context
    context.domain = domain
    for term in record.directives {
      guard case .directive(let qualifier, let mechanism) = term.kind else { continue }
      if mechanism.queriesDNS {
        budget.lookups += 1
        if budget.lookups > Self.lookupLimit {
          return Outcome(
            result: .permerror, term: term.text, termDomain: domain,
            problem: .tooManyLookups(domain: domain, term: term.text))
        }
      }
      let voidsBefore = budget.voids
      let match = self.match(mechanism, context: context, budget: &budget)
      if budget.voids > Self.voidLookupLimit, budget.voids > voidsBefore {
        return Outcome(
          result: .permerror, term: term.text, termDomain: domain,
          problem: .tooManyVoidLookups(domain: domain, term: term.text))
      }
      switch match {
      case .notMatched: continue
      case .matched(let inner):
        guard var inner else {
          return Outcome(result: qualifier.result, term: term.text, termDomain: domain)
        }
        inner.chain.insert(term.text, at: 0)
        inner.result = qualifier.result
        return inner
      case .error(let result, let problem, let inner):
        guard var inner else {
          return Outcome(result: result, term: term.text, termDomain: domain, problem: problem)
        }
        inner.chain.insert(term.text, at: 0)
        inner.result = result
        inner.problem = inner.problem ?? problem
        return inner
      }
    }
    guard record.all == nil, let redirect = record.redirect,
      case .modifier(.redirect(let spec)) = redirect.kind
    else { return Outcome(result: .neutral) }
    budget.lookups += 1
    if budget.lookups > Self.lookupLimit {
      return Outcome(
        result: .permerror, term: redirect.text, termDomain: domain,
        problem: .tooManyLookups(domain: domain, term: redirect.text))
    }
    let target = spec.expand(context)
    var inner = checkHost(target, context: context, budget: &budget)
    if inner.result == .none {
      // RFC 6.1: a redirect to a domain without a record is a permerror.
      return Outcome(
        result: .permerror, term: redirect.text, termDomain: domain,
        problem: inner.problem ?? .noRecord(domain: target))
    }
    inner.chain.insert(redirect.text, at: 0)
    return inner
  }

  /// Whether `name` may be evaluated: at least two labels, none empty but the last, none over
  /// 63 octets, 253 octets in all (RFC 7208 4.3: otherwise the result is none).
  static func isValidDomain(_ name: String) -> Bool {
    var labels = name.split(separator: ".", omittingEmptySubsequences: false)
    if labels.last == "" { labels.removeLast() }
    return labels.count >= 2 && name.utf8.count <= 254
      && labels.allSatisfy { !$0.isEmpty && $0.utf8.count <= 63 }
  }
}
