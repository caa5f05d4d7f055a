/// Writes a number in plain decimal notation, never with an exponent.
///
/// Performance data (`[-0-9.]`, Monitoring Plugins guidelines) and threshold ranges must not
/// carry `1e-05`, which `String(Double)` produces for small values; Prometheus reads either form
/// but the same text everywhere keeps the outputs comparable.
public enum DecimalText {
  /// `value` with at most `places` decimals, trailing zeros removed (`0.0125`, `20`, `-3.5`).
  public static func text(_ value: Double, places: Int = 6) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf") }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9.0e15 else { return String(Int64(value.rounded())) }
    let units = Int64(scaled)
    let factor = Int64(scale)
    let whole = units / factor
    let sign = value < 0 && units != 0 ? "-" : ""
    guard places > 0 else { return "\(sign)\(whole)" }
    var fraction = String(units % factor)
    fraction = String(repeating: "0", count: places - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }
}
