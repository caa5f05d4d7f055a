// The `http` fuzz target: HTTPResponseParser over any bytes, fed whole and in pieces, then the
// MTA-STS policy parser over the body. Invariants: the parser is total (a response or an
// HTTPResponseError, never a trap), the body never exceeds its bound (RFC 8461 3.3: 64 KiB),
// and where the input is split never changes the result.

/// Small bounds so the fuzzer reaches them.
private let headerLimit = 512
private let bodyLimit = 1024

func fuzzHTTPResponse(_ input: [UInt8]) {
  let whole = parse([input])
  // The first byte chooses where to cut the rest into pieces.
  let step = input.isEmpty ? 1 : Int(input[0]) % 17 + 1
  var pieces: [[UInt8]] = []
  var index = 0
  while index < input.count {
    pieces.append(Array(input[index..<min(index + step, input.count)]))
    index += step
  }
  let split = parse(pieces)
  fuzzCheck(whole == split, "split into \(step)-byte pieces: \(whole) vs \(split)")
  if case .success(let response) = whole {
    fuzzCheck(response.body.count <= bodyLimit, "a body of \(response.body.count) bytes")
    fuzzCheck((100...999).contains(response.status), "status \(response.status)")
    _ = response.mediaType
    _ = try? MTASTSPolicy(parsing: String(decoding: response.body, as: UTF8.self))
  }
}

/// Feeds `pieces` until a response is complete, else finishes as if the peer closed.
private func parse(_ pieces: [[UInt8]]) -> Result<HTTPResponse, HTTPResponseError> {
  var parser = HTTPResponseParser(headerLimit: headerLimit, bodyLimit: bodyLimit)
  do throws(HTTPResponseError) {
    for piece in pieces {
      if let response = try parser.feed(piece) { return .success(response) }
    }
    return .success(try parser.finish())
  } catch {
    _ = error.description
    return .failure(error)
  }
}
